#pragma once

#include <QtGlobal>

namespace activity {

// The window's range presets; Custom uses explicit bounds.
enum class RangePreset { Last24Hours, Last7Days, Last30Days, Last90Days, LastYear, Custom };

// A half-open interval [fromSecs, toSecs) of UTC seconds since the epoch.
struct TimeRange {
    qint64 fromSecs = 0;
    qint64 toSecs = 0;
    qint64 length() const { return toSecs - fromSecs; }
    bool isValid() const { return toSecs > fromSecs; }
    friend bool operator==(const TimeRange&, const TimeRange&) = default;
};

namespace TimeRanges {
// The range a preset covers when the time is `nowSecs`; Custom returns an invalid range.
TimeRange forPreset(RangePreset preset, qint64 nowSecs);
// The rollup period a chart over `range` reads from: minutes up to a day, hours up to 30 days, else days.
qint64 periodFor(const TimeRange& range);
// Stable names for settings and the command line ("24h", "7d", "30d", "90d", "1y", "custom").
const char* presetKey(RangePreset preset);
RangePreset presetFromKey(const QByteArray& key, RangePreset fallback);
} // namespace TimeRanges

} // namespace activity
