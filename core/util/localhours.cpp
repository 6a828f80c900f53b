#include "core/util/localhours.h"

#include <QDateTime>

namespace activity {

namespace {
constexpr qint64 kWeek = qint64(7) * 86400;

int offsetAt(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).offsetFromUtc();
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
} // namespace

int LocalHours::hourOf(qint64 secs)
{
    if (secs < m_from || secs >= m_to)
        findSpan(secs);
    const qint64 local = secs + m_offset;
    return int((local - floorDiv(local, 86400) * 86400) / 3600);
}

// The week holding `secs`, or the part of it on secs' side of an offset change (found by bisection: one change a
// week at most, as every zone has).
void LocalHours::findSpan(qint64 secs)
{
    qint64 from = floorDiv(secs, kWeek) * kWeek;
    qint64 to = from + kWeek;
    const int first = offsetAt(from);
    if (offsetAt(to - 1) != first) {
        qint64 same = from; // offsetAt(same) == first
        qint64 changed = to - 1; // offsetAt(changed) != first
        while (changed - same > 1) {
            const qint64 mid = same + (changed - same) / 2;
            (offsetAt(mid) == first ? same : changed) = mid;
        }
        if (secs < changed)
            to = changed;
        else
            from = changed;
    }
    m_from = from;
    m_to = to;
    m_offset = offsetAt(secs);
}

} // namespace activity
