// The header's "Period before": the time charts overlay the span just before the range, dashed, shifted onto the
// range's start, with their own legend entry; off again, they draw none.
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/pageload.h"
#include "tests/support/teststore.h"
#include "ui/charts/chartview.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/viewstate.h"

#include <QChart>
#include <QDateTime>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kNow = 1795591815; // 2026-11-25 07:30:15 UTC
constexpr qint64 kLength = 2 * 86400;

// Requests stored in [from, to), counted straight from the rows.
qint64 requestsBetween(const QString& path, qint64 from, qint64 to)
{
    Database db(path, Database::Mode::ReadOnly);
    Statement st = db.prepare("SELECT count(*) FROM requests WHERE id >= ?1 AND id < ?2");
    st.bind(1, RequestKeys::firstId(from)).bind(2, RequestKeys::firstId(to));
    return st.step() ? st.int64(0) : -1;
}

qint64 sum(const QList<QPointF>& points)
{
    qint64 total = 0;
    for (const QPointF& p : points)
        total += qint64(p.y());
    return total;
}

double highest(const QList<QPointF>& points)
{
    double top = 0;
    for (const QPointF& p : points)
        top = qMax(top, p.y());
    return top;
}

// The legend entries shown, by label.
QStringList legendLabels(ChartView* chart)
{
    QStringList out;
    for (QLegendMarker* marker : chart->chart()->legend()->markers())
        if (marker->isVisible())
            out.append(marker->label());
    return out;
}
QString debugLegend(ChartView* chart)
{
    QStringList out;
    for (QLegendMarker* marker : chart->chart()->legend()->markers())
        out.append(marker->label() + (marker->isVisible() ? "+" : "-"));
    return out.join(QLatin1Char('|'))
        + QStringLiteral(" series %1 prev %2").arg(chart->chart()->series().size()).arg(chart->previousSeries().size());
}
} // namespace

class TestPreviousPeriod : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = TestStore::location(m_dir, QStringLiteral("d"));
        makeDemoDatabase(m_path, kNow, 8, 600);
    }

    void trafficChartsOverlayThePeriodBefore()
    {
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kNow - kLength, kNow });
        QueryRunner runner(m_path, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        auto* requests = page.findChild<ChartView*>(QStringLiteral("requestsChart"));
        QVERIFY(requests);
        QVERIFY(requests->previousSeries().isEmpty()); // off by default
        QVERIFY(!legendLabels(requests).contains(QStringLiteral("Requests before")));

        state.setComparePrevious(true);
        QVERIFY(reloadAndWait(page));
        QCOMPARE(requests->previousSeries().size(), 2);
        const qint64 before = requestsBetween(m_path, kNow - 2 * kLength, kNow - kLength);
        QVERIFY(before > 0);
        QCOMPARE(sum(requests->previousSeries().first().points), before);
        // As painted (the legend lays its entries out when the event loop runs).
        QTRY_VERIFY2(
            legendLabels(requests).contains(QStringLiteral("Requests before")), qPrintable(debugLegend(requests)));
        QVERIFY(legendLabels(requests).contains(QStringLiteral("Visitors before")));
        // Drawn on the range's own buckets: the first point of the period before sits on the range's first bucket,
        // each one range-length later than its own time.
        const QList<QPointF> drawn = requests->previousPlottedPoints(0);
        QVERIFY(!drawn.isEmpty());
        QCOMPARE(qint64(drawn.first().x() / 1000), qint64(requests->data().first().points.first().x()));
        QCOMPARE(
            qint64(drawn.first().x() / 1000) - kLength, qint64(requests->previousSeries().first().points.first().x()));
        // The value axis holds both periods.
        QVERIFY(requests->valueScale().max >= highest(requests->previousSeries().first().points));
        // The tooltip says the period before's own time and value.
        const QPointF first = requests->previousSeries().first().points.first();
        const QString tip = requests->previousToolTipFor(0, first.x() + double(kLength));
        QVERIFY2(tip.contains(QLocale().toString(first.y(), 'f', 0)), qPrintable(tip));
        QVERIFY2(tip.contains(QLocale().toString(
                     QDateTime::fromSecsSinceEpoch(qint64(first.x())), QStringLiteral("yyyy-MM-dd HH:mm"))),
            qPrintable(tip));
        // The status stack gets its total beside it; the bandwidth its bytes.
        auto* status = page.findChild<ChartView*>(QStringLiteral("statusChart"));
        QCOMPARE(status->previousSeries().size(), 1);
        QCOMPARE(sum(status->previousSeries().first().points), before);
        auto* bandwidth = page.findChild<ChartView*>(QStringLiteral("bandwidthChart"));
        QCOMPARE(bandwidth->previousSeries().size(), 1);

        state.setComparePrevious(false);
        QVERIFY(reloadAndWait(page));
        QVERIFY(requests->previousSeries().isEmpty());
        QVERIFY(requests->previousPlottedPoints(0).isEmpty());
        QVERIFY(!legendLabels(requests).contains(QStringLiteral("Requests before")));
    }

    // Before the logs start there is nothing to draw: the overlay is empty, not a line of zeros.
    void overviewOverlaysAndStopsWhereLogsStart()
    {
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setComparePrevious(true);
        state.setCustomRange({ kNow - kLength, kNow });
        QueryRunner runner(m_path, 0);
        OverviewPage page(runner, state);
        QVERIFY(showLoaded(page));
        ChartView* traffic = page.trafficChart();
        QCOMPARE(traffic->previousSeries().size(), 2);
        QCOMPARE(
            sum(traffic->previousSeries().first().points), requestsBetween(m_path, kNow - 2 * kLength, kNow - kLength));

        state.setCustomRange({ kNow - 6 * 86400, kNow }); // the period before starts before the 8 days of data
        QVERIFY(reloadAndWait(page));
        const QList<QPointF> previous = traffic->previousSeries().first().points;
        // The same buckets the chart shows when the range is that period (hours, whole at both ends).
        ViewState thatState(clock);
        thatState.setCustomRange({ kNow - 12 * 86400, kNow - 6 * 86400 });
        OverviewPage that(runner, thatState);
        QVERIFY(showLoaded(that));
        QCOMPARE(previous, that.trafficChart()->data().first().points);
        QVERIFY(!previous.isEmpty());
        QVERIFY(previous.first().x() >= double(kNow - 9 * 86400)); // no bucket before the first day of data
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_MAIN(activity::TestPreviousPeriod)
#include "tst_previousperiod.moc"
