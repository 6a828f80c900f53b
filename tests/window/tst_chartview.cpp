#include "ui/chartview.h"
#include "ui/downsample.h"

#include <QLegend>
#include <QLegendMarker>
#include <QTest>

class TestChartView : public QObject {
    Q_OBJECT
private slots:
    void downsampleKeepsSpikes()
    {
        QList<QPointF> points;
        for (int i = 0; i < 100000; ++i)
            points.append(QPointF(i, i == 54321 ? 1000.0 : (i == 777 ? -50.0 : 1.0)));
        const QList<QPointF> reduced = minMaxDownsample(points, 500);
        QVERIFY(reduced.size() <= 1000);
        QVERIFY(reduced.size() >= 500);
        QVERIFY(reduced.contains(QPointF(54321, 1000)));
        QVERIFY(reduced.contains(QPointF(777, -50)));
        QCOMPARE(reduced.first(), points.first());
        QVERIFY(std::is_sorted(
            reduced.cbegin(), reduced.cend(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); }));
        // Short series pass through untouched.
        QCOMPARE(minMaxDownsample(points.mid(0, 10), 500), points.mid(0, 10));
    }

    void plottedSeriesIsReducedToTheWidth()
    {
        ChartView view;
        view.resize(600, 300);
        QList<QPointF> minutes;
        for (int i = 0; i < 525600; i += 1) // a year of minutes
            minutes.append(QPointF(1700000000.0 + i * 60.0, i % 1440 == 0 ? 99.0 : 1.0));
        view.setTimeSeries({ { QStringLiteral("requests"), minutes } }, { 1700000000, 1700000000 + 525600 * 60 },
            ChartView::Style::Lines, QStringLiteral("requests"));
        const QList<QPointF> plotted = view.plottedPoints(0);
        QVERIFY2(plotted.size() <= 2 * 600 + 2, qPrintable(QString::number(plotted.size())));
        QVERIFY(std::any_of(plotted.cbegin(), plotted.cend(), [](const QPointF& p) { return p.y() == 99.0; }));
        // Qt Charts gets milliseconds.
        QCOMPARE(plotted.first().x(), 1700000000.0 * 1000);
    }

    void toolTipShowsTheExactValueAsPlainText()
    {
        ChartView view;
        view.setTimeSeries({ { QStringLiteral("<b>repo</b>"), { { 1000, 1.5 }, { 2000, 7 }, { 3000, 3 } } } },
            { 0, 4000 }, ChartView::Style::Lines, QStringLiteral("stars"));
        const QString tip = view.toolTipFor(0, 2100);
        QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;repo&lt;/b&gt;: <b>7</b>")), qPrintable(tip));
        QVERIFY(view.toolTipFor(0, 1200).contains(QStringLiteral("<b>1.50</b>")));
        QVERIFY(view.toolTipFor(0, 99999).contains(QStringLiteral("<b>3</b>")));
    }

    void legendHidesASeries()
    {
        ChartView view;
        view.setTimeSeries(
            { { QStringLiteral("a"), { { 1, 1 }, { 2, 2 } } }, { QStringLiteral("b"), { { 1, 5 }, { 2, 6 } } } },
            { 0, 3 }, ChartView::Style::Lines, QStringLiteral("v"));
        const auto markers = view.chart()->legend()->markers();
        QCOMPARE(markers.size(), 2);
        emit markers[1]->clicked();
        QVERIFY(!view.isSeriesVisible(1));
        QVERIFY(!view.chart()->series()[1]->isVisible());
        view.setSeriesVisible(1, true);
        QVERIFY(view.chart()->series()[1]->isVisible());
        // Stacked: hiding a band closes the gap (the band above drops onto the one below).
        view.setTimeSeries(
            { { QStringLiteral("a"), { { 1, 1 }, { 2, 2 } } }, { QStringLiteral("b"), { { 1, 5 }, { 2, 6 } } } },
            { 0, 3 }, ChartView::Style::StackedArea, QStringLiteral("v"));
        QCOMPARE(view.plottedPoints(1).last().y(), 8.0);
        view.setSeriesVisible(0, false);
        QCOMPARE(view.plottedPoints(1).last().y(), 6.0);
    }

    void csvIsRfc4180()
    {
        ChartView view;
        view.setTimeSeries({ { QStringLiteral("acme, \"the\" repo"), { { 1795564800, 12 } } } },
            { 1795564800, 1795651200 }, ChartView::Style::Lines, QStringLiteral("stars"));
        QCOMPARE(
            view.csv(), QByteArray("timestamp,series,stars\r\n2026-11-25T00:00:00Z,\"acme, \"\"the\"\" repo\",12\r\n"));
        view.setCategories({ QStringLiteral("0"), QStringLiteral("1") },
            { { QStringLiteral("requests"), { { 0, 4 }, { 1, 5 } } } }, QStringLiteral("hour"));
        QCOMPARE(view.csv(), QByteArray("hour,series,value\r\n0,requests,4\r\n1,requests,5\r\n"));
    }

    void pngAtTwiceTheSize()
    {
        ChartView view;
        view.resize(400, 250);
        view.setTitle(QStringLiteral("Stars"));
        view.setTimeSeries({ { QStringLiteral("a"), { { 1, 1 }, { 2, 2 } } } }, { 0, 3 }, ChartView::Style::Lines,
            QStringLiteral("v"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage one = view.renderImage(1);
        const QImage two = view.renderImage(2);
        QCOMPARE(one.size(), QSize(400, 250));
        QCOMPARE(two.size(), QSize(800, 500));
        QSet<QRgb> colours;
        for (int y = 0; y < two.height(); y += 4)
            for (int x = 0; x < two.width(); x += 4)
                colours.insert(two.pixel(x, y));
        QVERIFY(colours.size() > 10);
    }
};

QTEST_MAIN(TestChartView)
#include "tst_chartview.moc"
