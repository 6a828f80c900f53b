#include "ui/widgets/starreferrerspanel.h"

#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/format.h"
#include "ui/widgets/rowsmodel.h"
#include "ui/widgets/whatchangedpanel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace activity {

StarReferrersPanel::StarReferrersPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("starReferrers"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* title = new QLabel(tr("Stars gained, and the referrers that rose at the same time"), this);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_model = new RowsModel({ tr("Day (UTC)"), tr("Stars gained"), tr("Referrers that rose the same day") }, this);
    m_table = new QTableView(this);
    nameTable(m_table, title->text());
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("The %1 days of the range with the most stars gained. Beside each, the referrers whose "
                           "visits rose that day beyond chance to at least twice a usual day: in the site's own logs "
                           "against the day before, and in GitHub's traffic (its 14-day counts). They happened at the "
                           "same time; these figures do not say why.")
                            .arg(StarReferrers::kDays));
    m_empty = emptyTextLabel(this, QStringLiteral("starReferrersEmpty"));
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
}

QString StarReferrersPanel::referrerText(const Mover& mover)
{
    const QString where
        = mover.dimension == QLatin1String(StarReferrers::kGitHubReferrer) ? tr("GitHub traffic") : tr("site log");
    return tr("%1 %2 (%3)").arg(WhatChangedPanel::plainKey(mover), Format::signedCount(double(mover.change())), where);
}

void StarReferrersPanel::setDays(const QList<StarDay>& days)
{
    m_days = days;
    QList<QList<QVariant>> rows;
    for (const StarDay& d : days) {
        QStringList referrers;
        for (const Mover& m : d.referrers.mid(0, kReferrersPerDay))
            referrers.append(referrerText(m));
        if (d.referrers.size() > kReferrersPerDay)
            referrers.append(tr("%n more", nullptr, int(d.referrers.size() - kReferrersPerDay)));
        const QDate day = QDateTime::fromSecsSinceEpoch(d.day, Qt::UTC).date();
        rows.append({ QLocale().toString(day, QStringLiteral("ddd d MMM yyyy")),
            QString(QStringLiteral("▲ ") + Format::signedCount(double(d.stars))),
            referrers.isEmpty() ? tr("none rose beyond chance") : referrers.join(QStringLiteral(", ")) });
    }
    m_model->setRows(rows);
    m_table->setVisible(!days.isEmpty());
    m_empty->setVisible(days.isEmpty());
    m_empty->setText(tr("No stars gained in this range: no day to set the referrers beside."));
    m_table->setAccessibleDescription(days.isEmpty() ? m_empty->text() : QString());
}

QString StarReferrersPanel::emptyText() const
{
    return m_days.isEmpty() ? m_empty->text() : QString();
}

} // namespace activity
