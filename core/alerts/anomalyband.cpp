#include "core/alerts/anomalyband.h"

#include <QString>
#include <algorithm>
#include <cmath>

namespace activity {

namespace {
double medianOf(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}
} // namespace

double AnomalyBand::multiplier(Sensitivity sensitivity)
{
    switch (sensitivity) {
    case Sensitivity::Low:
        return 6;
    case Sensitivity::Medium:
        return 4;
    case Sensitivity::High:
        return 3;
    }
    return 4;
}

const char* AnomalyBand::sensitivityKey(Sensitivity sensitivity)
{
    switch (sensitivity) {
    case Sensitivity::Low:
        return "low";
    case Sensitivity::Medium:
        return "medium";
    case Sensitivity::High:
        return "high";
    }
    return "medium";
}

std::optional<AnomalyBand::Sensitivity> AnomalyBand::sensitivityFromKey(const QString& key)
{
    for (const Sensitivity s : { Sensitivity::Low, Sensitivity::Medium, Sensitivity::High })
        if (key.trimmed().compare(QLatin1String(sensitivityKey(s)), Qt::CaseInsensitive) == 0)
            return s;
    return std::nullopt;
}

AnomalyBand::Sensitivity AnomalyBand::sensitivityOf(double k)
{
    for (const Sensitivity s : { Sensitivity::Low, Sensitivity::Medium, Sensitivity::High })
        if (multiplier(s) == k)
            return s;
    return Sensitivity::Medium;
}

std::optional<AnomalyBand> AnomalyBand::of(const QList<double>& history, Sensitivity sensitivity, bool counts)
{
    if (history.size() < kMinimumWeeks)
        return std::nullopt;
    AnomalyBand b;
    b.weeks = int(history.size());
    b.median = medianOf(history);
    QList<double> deviations;
    for (const double v : history)
        deviations.append(std::abs(v - b.median));
    b.spread = 1.4826 * medianOf(deviations);
    // Four identical weeks have no spread at all: a count still varies by its square root, a figure by a little.
    const double floor = counts ? std::sqrt(qMax(1.0, b.median)) : qMax(1e-9, 0.05 * std::abs(b.median));
    b.spread = qMax(b.spread, floor);
    const double k = multiplier(sensitivity);
    b.low = b.median - k * b.spread;
    b.high = b.median + k * b.spread;
    return b;
}

} // namespace activity
