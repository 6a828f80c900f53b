#include "ui/widgets/whatchangedpanel.h"

#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/format.h"
#include "ui/widgets/rowsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace activity {

WhatChangedPanel::WhatChangedPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("whatChanged"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_model = new RowsModel({ tr("What"), tr("Key"), tr("Before"), tr("Now"), tr("Change"), tr("%") }, this);
    m_table = new QTableView(this);
    nameTable(m_table, tr("What changed against the period before"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setToolTip(tr("Requests in the range against the span just before it, as long. Listed when at least %1 "
                           "requests and a change a steady rate gives less than one time in twenty; no percentage "
                           "from fewer than %2 before. Click a row to narrow the traffic figures to it.")
                            .arg(Movers::kMinimumVolume)
                            .arg(Movers::kMinimumBase));
    m_empty = emptyTextLabel(this, QStringLiteral("whatChangedEmpty"));
    m_everyone = new QLabel(tr("Everyone's requests: the Humans / Bots switch does not narrow what changed."), this);
    m_everyone->setObjectName(QStringLiteral("whatChangedEveryone"));
    m_everyone->setTextFormat(Qt::PlainText);
    m_everyone->hide();
    layout->addWidget(m_everyone);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty, 1);
    const auto narrow = [this](const QModelIndex& index) {
        if (index.row() >= 0 && index.row() < m_shown.size())
            emit narrowRequested(m_shown[index.row()].dimension, m_shown[index.row()].key);
    };
    connect(m_table, &QTableView::clicked, this, narrow);
    connect(m_table, &QTableView::activated, this, narrow);
}

void WhatChangedPanel::setEveryonesRequests(bool noted)
{
    m_everyone->setVisible(noted);
}

QString WhatChangedPanel::dimensionName(const QString& dimension)
{
    if (dimension == QLatin1String("referrer"))
        return tr("Referrer");
    if (dimension == QLatin1String("path"))
        return tr("Path");
    if (dimension == QLatin1String("country"))
        return tr("Country");
    if (dimension == QLatin1String("agent"))
        return tr("Agent");
    return dimension;
}

bool WhatChangedPanel::narrow(ViewState& state, const QString& dimension, const QString& key)
{
    if (dimension == QLatin1String("referrer"))
        state.setReferrer(key.toUtf8());
    else if (dimension == QLatin1String("path"))
        state.setPath(key.toUtf8());
    else if (dimension == QLatin1String("country"))
        state.setCountry(key);
    else if (dimension == QLatin1String("agent"))
        state.setUserAgent(key.toUtf8());
    else
        return false;
    return true;
}

QString WhatChangedPanel::plainKey(const Mover& mover)
{
    // A log's text: a line break or tab in it would break the row; shown, never interpreted.
    QString key = mover.dimension == QLatin1String("country") ? Format::country(mover.key) : mover.key;
    for (QChar& c : key)
        if (c.category() == QChar::Other_Control)
            c = QChar(0xFFFD);
    return key;
}

void WhatChangedPanel::setMovers(const QList<Mover>& movers, qint64 requests)
{
    // The most significant of every dimension together (each list is sorted already).
    m_shown = movers;
    std::stable_sort(m_shown.begin(), m_shown.end(),
        [](const Mover& a, const Mover& b) { return std::abs(a.score()) > std::abs(b.score()); });
    if (m_shown.size() > kRowsShown)
        m_shown.resize(kRowsShown);
    QList<QList<QVariant>> rows;
    for (const Mover& m : std::as_const(m_shown)) {
        const std::optional<double> percent = m.changePercent();
        const QString arrow = m.change() > 0 ? QStringLiteral("▲ ") : QStringLiteral("▼ ");
        QString relative;
        if (percent)
            relative = Format::percentChange(double(m.before), double(m.now));
        else
            relative = m.before == 0 ? tr("new") : tr("from %1").arg(Format::count(double(m.before)));
        rows.append({ dimensionName(m.dimension), plainKey(m), m.before, m.now,
            QString(arrow + Format::signedCount(double(m.change()))), relative });
    }
    m_model->setRows(rows);
    m_table->setVisible(!m_shown.isEmpty());
    m_empty->setVisible(m_shown.isEmpty());
    m_empty->setText(requests == 0 ? tr("No requests in this range or the period before: nothing to compare.")
                                   : tr("Nothing rose or fell beyond chance against the period before."));
    m_table->setAccessibleDescription(m_shown.isEmpty() ? m_empty->text() : QString());
}

QString WhatChangedPanel::emptyText() const
{
    return m_shown.isEmpty() ? m_empty->text() : QString();
}

} // namespace activity
