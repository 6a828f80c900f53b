#pragma once

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QString>

namespace activity {

// One country of a TopoJSON GeometryCollection, decoded to longitude/latitude rings (degrees).
struct GeoShape {
    QString id; // the TopoJSON id: ISO 3166-1 numeric as text ("250"), empty for a few disputed areas
    QString name; // properties.name (English, from Natural Earth)
    QList<QList<QPointF>> rings; // outer rings and holes alike; drawn with the odd-even rule
};

namespace TopoJson {
// Decodes the named object of a topology (quantized delta-encoded arcs, negative index = reversed arc).
// Returns an empty list with `error` set when the document is not a TopoJSON topology.
QList<GeoShape> decode(const QByteArray& json, const QString& object, QString* error = nullptr);
} // namespace TopoJson

} // namespace activity
