#include "ui/charts/chartview.h"

#include <QApplication>
#include <QImage>
#include <QTest>
#include <functional>

namespace activity {

namespace {
constexpr qint64 kDay = 86400;
constexpr qint64 kStart = 1'795'000'000 - 1'795'000'000 % kDay; // a midnight in 2026

ProjectEvent projectEvent(qint64 ts, const char* kind, const QString& title)
{
    return { 0, ts, QString::fromLatin1(kind), QStringLiteral("acme/rocket"), title, QString() };
}

// A series drawn in this colour is told from the markers' pixels.
const QColor kSeriesColour(0x00, 0x72, 0xB2);

bool isSeriesPixel(QRgb c)
{
    return qAbs(qRed(c) - kSeriesColour.red()) < 40 && qAbs(qGreen(c) - kSeriesColour.green()) < 40
        && qAbs(qBlue(c) - kSeriesColour.blue()) < 40;
}

// The note colour blended over a light base, as the dashed line is drawn (pink: red and blue above green).
bool isNotePixel(QRgb c)
{
    return qRed(c) - qGreen(c) > 20 && qBlue(c) - qGreen(c) > 8;
}
} // namespace

// Events on a time chart: a marker at its time (where the data's spike at that time is drawn), crowded markers grouped
// with a count and the list in the tooltip, separated again when the range is narrow enough.
class TestChartMarkers : public QObject {
    Q_OBJECT
private slots:
    void markerStandsAtItsTimeAndCrowdsGroup()
    {
        ChartView view;
        view.resize(900, 320);
        const TimeRange range { kStart, kStart + 30 * kDay };
        // Hourly values, flat at 100 but for a spike to 250 at day 10, 12:00: the note is at that hour. Under the flat
        // line, the note's dashed line is on the plot's background alone.
        const qint64 spike = kStart + 10 * kDay + 12 * 3600;
        QList<QPointF> points;
        for (qint64 t = range.fromSecs; t < range.toSecs; t += 3600)
            points.append(QPointF(double(t), t == spike ? 250.0 : 100.0));
        view.setTimeSeries({ { QStringLiteral("requests"), points, kSeriesColour } }, range, ChartView::Style::Lines,
            QStringLiteral("requests"));
        const qint64 releases = kStart + 20 * kDay;
        view.setEvents({ projectEvent(releases, ProjectEvents::kRelease, QStringLiteral("Rocket 2.0")),
            projectEvent(spike, ProjectEvents::kNote, QStringLiteral("Posted on Hacker News")),
            projectEvent(releases + 3600, ProjectEvents::kRelease, QStringLiteral("Rocket 2.0.1")),
            projectEvent(releases + 7200, ProjectEvents::kRelease, QStringLiteral("Rocket 2.0.2")),
            projectEvent(range.toSecs + kDay, ProjectEvents::kRelease, QStringLiteral("outside")) });
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::qWait(300); // the resize timer's rebuild

        const QList<ChartView::MarkerGroup> groups = view.markerGroups();
        QCOMPARE(groups.size(), 2);
        // One event: its title, cut to the label's room.
        QVERIFY2(groups[0].label.startsWith("Posted") && groups[0].label.endsWith(QChar(0x2026)),
            qPrintable(groups[0].label));
        QCOMPARE(groups[1].label, QStringLiteral("3 releases"));
        QCOMPARE(groups[1].events.size(), 3);
        const QString tip = view.markerToolTipAt(groups[1].x);
        for (const char* title : { "Rocket 2.0<", "Rocket 2.0.1", "Rocket 2.0.2" })
            QVERIFY2(tip.contains(QLatin1String(title)), qPrintable(tip));
        QVERIFY(view.markerToolTipAt(groups[1].x + 20).isEmpty());
        QVERIFY(view.markerToolTipAt(groups[0].x + 2).contains("Posted on Hacker News"));

        // In the pixels: the spike (drawn by Qt Charts: the column with the most of the series' pixels) and the note's
        // dashed line (pink, under the flat line) are in the same column.
        const QImage image = view.grab().toImage().convertToFormat(QImage::Format_RGB32);
        const auto columnCount = [&image](int x, const std::function<bool(QRgb)>& is) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                n += is(image.pixel(x, y));
            return n;
        };
        int peakX = -1;
        int peakCount = 0;
        int noteX = -1;
        int noteCount = 0;
        for (int x = 0; x < image.width(); ++x) {
            if (const int n = columnCount(x, isSeriesPixel); n > peakCount) {
                peakCount = n;
                peakX = x;
            }
            if (const int n = columnCount(x, isNotePixel); n > noteCount) {
                noteCount = n;
                noteX = x;
            }
        }
        QVERIFY2(peakCount > 50, qPrintable(QString::number(peakCount)));
        QVERIFY2(noteCount > 20, qPrintable(QString::number(noteCount))); // dashes over a third of the plot
        QVERIFY2(
            qAbs(noteX - peakX) <= 2, qPrintable(QStringLiteral("note at x %1, spike at x %2").arg(noteX).arg(peakX)));

        // A day around the releases: room for each of them.
        view.setTimeSeries({ { QStringLiteral("requests"), points, kSeriesColour } },
            { releases - 6 * 3600, releases + 18 * 3600 }, ChartView::Style::Lines, QStringLiteral("requests"));
        view.setEvents({ projectEvent(releases, ProjectEvents::kRelease, QStringLiteral("2.0")),
            projectEvent(releases + 4 * 3600, ProjectEvents::kRelease, QStringLiteral("2.0.1")),
            projectEvent(releases + 8 * 3600, ProjectEvents::kRelease, QStringLiteral("2.0.2")) });
        const QList<ChartView::MarkerGroup> apart = view.markerGroups();
        QCOMPARE(apart.size(), 3);
        QCOMPARE(apart[2].label, QStringLiteral("2.0.2"));
        // Evenly spaced in time, evenly spaced on screen.
        QVERIFY(qAbs((apart[1].x - apart[0].x) - (apart[2].x - apart[1].x)) < 1.0);
    }

    void categoryChartsHaveNoMarkers()
    {
        ChartView view;
        view.resize(400, 200);
        view.setCategories({ "a", "b" }, { { QStringLiteral("n"), { { 0, 1 }, { 1, 2 } } } }, QStringLiteral("hour"));
        view.setEvents({ projectEvent(kStart, ProjectEvents::kNote, QStringLiteral("x")) });
        QVERIFY(view.markerGroups().isEmpty());
    }
};

} // namespace activity

QTEST_MAIN(activity::TestChartMarkers)
#include "tst_chartmarkers.moc"
