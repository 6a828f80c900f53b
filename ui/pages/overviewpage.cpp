#include "ui/pages/overviewpage.h"

#include "core/query/apiquery.h"
#include "core/query/buckets.h"
#include "core/query/movers.h"
#include "core/query/overviewquery.h"
#include "core/query/sourcequery.h"
#include "core/query/trafficquery.h"
#include "core/sources/github/githubtype.h"
#include "core/util/clock.h"
#include "ui/charts/chartview.h"
#include "ui/viewstate.h"
#include "ui/widgets/format.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/whatchangedpanel.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

namespace activity {

OverviewPage::OverviewPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* tiles = new QHBoxLayout;
    for (const QString& title : { tr("GitHub stars"), tr("Docker pulls"), tr("Requests today"), tr("Visitors today"),
             tr("Top country"), tr("Bots") }) {
        auto* tile = new MetricTile(title, this);
        tile->setMinimumWidth(150); // six tiles fit a 1000-pixel page (a report's page image, a small window)
        m_tiles.append(tile);
        tiles->addWidget(tile);
    }
    layout->addLayout(tiles);
    auto* charts = new QHBoxLayout;
    m_traffic = new ChartView(this);
    m_traffic->setObjectName(QStringLiteral("overviewTraffic"));
    m_traffic->setTitle(tr("Requests and visitors"));
    m_stars = new ChartView(this);
    m_stars->setObjectName(QStringLiteral("overviewStars"));
    m_stars->setTitle(tr("GitHub stars by repository"));
    charts->addWidget(m_traffic, 1);
    charts->addWidget(m_stars, 1);
    layout->addLayout(charts, 3);
    layout->addWidget(sectionLabel(tr("What changed against the period before"), this));
    m_whatChanged = new WhatChangedPanel(this);
    layout->addWidget(m_whatChanged, 2);
    connect(
        m_whatChanged, &WhatChangedPanel::narrowRequested, this, [this](const QString& dimension, const QString& key) {
            if (WhatChangedPanel::narrow(this->state(), dimension, key))
                emit narrowed();
        });
}

// Grafana and Plausible compare with the period before: as a share when that period grew, else as a figure.
QString OverviewPage::changeText(double change, std::optional<double> previous)
{
    const QString over = tr("%1 over the range").arg(Format::signedCount(change));
    if (!previous)
        return over;
    if (*previous > 0)
        return tr("%1, %2 vs the period before").arg(over, Format::percentChange(*previous, change));
    if (*previous == 0)
        return tr("%1 (none the period before)").arg(over);
    return tr("%1 (%2 the period before)").arg(over, Format::signedCount(*previous));
}

// A change needs two samples (or one before the range): after a first poll, say since when data exists.
void OverviewPage::showCounter(MetricTile* tile, const CounterFigure& f, int sources)
{
    if (!f.hasData()) {
        tile->setFigures(QStringLiteral("–"), sources == 0 ? tr("nothing watched yet") : tr("no data yet"), 0, {});
    } else if (!f.change) {
        tile->setFigures(Format::count(f.now),
            tr("since %1; change not known yet").arg(Format::dayAndTime(f.firstSampleSecs)), 0, f.spark);
    } else {
        tile->setFigures(Format::count(f.now), changeText(*f.change, f.previousChange),
            Buckets::trend(f.now - *f.change, f.now), f.spark);
    }
}

// With nothing set up at all, the page says so over its empty tiles and charts, with the button that adds a source.
void OverviewPage::showWhatIsMissing(const OverviewData& d)
{
    const bool nothing = d.githubSources + d.dockerHubSources + d.logs.logSources == 0 && !d.logs.anyRequestEver
        && !d.stars.hasData() && !d.pulls.hasData();
    if (!nothing) {
        hideEmptyState();
        return;
    }
    showEmptyState(tr("Nothing is watched yet"),
        tr("Add a GitHub repository or organisation, a Docker Hub image or namespace, or a web server log: this page "
           "sums up what they report."),
        gitHubTypeName(), tr("Add a source"));
}

// Which share of the range's requests and bandwidth came from bots (crawlers, tools, scanners), whatever the
// header's switch says: the figure that tells whether "visitors +40%" means people.
void OverviewPage::showBotShare(const TrafficQuery::AgentTotals& a, bool noLogs, const QString& logsMissing)
{
    MetricTile* tile = m_tiles[5];
    const qint64 requests = a.humans.requests + a.bots.requests;
    if (noLogs) {
        tile->setFigures(QStringLiteral("–"), logsMissing, 0, {});
        return;
    }
    if (requests == 0) {
        tile->setFigures(QStringLiteral("–"), tr("no classified requests in the range"), 0, {});
        return;
    }
    const qint64 bytes = a.humans.bytes + a.bots.bytes;
    const auto percent = [](qint64 part, qint64 whole) {
        return QLocale().toString(100.0 * double(part) / double(qMax<qint64>(1, whole)), 'f', 1);
    };
    tile->setFigures(tr("%1% of requests").arg(percent(a.bots.requests, requests)),
        tr("%1% of bandwidth in the range").arg(percent(a.bots.bytes, bytes)), 0, {});
}

void OverviewPage::reload()
{
    loadMovers();
    const TimeRange range = state().range();
    const qint64 now = state().clock().nowSecs();
    const QString site = state().site();
    const AgentScope agents = state().agents();
    // The header's switch: whose requests the traffic tiles and chart count, said in their titles.
    const bool people = agents == AgentScope::Humans;
    const bool bots = agents == AgentScope::Bots;
    const QString whose = people ? tr(" · people") : bots ? tr(" · bots") : QString();
    m_tiles[2]->setTitle(tr("Requests today") + whose);
    m_tiles[3]->setTitle(tr("Visitors today") + whose);
    m_tiles[4]->setTitle(tr("Top country") + whose);
    m_traffic->setTitle(tr("Requests and visitors") + whose);
    m_whatChanged->setEveryonesRequests(agents != AgentScope::All);
    query<OverviewData>(
        m_tracker,
        [range, now, site, agents](Database& db) { return OverviewQuery::read(db, range, site, now, agents); },
        [this, range, incomplete = Buckets::incompleteFrom(range, Buckets::stepFor(range), now)](OverviewData d) {
            showCounter(m_tiles[0], d.stars, d.githubSources);
            showCounter(m_tiles[1], d.pulls, d.dockerHubSources);
            showWhatIsMissing(d);
            const auto vsYesterday = [](qint64 yesterday, qint64 today) {
                const QString pct = Format::percentChange(double(yesterday), double(today));
                return pct.isEmpty() ? QString() : tr("%1 vs yesterday at this time").arg(pct);
            };
            const bool noLogs = !d.logs.anyRequestEver; // no source or import has stored a request yet
            const QString logsMissing
                = d.logs.logSources == 0 ? tr("no web server logs yet") : tr("waiting for the first request");
            m_tiles[2]->setFigures(Format::count(double(d.today.requests)),
                vsYesterday(d.yesterdaySoFar.requests, d.today.requests),
                Buckets::trend(double(d.yesterdaySoFar.requests), double(d.today.requests)), d.dailyRequests,
                d.dailyPartialFrom);
            m_tiles[3]->setFigures(Format::count(double(d.today.visitors)),
                vsYesterday(d.yesterdaySoFar.visitors, d.today.visitors),
                Buckets::trend(double(d.yesterdaySoFar.visitors), double(d.today.visitors)), d.dailyVisitors,
                d.dailyPartialFrom);
            showBotShare(d.agents, noLogs, logsMissing);
            m_noLogs = noLogs;
            if (noLogs) {
                for (int t : { 2, 3, 4 })
                    m_tiles[t]->setFigures(QStringLiteral("–"), logsMissing, 0, {});
            } else if (d.topCountryLater) {
                m_tiles[4]->setFigures(QStringLiteral("…"), tr("counting the range's requests"), 0, {});
            } else {
                showTopCountry(d.topCountry, d.topCountryRequests, d.rangeRequests);
            }
            // Before any request a line of zeros would say "no visits": say what is missing instead. A range before
            // the first request has no points either (Buckets::fill).
            m_traffic->setEmptyText(!noLogs ? tr("No requests in this range: the logs start after it.")
                    : d.logs.logSources == 0
                    ? tr("No web server logs yet: add one on the Sources page.")
                    : tr("Waiting for the first request: the log sources set up store requests as they arrive."));
            m_traffic->setIncompleteFrom(incomplete);
            m_traffic->setTimeSeries({ { tr("Requests"), noLogs ? QList<QPointF>() : d.traffic.requests },
                                         { tr("Visitors"), noLogs ? QList<QPointF>() : d.traffic.visitors } },
                range, ChartView::Style::Lines, QStringLiteral("count"));
            QList<ChartSeries> stars;
            for (const RepoSeries& s : d.starSeries)
                stars.append({ s.repository, Format::points(s.samples) });
            m_stars->setEmptyText(d.githubSources == 0 && !d.stars.hasData()
                    ? tr("No GitHub repository is watched yet: add one on the Sources page.")
                    : tr("No star count in this range yet: it appears after the next poll."));
            m_stars->setTimeSeries(stars, range, ChartView::Style::Lines, QStringLiteral("stars"));
        });
    if (agents != AgentScope::All)
        loadTopCountry(range, site, agents);
}

void OverviewPage::showTopCountry(const QString& code, qint64 requests, qint64 rangeRequests)
{
    if (code.isEmpty()) {
        m_tiles[4]->setFigures(QStringLiteral("–"), tr("no traffic in the range"), 0, {});
        return;
    }
    m_tiles[4]->setFigures(Format::country(code),
        tr("%1% of requests in the range")
            .arg(QLocale().toString(100.0 * double(requests) / double(qMax<qint64>(1, rangeRequests)), 'f', 1)),
        0, {});
}

// People's or bots' busiest country (raw rows), after the tiles: the worker answers it after the page's main query.
void OverviewPage::loadTopCountry(const TimeRange& range, const QString& site, AgentScope agents)
{
    query<OverviewQuery::TopCountry>(
        m_countryTracker,
        [range, site, agents](Database& db) { return OverviewQuery::topCountry(db, range, site, agents); },
        [this](OverviewQuery::TopCountry top) {
            if (!m_noLogs)
                showTopCountry(top.code, top.requests, top.rangeRequests);
        });
}

// What rose or fell against the period before, for the site.
void OverviewPage::loadMovers()
{
    TrafficFilter filter { state().range(), state().site(), {} };
    struct Moved {
        QList<Mover> movers;
        qint64 requests = 0;
    };
    query<Moved>(
        m_moversTracker,
        [filter](Database& db) {
            const TrafficFilter both { { filter.range.fromSecs - filter.range.length(), filter.range.toSecs },
                filter.site, {} };
            return Moved { Movers::between(db, filter), TrafficQuery::totals(db, both).requests };
        },
        [this](Moved m) { m_whatChanged->setMovers(m.movers, m.requests); });
}

// The period before: its requests and visitors in the range's buckets, and each repository's stars.
void OverviewPage::reloadPrevious(const TimeRange& before)
{
    struct Previous {
        FilledTraffic traffic;
        QList<RepoSeries> stars;
    };
    TrafficFilter filter { before, state().site(), {} };
    filter.agents = state().agents();
    const qint64 step = Buckets::stepFor(state().range());
    query<Previous>(
        m_previousTracker,
        [before, filter, step](Database& db) {
            Previous p;
            p.traffic = Buckets::fill(
                before, step, TrafficQuery::buckets(db, filter, step), {}, SourceQuery::logPresence(db).firstDaySecs);
            for (const RepoSeries& s : ApiQuery::series(db, gitHubTypeName(), QStringLiteral("stars"), before))
                p.stars.append({ s.repository, SeriesMath::fromRangeStart(s.samples, before) });
            return p;
        },
        [this](Previous p) {
            m_traffic->setPreviousSeries(
                { { tr("Requests"), p.traffic.requests }, { tr("Visitors"), p.traffic.visitors } });
            // Matched to this range's repositories by name (their colour); one only in the period before gets grey.
            QList<ChartSeries> stars;
            const QList<ChartSeries>& shown = m_stars->data();
            for (const RepoSeries& s : std::as_const(p.stars)) {
                const auto it = std::find_if(
                    shown.cbegin(), shown.cend(), [&s](const ChartSeries& c) { return c.name == s.repository; });
                const QColor colour
                    = it == shown.cend() ? QColor(0x99, 0x99, 0x99) : m_stars->seriesColour(int(it - shown.cbegin()));
                stars.append({ s.repository, Format::points(s.samples), colour });
            }
            m_stars->setPreviousSeries(stars);
        });
}

} // namespace activity
