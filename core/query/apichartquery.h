#pragma once

#include "core/query/apiquery.h"

#include <QStringList>

namespace activity {

// What the GitHub and Docker Hub pages draw for one metric, shaped for drawing: the busiest repositories (or the
// ones the user picked) each on its own, the rest summed as one "others" series, so 25 repositories make a
// legend of names rather than 25 coloured squares.
struct ApiChartData {
    QList<RepoSeries> totals; // inside the range; for a stack, every series on the same timestamps
    QList<RepoSeries> deltas; // per-day changes inside the range (none for per-day metrics)
    // The last of totals and deltas is the others' sum when othersCount > 0; its repository name is empty.
    int othersCount = 0;
    QStringList ranking; // every repository of the metric, busiest first (the picker's list)
    int sources = 0; // configured sources of the provider
    bool anyFigure = false; // the provider has any series at all
};

struct ApiChartRequest {
    QString provider;
    QString metric;
    bool perDay = false; // a per-day figure (traffic): ranked by its sum, no deltas
    bool stacked = false;
    int top = 7; // repositories shown on their own when none is pinned
    QStringList pinned; // shown on their own, in this order, whatever their rank
};

namespace ApiChartQuery {
ApiChartData read(Database& db, const ApiChartRequest& request, const TimeRange& range);
// Each series carried forward onto the union of the series' timestamps inside the range (stacked bands line up).
QList<RepoSeries> aligned(const QList<RepoSeries>& series, const TimeRange& range);
// Values at equal timestamps added (per-day figures and deltas: no carrying forward).
QList<Sample> addedAtSameTimes(const QList<QList<Sample>>& series);
} // namespace ApiChartQuery

} // namespace activity
