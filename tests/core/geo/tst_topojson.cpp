#include "core/geo/topojson.h"

#include <QFile>
#include <QTest>

namespace activity {

namespace {
QByteArray fixture(const QString& name)
{
    QFile f(QStringLiteral(ACTIVITY_TEST_DATA "/desktop/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestTopoJson : public QObject {
    Q_OBJECT
private slots:
    void decodesQuantizedDeltaArcs()
    {
        QString error;
        const QList<GeoShape> shapes = TopoJson::decode(fixture("two-squares.topojson"), "countries", &error);
        QVERIFY(error.isEmpty());
        QCOMPARE(shapes.size(), 3); // the Point is not a country shape
        QCOMPARE(shapes[0].id, QString("724"));
        QCOMPARE(shapes[0].name, QString("Square A"));
        QCOMPARE(shapes[0].rings.size(), 1);
        // Arc 0 then arc 1, the shared joint once: (-10,20) (-8,20) (-8,21) (-10,21) (-10,20).
        const QList<QPointF> a { { -10, 20 }, { -8, 20 }, { -8, 21 }, { -10, 21 }, { -10, 20 } };
        QCOMPARE(shapes[0].rings[0], a);
    }
    void reversedArcsInAMultiPolygon()
    {
        const QList<GeoShape> shapes = TopoJson::decode(fixture("two-squares.topojson"), "countries");
        QCOMPARE(shapes[1].id, QString("250"));
        const QList<QPointF> b { { -10, 20 }, { -10, 21 }, { -8, 21 }, { -8, 20 }, { -10, 20 } };
        QCOMPARE(shapes[1].rings, QList<QList<QPointF>> { b });
        QVERIFY(shapes[2].id.isEmpty());
        QCOMPARE(shapes[2].name, QString("Kosovo"));
    }
    void rejectsOtherDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("object");
        QTest::addRow("not json") << QByteArray("{{{") << "countries";
        QTest::addRow("GeoJSON") << QByteArray(R"({"type":"FeatureCollection","features":[]})") << "countries";
        QTest::addRow("missing object") << fixture("two-squares.topojson") << "land";
    }
    void rejectsOtherDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, object);
        QString error;
        QVERIFY(TopoJson::decode(json, object, &error).isEmpty());
        QVERIFY(!error.isEmpty());
    }
    void hostileIndexesAreIgnored()
    {
        const QByteArray json = R"({"type":"Topology","objects":{"c":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,7,-9]],"id":"1"}]}},"arcs":[[[0,0],[1,0],[0,1]]]})";
        const QList<GeoShape> shapes = TopoJson::decode(json, "c");
        QCOMPARE(shapes.size(), 1);
        QCOMPARE(shapes[0].rings[0].size(), 3);
    }
    void worldAtlas()
    {
        QFile f(QStringLiteral(ACTIVITY_SOURCE_DIR "/resources/map/countries-50m.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<GeoShape> shapes = TopoJson::decode(f.readAll(), "countries");
        QCOMPARE(shapes.size(), 241);
        // Every point lies on the globe.
        for (const GeoShape& s : shapes)
            for (const auto& ring : s.rings)
                for (const QPointF& p : ring)
                    QVERIFY2(std::abs(p.x()) <= 180.0 + 1e-9 && std::abs(p.y()) <= 90.0 + 1e-9, qPrintable(s.name));
        const auto france = std::find_if(shapes.begin(), shapes.end(), [](const GeoShape& s) { return s.id == "250"; });
        QVERIFY(france != shapes.end());
        QCOMPARE(france->name, QString("France"));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestTopoJson)
#include "tst_topojson.moc"
