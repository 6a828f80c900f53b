#include "ui/pages/botspage.h"

#include "core/logs/agentclass.h"
#include "core/query/buckets.h"
#include "core/util/clock.h"
#include "ui/charts/chartview.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/format.h"
#include "ui/widgets/rowsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace activity {

namespace {
constexpr int kAiNamesShown = 5;

QTableView* makeTable(RowsModel* model, const QString& name, QWidget* parent)
{
    auto* table = new QTableView(parent);
    nameTable(table, name);
    table->setModel(model);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    // The agent's name takes the room left; the other columns as wide as their text (a header cut reads wrong).
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    return table;
}

QString percentOf(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return {};
    return QLocale().toString(100.0 * double(part) / double(whole), 'f', 1) + QLatin1Char('%');
}

// A log's text (a bot's name comes from the data file, but an override file is the user's): shown as plain text,
// a control character (a line break would break the row) replaced.
QString plain(const QString& text)
{
    QString out = text;
    for (QChar& c : out)
        if (c.category() == QChar::Other_Control)
            c = QChar(0xFFFD);
    return out;
}
} // namespace

namespace {
QString classLabel(const QString& cls)
{
    static const QHash<QString, const char*> kLabels = {
        { QStringLiteral("human"), QT_TRANSLATE_NOOP("activity::BotsPage", "People") },
        { QStringLiteral("search-crawler"), QT_TRANSLATE_NOOP("activity::BotsPage", "Search crawler") },
        { QStringLiteral("ai-crawler"), QT_TRANSLATE_NOOP("activity::BotsPage", "AI crawler") },
        { QStringLiteral("seo"), QT_TRANSLATE_NOOP("activity::BotsPage", "SEO tool") },
        { QStringLiteral("monitor"), QT_TRANSLATE_NOOP("activity::BotsPage", "Monitor") },
        { QStringLiteral("feed"), QT_TRANSLATE_NOOP("activity::BotsPage", "Feed reader") },
        { QStringLiteral("library"), QT_TRANSLATE_NOOP("activity::BotsPage", "Library or tool") },
        { QStringLiteral("scanner"), QT_TRANSLATE_NOOP("activity::BotsPage", "Scanner") },
        { QStringLiteral("other-bot"), QT_TRANSLATE_NOOP("activity::BotsPage", "Other bot") },
    };
    if (cls.isEmpty())
        return BotsPage::tr("Not classified");
    const char* label = kLabels.value(cls);
    return label ? BotsPage::tr(label) : plain(cls);
}

QString verificationLabel(const QString& v)
{
    if (v == QLatin1String("verified"))
        return BotsPage::tr("verified");
    if (v == QLatin1String("spoofed"))
        return BotsPage::tr("spoofed");
    if (v == QLatin1String("unverified"))
        return BotsPage::tr("unverified");
    return plain(v);
}

QString nameLabel(const QString& name)
{
    return name.isEmpty() ? BotsPage::tr("(no name)") : plain(name);
}
} // namespace

BotsPage::BotsPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    setObjectName(QStringLiteral("botsPage"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("botsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_ai = new QLabel(this);
    m_ai->setObjectName(QStringLiteral("botsAi"));
    m_ai->setTextFormat(Qt::PlainText);
    m_ai->setWordWrap(true);
    layout->addWidget(m_ai);

    auto* charts = new QHBoxLayout;
    m_requestsChart = new ChartView(this);
    m_requestsChart->setObjectName(QStringLiteral("botRequestsChart"));
    m_requestsChart->setTitle(tr("Bot requests per class"));
    m_bandwidthChart = new ChartView(this);
    m_bandwidthChart->setObjectName(QStringLiteral("botBandwidthChart"));
    m_bandwidthChart->setTitle(tr("Bandwidth to bots per class"));
    m_bandwidthChart->setValueFormatter([](double v) { return Format::bytes(qint64(v)); });
    m_bandwidthChart->setBytesAxis(true);
    charts->addWidget(m_requestsChart, 1);
    charts->addWidget(m_bandwidthChart, 1);
    layout->addLayout(charts, 3);

    m_agents = new RowsModel(
        { tr("Class"), tr("Agent"), tr("Verification"), tr("Requests"), tr("Bytes"), tr("% of bots") }, this);
    m_agents->setBytesColumn(4);
    m_robots = new RowsModel({ tr("Class"), tr("Agent"), tr("Verification"), tr("Requests") }, this);

    auto* tables = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(sectionLabel(tr("Named agents"), this));
    m_agentsTable = makeTable(m_agents, tr("Bots by agent"), this);
    m_agentsTable->setToolTip(tr("Click an agent to narrow the Traffic page to it"));
    left->addWidget(m_agentsTable, 1);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("botsHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    left->addWidget(m_hint);
    auto* right = new QVBoxLayout;
    right->addWidget(sectionLabel(tr("Who fetched robots.txt"), this));
    QTableView* robots = makeTable(m_robots, tr("Requests for robots.txt by agent"), this);
    robots->setToolTip(
        tr("Counted from the stored requests, which are kept for the retention period (retention.days)"));
    right->addWidget(robots, 1);
    tables->addLayout(left, 3);
    tables->addLayout(right, 2);
    layout->addLayout(tables, 4);

    const auto narrow = [this](const QModelIndex& index) { narrowToAgent(index.row()); };
    connect(m_agentsTable, &QTableView::clicked, this, narrow);
    connect(m_agentsTable, &QTableView::activated, this, narrow);
}

QString BotsPage::summary() const
{
    return m_summary->text();
}

QString BotsPage::aiLine() const
{
    return m_ai->text();
}

void BotsPage::narrowToAgent(int row)
{
    if (row < 0 || row >= m_shown.size())
        return;
    const BotAgent agent = m_shown[row];
    const QString name = AgentSums::claimedName({ agent.cls, agent.verification, agent.name });
    if (name.isEmpty()) {
        m_hint->setText(tr("This bot has no name to narrow to."));
        return;
    }
    const TimeRange range = state().range();
    const QString site = state().site();
    m_narrowTracker.submit<QByteArray>(
        runner(), this,
        [range, site, agent](Database& db) { return BotsQuery::busiestUserAgent(db, range, site, agent); },
        [this, name](const QByteArray& userAgent) {
            if (userAgent.isEmpty()) {
                m_hint->setText(tr("No stored request of %1 in this range: requests are kept for the retention "
                                   "period (retention.days), figures longer.")
                                    .arg(plain(name)));
                return;
            }
            // A bot's requests are no person's: under the switch's Humans the Traffic page would show none.
            if (state().agents() == AgentScope::Humans)
                state().setAgents(AgentScope::All);
            state().setUserAgent(userAgent);
            emit narrowed();
        });
}

void BotsPage::reload()
{
    const TimeRange range = state().range();
    const QString site = state().site();
    query<BotsData>(
        m_tracker, [range, site](Database& db) { return BotsQuery::load(db, range, site); },
        [this, range](const BotsData& d) { display(d, range); });
}

void BotsPage::display(const BotsData& d, const TimeRange& range)
{
    const qint64 all = d.humans.requests + d.bots.requests;
    const qint64 allBytes = d.humans.bytes + d.bots.bytes;
    QString summary
        = tr("Bots made %1 of %2 requests (%3) and took %4 of %5 sent (%6).")
              .arg(Format::count(double(d.bots.requests)), Format::count(double(all)), percentOf(d.bots.requests, all),
                  Format::bytes(d.bots.bytes), Format::bytes(allBytes), percentOf(d.bots.bytes, allBytes));
    qint64 verified = 0;
    qint64 spoofed = 0;
    qint64 unverified = 0;
    for (const BotAgent& a : d.agents) {
        verified += a.verification == QLatin1String("verified") ? a.requests : 0;
        spoofed += a.verification == QLatin1String("spoofed") ? a.requests : 0;
        unverified += a.verification == QLatin1String("unverified") ? a.requests : 0;
    }
    if (verified + spoofed + unverified > 0)
        summary += QLatin1Char(' ')
            + tr("Crawlers that can be checked: %1 requests verified, %2 spoofed (counted as other bots), %3 not "
                 "checked yet.")
                  .arg(Format::count(double(verified)), Format::count(double(spoofed)),
                      Format::count(double(unverified)));
    // The agents rollups are not split by country: the page shows every country's bots (the map's filter aside).
    if (!state().country().isEmpty() && d.bots.requests > 0)
        summary += QLatin1Char(' ') + tr("Every country: bots are not counted per country.");
    if (d.bots.requests == 0) // no "0 of 0 requests ()"
        summary = all == 0
            ? tr("No request in this range.")
            : tr("No bot request in this range: all %1 requests came from people.").arg(Format::count(double(all)));
    m_summary->setText(summary);

    // Which AI crawlers took what.
    AgentSum ai;
    QStringList names;
    int aiAgents = 0;
    for (const BotAgent& a : d.agents) {
        if (a.cls != QLatin1String(agentClassName(AgentClass::AiCrawler)))
            continue;
        ai.requests += a.requests;
        ai.bytes += a.bytes;
        if (++aiAgents <= kAiNamesShown)
            names << tr("%1 %2 (%3)").arg(nameLabel(a.name), Format::count(double(a.requests)), Format::bytes(a.bytes));
    }
    if (aiAgents > kAiNamesShown)
        names << tr("%n more", nullptr, aiAgents - kAiNamesShown);
    if (ai.requests == 0)
        m_ai->setText(tr("AI crawlers: none in this range."));
    else
        m_ai->setText(tr("AI crawlers took %1 requests (%2 of bot requests) and %3: %4.")
                          .arg(Format::count(double(ai.requests)), percentOf(ai.requests, d.bots.requests),
                              Format::bytes(ai.bytes), names.join(QStringLiteral(", "))));

    // Per class over time, in the classes' order.
    QList<ChartSeries> requests;
    QList<ChartSeries> bytes;
    for (int c = 1; c < kAgentClassCount; ++c) {
        const QString cls = QString::fromLatin1(agentClassName(AgentClass(c)));
        if (!d.classes.contains(cls))
            continue;
        const FilledTraffic f = Buckets::fill(range, d.step, d.classes.value(cls), {}, d.presence.firstDaySecs);
        requests.append({ classLabel(cls), f.requests });
        bytes.append({ classLabel(cls), f.bytes });
    }
    const qint64 incomplete = Buckets::incompleteFrom(range, d.step, state().clock().nowSecs());
    m_requestsChart->setIncompleteFrom(incomplete);
    m_bandwidthChart->setIncompleteFrom(incomplete);
    m_requestsChart->setEmptyText(tr("No bot request in this range."));
    m_bandwidthChart->setEmptyText(tr("No bot request in this range."));
    m_requestsChart->setTimeSeries(requests, range, ChartView::Style::StackedArea, QStringLiteral("requests"));
    m_bandwidthChart->setBytesAxis(!bytes.isEmpty()); // no unit over an empty plot (its title was cut)
    m_bandwidthChart->setTimeSeries(bytes, range, ChartView::Style::StackedArea, QStringLiteral("bytes"));

    m_shown = d.agents;
    m_hint->setText(tr("Click an agent to narrow the Traffic page to the user agent it used most."));
    QList<QList<QVariant>> rows;
    for (const BotAgent& a : d.agents)
        rows.append({ classLabel(a.cls), nameLabel(a.name), verificationLabel(a.verification), a.requests, a.bytes,
            d.bots.requests > 0 ? 100.0 * double(a.requests) / double(d.bots.requests) : 0.0 });
    m_agents->setRows(rows);

    QList<QList<QVariant>> robots;
    for (const RobotsFetch& r : d.robots)
        robots.append({ classLabel(r.cls),
            r.cls == QLatin1String(agentClassName(AgentClass::Human)) ? tr("(browsers)") : nameLabel(r.name),
            verificationLabel(r.verification), r.requests });
    m_robots->setRows(robots);

    if (all == 0)
        showTrafficPresence(0, d.presence); // no logs, none yet, or nothing in this range
    else if (d.bots.requests == 0)
        showEmptyState(tr("No bot traffic in this range"),
            tr("All %1 requests of this range came from people. Crawlers, AI crawlers, monitors, libraries and other "
               "bots appear here when the access logs have their requests.")
                .arg(Format::count(double(all))));
    else
        hideEmptyState();
}

} // namespace activity
