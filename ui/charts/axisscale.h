#pragma once

#include <QString>

namespace activity {

// How a chart's value axis is scaled and ticked. Values are plotted as raw / divisor with the divisor's unit as
// the axis title; ticks fall on nice numbers (1, 2 or 5 times a power of ten) and the labels print as many
// decimals as the step needs, so a 0..1 axis never reads "0, 0, 1, 1, 1".
struct AxisScale {
    enum class Kind { Count, Bytes };

    double divisor = 1;
    QString unit; // the axis title: "MiB", "× 1,000", or empty for plain counts
    double min = 0; // the bottom of the axis, in plotted units: 0, or below it for negative values
    double max = 1; // the top
    int tickCount = 2;
    int decimals = 0;

    // printf format for QValueAxis::setLabelFormat.
    QString labelFormat() const;
    // The label the axis prints for tick `index` (0 = bottom), for tests and the accessible description.
    QString tickLabel(int index) const;

    // `rawMin`..`rawMax` are the values drawn (counts or bytes; rawMin <= 0 <= rawMax); at most `maxTicks`
    // ticks, one of them at 0.
    static AxisScale forValues(double rawMin, double rawMax, Kind kind, int maxTicks = 6);
    static AxisScale forValues(double rawMax, Kind kind, int maxTicks = 6)
    {
        return forValues(0, rawMax, kind, maxTicks);
    }
};

} // namespace activity
