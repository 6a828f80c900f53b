#include "core/query/rollupspans.h"

namespace activity {

namespace {
// [a, b) as whole hours from `hourlyFrom` on, the rest in spans of period `finer` (60: minute buckets; 0: raw rows).
void hoursThen(qint64 a, qint64 b, qint64 hourlyFrom, qint64 finer, QList<RollupSpan>& out)
{
    if (b <= a)
        return;
    const qint64 hourA = qMax((a + 3599) / 3600 * 3600, (hourlyFrom + 3599) / 3600 * 3600);
    const qint64 hourB = b / 3600 * 3600;
    if (hourB <= hourA) {
        out.append({ finer, a, b });
        return;
    }
    out.append({ 3600, hourA, hourB });
    if (hourA > a)
        out.append({ finer, a, hourA });
    if (b > hourB)
        out.append({ finer, hourB, b });
}
void hoursAndMinutes(qint64 a, qint64 b, QList<RollupSpan>& out)
{
    hoursThen(a, b, a, 60, out);
}
} // namespace

QList<RollupSpan> RollupSpans::splitText(qint64 fromSecs, qint64 toSecs, qint64 hourlyFrom)
{
    QList<RollupSpan> out;
    const qint64 dayFrom = (fromSecs + 86399) / 86400 * 86400;
    const qint64 dayTo = toSecs / 86400 * 86400;
    if (dayTo > dayFrom) {
        out.append({ 86400, dayFrom, dayTo });
        hoursThen(fromSecs, dayFrom, hourlyFrom, 0, out);
        hoursThen(dayTo, toSecs, hourlyFrom, 0, out);
    } else {
        hoursThen(fromSecs, toSecs, hourlyFrom, 0, out);
    }
    return out;
}

QList<RollupSpan> RollupSpans::split(qint64 fromSecs, qint64 toSecs, qint64 maxPeriod)
{
    QList<RollupSpan> out;
    const qint64 from = fromSecs / 60 * 60;
    const qint64 to = (toSecs + 59) / 60 * 60;
    const qint64 dayFrom = (from + 86399) / 86400 * 86400;
    const qint64 dayTo = to / 86400 * 86400;
    if (maxPeriod < 86400) {
        hoursAndMinutes(from, to, out);
    } else if (dayTo > dayFrom) {
        out.append({ 86400, dayFrom, dayTo });
        hoursAndMinutes(from, dayFrom, out);
        hoursAndMinutes(dayTo, to, out);
    } else {
        hoursAndMinutes(from, to, out);
    }
    return out;
}

} // namespace activity
