#pragma once

#include <QList>
#include <optional>

namespace activity {

// A series' usual band for one hour of the week, from the same hour of the weeks before: the median, and the
// median absolute deviation as the spread (robust: one past spike does not widen it). Counts never get a spread
// below their Poisson noise (sqrt of the median), so four calm weeks do not make every small wobble an anomaly.
struct AnomalyBand {
    enum class Sensitivity { Low, Medium, High };
    static constexpr int kWeeks = 4; // the weeks looked back at
    static constexpr int kMinimumWeeks = 2; // with less history the band is not known and nothing fires

    double median = 0;
    double spread = 0; // 1.4826 x MAD (a normal distribution's standard deviation), floored
    double low = 0;
    double high = 0;
    int weeks = 0; // how many of the weeks had data

    // How many spreads from the median the band reaches: low 6, medium 4, high 3.
    static double multiplier(Sensitivity sensitivity);
    static const char* sensitivityKey(Sensitivity sensitivity); // "low", "medium", "high"
    static std::optional<Sensitivity> sensitivityFromKey(const QString& key); // case-insensitive
    // The sensitivity whose multiplier is `k` (how a rule stores it); medium when none is.
    static Sensitivity sensitivityOf(double k);
    // The band of `history` (the same hour of each earlier week that had data); nullopt with fewer than
    // kMinimumWeeks values. `counts`: requests, lines... (the Poisson floor applies).
    static std::optional<AnomalyBand> of(const QList<double>& history, Sensitivity sensitivity, bool counts);
    bool holds(double value) const { return value >= low && value <= high; }
};

} // namespace activity
