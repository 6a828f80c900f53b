#include "core/geo/equalearth.h"

#include <cmath>
#include <numbers>

namespace activity {

namespace {
constexpr double A1 = 1.340264;
constexpr double A2 = -0.081106;
constexpr double A3 = 0.000893;
constexpr double A4 = 0.003796;
const double M = std::sqrt(3.0) / 2.0;
constexpr double kDeg = std::numbers::pi / 180.0;
} // namespace

QPointF EqualEarth::project(double lonDeg, double latDeg)
{
    const double lambda = lonDeg * kDeg;
    const double phi = latDeg * kDeg;
    const double l = std::asin(M * std::sin(phi));
    const double l2 = l * l;
    const double l6 = l2 * l2 * l2;
    const double x = lambda * std::cos(l) / (M * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2)));
    const double y = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2));
    return { x, y };
}

std::optional<QPointF> EqualEarth::unproject(QPointF xy)
{
    double l = xy.y();
    for (int i = 0; i < 12; ++i) {
        const double l2 = l * l;
        const double l6 = l2 * l2 * l2;
        const double fy = l * (A1 + A2 * l2 + l6 * (A3 + A4 * l2)) - xy.y();
        const double fpy = A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2);
        const double delta = fy / fpy;
        l -= delta;
        if (std::abs(delta) < 1e-12)
            break;
    }
    const double l2 = l * l;
    const double l6 = l2 * l2 * l2;
    const double s = std::sin(l) / M;
    if (std::abs(s) > 1.0)
        return std::nullopt;
    const double lambda = M * xy.x() * (A1 + 3 * A2 * l2 + l6 * (7 * A3 + 9 * A4 * l2)) / std::cos(l);
    if (std::abs(lambda) > std::numbers::pi + 1e-9)
        return std::nullopt;
    return QPointF(lambda / kDeg, std::asin(s) / kDeg);
}

} // namespace activity
