#include "core/geo/equalearth.h"

#include <QTest>

namespace activity {

class TestEqualEarth : public QObject {
    Q_OBJECT
private slots:
    void project_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        // The extent published with the projection: 2.7066 x 1.3174 Earth radii (width/height 2.05).
        QTest::addRow("origin") << 0.0 << 0.0 << 0.0 << 0.0;
        QTest::addRow("equator at the antimeridian") << 180.0 << 0.0 << 2.706630 << 0.0;
        QTest::addRow("west edge") << -180.0 << 0.0 << -2.706630 << 0.0;
        QTest::addRow("north pole") << 0.0 << 90.0 << 0.0 << 1.317363;
        QTest::addRow("south pole") << 0.0 << -90.0 << 0.0 << -1.317363;
        // The pole is a line 0.59 times the equator's length.
        QTest::addRow("pole line end") << 180.0 << 90.0 << 1.603589 << 1.317363;
        QTest::addRow("Paris") << 2.3522 << 48.8566 << 0.029444 << 0.923361;
        QTest::addRow("New York") << -74.006 << 40.7128 << -0.981861 << 0.787064;
        QTest::addRow("Sydney") << 151.2093 << -33.8688 << 2.087106 << -0.664684;
    }
    void project()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(double, x);
        QFETCH(double, y);
        const QPointF p = EqualEarth::project(lon, lat);
        QVERIFY2(std::abs(p.x() - x) < 1e-6, qPrintable(QString::number(p.x(), 'f', 7)));
        QVERIFY2(std::abs(p.y() - y) < 1e-6, qPrintable(QString::number(p.y(), 'f', 7)));
        QVERIFY(std::abs(std::abs(p.x()) - EqualEarth::kMaxX) > -1e-9);
    }
    void roundTrip_data() { project_data(); }
    void roundTrip()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        if (std::abs(lat) == 90.0)
            QSKIP("longitude is undefined at a pole");
        const auto back = EqualEarth::unproject(EqualEarth::project(lon, lat));
        QVERIFY(back);
        QVERIFY2(std::abs(back->x() - lon) < 1e-7 && std::abs(back->y() - lat) < 1e-7,
            qPrintable(QStringLiteral("%1 %2").arg(back->x()).arg(back->y())));
    }
    void equalArea()
    {
        // Two 1x1 degree cells, at the equator and at 60N, keep the ratio of their true areas (cos 60.5 / cos 0.5).
        auto cellArea = [](double lat) {
            const QPointF a = EqualEarth::project(0, lat), b = EqualEarth::project(1, lat),
                          c = EqualEarth::project(1, lat + 1), d = EqualEarth::project(0, lat + 1);
            return 0.5
                * std::abs((a.x() * b.y() - b.x() * a.y()) + (b.x() * c.y() - c.x() * b.y())
                    + (c.x() * d.y() - d.x() * c.y()) + (d.x() * a.y() - a.x() * d.y()));
        };
        const double ratio = cellArea(60) / cellArea(0);
        const double truth = (std::sin(61 * M_PI / 180) - std::sin(60 * M_PI / 180)) / std::sin(M_PI / 180);
        QVERIFY2(std::abs(ratio - truth) < 1e-3, qPrintable(QString::number(ratio) + " vs " + QString::number(truth)));
    }
    void outsideTheMap()
    {
        QVERIFY(!EqualEarth::unproject(QPointF(2.7, 1.3)));
        QVERIFY(!EqualEarth::unproject(QPointF(3.0, 0)));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestEqualEarth)
#include "tst_equalearth.moc"
