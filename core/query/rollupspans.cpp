#include "core/query/rollupspans.h"

namespace activity {

namespace {
void hoursAndMinutes(qint64 a, qint64 b, QList<RollupSpan>& out)
{
    if (b <= a)
        return;
    const qint64 hourA = (a + 3599) / 3600 * 3600;
    const qint64 hourB = b / 3600 * 3600;
    if (hourB <= hourA) {
        out.append({ 60, a, b });
        return;
    }
    out.append({ 3600, hourA, hourB });
    if (hourA > a)
        out.append({ 60, a, hourA });
    if (b > hourB)
        out.append({ 60, hourB, b });
}
void hoursOrRaw(qint64 a, qint64 b, qint64 hourlyFrom, QList<RollupSpan>& out)
{
    if (b <= a)
        return;
    const qint64 hourA = qMax((a + 3599) / 3600 * 3600, (hourlyFrom + 3599) / 3600 * 3600);
    const qint64 hourB = b / 3600 * 3600;
    if (hourB <= hourA) {
        out.append({ 0, a, b });
        return;
    }
    out.append({ 3600, hourA, hourB });
    if (hourA > a)
        out.append({ 0, a, hourA });
    if (b > hourB)
        out.append({ 0, hourB, b });
}
} // namespace

QList<RollupSpan> RollupSpans::splitText(qint64 fromSecs, qint64 toSecs, qint64 hourlyFrom)
{
    QList<RollupSpan> out;
    const qint64 dayFrom = (fromSecs + 86399) / 86400 * 86400;
    const qint64 dayTo = toSecs / 86400 * 86400;
    if (dayTo > dayFrom) {
        out.append({ 86400, dayFrom, dayTo });
        hoursOrRaw(fromSecs, dayFrom, hourlyFrom, out);
        hoursOrRaw(dayTo, toSecs, hourlyFrom, out);
    } else {
        hoursOrRaw(fromSecs, toSecs, hourlyFrom, out);
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
