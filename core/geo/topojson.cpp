#include "core/geo/topojson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace activity {

namespace {
struct TopoText {
    Q_DECLARE_TR_FUNCTIONS(TopoText)
};

using Arc = QList<QPointF>;

QList<Arc> decodeArcs(const QJsonArray& arcs, const QJsonObject& transform)
{
    const QJsonArray scale = transform.value(QLatin1String("scale")).toArray();
    const QJsonArray translate = transform.value(QLatin1String("translate")).toArray();
    const bool quantized = scale.size() == 2 && translate.size() == 2;
    const double sx = quantized ? scale[0].toDouble() : 1.0;
    const double sy = quantized ? scale[1].toDouble() : 1.0;
    const double tx = quantized ? translate[0].toDouble() : 0.0;
    const double ty = quantized ? translate[1].toDouble() : 0.0;
    QList<Arc> result;
    result.reserve(arcs.size());
    for (const QJsonValue& arcValue : arcs) {
        const QJsonArray positions = arcValue.toArray();
        Arc arc;
        arc.reserve(positions.size());
        double x = 0;
        double y = 0;
        for (const QJsonValue& p : positions) {
            const QJsonArray pos = p.toArray();
            if (quantized) {
                // Delta-encoded: each position is relative to the previous one.
                x += pos.at(0).toDouble();
                y += pos.at(1).toDouble();
                arc.append(QPointF(x * sx + tx, y * sy + ty));
            } else {
                arc.append(QPointF(pos.at(0).toDouble(), pos.at(1).toDouble()));
            }
        }
        result.append(std::move(arc));
    }
    return result;
}

QList<QPointF> ring(const QJsonArray& indexes, const QList<Arc>& arcs)
{
    QList<QPointF> points;
    for (const QJsonValue& v : indexes) {
        const int index = v.toInt();
        const bool reversed = index < 0;
        const qsizetype arcIndex = reversed ? ~index : index;
        if (arcIndex < 0 || arcIndex >= arcs.size())
            continue;
        const Arc& arc = arcs[arcIndex];
        // Consecutive arcs share their joining point: skip it on all but the first arc.
        const qsizetype skip = points.isEmpty() ? 0 : 1;
        if (reversed) {
            for (qsizetype i = arc.size() - 1 - skip; i >= 0; --i)
                points.append(arc[i]);
        } else {
            for (qsizetype i = skip; i < arc.size(); ++i)
                points.append(arc[i]);
        }
    }
    return points;
}
} // namespace

QList<GeoShape> TopoJson::decode(const QByteArray& json, const QString& object, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject root = doc.object();
    if (doc.isNull() || root.value(QLatin1String("type")).toString() != QLatin1String("Topology")) {
        if (error)
            *error = TopoText::tr("not a TopoJSON topology");
        return {};
    }
    const QJsonObject collection = root.value(QLatin1String("objects")).toObject().value(object).toObject();
    if (collection.isEmpty()) {
        if (error)
            *error = TopoText::tr("the topology has no object named %1").arg(object);
        return {};
    }
    const QList<Arc> arcs
        = decodeArcs(root.value(QLatin1String("arcs")).toArray(), root.value(QLatin1String("transform")).toObject());
    QList<GeoShape> shapes;
    for (const QJsonValue& g : collection.value(QLatin1String("geometries")).toArray()) {
        const QJsonObject geometry = g.toObject();
        const QString type = geometry.value(QLatin1String("type")).toString();
        GeoShape shape;
        const QJsonValue id = geometry.value(QLatin1String("id"));
        shape.id = id.isDouble() ? QString::number(id.toInt()) : id.toString();
        shape.name = geometry.value(QLatin1String("properties")).toObject().value(QLatin1String("name")).toString();
        const QJsonArray parts = geometry.value(QLatin1String("arcs")).toArray();
        if (type == QLatin1String("Polygon")) {
            for (const QJsonValue& r : parts)
                shape.rings.append(ring(r.toArray(), arcs));
        } else if (type == QLatin1String("MultiPolygon")) {
            for (const QJsonValue& polygon : parts)
                for (const QJsonValue& r : polygon.toArray())
                    shape.rings.append(ring(r.toArray(), arcs));
        } else {
            continue;
        }
        shapes.append(std::move(shape));
    }
    return shapes;
}

} // namespace activity
