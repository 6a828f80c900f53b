#include "ui/map/worldshapes.h"

#include "core/geo/countrytable.h"
#include "core/geo/equalearth.h"
#include "core/geo/topojson.h"

#include <QFile>

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
    world->m_countries.reserve(shapes.size());
    for (const GeoShape& shape : shapes) {
        MapCountry country;
        country.code = table.alpha2FromNumeric(shape.id);
        if (country.code.isEmpty() && shape.name == QLatin1String("Kosovo"))
            country.code = QStringLiteral("XK"); // no ISO number; GeoIP databases use XK
        country.name = country.code.isEmpty() ? shape.name : table.name(country.code);
        country.path.setFillRule(Qt::OddEvenFill);
        for (const QList<QPointF>& ring : shape.rings) {
            if (ring.size() < 3)
                continue;
            QPolygonF polygon;
            polygon.reserve(ring.size());
            for (const QPointF& p : ring)
                polygon.append(projected(p));
            country.path.addPolygon(polygon);
            country.path.closeSubpath();
        }
        country.bounds = country.path.boundingRect();
        world->m_countries.append(std::move(country));
    }
    // The outline: the 180th meridians on both sides, densely sampled.
    QPolygonF outline;
    for (int lat = -90; lat <= 90; ++lat)
        outline.append(projected(QPointF(180, lat)));
    for (int lat = 90; lat >= -90; --lat)
        outline.append(projected(QPointF(-180, lat)));
    world->m_outline.addPolygon(outline);
    world->m_outline.closeSubpath();
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
