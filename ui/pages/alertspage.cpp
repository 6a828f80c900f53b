#include "ui/pages/alertspage.h"

#include "core/alerts/alertservice.h"
#include "core/query/alertquery.h"
#include "ui/dialogs/alertruledialog.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/errorlabel.h"
#include "ui/widgets/rowsmodel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>

namespace activity {

namespace {
QTableView* makeTable(RowsModel* model, const QString& name, QWidget* parent)
{
    auto* table = new QTableView(parent);
    nameTable(table, name);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

QString localTime(qint64 secs)
{
    return secs > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(secs).toLocalTime(), QLocale::ShortFormat)
                    : QString();
}
} // namespace

AlertsPage::AlertsPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    setObjectName(QStringLiteral("alertsPage"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("alertsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_summary->setFont(big);
    auto* header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    m_add = new QPushButton(tr("Add rule..."), this);
    m_add->setProperty("writesStore", true); // disabled on a read-only login (MainWindow::setReadOnly)
    m_add->setObjectName(QStringLiteral("addRule"));
    m_remove = new QPushButton(tr("Remove rule"), this);
    m_remove->setObjectName(QStringLiteral("removeRule"));
    m_remove->setEnabled(false);
    m_add->hide();
    m_remove->hide();
    header->addWidget(m_add);
    header->addWidget(m_remove);
    layout->addLayout(header);
    m_error = new ErrorLabel(this);
    m_error->hide();
    layout->addWidget(m_error);
    m_rules
        = new RowsModel({ tr("Rule"), tr("Series"), tr("Condition"), tr("Severity"), tr("State"), tr("Since") }, this);
    auto* rulesLabel = new QLabel(tr("Rules"), this);
    layout->addWidget(rulesLabel);
    auto* rules = makeTable(m_rules, tr("Alert rules"), this);
    rules->setObjectName(QStringLiteral("alertRules"));
    rules->setSelectionBehavior(QAbstractItemView::SelectRows);
    rules->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rulesView = rules;
    connect(rules->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { m_remove->setEnabled(m_rulesView->selectionModel()->hasSelection()); });
    connect(m_add, &QPushButton::clicked, this, [this] {
        AlertRuleDialog dialog(this->runner(), this);
        if (dialog.exec() == QDialog::Accepted)
            if (auto rule = dialog.rule(nullptr))
                addRule(*rule);
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_rulesView->selectionModel()->selectedRows();
        if (rows.isEmpty() || !m_service || rows.first().row() >= m_ruleIds.size())
            return;
        const QString error = m_service->remove(m_ruleIds[rows.first().row()]).error();
        m_error->setText(error);
        m_error->setVisible(!error.isEmpty());
        reloadNow();
    });
    rulesLabel->setBuddy(rules);
    layout->addWidget(rules, 2);
    m_history = new RowsModel(
        { tr("Time"), tr("Rule"), tr("Event"), tr("Severity"), tr("Value"), tr("What was seen"), tr("Webhook") }, this);
    auto* historyLabel = new QLabel(tr("History over the range"), this);
    layout->addWidget(historyLabel);
    auto* history = makeTable(m_history, tr("Alert history"), this);
    history->setObjectName(QStringLiteral("alertHistory"));
    historyLabel->setBuddy(history);
    layout->addWidget(history, 3);
}

void AlertsPage::setService(AlertService* service)
{
    m_service = service;
    m_add->setVisible(service);
    m_remove->setVisible(service);
}

QString AlertsPage::addRule(AlertRule rule)
{
    QString note;
    const QString error = m_service ? m_service->add(rule, &note).error() : tr("rules cannot be changed here");
    m_error->setText(!error.isEmpty() ? error : note.isEmpty() ? QString() : tr("%1: the rule waits for it").arg(note));
    m_error->setVisible(!m_error->text().isEmpty());
    reloadNow();
    return error;
}

void AlertsPage::reload()
{
    const TimeRange range = state().range();
    query<AlertQuery::Page>(
        m_tracker, [range](Database& db) { return AlertQuery::page(db, range); },
        [this](AlertQuery::Page d) {
            int firing = 0;
            QList<QList<QVariant>> rules;
            m_ruleIds.clear();
            for (const AlertQuery::RuleStanding& r : d.rules) {
                m_ruleIds.append(r.rule.id);
                firing += r.state.firing ? 1 : 0;
                const QString state = !r.state.error.isEmpty() ? tr("waiting: %1").arg(r.state.error)
                    : r.state.firing                           ? tr("firing")
                    : r.state.pendingSince                     ? tr("pending")
                    : r.state.lastEval                         ? tr("ok")
                                                               : tr("not evaluated yet");
                rules.append({ r.rule.name, r.rule.series, r.rule.condition(),
                    QString::fromLatin1(AlertRules::severityKey(r.rule.severity)), state,
                    localTime(r.state.firing ? r.state.firedAt : r.state.pendingSince) });
            }
            m_rules->setRows(rules);
            QList<QList<QVariant>> history;
            for (const AlertEvent& e : d.history)
                history.append({ localTime(e.ts), e.ruleName, e.event, e.severity,
                    !e.value                               ? QVariant()
                        : *e.value == std::floor(*e.value) ? QVariant(qint64(*e.value))
                                                           : QVariant(*e.value),
                    e.message, e.delivery });
            m_history->setRows(history);
            const QString watched
                = d.rules.size() == 1 ? tr("1 rule watched") : tr("%1 rules watched").arg(d.rules.size());
            m_summary->setText(d.rules.isEmpty() ? QString()
                    : firing > 0 ? (firing == 1 ? tr("1 alert firing") : tr("%1 alerts firing").arg(firing))
                        + QStringLiteral(" · ") + watched
                                 : tr("No alert firing") + QStringLiteral(" · ") + watched);
            m_summary->setAccessibleName(m_summary->text());
            if (!d.rules.isEmpty() || !d.history.isEmpty())
                hideEmptyState();
            else
                showEmptyState(tr("No alert rule yet"),
                    tr("A rule watches any figure the program stores and tells you when it crosses a line, changes "
                       "or stops: on the desktop, and by a webhook (Slack, Matrix or your own).")
                        + QLatin1Char('\n')
                        + (m_service ? tr("Add one with the Add rule button above.")
                                     : tr("Add one from a terminal, for example: activity-dashboard alerts add "
                                          "--series traffic.share.5xx --above 5 --for 10m")),
                    QString(), QString());
        });
}

} // namespace activity
