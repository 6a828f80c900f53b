#pragma once

#include <QtGlobal>

namespace activity {

// The hour of day on the user's clock for many times in a row (hour-of-day charts read thousands of hour
// buckets). QDateTime's local conversion costs microseconds per call, 10 ms for 90 days of hours; the UTC offset
// changes a few times a year, so it is looked up once per week and reused while it holds (the week of a
// daylight-saving change is split at the change).
class LocalHours {
public:
    int hourOf(qint64 secs);

private:
    void findSpan(qint64 secs);
    qint64 m_from = 0; // [m_from, m_to): where m_offset holds
    qint64 m_to = 0;
    int m_offset = 0;
};

} // namespace activity
