#include "ui/charts/downsample.h"

namespace activity {

namespace {
// `count` equal spans of a series' x range (x ascending, not all equal): which one holds x (the last holds the end).
struct XBuckets {
    double x0;
    double span;
    int count;
    XBuckets(const QList<QPointF>& points, int buckets)
        : x0(points.first().x())
        , span(points.last().x() - points.first().x())
        , count(buckets)
    { }
    int of(double x) const { return qMin(count - 1, int((x - x0) / span * count)); }
};
} // namespace

QList<QPointF> minMaxDownsample(const QList<QPointF>& points, int buckets)
{
    if (buckets <= 0 || points.size() <= 2 * buckets)
        return points;
    const XBuckets grid(points, buckets);
    if (grid.span <= 0)
        return { points.first(), points.last() };
    QList<QPointF> out;
    out.reserve(2 * buckets + 2);
    qsizetype i = 0;
    while (i < points.size()) {
        const int bucket = grid.of(points[i].x());
        qsizetype lo = i;
        qsizetype hi = i;
        qsizetype j = i + 1;
        for (; j < points.size() && grid.of(points[j].x()) == bucket; ++j) {
            if (points[j].y() < points[lo].y())
                lo = j;
            if (points[j].y() > points[hi].y())
                hi = j;
        }
        if (lo == hi) {
            out.append(points[lo]);
        } else {
            out.append(points[qMin(lo, hi)]);
            out.append(points[qMax(lo, hi)]);
        }
        i = j;
    }
    return out;
}

QList<QPointF> maxDownsample(const QList<QPointF>& points, int buckets)
{
    if (buckets <= 0 || points.size() <= buckets)
        return points;
    const XBuckets grid(points, buckets);
    if (grid.span <= 0)
        return { points.first(), points.last() };
    QList<QPointF> out;
    out.reserve(buckets + 1);
    int last = -1;
    for (const QPointF& p : points) {
        const int bucket = grid.of(p.x());
        if (bucket != last) {
            out.append(p);
            last = bucket;
        } else {
            out.last().setY(qMax(out.last().y(), p.y()));
        }
    }
    out.last().setX(points.last().x()); // the band still reaches the series' end
    return out;
}

} // namespace activity
