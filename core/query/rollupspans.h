#pragma once

#include <QList>

namespace activity {

// Splits [from, to) (widened to whole minutes) into rollup spans: whole days from day buckets, whole hours at the
// edges from hour buckets, the rest from minute buckets. Spans are disjoint and cover the range exactly, so a
// year costs about 365 + 48 + 120 rollup rows per key.
struct RollupSpan {
    qint64 period;
    qint64 from;
    qint64 to;
};

namespace RollupSpans {
// maxPeriod 3600 leaves out day spans (for series in hour buckets).
QList<RollupSpan> split(qint64 fromSecs, qint64 toSecs, qint64 maxPeriod = 86400);
// Spans of [from, to) (not widened) for text dimensions, which have no minute buckets: whole days, whole hours
// from `hourlyFrom` on, and period 0 for what only raw rows give (the partial hours at the edges, and hours
// before `hourlyFrom` outside whole days).
QList<RollupSpan> splitText(qint64 fromSecs, qint64 toSecs, qint64 hourlyFrom);
} // namespace RollupSpans

} // namespace activity
