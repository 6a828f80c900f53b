#include "core/geo/countrytable.h"
#include "ui/map/colorscale.h"
#include "ui/map/worldmapwidget.h"
#include "ui/map/worldshapes.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

namespace activity {

namespace {
int distance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}
} // namespace

class TestWorldMapWidget : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_shapes = WorldShapes::builtIn(CountryTable::system(QLocale(QLocale::English)));
    }
    void shapesCarryAlpha2CodesAndNames()
    {
        QCOMPARE(m_shapes->countries().size(), 241);
        const int fr = m_shapes->indexOf("FR");
        QVERIFY(fr >= 0);
        QCOMPARE(m_shapes->countries()[fr].name, QString("France"));
        QVERIFY(m_shapes->indexOf("XK") >= 0);
        // The world fits the Equal Earth extent.
        QVERIFY(std::abs(m_shapes->bounds().width() - 2 * 2.70663) < 1e-3);
    }
    void shadedCountriesDifferFromUnshaded()
    {
        WorldMapWidget map(m_shapes);
        map.resize(1000, 560);
        map.setFigures({ { "FR", { 1000, 400 } }, { "DE", { 10, 5 } } });
        const QImage image = map.grab().toImage();
        auto at = [&](double lon, double lat) { return image.pixelColor(map.mapToWidget(lon, lat).toPoint()); };
        const QColor paris = at(2.35, 48.86);
        const QColor berlin = at(13.40, 52.52);
        const QColor madrid = at(-3.70, 40.42);
        const QColor sea = at(-30.0, 30.0);
        QVERIFY2(distance(paris, ColorScale(1000).color(1000)) < 6, qPrintable(paris.name()));
        QVERIFY2(distance(berlin, ColorScale(1000).color(10)) < 6, qPrintable(berlin.name()));
        QVERIFY2(distance(madrid, ColorScale::noData()) < 6, qPrintable(madrid.name()));
        QVERIFY(distance(paris, berlin) > 60);
        QVERIFY(distance(sea, madrid) > 20);
    }
    void darkPaletteDarkensTheSea()
    {
        WorldMapWidget map(m_shapes);
        map.resize(1000, 560);
        map.setFigures({ { "FR", { 1000, 400 } } });
        auto at = [&](const QImage& image, double lon, double lat) {
            return image.pixelColor(map.mapToWidget(lon, lat).toPoint());
        };
        const QImage light = map.grab().toImage();
        QVERIFY(at(light, -30.0, 30.0).lightness() > 200);
        QPalette dark = map.palette();
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x22));
        dark.setColor(QPalette::Window, QColor(0x2a, 0x2a, 0x2c));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        map.setPalette(dark);
        const QImage image = map.grab().toImage();
        const QColor sea = at(image, -30.0, 30.0);
        const QColor madrid = at(image, -3.70, 40.42); // no data
        QVERIFY2(sea.lightness() < 70, qPrintable(sea.name()));
        QVERIFY2(madrid.lightness() < 90, qPrintable(madrid.name()));
        QVERIFY(distance(sea, madrid) > 15);
        // Data keeps its colour scale.
        QVERIFY(distance(at(image, 2.35, 48.86), ColorScale(1000).color(1000)) < 6);
    }
    void visitorsMetricReshades()
    {
        WorldMapWidget map(m_shapes);
        map.resize(1000, 560);
        // More requests in FR, more visitors in DE.
        map.setFigures({ { "FR", { 1000, 10 } }, { "DE", { 20, 500 } } });
        map.setMetric(WorldMapWidget::Metric::Visitors);
        const QImage image = map.grab().toImage();
        const QColor berlin = image.pixelColor(map.mapToWidget(13.40, 52.52).toPoint());
        QVERIFY2(distance(berlin, ColorScale(500).color(500)) < 6, qPrintable(berlin.name()));
    }
    void scaleIsLogarithmicAndEvenInLightness()
    {
        ColorScale scale(999);
        QCOMPARE(scale.position(0), 0.0);
        QCOMPARE(scale.position(999), 1.0);
        QVERIFY(std::abs(scale.position(std::sqrt(1000.0) - 1) - 0.5) < 1e-9);
        // Equal steps along the scale give (nearly) equal steps in lightness.
        const double l0 = ColorScale::colorAt(0).lightnessF(), l1 = ColorScale::colorAt(0.5).lightnessF(),
                     l2 = ColorScale::colorAt(1).lightnessF();
        QVERIFY(l0 > l1 && l1 > l2);
    }
    void clickEmitsTheCountry()
    {
        WorldMapWidget map(m_shapes);
        map.resize(1000, 560);
        map.show();
        QVERIFY(QTest::qWaitForWindowExposed(&map));
        QSignalSpy spy(&map, &WorldMapWidget::countryClicked);
        QTest::mouseClick(&map, Qt::LeftButton, {}, map.mapToWidget(-100.0, 40.0).toPoint());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QString("US"));
        // The sea emits nothing.
        QTest::mouseClick(&map, Qt::LeftButton, {}, map.mapToWidget(-150.0, 0.0).toPoint());
        QCOMPARE(spy.count(), 1);
    }
    void tooltip()
    {
        WorldMapWidget map(m_shapes);
        map.resize(1000, 560);
        map.setFigures({ { "FR", { 1500, 300 } }, { "DE", { 500, 100 } } });
        QCOMPARE(map.countryAt(map.mapToWidget(2.35, 48.86)), QString("FR"));
        QCOMPARE(map.tooltipFor("FR"), QString("France\nRequests: 1,500\nVisitors: 300\nShare: 75.0 %"));
        QCOMPARE(map.tooltipFor("ES"), QString("Spain\nRequests: 0\nVisitors: 0\nShare: 0.0 %"));
        QVERIFY(map.tooltipFor("").isEmpty());
    }
    void cityBubblesAreDrawn()
    {
        WorldMapWidget map(m_shapes);
        map.resize(1000, 560);
        map.setFigures({ { "FR", { 10, 1 } } });
        const QPoint lyon = map.mapToWidget(4.84, 45.76).toPoint();
        const QColor before = map.grab().toImage().pixelColor(lyon);
        map.setCities({ { "Lyon", 45.76, 4.84, 800 } });
        const QColor after = map.grab().toImage().pixelColor(lyon);
        QVERIFY2(distance(before, after) > 60, qPrintable(before.name() + " " + after.name()));
    }

private:
    std::shared_ptr<const WorldShapes> m_shapes;
};

} // namespace activity

QTEST_MAIN(activity::TestWorldMapWidget)
#include "tst_worldmapwidget.moc"
