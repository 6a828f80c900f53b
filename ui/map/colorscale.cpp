#include "ui/map/colorscale.h"

#include <algorithm>
#include <cmath>

namespace activity {

namespace {
struct Lab {
    double l, a, b;
};
constexpr Lab kLight { 94.0, -3.0, 6.0 };
constexpr Lab kDark { 24.0, 12.0, -52.0 };

double toSrgb(double linear)
{
    const double c = linear <= 0.0031308 ? 12.92 * linear : 1.055 * std::pow(linear, 1 / 2.4) - 0.055;
    return std::clamp(c, 0.0, 1.0);
}

QColor fromLab(const Lab& lab)
{
    // D65 white point.
    const double fy = (lab.l + 16) / 116;
    const double fx = fy + lab.a / 500;
    const double fz = fy - lab.b / 200;
    auto finv = [](double t) { return t > 6.0 / 29 ? t * t * t : 3 * (6.0 / 29) * (6.0 / 29) * (t - 4.0 / 29); };
    const double x = 0.95047 * finv(fx);
    const double y = 1.00000 * finv(fy);
    const double z = 1.08883 * finv(fz);
    const double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
    const double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
    const double b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
    return QColor::fromRgbF(float(toSrgb(r)), float(toSrgb(g)), float(toSrgb(b)));
}
} // namespace

ColorScale::ColorScale(double maximum)
    : m_max(maximum)
{ }

double ColorScale::position(double value) const
{
    if (value <= 0 || m_max <= 0)
        return 0;
    return std::clamp(std::log1p(value) / std::log1p(m_max), 0.0, 1.0);
}

QColor ColorScale::colorAt(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return fromLab({ kLight.l + (kDark.l - kLight.l) * t, kLight.a + (kDark.a - kLight.a) * t,
        kLight.b + (kDark.b - kLight.b) * t });
}

QColor ColorScale::noData()
{
    return QColor(0xd9, 0xd9, 0xd6);
}

} // namespace activity
