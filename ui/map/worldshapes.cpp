#include "ui/map/worldshapes.h"

#include "core/geo/countrytable.h"
#include "core/geo/equalearth.h"
#include "core/geo/topojson.h"

#include <QFile>

namespace activity {

namespace {
QPointF projected(QPointF lonLat)
{
    const QPointF p = EqualEarth::project(lonLat.x(), lonLat.y());
    return { p.x(), -p.y() };
}
} // namespace

std::shared_ptr<const WorldShapes> WorldShapes::build(const QList<GeoShape>& shapes, const CountryTable& table)
{
    auto world = std::make_shared<WorldShapes>();
    // The outline: the 180th meridians on both sides, densely sampled.
    QPolygonF outline;
    for (int lat = -90; lat <= 90; ++lat)
        outline.append(projected(QPointF(180, lat)));
    for (int lat = 90; lat >= -90; --lat)
        outline.append(projected(QPointF(-180, lat)));
    world->m_outline.addPolygon(outline);
    world->m_outline.closeSubpath();
    world->m_countries.reserve(shapes.size());
    for (const GeoShape& shape : shapes) {
        MapCountry country;
        country.code = table.alpha2FromNumeric(shape.id);
        if (country.code.isEmpty() && shape.name == QLatin1String("Kosovo"))
            country.code = QStringLiteral("XK"); // no ISO number; GeoIP databases use XK
        country.name = country.code.isEmpty() ? shape.name : table.name(country.code);
        country.path.setFillRule(Qt::OddEvenFill);
        QPainterPath crossing; // rings that cross the antimeridian, clipped to the outline below
        crossing.setFillRule(Qt::OddEvenFill);
        for (const QList<QPointF>& ring : shape.rings) {
            if (ring.size() < 3)
                continue;
            // Unwrap longitudes so a ring crossing the 180th meridian stays continuous (170..190
            // rather than 170..-170, which would draw a stripe across the whole map).
            QList<QPointF> unwrapped;
            unwrapped.reserve(ring.size());
            double shift = 0;
            bool crosses = false;
            for (qsizetype i = 0; i < ring.size(); ++i) {
                if (i > 0) {
                    const double step = ring[i].x() - ring[i - 1].x();
                    if (step > 180)
                        shift -= 360, crosses = true;
                    else if (step < -180)
                        shift += 360, crosses = true;
                }
                unwrapped.append(QPointF(ring[i].x() + shift, ring[i].y()));
            }
            auto polygonOf = [](const QList<QPointF>& points, double offset) {
                QPolygonF polygon;
                polygon.reserve(points.size());
                for (const QPointF& p : points)
                    polygon.append(projected(QPointF(p.x() + offset, p.y())));
                return polygon;
            };
            if (!crosses) {
                country.path.addPolygon(polygonOf(ring, 0));
                country.path.closeSubpath();
                continue;
            }
            // Drawn on both sides of the map; the outline clips each copy.
            for (const double offset : { -360.0, 0.0, 360.0 }) {
                crossing.addPolygon(polygonOf(unwrapped, offset));
                crossing.closeSubpath();
            }
        }
        if (!crossing.isEmpty())
            country.path.addPath(crossing.intersected(world->m_outline));
        country.bounds = country.path.boundingRect();
        world->m_countries.append(std::move(country));
    }
    return world;
}

std::shared_ptr<const WorldShapes> WorldShapes::builtIn(const CountryTable& table)
{
    QFile file(QStringLiteral(":/map/countries-50m.json"));
    if (!file.open(QIODevice::ReadOnly))
        return build({}, table);
    return build(TopoJson::decode(file.readAll(), QStringLiteral("countries")), table);
}

int WorldShapes::countryAt(QPointF projected) const
{
    for (qsizetype i = 0; i < m_countries.size(); ++i) {
        const MapCountry& c = m_countries[i];
        if (c.bounds.contains(projected) && c.path.contains(projected))
            return int(i);
    }
    return -1;
}

int WorldShapes::indexOf(const QString& code) const
{
    if (code.isEmpty())
        return -1;
    for (qsizetype i = 0; i < m_countries.size(); ++i)
        if (m_countries[i].code == code)
            return int(i);
    return -1;
}

} // namespace activity
