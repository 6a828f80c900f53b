#include "ui/charts/chartview.h"
#include "ui/charts/downsample.h"

#include <QAction>
#include <QApplication>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

namespace activity {

namespace {
QList<ChartSeries> two(const QString& a, double va, const QString& b, double vb)
{
    return { { a, { { 1000, va }, { 2000, va + 1 } } }, { b, { { 1000, vb }, { 2000, vb + 1 } } } };
}
} // namespace

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

    // A band's edge keeps each bucket's peak, one point per bucket at shared x values (stacked bands stay aligned),
    // and still spans the series.
    void bandEdgesKeepPeaks()
    {
        QList<QPointF> lower;
        QList<QPointF> upper;
        for (int i = 0; i < 10000; ++i) {
            lower.append(QPointF(i * 60, i == 4321 ? 700.0 : double(i % 5)));
            upper.append(QPointF(i * 60, lower.last().y() + 10 + (i % 3)));
        }
        const QList<QPointF> a = maxDownsample(lower, 250);
        const QList<QPointF> b = maxDownsample(upper, 250);
        QVERIFY(a.size() <= 251);
        QVERIFY(a.size() >= 249);
        QCOMPARE(a.size(), b.size());
        for (qsizetype k = 0; k < a.size(); ++k) {
            QCOMPARE(a[k].x(), b[k].x());
            QVERIFY(b[k].y() >= a[k].y()); // the band above never dips under the one below
        }
        QVERIFY(std::any_of(a.cbegin(), a.cend(), [](const QPointF& p) { return p.y() == 700.0; }));
        QCOMPARE(a.first().x(), 0.0);
        QCOMPARE(a.last().x(), 9999.0 * 60);
        QCOMPARE(maxDownsample(lower.mid(0, 10), 250), lower.mid(0, 10));
    }

    void axisTicksAreNiceNumbersAtTheirPrecision_data()
    {
        QTest::addColumn<double>("rawMax");
        QTest::addColumn<bool>("bytes");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("unit");
        QTest::newRow("no data") << 0.0 << false << QStringList { "0", "1" } << QString();
        QTest::newRow("a count of one") << 1.0 << false << QStringList { "0", "1" } << QString();
        QTest::newRow("seven") << 7.0 << false << QStringList { "0", "2", "4", "6", "8" } << QString();
        QTest::newRow("a hundred") << 100.0 << false << QStringList { "0", "20", "40", "60", "80", "100" } << QString();
        QTest::newRow("millions") << 12632695.0 << false << QStringList { "0", "5", "10", "15" }
                                  << QStringLiteral("× 1,000,000");
        QTest::newRow("one and a half MiB")
            << 1.5 * 1024 * 1024 << true << QStringList { "0.0", "0.5", "1.0", "1.5" } << QStringLiteral("MiB");
        QTest::newRow("a star lost") << -1.0 << false << QStringList { "-1", "0" } << QString();
        QTest::newRow("700 bytes") << 700.0 << true << QStringList { "0", "200", "400", "600", "800" }
                                   << QStringLiteral("bytes");
    }

    void axisTicksAreNiceNumbersAtTheirPrecision()
    {
        QFETCH(double, rawMax);
        QFETCH(bool, bytes);
        QFETCH(QStringList, labels);
        QFETCH(QString, unit);
        // A negative row is the lowest value of a chart whose highest is 0.
        const AxisScale scale = AxisScale::forValues(
            qMin(0.0, rawMax), qMax(0.0, rawMax), bytes ? AxisScale::Kind::Bytes : AxisScale::Kind::Count, 6);
        QStringList printed;
        for (int i = 0; i < scale.tickCount; ++i)
            printed.append(scale.tickLabel(i));
        QCOMPARE(printed, labels);
        QCOMPARE(scale.unit, unit);
        QVERIFY(scale.max * scale.divisor >= rawMax);
        QVERIFY(scale.min * scale.divisor <= qMin(0.0, rawMax));
    }

    void oneSampleIsDrawnAsAPoint()
    {
        ChartView view;
        view.resize(500, 300);
        const QColor colour(0x00, 0x72, 0xB2);
        view.setTimeSeries({ { QStringLiteral("stars"), { { 5000, 1 } }, colour } }, { 0, 10000 },
            ChartView::Style::Lines, QStringLiteral("stars"));
        QCOMPARE(view.plottedPoints(0).size(), 1);
        auto* line = qobject_cast<QLineSeries*>(view.chart()->series().value(0));
        QVERIFY(line && line->pointsVisible());
        // The axis reads 0..1 in whole numbers, as the chart's own axis is set.
        auto* y = qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(y);
        QCOMPARE(y->max(), 1.0);
        QCOMPARE(y->tickCount(), 2);
        QCOMPARE(y->labelFormat(), QStringLiteral("%.0f"));
        // And the point is on the image: pixels of the series' colour.
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.renderImage(1).convertToFormat(QImage::Format_RGB32);
        int coloured = 0;
        for (int yy = 0; yy < image.height(); ++yy) {
            for (int xx = 0; xx < image.width(); ++xx) {
                const QColor c = image.pixelColor(xx, yy);
                coloured
                    += qAbs(c.red() - colour.red()) + qAbs(c.green() - colour.green()) + qAbs(c.blue() - colour.blue())
                    < 30;
            }
        }
        QVERIFY2(coloured >= 12, qPrintable(QString::number(coloured)));

        // The sample at the range's end (a first poll, seen at once): the axis makes room for the whole dot.
        view.setTimeSeries({ { QStringLiteral("stars"), { { 10000, 1 } }, colour } }, { 0, 10000 },
            ChartView::Style::Lines, QStringLiteral("stars"));
        const auto* x = qobject_cast<QDateTimeAxis*>(view.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        const double secsPerPixel = 10000.0 / view.chart()->plotArea().width();
        QVERIFY(x->max().toMSecsSinceEpoch() >= qint64((10000 + 3.5 * secsPerPixel) * 1000));
        QVERIFY(x->max().toMSecsSinceEpoch() <= qint64((10000 + 10 * secsPerPixel) * 1000));

        // From the second sample on, a line (no markers once the series is dense).
        QList<QPointF> dense;
        for (int i = 0; i < 400; ++i)
            dense.append(QPointF(i * 25, i % 7));
        view.setTimeSeries({ { QStringLiteral("stars"), dense, colour } }, { 0, 10000 }, ChartView::Style::Lines,
            QStringLiteral("stars"));
        line = qobject_cast<QLineSeries*>(view.chart()->series().value(0));
        QVERIFY(line && !line->pointsVisible());

        // A few points crowded at the range's end (the first hours of logs on a week's axis): a line, not blots;
        // as few spread over the range: dots.
        const auto dotsFor = [&view, &colour](qint64 spacing) {
            QList<QPointF> few;
            for (int i = 0; i < 9; ++i)
                few.append(QPointF(double(10000 - (8 - i) * spacing), 1 + i % 3));
            view.setTimeSeries({ { QStringLiteral("requests"), few, colour } }, { 0, 10000 }, ChartView::Style::Lines,
                QStringLiteral("count"));
            auto* series = qobject_cast<QLineSeries*>(view.chart()->series().value(0));
            return series && series->pointsVisible();
        };
        QVERIFY(!dotsFor(20));
        QVERIFY(dotsFor(1200));
    }

    void perDayFiguresAreStackedBars()
    {
        ChartView view;
        view.resize(600, 300);
        const double day = 86400;
        // Two repositories; b has no change on day 2 (a missing point is a zero, not a gap in the stack).
        view.setTimeSeries({ { QStringLiteral("a"), { { 0, 3 }, { day, 1 }, { 2 * day, 2 } } },
                               { QStringLiteral("b"), { { 0, 2 }, { 2 * day, -1 } } } },
            { 0, 3 * 86400 }, ChartView::Style::StackedBars, QStringLiteral("stars_per_day"));
        const QList<QPointF> a = view.plottedPoints(0);
        const QList<QPointF> b = view.plottedPoints(1);
        QCOMPARE(a.size(), 12); // four corners per bar
        QCOMPARE(b.size(), 12);
        auto tops = [](const QList<QPointF>& corners) {
            QList<double> out;
            for (qsizetype k = 1; k < corners.size(); k += 4)
                out.append(corners[k].y());
            return out;
        };
        QCOMPARE(tops(a), QList<double>({ 3, 1, 2 }));
        QCOMPARE(tops(b), QList<double>({ 5, 1, 1 })); // on top of a
        // Each bar starts at its day and stays inside it.
        QVERIFY(a[0].x() > 0 && a[2].x() < day * 1000);
        QCOMPARE(view.valueScale().min, 0.0);
        QCOMPARE(view.valueScale().max, 5.0);
        QCOMPARE(view.toolTipFor(1, 2 * day + 3600).contains(QStringLiteral("<b>-1</b>")), true);
        // A range ending inside the last bar's day (today, so far): the axis reaches the bar's end, not cut.
        view.setTimeSeries({ { QStringLiteral("a"), { { 0, 3 }, { day, 1 }, { 2 * day, 2 } } } },
            { 0, 2 * 86400 + 3600 }, ChartView::Style::StackedBars, QStringLiteral("stars_per_day"));
        const auto* x = qobject_cast<QDateTimeAxis*>(view.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->min().toSecsSinceEpoch(), 0);
        QCOMPARE(x->max().toSecsSinceEpoch(), 3 * 86400);
        QVERIFY(view.plottedPoints(0).last().x() <= 3 * day * 1000);

        // A day that lost more than it gained goes below zero.
        view.setTimeSeries({ { QStringLiteral("a"), { { 0, -2 }, { day, 1 } } } }, { 0, 2 * 86400 },
            ChartView::Style::StackedBars, QStringLiteral("stars_per_day"));
        QCOMPARE(view.valueScale().min, -2.0);
        QCOMPARE(view.valueScale().tickLabel(0), QStringLiteral("-2"));
    }

    // A year of per-day bars in a narrow chart would be a pixel each: they are drawn a week each (the week's sum),
    // the axis fits the sums, the x axis says so, and a bar's tooltip gives its days and sum.
    void aYearOfDailyBarsIsDrawnByWeeks()
    {
        ChartView view;
        view.resize(520, 330);
        view.show();
        const double day = 86400;
        const qint64 from = 1700006400; // a midnight, UTC
        QList<QPointF> a;
        for (int d = 0; d < 364; ++d)
            a.append(QPointF(double(from) + d * day, d % 7 == 0 ? 10.0 : 1.0));
        view.setTimeSeries({ { QStringLiteral("a"), a } }, { from, from + 364 * 86400 }, ChartView::Style::StackedBars,
            QStringLiteral("pulls_per_day"));
        const QList<QPointF> corners = view.plottedPoints(0);
        QCOMPARE(corners.size(), 52 * 4);
        for (qsizetype k = 1; k < corners.size(); k += 4)
            QCOMPARE(corners[k].y(), 16.0); // 10 + 6 x 1
        QCOMPARE(view.valueScale().max >= 16.0, true);
        auto* x = qobject_cast<QAbstractAxis*>(view.chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x);
        QCOMPARE(x->titleText(), QStringLiteral("each bar adds up 7 days"));
        const QString tip = view.barToolTipFor(0, double(from) + 8 * day);
        QVERIFY2(tip.contains(QStringLiteral("<b>16</b>")) && tip.contains(QStringLiteral(" to ")), qPrintable(tip));
        // The CSV keeps every day.
        QCOMPARE(view.csv().count('\n'), 365);

        // A week of days in the same chart: a bar per day, no axis title.
        view.setTimeSeries({ { QStringLiteral("a"), a.mid(0, 7) } }, { from, from + 7 * 86400 },
            ChartView::Style::StackedBars, QStringLiteral("pulls_per_day"));
        QCOMPARE(view.plottedPoints(0).size(), 7 * 4);
        QCOMPARE(x->titleText(), QString());
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

    // A keyboard user reaches a chart with Tab and opens its export menu with the Menu key or Shift+F10.
    void exportMenuFromTheKeyboard()
    {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* before = new QLineEdit(&window);
        auto* chart = new ChartView(&window);
        chart->setTitle(QStringLiteral("Requests"));
        layout->addWidget(before);
        layout->addWidget(chart);
        window.resize(600, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        before->setFocus();
        QTest::keyClick(before, Qt::Key_Tab);
        QWidget* focused = QApplication::focusWidget();
        QVERIFY(focused == chart || focused == chart->viewport());
        for (const QKeyCombination key :
            { QKeyCombination(Qt::Key_Menu), QKeyCombination(Qt::ShiftModifier, Qt::Key_F10) }) {
            QStringList actions;
            QTimer::singleShot(50, this, [&actions] {
                if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                    for (QAction* a : menu->actions())
                        actions.append(a->text());
                    menu->close();
                }
            });
            QTest::keyClick(focused, key.key(), key.keyboardModifiers());
            QCOMPARE(actions,
                QStringList({ QStringLiteral("Save as PNG (1x)..."), QStringLiteral("Save as PNG (2x)..."),
                    QStringLiteral("Save data as CSV...") }));
        }
    }

    // New data of the same shape updates a chart in place (the page's update cost was mostly recreating series,
    // axes and legend markers): the same series objects show the new points, names and axis, and the legend still
    // toggles a series once per click.
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

QTEST_MAIN(activity::TestChartView)
#include "tst_chartview.moc"
