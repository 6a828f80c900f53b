#include "ui/downsample.h"

namespace activity {

QList<QPointF> minMaxDownsample(const QList<QPointF>& points, int buckets)
{
    if (buckets <= 0 || points.size() <= 2 * buckets)
        return points;
    const double x0 = points.first().x();
    const double span = points.last().x() - x0;
    if (span <= 0)
        return { points.first(), points.last() };
    QList<QPointF> out;
    out.reserve(2 * buckets + 2);
    qsizetype i = 0;
    while (i < points.size()) {
        const int bucket = qMin(buckets - 1, int((points[i].x() - x0) / span * buckets));
        qsizetype lo = i;
        qsizetype hi = i;
        qsizetype j = i + 1;
        for (; j < points.size() && qMin(buckets - 1, int((points[j].x() - x0) / span * buckets)) == bucket; ++j) {
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
    const double x0 = points.first().x();
    const double span = points.last().x() - x0;
    if (span <= 0)
        return { points.first(), points.last() };
    QList<QPointF> out;
    out.reserve(buckets + 1);
    int last = -1;
    for (const QPointF& p : points) {
        const int bucket = qMin(buckets - 1, int((p.x() - x0) / span * buckets));
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
