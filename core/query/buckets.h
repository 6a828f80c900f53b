#pragma once

#include "core/query/timerange.h"
#include "core/query/trafficquery.h"

#include <QList>
#include <QPointF>
#include <array>

namespace activity {

// Traffic figures at every display bucket of a range, zeros where nothing was logged (lines must not bridge
// gaps): one point per bucket start, ready to draw.
struct FilledTraffic {
    QList<QPointF> requests;
    QList<QPointF> visitors;
    QList<QPointF> bytes;
    std::array<QList<QPointF>, 5> statusClasses; // 1xx..5xx; empty when filled without status buckets
    bool hasInformational() const; // any 1xx (rare: charts leave the class out otherwise)
};

namespace Buckets {
// The display bucket of charts over `range`: 10 minutes up to 2 days, hours up to 31 days, else days.
qint64 stepFor(const TimeRange& range);
// Every bucket of `step` seconds from the one holding range.fromSecs to range.toSecs; `buckets` and `status`
// hold the buckets that have data, oldest first. Buckets that end before `dataFrom` (when logs started: the first
// day with requests) are left out: a zero there would claim no traffic where none was collected.
FilledTraffic fill(const TimeRange& range, qint64 step, const QList<TrafficBucket>& buckets,
    const QList<StatusBucket>& status = {}, qint64 dataFrom = -1);
// The start of the first bucket of `step` seconds in `range` that ends after the range or after `now` (a
// period not over yet, or cut by the range's end: its figure is partial), or -1 when every bucket is whole.
qint64 incompleteFrom(const TimeRange& range, qint64 step, qint64 now);
// At most `count` values picked evenly, first and last kept (sparklines).
QList<double> thin(const QList<double>& values, int count);
// The y values of points (sparklines).
QList<double> values(const QList<QPointF>& points);
// The index of the first point at or after `secs` (incompleteFrom()'s bucket), or -1 when `secs` < 0 or no point is.
qsizetype indexFrom(const QList<QPointF>& points, qint64 secs);
// Where value `index` of `size` lands among thin(values, count): the first picked value at or after it (-1 stays -1).
qsizetype thinnedIndex(qsizetype index, qsizetype size, int count);
// +1 when now is above before, -1 below, 0 equal: the arrow of a tile.
inline int trend(double before, double now)
{
    return now > before ? 1 : (now < before ? -1 : 0);
}
} // namespace Buckets

} // namespace activity
