#pragma once

#include <QPointF>
#include <optional>

namespace activity {

// The Equal Earth projection (Šavrič, Patterson, Jenny 2018): equal-area, so a country's shaded area
// is proportional to its real area. Longitude and latitude in degrees; the result is in units of the
// Earth's radius: x in [-2.7066, 2.7066], y in [-1.3174, 1.3174], y up (north positive).
namespace EqualEarth {
inline constexpr double kMaxX = 2.7066297319215575;
inline constexpr double kMaxY = 1.3173627591574133;
QPointF project(double lonDeg, double latDeg);
// The inverse (Newton iterations), for tooltips and tests; nullopt outside the map's outline.
std::optional<QPointF> unproject(QPointF xy);
} // namespace EqualEarth

} // namespace activity
