#include "core/query/timerange.h"

#include <QByteArray>
#include <array>

namespace activity {

namespace {
struct PresetInfo {
    RangePreset preset;
    const char* key;
    qint64 seconds;
};
constexpr std::array<PresetInfo, 6> kPresets = { {
    { RangePreset::Last24Hours, "24h", 86400 },
    { RangePreset::Last7Days, "7d", 7 * 86400 },
    { RangePreset::Last30Days, "30d", 30 * 86400 },
    { RangePreset::Last90Days, "90d", 90 * 86400 },
    { RangePreset::LastYear, "1y", 365 * 86400 },
    { RangePreset::Custom, "custom", 0 },
} };
} // namespace

TimeRange TimeRanges::forPreset(RangePreset preset, qint64 nowSecs)
{
    for (const PresetInfo& info : kPresets) {
        if (info.preset == preset && info.seconds > 0) {
            // Ends at the next whole minute so the current minute's bucket is included.
            const qint64 to = (nowSecs / 60 + 1) * 60;
            return { to - info.seconds, to };
        }
    }
    return {};
}

qint64 TimeRanges::periodFor(const TimeRange& range)
{
    if (range.length() <= 2 * 86400)
        return 60;
    if (range.length() <= 31 * 86400)
        return 3600;
    return 86400;
}

const char* TimeRanges::presetKey(RangePreset preset)
{
    for (const PresetInfo& info : kPresets) {
        if (info.preset == preset)
            return info.key;
    }
    return "30d";
}

RangePreset TimeRanges::presetFromKey(const QByteArray& key, RangePreset fallback)
{
    for (const PresetInfo& info : kPresets) {
        if (key == info.key)
            return info.preset;
    }
    return fallback;
}

} // namespace activity
