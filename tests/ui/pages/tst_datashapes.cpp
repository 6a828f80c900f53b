// The pages on the shapes of data users have beyond the demo: many sites, many countries, a gap of days.
// Each case asserts what is drawn and written (tile texts, table rows, chart points), from the real store.
#include "core/demo/demotraffic.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fullwindow.h"
#include "tests/support/pageload.h"
#include "tests/support/tilecount.h"
#include "ui/charts/chartview.h"
#include "ui/map/mappage.h"
#include "ui/map/worldmapwidget.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"

#include <QComboBox>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

namespace activity {

namespace {
constexpr qint64 kDay = 86400;
constexpr qint64 kNow = 1795564800 + 12 * 3600; // 2026-11-25 12:00 UTC
constexpr qint64 kFrom = kNow - 7 * kDay; // the pages show the last 7 days

// Writes requests through the ingest writer, as collected traffic is written.
void store(const QString& path, const std::function<void(DemoTrafficWriter&)>& fill)
{
    Database db(path);
    Migrations::migrate(db);
    Transaction tx(db);
    DemoTrafficWriter writer(db);
    fill(writer);
    writer.finish();
    tx.commit();
}

DemoRequest request(qint64 ts, const QByteArray& site, const QByteArray& country, quint32 visitor)
{
    DemoRequest r;
    r.ts = ts;
    r.site = site;
    r.country = country;
    r.addr = QByteArray(4, '\0');
    for (int b = 0; b < 4; ++b)
        r.addr[b] = char((visitor >> (8 * (3 - b))) & 0xff);
    r.addr[0] = char(10); // private range: no GeoIP surprise
    r.method = "GET";
    r.path = "/";
    r.bytes = 100;
    r.agent = "curl/8.5.0";
    return r;
}

// 200 ISO codes Qt knows, in enum order.
QStringList countryCodes(int count)
{
    QStringList codes;
    for (int t = 1; codes.size() < count && t <= int(QLocale::LastTerritory); ++t) {
        const QString code = QLocale::territoryToCode(QLocale::Territory(t));
        if (code.size() == 2 && !codes.contains(code))
            codes.append(code);
    }
    return codes;
}

} // namespace

class TestDataShapes : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // Site k has 10 * (k + 1) requests: each site's figure on its own, the sum for all, and the site box names all.
    void tenSites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        qint64 total = 0;
        store(path, [&total](DemoTrafficWriter& w) {
            for (int k = 0; k < 10; ++k) {
                for (int i = 0; i < 10 * (k + 1); ++i, ++total)
                    w.add(request(kFrom + kDay + i * 60, QByteArray("site") + QByteArray::number(k), "FR", quint32(i)));
            }
        });
        ManualClock clock(kNow * 1000);
        FullWindow full(path, clock);
        full.window.viewState()->setCustomRange({ kFrom, kNow });
        full.window.viewState()->setSite({}); // the window restores the last one chosen
        full.window.showPage(PageId::Traffic);
        full.window.show();
        auto* page = qobject_cast<TrafficPage*>(full.window.page(PageId::Traffic));
        QVERIFY(page);
        page->setEagerLoading(true);
        QVERIFY(reloadAndWait(*page));
        QCOMPARE(tileCount(page->tile(0)), total);
        auto* sites = full.window.findChild<QComboBox*>(QStringLiteral("siteBox"));
        QVERIFY(sites);
        QTRY_COMPARE_WITH_TIMEOUT(sites->count(), 11, 10000); // "All sites" and the ten
        for (int k = 0; k < 10; ++k)
            QVERIFY(sites->findData(QStringLiteral("site%1").arg(k)) > 0);
        for (int k : { 0, 4, 9 }) {
            full.window.viewState()->setSite(QStringLiteral("site%1").arg(k));
            QVERIFY(reloadAndWait(*page));
            QCOMPARE(tileCount(page->tile(0)), 10 * (k + 1));
            // Ten distinct addresses or more per site: visitors are counted per site too.
            QCOMPARE(tileCount(page->tile(1)), 10 * (k + 1));
        }
    }

    // Country i has i + 1 requests: the map shades all 200, the Traffic page lists the busiest first.
    void twoHundredCountries()
    {
        const QStringList codes = countryCodes(200);
        QCOMPARE(codes.size(), 200);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        store(path, [&codes](DemoTrafficWriter& w) {
            quint32 visitor = 0;
            for (int i = 0; i < codes.size(); ++i) {
                for (int n = 0; n <= i; ++n)
                    w.add(request(kFrom + kDay + n * 30, "www", codes[i].toLatin1(), ++visitor));
            }
        });
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kFrom, kNow });
        QueryRunner runner(path, 0);
        MapPage map(runner, state);
        QVERIFY(showLoaded(map));
        QCOMPARE(map.map()->figures().size(), 200);
        QCOMPARE(map.map()->figures().value(codes.last()).requests, 200);
        QCOMPARE(map.map()->figures().value(codes.first()).requests, 1);
        auto* summary = map.findChild<QLabel*>(QStringLiteral("mapSummary"));
        QVERIFY(summary);
        QCOMPARE(summary->text(), QStringLiteral("20,100 requests from 200 countries; 0 without a known location"));

        TrafficPage traffic(runner, state);
        QVERIFY(showLoaded(traffic));
        const RowsModel* countries = traffic.model(TrafficPage::Countries);
        QVERIFY(countries->rowCount() >= 10);
        QVERIFY(countries->rows().first().value(0).toString().endsWith(QStringLiteral("(%1)").arg(codes.last())));
        QCOMPARE(countries->rows().first().value(1).toLongLong(), 200);
        QCOMPARE(countries->rows().value(1).value(1).toLongLong(), 199);
    }

    // Traffic on the first two days and the last two, none between: the gap is drawn as zeros, not bridged,
    // and the totals are the sum of both sides.
    void gapOfDays()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        store(path, [](DemoTrafficWriter& w) {
            quint32 visitor = 0;
            for (qint64 day : { 0, 1, 5, 6 }) {
                for (int i = 0; i < 24; ++i)
                    w.add(request(kFrom + day * kDay + i * 3600 + 60, "www", "DE", ++visitor % 7));
            }
        });
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kFrom, kNow });
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        QCOMPARE(tileCount(page.tile(0)), 96);
        const QList<QPointF> points = page.requestsChart()->plottedPoints(0);
        QVERIFY(points.size() >= 7 * 4); // every bucket of the range, zeros included
        const double scale = points.first().x() > 1e11 ? 1000.0 : 1.0; // milliseconds on a date axis
        double inGap = 0;
        double outside = 0;
        int gapPoints = 0;
        for (const QPointF& p : points) {
            const double secs = p.x() / scale;
            if (secs >= double(kFrom + 2 * kDay) && secs < double(kFrom + 5 * kDay)) {
                inGap += p.y();
                ++gapPoints;
            } else {
                outside += p.y();
            }
        }
        QVERIFY(gapPoints > 0);
        QCOMPARE(inGap, 0.0);
        QCOMPARE(outside, 96.0);
    }

    // A range that starts before logs did: the lines start on the first day with requests (zeros before it would
    // claim no visits where nothing was collected); the axis still spans the range, and the tiles say since when.
    void rangeStartsBeforeTheFirstRequest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        store(path, [](DemoTrafficWriter& w) {
            for (qint64 t = kNow - 2 * kDay + 1800; t < kNow; t += 3600)
                w.add(request(t, "www", "DE", quint32(t % 5)));
        });
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kNow - 30 * kDay, kNow });
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        const qint64 firstDay = kNow - 2 * kDay - 12 * 3600; // the UTC day of the first request
        for (ChartView* chart : { page.requestsChart(), page.statusChart(), page.bandwidthChart() }) {
            const QList<QPointF> points = chart->plottedPoints(0);
            QVERIFY2(!points.isEmpty(), qPrintable(chart->title()));
            QCOMPARE(points.first().x(), double(firstDay) * 1000.0);
            QCOMPARE(points.size(), 60); // hours from that day's start to 12:00 two days later
            const auto* axis = qobject_cast<QDateTimeAxis*>(chart->chart()->axes(Qt::Horizontal).value(0));
            QVERIFY(axis);
            QVERIFY(axis->min().toSecsSinceEpoch() <= kNow - 30 * kDay);
        }
        QCOMPARE(page.tile(0)->value(), QStringLiteral("48"));
        QVERIFY(page.tile(0)->change().startsWith(QStringLiteral("data since")));
    }

    // Ten requests an hour for 90 days, seen at 12:00: the last day bucket holds half a day. Its drop is drawn
    // dashed from the last whole day (not as a fall), its tooltip says so, and the legend still has two entries.
    // A range ending on a bucket's end draws nothing dashed.
    // A sparkline's period not over yet is not filled like the whole ones: its drop reads as "so far", not a fall.
    void sparklineTailIsNotFilled()
    {
        MetricTile tile(QStringLiteral("Requests"));
        tile.resize(300, 140);
        const QList<double> spark { 10, 10, 10, 10, 0 };
        const auto pixelUnderTail = [&tile] {
            const QImage image = tile.grab().toImage();
            // Under the last segment, just above the sparkline's base: x at 3.3 of 4 segments.
            return image.pixelColor(12 + int((tile.width() - 24) * 3.3 / 4.0), tile.height() - 10);
        };
        tile.setFigures(QStringLiteral("40"), QString(), 0, spark);
        const QColor filled = pixelUnderTail();
        tile.setFigures(QStringLiteral("40"), QString(), 0, spark, 4);
        const QColor open = pixelUnderTail();
        const QColor base = tile.palette().color(QPalette::Base);
        QVERIFY2(filled != base, qPrintable(filled.name()));
        QCOMPARE(open, base);
        QCOMPARE(tile.sparklinePartialFrom(), 4);
        tile.setFigures(QStringLiteral("40"), QString(), 0, spark, 7); // past the end: none
        QCOMPARE(tile.sparklinePartialFrom(), -1);
    }

    void dayNotOverYetIsDashed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        store(path, [](DemoTrafficWriter& w) {
            for (qint64 t = kNow - 90 * kDay; t < kNow; t += 360)
                w.add(request(t, "www", "DE", quint32(t / 360 % 50)));
        });
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kNow - 90 * kDay, kNow });
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        ChartView* chart = page.requestsChart();
        const QList<QPointF> dashed = chart->incompletePoints(0);
        QCOMPARE(dashed.size(), 2); // the last whole day, then today so far
        QCOMPARE(dashed[0], QPointF(double(kNow - 12 * 3600 - kDay) * 1000.0, 240.0));
        QCOMPARE(dashed[1], QPointF(double(kNow - 12 * 3600) * 1000.0, 120.0));
        QCOMPARE(chart->plottedPoints(0).size(), 91); // every day once: the dashed part adds none
        QCOMPARE(chart->plottedPoints(0).last(), dashed[1]);
        QCOMPARE(chart->incompletePoints(1).size(), 2); // visitors too
        QVERIFY(chart->toolTipFor(0, double(kNow - 12 * 3600)).contains(QStringLiteral("so far")));
        QVERIFY(!chart->toolTipFor(0, double(kNow - 12 * 3600 - kDay)).contains(QStringLiteral("so far")));
        QTest::qWait(50); // the legend is laid out
        int visibleEntries = 0;
        for (QLegendMarker* marker : chart->chart()->legend()->markers())
            visibleEntries += marker->isVisible() ? 1 : 0;
        QCOMPARE(visibleEntries, 2);
        QVERIFY(page.bandwidthChart()->incompletePoints(0).size() == 2);
        // The tiles' sparklines (80 of the 91 days) end with today so far, drawn apart.
        for (int t = 0; t < 3; ++t) {
            QCOMPARE(page.tile(t)->sparkline().size(), 80);
            QCOMPARE(page.tile(t)->sparklinePartialFrom(), 79);
        }
        QCOMPARE(page.tile(0)->sparkline().last(), 120.0);
        // On the Overview too: its daily sparklines end with today.
        OverviewPage overview(runner, state);
        QVERIFY(showLoaded(overview));
        QCOMPARE(overview.tile(2)->sparkline().size(), 91);
        QCOMPARE(overview.tile(2)->sparklinePartialFrom(), 90);
        QCOMPARE(overview.tile(3)->sparklinePartialFrom(), 90);
        // Hiding a line from its legend entry hides its dashed part too.
        chart->setSeriesVisible(0, false);
        QVERIFY(std::none_of(chart->chart()->series().cbegin(), chart->chart()->series().cend(),
            [](QAbstractSeries* s) { return s->isVisible() && s->name() == QStringLiteral("Requests"); }));
        chart->setSeriesVisible(0, true);

        // 7 days ending at 12:00: hour buckets, the last one ends at the range's end.
        state.setCustomRange({ kNow - 7 * kDay, kNow });
        QVERIFY(reloadAndWait(page));
        QVERIFY(chart->incompletePoints(0).isEmpty());
        QCOMPARE(chart->plottedPoints(0).size(), 7 * 24);
        QCOMPARE(page.tile(0)->sparklinePartialFrom(), -1);
    }
};

} // namespace activity

QTEST_MAIN(activity::TestDataShapes)
#include "tst_datashapes.moc"
