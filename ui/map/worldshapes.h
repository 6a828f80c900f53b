#pragma once

#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <memory>

namespace activity {

class CountryTable;
struct GeoShape;

// One country ready to draw: projected once (Equal Earth, y down, Earth radius units) and kept as a path.
struct MapCountry {
    QString code; // ISO alpha-2 ("FR"), empty for areas without one
    QString name; // translated
    QPainterPath path;
    QRectF bounds;
};

// The projected world, shared by every map (window, kiosk, report). Immutable once built.
class WorldShapes {
public:
    // Projects decoded TopoJSON shapes; names and codes come from the country table.
    static std::shared_ptr<const WorldShapes> build(const QList<GeoShape>& shapes, const CountryTable& table);
    // The built-in Natural Earth 1:50m countries (resource :/map/countries-50m.json).
    static std::shared_ptr<const WorldShapes> builtIn(const CountryTable& table);

    const QList<MapCountry>& countries() const { return m_countries; }
    // The map's outline (the projected sphere) and its bounds.
    const QPainterPath& outline() const { return m_outline; }
    QRectF bounds() const { return m_outline.boundingRect(); }
    // The country containing a projected point, or -1.
    int countryAt(QPointF projected) const;
    int indexOf(const QString& code) const;

private:
    QList<MapCountry> m_countries;
    QPainterPath m_outline;
};

} // namespace activity
