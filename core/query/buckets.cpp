#include "core/query/buckets.h"

#include <algorithm>

namespace activity {

bool FilledTraffic::hasInformational() const
{
    return std::any_of(statusClasses[0].cbegin(), statusClasses[0].cend(), [](const QPointF& p) { return p.y() != 0; });
}

qint64 Buckets::stepFor(const TimeRange& range)
{
    if (range.length() <= 2 * 86400)
        return 600;
    if (range.length() <= 31 * 86400)
        return 3600;
    return 86400;
}

qint64 Buckets::incompleteFrom(const TimeRange& range, qint64 step, qint64 now)
{
    if (step <= 0 || !range.isValid())
        return -1;
    const qint64 end = qMin(range.toSecs, now);
    const qint64 first = range.fromSecs - range.fromSecs % step;
    // The bucket holding `end` (ending after it), if drawn: fill() draws those starting before range.toSecs.
    const qint64 t = qMax(first, end - ((end % step) + step) % step);
    return t < range.toSecs ? t : -1;
}

FilledTraffic Buckets::fill(const TimeRange& range, qint64 step, const QList<TrafficBucket>& buckets,
    const QList<StatusBucket>& status, qint64 dataFrom)
{
    FilledTraffic out;
    if (step <= 0 || !range.isValid())
        return out;
    qsizetype bi = 0;
    qsizetype si = 0;
    const qint64 first = qMax(range.fromSecs - range.fromSecs % step, dataFrom - dataFrom % step);
    for (qint64 t = first; t < range.toSecs; t += step) {
        TrafficBucket b { t, 0, 0, 0 };
        while (bi < buckets.size() && buckets[bi].start < t)
            ++bi;
        if (bi < buckets.size() && buckets[bi].start == t)
            b = buckets[bi];
        const double x = double(t);
        out.requests.append(QPointF(x, double(b.requests)));
        out.visitors.append(QPointF(x, double(b.visitors)));
        out.bytes.append(QPointF(x, double(b.bytes)));
        if (status.isEmpty())
            continue;
        StatusBucket s;
        while (si < status.size() && status[si].start < t)
            ++si;
        if (si < status.size() && status[si].start == t)
            s = status[si];
        for (int c = 0; c < 5; ++c)
            out.statusClasses[size_t(c)].append(QPointF(x, double(s.byClass[c])));
    }
    return out;
}

QList<double> Buckets::values(const QList<QPointF>& points)
{
    QList<double> out;
    out.reserve(points.size());
    for (const QPointF& p : points)
        out.append(p.y());
    return out;
}

qsizetype Buckets::indexFrom(const QList<QPointF>& points, qint64 secs)
{
    if (secs < 0)
        return -1;
    const auto it = std::lower_bound(
        points.cbegin(), points.cend(), double(secs), [](const QPointF& p, double x) { return p.x() < x; });
    return it == points.cend() ? -1 : it - points.cbegin();
}

qsizetype Buckets::thinnedIndex(qsizetype index, qsizetype size, int count)
{
    if (index < 0 || size <= count || count < 2)
        return index;
    // thin() picks value floor(i * (size - 1) / (count - 1)) as its i-th.
    for (int i = 0; i < count; ++i) {
        if (qsizetype(double(i) * double(size - 1) / double(count - 1)) >= index)
            return i;
    }
    return -1;
}

QList<double> Buckets::thin(const QList<double>& values, int count)
{
    if (values.size() <= count || count < 2)
        return values;
    QList<double> out;
    for (int i = 0; i < count; ++i)
        out.append(values[qsizetype(double(i) * double(values.size() - 1) / double(count - 1))]);
    return out;
}

} // namespace activity
