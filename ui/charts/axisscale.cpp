#include "ui/charts/axisscale.h"

#include <QCoreApplication>
#include <QLocale>
#include <cmath>

namespace activity {

namespace {
// The smallest of 1, 2, 5 times a power of ten that is at least `raw`.
double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double f : { 1.0, 2.0, 5.0 }) {
        if (f * magnitude >= raw * (1 - 1e-9))
            return f * magnitude;
    }
    return 10 * magnitude;
}
} // namespace

QString AxisScale::labelFormat() const
{
    return QStringLiteral("%.") + QString::number(decimals) + QLatin1Char('f');
}

QString AxisScale::tickLabel(int index) const
{
    double value = tickCount > 1 ? min + (max - min) * index / (tickCount - 1) : min;
    if (std::abs(value) < 1e-9 * (max - min))
        value = 0; // never "-0"
    return QString::asprintf(labelFormat().toLatin1().constData(), value);
}

AxisScale AxisScale::forValues(double rawMin, double rawMax, Kind kind, int maxTicks)
{
    AxisScale s;
    maxTicks = qMax(2, maxTicks);
    if (kind == Kind::Bytes) {
        const char* units[] = { QT_TRANSLATE_NOOP("ChartView", "bytes"), QT_TRANSLATE_NOOP("ChartView", "KiB"),
            QT_TRANSLATE_NOOP("ChartView", "MiB"), QT_TRANSLATE_NOOP("ChartView", "GiB"),
            QT_TRANSLATE_NOOP("ChartView", "TiB") };
        int k = 0;
        const double magnitude = qMax(rawMax, -rawMin);
        while (k + 1 < int(std::size(units)) && magnitude >= 1024.0 * s.divisor) {
            s.divisor *= 1024.0;
            ++k;
        }
        s.unit = QCoreApplication::translate("ChartView", units[k]);
    } else if (qMax(rawMax, -rawMin) >= 1e5) {
        // Qt Charts' printf labels have no digit grouping: 4000000 would push the plot right.
        s.divisor = qMax(rawMax, -rawMin) >= 1e6 ? 1e6 : 1e3;
        s.unit = QStringLiteral("× ") + QLocale().toString(qint64(s.divisor));
    }
    const double top = qMax(0.0, rawMax / s.divisor);
    const double bottom = qMin(0.0, rawMin / s.divisor);
    if (!(top - bottom > 0) || !std::isfinite(top - bottom))
        return s; // 0..1, two ticks
    double step = niceStep((top - bottom) / (maxTicks - 1));
    // Plain counts and byte counts are whole numbers: no tick between 0 and 1.
    if (s.divisor == 1)
        step = qMax(step, 1.0);
    const int above = int(std::ceil(top / step - 1e-9));
    const int below = int(std::ceil(-bottom / step - 1e-9));
    const int intervals = qMax(1, above + below);
    s.min = below > 0 ? -below * step : 0.0;
    s.max = s.min + intervals * step;
    s.tickCount = intervals + 1;
    s.decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    return s;
}

} // namespace activity
