#include "core/query/trafficpagequery.h"

#include "core/query/useragent.h"

#include <QElapsedTimer>
#include <QHash>
#include <algorithm>

namespace {
constexpr int kTopRows = 100;
// Browsers and OS are read from the busiest agents: the long tail of rare agents changes no share visibly.
constexpr int kAgentsClassified = 5000;

FamilyCounts sorted(const QHash<QString, qint64>& counts)
{
    FamilyCounts list;
    list.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        list.append({ it.key(), it.value() });
    std::sort(list.begin(), list.end(),
        [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    return list;
}
} // namespace

TrafficPageData TrafficPageQuery::charts(Database& db, const TrafficFilter& filter, qint64 step)
{
    QElapsedTimer timer;
    timer.start();
    const TimeRange& range = filter.range;
    TrafficPageData d;
    d.totals = TrafficQuery::totals(db, filter);
    d.previous = TrafficQuery::totals(
        db, { { range.fromSecs - range.length(), range.fromSecs }, filter.site, filter.country });
    d.buckets = TrafficQuery::buckets(db, filter, step);
    d.status = TrafficQuery::statusClasses(db, filter, step);
    d.hours = TrafficQuery::hourOfDay(db, filter);
    d.paths = TrafficQuery::topRollup(db, filter, "path", kTopRows);
    d.countries = TrafficQuery::topRollup(db, filter, "country", 250);
    d.statusCodes = TrafficQuery::topRollup(db, filter, "status", kTopRows);
    d.elapsedMs = timer.elapsed();
    return d;
}

TrafficPageLists TrafficPageQuery::lists(Database& db, const TrafficFilter& filter)
{
    TrafficPageLists out;
    out.notFound = TrafficQuery::top404(db, filter, kTopRows);
    out.referrers = TrafficQuery::topReferrers(db, filter, kTopRows);
    // Classified here, on the worker: thousands of agents are too many for the GUI thread.
    QHash<QString, qint64> browsers;
    QHash<QString, qint64> systems;
    for (const TopItem& item : TrafficQuery::topAgents(db, filter, kAgentsClassified)) {
        const UserAgentInfo info = UserAgent::classify(item.key);
        browsers[info.browser] += item.requests;
        systems[info.os] += item.requests;
        out.agentRequests += item.requests;
    }
    out.browsers = sorted(browsers);
    out.systems = sorted(systems);
    return out;
}
