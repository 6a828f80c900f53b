#pragma once

#include "core/query/trafficquery.h"

#include <QList>
#include <QString>
#include <utility>

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
};

namespace TrafficPageQuery {
// Tiles, charts (buckets of `step` seconds), top paths, countries and status codes.
TrafficPageData charts(Database& db, const TrafficFilter& filter, qint64 step);
// Top 404s, referrers, and browsers and operating systems read from the busiest user agents.
TrafficPageLists lists(Database& db, const TrafficFilter& filter);
} // namespace TrafficPageQuery
