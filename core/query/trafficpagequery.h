#pragma once

#include "core/query/buckets.h"
#include "core/query/sourcequery.h"
#include "core/query/trafficquery.h"

#include <QHash>
#include <QList>
#include <QString>
#include <utility>

namespace activity {

// Everything the Traffic page shows, asked in two parts so the charts never wait behind the top lists: the
// benchmark measures the same calls the page makes.
struct TrafficPageData {
    TrafficTotals totals;
    TrafficTotals previous; // the period of the same length just before
    QList<TrafficBucket> buckets; // display buckets of `step` seconds that have data
    QList<StatusBucket> status;
    QList<qint64> hours; // 24 entries
    QList<TopItem> paths;
    QList<TopItem> countries;
    QList<TopItem> statusCodes;
    qint64 errors = 0; // 4xx and 5xx requests
    FilledTraffic series; // every display bucket of the range, zeros included
    SourceQuery::LogPresence presence;
    qint64 elapsedMs = 0;
};

// A family (browser or operating system) and its requests, busiest first. Family names are untranslated
// (UserAgent's), so "Crawlers" and "Other" are translated by the caller.
using FamilyCounts = QList<std::pair<QString, qint64>>;

struct TrafficPageLists {
    QList<TopItem> notFound;
    QList<TopItem> referrers;
    FamilyCounts browsers;
    FamilyCounts systems;
    qint64 agentRequests = 0; // requests of the agents classified (the share base for browsers and OS)
    // With a country filter only (path rollups are not split by country): the top paths from raw rows, and the
    // requests they were read from (the share base).
    QList<TopItem> countryPaths;
    QList<TopItem> countryStatusCodes; // key: the code as text
    qint64 countryRequests = 0;
    qint64 countryErrors = 0; // 4xx and 5xx among them
};

// Sums of raw rows per whole hour for the top lists, kept between reloads: the partial days at a range's edges
// are up to 48 hours of raw rows, and past hours rarely change. An hour is reused only while its row count is
// unchanged (rows are only ever added or removed), so answers stay exact. Used by one thread at a time.
class TopListCache {
public:
    struct IdSums {
        qint64 requests = 0;
        qint64 bytes = 0;
    };
    struct Hour {
        qint64 rows = 0; // every row of the hour, whatever the filter: the validity check
        QHash<qint64, IdSums> notFound; // by string id
        QHash<qint64, IdSums> referrers;
        QHash<qint64, IdSums> agents;
        QHash<qint64, IdSums> paths; // only with a country filter
        QHash<qint64, IdSums> codes; // by status code, only with a country filter
        qint64 matched = 0; // rows that passed the filter
        qint64 errors = 0; // of those, 4xx and 5xx (status rollups are not split by country)
    };
    // `filter` names the rows summed (site, country, path, status: RawRowFilter's key).
    const Hour* find(const QString& filter, qint64 hour) const;
    void insert(const QString& filter, qint64 hour, Hour data);
    qsizetype size() const { return m_hours.size(); }

private:
    static constexpr qsizetype kMaxHours = 240;
    QHash<QString, Hour> m_hours; // key: "filter|hour"
};

namespace TrafficPageQuery {
// Tiles, charts (buckets of `step` seconds), top paths (none with a country filter only: see lists()), countries
// and status codes. Narrowed to a path or a status, all of it from raw rows (NarrowedTraffic).
TrafficPageData charts(Database& db, const TrafficFilter& filter, qint64 step);
// Top 404s, referrers, and browsers and operating systems read from the busiest user agents. With a cache, whole
// hours of raw rows at the edges are summed once.
TrafficPageLists lists(Database& db, const TrafficFilter& filter, TopListCache* cache = nullptr);
} // namespace TrafficPageQuery

} // namespace activity
