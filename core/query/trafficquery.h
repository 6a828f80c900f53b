#pragma once

#include "core/logs/agentclass.h"
#include "core/query/timerange.h"
#include "core/storage/rollupschema.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace activity {

class Database;

// What the Traffic page and the Overview ask about requests. All read rollups (never raw rows) except
// the top-N lists whose dimension is not rolled up (404s, referrers, agents), which read raw requests.
struct TrafficFilter {
    TimeRange range;
    QString site; // empty: every site
    QString country; // empty: every country; else ISO alpha-2 ('' unknown is not filterable)
    QByteArray path {}; // empty: every path; else as stored (the Traffic page narrows to it)
    int status = 0; // 0: every status; 1-5: a class (4 = 4xx); 100-599: one code
    AgentScope agents = AgentScope::All; // people's requests only, or bots' (requests.agent_class)
    QByteArray referrer {}; // empty: every referrer; else as stored ("What changed" narrows to it)
    QByteArray userAgent {}; // empty: every user agent; else one, as stored ("What changed" narrows to it)
    // Path, status, agents, referrer and user agent are not split by the other dimensions in the rollups: such a
    // filter reads raw rows.
    bool readsRawRows() const
    {
        return !path.isEmpty() || status != 0 || agents != AgentScope::All || !referrer.isEmpty()
            || !userAgent.isEmpty();
    }
};

struct TrafficBucket {
    qint64 start = 0;
    qint64 requests = 0;
    qint64 visitors = 0;
    qint64 bytes = 0;
};

// Requests per status class (1xx..5xx) in one bucket.
struct StatusBucket {
    qint64 start = 0;
    qint64 byClass[5] = {};
};

struct TopItem {
    QByteArray key; // as stored (path bytes, country code, user agent...)
    qint64 requests = 0;
    qint64 visitors = 0;
    qint64 bytes = 0;
};

namespace TrafficQuery {
// Busiest first (requests, then key), at most `limit` items.
void rank(QList<TopItem>& items, qsizetype limit);
} // namespace TrafficQuery

struct CityItem {
    QString name;
    QByteArray country;
    double latitude = 0;
    double longitude = 0;
    qint64 requests = 0;
    qint64 visitors = 0;
};

struct TrafficTotals {
    qint64 requests = 0;
    qint64 visitors = 0;
    qint64 bytes = 0;
};

namespace TrafficQuery {
// What the map draws: every country's figures ('' is the unknown country) and the busiest cities.
struct Places {
    QList<TopItem> countries;
    QList<CityItem> cities;
};
// From the rollups, or from raw rows when the filter needs them (Humans or Bots in the header).
Places places(Database& db, const TrafficFilter& filter, int cityLimit);
QStringList sites(Database& db);
// The site_id a filter on `site` compares with: -1 for every site (empty name), -2 for a site never seen.
qint64 siteId(Database& db, const QString& site);
// One entry per bucket of `period` seconds that has data (missing buckets are zero), oldest first.
QList<TrafficBucket> buckets(Database& db, const TrafficFilter& filter, qint64 period);
QList<StatusBucket> statusClasses(Database& db, const TrafficFilter& filter, qint64 period);
TrafficTotals totals(Database& db, const TrafficFilter& filter);
// People's and bots' requests, visitors and bytes (the 'agents' rollups, stored from schema version 12 on: older
// requests are in neither). The filter's range and site only.
struct AgentTotals {
    TrafficTotals humans;
    TrafficTotals bots;
};
AgentTotals agentTotals(Database& db, const TrafficFilter& filter);
// Requests per hour of the local day (the user's clock), 24 entries.
QList<qint64> hourOfDay(Database& db, const TrafficFilter& filter);
// dim is a rollup dimension (Path, Country, Status...). Sorted by requests, then key.
QList<TopItem> topRollup(Database& db, const TrafficFilter& filter, Rollup::Dim dim, int limit);
// Paths answered 404, referrers (excluding "-" and empty), user agents: whole days and hours from rollups, the
// partial hours at the edges (and any range with a country filter) from raw rows. Visitors are not counted (0).
QList<TopItem> top404(Database& db, const TrafficFilter& filter, int limit);
QList<TopItem> topReferrers(Database& db, const TrafficFilter& filter, int limit);
QList<TopItem> topAgents(Database& db, const TrafficFilter& filter, int limit);
// Paths the same way (exact at the range's edges, unlike topRollup's whole buckets): what moved in a short window.
QList<TopItem> topPaths(Database& db, const TrafficFilter& filter, int limit);
// Located cities (City database only), from hour and day rollups: the range's partial hours are left out.
QList<CityItem> topCities(Database& db, const TrafficFilter& filter, int limit);
} // namespace TrafficQuery

} // namespace activity
