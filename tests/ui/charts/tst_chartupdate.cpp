// New data of the same shape updates a chart in place (the page's update cost was mostly recreating series,
// axes and legend markers): the same series objects show the new points, names and axis, and the legend still
// toggles a series once per click.
#include "ui/charts/chartview.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QTest>
#include <QValueAxis>

namespace activity {

namespace {
QList<ChartSeries> two(const QString& a, double va, const QString& b, double vb)
{
    return { { a, { { 1000, va }, { 2000, va + 1 } } }, { b, { { 1000, vb }, { 2000, vb + 1 } } } };
}
} // namespace

class TestChartUpdate : public QObject {
    Q_OBJECT
private slots:
    void sameShapeUpdatesInPlace()
    {
        ChartView view;
        view.resize(500, 300);
        view.setTimeSeries(two("a", 1, "b", 5), { 0, 3000 }, ChartView::Style::Lines, QStringLiteral("v"));
        const QList<QAbstractSeries*> before = view.chart()->series();
        QCOMPARE(before.size(), 2);
        view.setTimeSeries(two("c", 10, "d", 200000), { 500, 2500 }, ChartView::Style::Lines, QStringLiteral("v"));
        QCOMPARE(view.chart()->series(), before);
        QCOMPARE(before[0]->name(), QStringLiteral("c"));
        QCOMPARE(view.plottedPoints(0), QList<QPointF>({ { 1e6, 10 / 1e3 }, { 2e6, 11 / 1e3 } }));
        QCOMPARE(view.plottedPoints(1).last(), QPointF(2e6, 200.001));
        // The axes follow: the new range, and the factor of a scaled count axis.
        const auto* x = qobject_cast<QDateTimeAxis*>(view.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->min().toSecsSinceEpoch(), 500);
        QCOMPARE(x->max().toSecsSinceEpoch(), 2500);
        const auto* y = qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QCOMPARE(y->titleText(), QStringLiteral("× 1,000"));
        QVERIFY(y->max() >= 200.001);
        QCOMPARE(view.chart()->axes().size(), 2);
        // Back to small counts: no factor.
        view.setTimeSeries(two("c", 1, "d", 2), { 500, 2500 }, ChartView::Style::Lines, QStringLiteral("v"));
        QCOMPARE(y->titleText(), QString());
        QCOMPARE(view.plottedPoints(1).last(), QPointF(2e6, 3));
    }

    void legendStillTogglesOncePerClick()
    {
        ChartView view;
        view.setTimeSeries(two("a", 1, "b", 5), { 0, 3000 }, ChartView::Style::Lines, QStringLiteral("v"));
        for (int i = 0; i < 3; ++i)
            view.setTimeSeries(two("a", i, "b", 5 + i), { 0, 3000 }, ChartView::Style::Lines, QStringLiteral("v"));
        const auto markers = view.chart()->legend()->markers();
        QCOMPARE(markers.size(), 2);
        emit markers[1]->clicked();
        QVERIFY(!view.isSeriesVisible(1));
        QVERIFY(!view.chart()->series()[1]->isVisible());
        emit markers[1]->clicked();
        QVERIFY(view.isSeriesVisible(1));
    }

    void stackHidesAndShowsInPlace()
    {
        ChartView view;
        view.setTimeSeries(two("a", 1, "b", 5), { 0, 3000 }, ChartView::Style::StackedArea, QStringLiteral("v"));
        const QList<QAbstractSeries*> before = view.chart()->series();
        QCOMPARE(view.plottedPoints(1).last().y(), 8.0);
        view.setSeriesVisible(0, false);
        QCOMPARE(view.chart()->series(), before);
        QCOMPARE(view.plottedPoints(1).last().y(), 6.0);
        QCOMPARE(before[0]->opacity(), 0.0);
        view.setSeriesVisible(0, true);
        QCOMPARE(view.plottedPoints(1).last().y(), 8.0);
        QCOMPARE(before[0]->opacity(), 1.0);
    }

    // Category bars (requests by hour of day) too: the same series and axes show the new values and scale; other
    // categories, or a time chart after them, rebuild.
    void barsUpdateInPlace()
    {
        ChartView view;
        view.resize(500, 300);
        const QStringList hours { QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2") };
        const auto bars = [](double a, double b, double c) {
            return QList<ChartSeries> { { QStringLiteral("Requests"), { { 0, a }, { 1, b }, { 2, c } } } };
        };
        view.setCategories(hours, bars(1, 2, 3), QStringLiteral("hour"));
        const QList<QAbstractSeries*> before = view.chart()->series();
        const QList<QAbstractAxis*> axes = view.chart()->axes();
        view.setCategories(hours, bars(400000, 0, 900000), QStringLiteral("hour"));
        QCOMPARE(view.chart()->series(), before);
        QCOMPARE(view.chart()->axes(), axes);
        const auto* series = qobject_cast<QBarSeries*>(before.value(0));
        QVERIFY(series);
        const QBarSet* set = series->barSets().value(0);
        QCOMPARE(set->count(), 3);
        QCOMPARE(set->at(0), 400.0); // in thousands: the axis says "× 1,000"
        QCOMPARE(set->at(2), 900.0);
        const auto* y = qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Vertical).value(0));
        QCOMPARE(y->titleText(), QStringLiteral("× 1,000"));
        QVERIFY(y->max() >= 900.0);
        QCOMPARE(view.categoryToolTipFor(0, 2).contains(QStringLiteral("900,000")), true);

        view.setCategories({ QStringLiteral("Mon"), QStringLiteral("Tue") },
            { { QStringLiteral("Requests"), { { 0, 5 }, { 1, 6 } } } }, QStringLiteral("day"));
        QVERIFY(view.chart()->series() != before);
        auto* labels = qobject_cast<QCategoryAxis*>(view.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(labels);
        QCOMPARE(labels->categoriesLabels(), QStringList({ QStringLiteral("Mon"), QStringLiteral("Tue") }));
        view.setTimeSeries(two("a", 1, "b", 5), { 0, 3000 }, ChartView::Style::Lines, QStringLiteral("v"));
        QCOMPARE(view.chart()->series().size(), 2);
        QVERIFY(qobject_cast<QDateTimeAxis*>(view.chart()->axes(Qt::Horizontal).value(0)));
    }

    void otherShapesRebuild()
    {
        ChartView view;
        view.setTimeSeries(two("a", 1, "b", 5), { 0, 3000 }, ChartView::Style::Lines, QStringLiteral("v"));
        const QList<QAbstractSeries*> lines = view.chart()->series();
        view.setTimeSeries(two("a", 1, "b", 5), { 0, 3000 }, ChartView::Style::StackedArea, QStringLiteral("v"));
        QVERIFY(view.chart()->series() != lines);
        QVERIFY(qobject_cast<QAreaSeries*>(view.chart()->series().value(0)));
        view.setTimeSeries({ { QStringLiteral("only"), { { 1000, 4 } } } }, { 0, 3000 }, ChartView::Style::StackedArea,
            QStringLiteral("v"));
        QCOMPARE(view.chart()->series().size(), 1);
        QCOMPARE(view.plottedPoints(0), QList<QPointF>({ { 1e6, 4 } }));
        QCOMPARE(view.chart()->legend()->markers().size(), 1);
    }
};

} // namespace activity

QTEST_MAIN(activity::TestChartUpdate)
#include "tst_chartupdate.moc"
