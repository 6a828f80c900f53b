#include "core/events/eventservice.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"
#include "ui/charts/chartview.h"
#include "ui/dialogs/notedialog.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cmath>
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
        // One event: its title, whole when the next marker leaves room for it.
        QCOMPARE(groups[0].label, QStringLiteral("Posted on Hacker News"));
        QCOMPARE(groups[1].label, QStringLiteral("3 releases"));
        QCOMPARE(groups[1].events.size(), 3);
        QVERIFY(groups[1].lastX > groups[1].x); // two hours later
        QCOMPARE(groups[0].lastX, groups[0].x);
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

    // A crowded group of several kinds says what it holds when that fits; screen readers hear every event.
    void mixedGroupsAndScreenReaders()
    {
        ChartView view;
        view.resize(900, 320);
        const TimeRange range { kStart, kStart + 30 * kDay };
        view.setTimeSeries(
            { { QStringLiteral("requests"), { { double(kStart), 1 }, { double(kStart + 29 * kDay), 2 } } } }, range,
            ChartView::Style::Lines, QStringLiteral("requests"));
        view.setEvents({ projectEvent(kStart + 5 * kDay, ProjectEvents::kRelease, QStringLiteral("Rocket 2.0")),
            projectEvent(kStart + 5 * kDay + 3600, ProjectEvents::kNote, QStringLiteral("Launch post")),
            projectEvent(kStart + 5 * kDay + 7200, ProjectEvents::kRelease, QStringLiteral("Rocket 2.0.1")) });
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::qWait(300);
        const QList<ChartView::MarkerGroup> groups = view.markerGroups();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups[0].label, QStringLiteral("2 releases, 1 note"));
        for (const char* title : { "Rocket 2.0 (", "Launch post (", "Rocket 2.0.1 (" })
            QVERIFY2(
                view.accessibleDescription().contains(QLatin1String(title)), qPrintable(view.accessibleDescription()));
    }

    // A time chart's context menu offers "Add a note at ..." at the time under the pointer, while something listens.
    void contextMenuAsksForANoteAtTheClickedTime()
    {
        ChartView view;
        view.resize(900, 320);
        const TimeRange range { kStart, kStart + 10 * kDay };
        view.setTimeSeries(
            { { QStringLiteral("requests"), { { double(kStart), 1 }, { double(kStart + 9 * kDay), 2 } } } }, range,
            ChartView::Style::Lines, QStringLiteral("requests"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::qWait(300);
        // Where day 4 is: found from a marker put there (drawn from the same axis).
        view.setEvents({ projectEvent(kStart + 4 * kDay, ProjectEvents::kNote, QStringLiteral("x")) });
        const double x = view.markerGroups().value(0).x;
        QVERIFY(x > 0);
        QString offered;
        QTimer::singleShot(100, [&offered] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            if (auto* action = menu->findChild<QAction*>(QStringLiteral("addNoteAction"))) {
                offered = action->text();
                action->trigger();
            }
            menu->close();
        });
        QContextMenuEvent click(QContextMenuEvent::Mouse, QPoint(int(std::round(x)), 150),
            view.viewport()->mapToGlobal(QPoint(int(std::round(x)), 150)));
        QApplication::sendEvent(view.viewport(), &click);
        QVERIFY2(offered.isEmpty(), "nothing listens yet: no note offered");
        QSignalSpy asked(&view, &ChartView::noteRequested); // a listener now
        QTimer::singleShot(100, [&offered] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            if (auto* action = menu->findChild<QAction*>(QStringLiteral("addNoteAction"))) {
                offered = action->text();
                action->trigger();
            }
            menu->close();
        });
        QApplication::sendEvent(view.viewport(), &click);
        QVERIFY2(offered.startsWith("Add a note at "), qPrintable(offered));
        QCOMPARE(asked.size(), 1);
        // Within a pixel's time of day 4 (ten days over about 800 pixels: 18 minutes a pixel).
        const qint64 at = asked.first().first().toLongLong();
        QVERIFY2(qAbs(at - (kStart + 4 * kDay)) <= 20 * 60, qPrintable(QString::number(at - (kStart + 4 * kDay))));
    }

    // What the menu opens: the note's text and link at that time, stored as `notes list` shows it; a refused link
    // keeps the dialog open and stores nothing.
    void noteDialogAddsTheNote()
    {
        QTemporaryDir dir;
        DbWriter writer(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY2(writer.openError().isEmpty(), qPrintable(writer.openError()));
        SystemClock clock;
        EventService events(writer, clock);
        const qint64 at = kStart + 4 * kDay;
        QTimer::singleShot(200, [] { // the warning about the link
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->accept();
        });
        NoteDialog refused(events, at);
        refused.textEdit()->setText(QStringLiteral("Launch"));
        refused.urlEdit()->setText(QStringLiteral("javascript:alert(1)"));
        refused.accept();
        QCOMPARE(refused.result(), int(QDialog::Rejected));
        QCOMPARE(events.notes()->size(), 0);

        NoteDialog dialog(events, at);
        dialog.textEdit()->setText(QStringLiteral("Launch post"));
        dialog.urlEdit()->setText(QStringLiteral("https://blog.example/launch"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const QList<ProjectEvent> notes = *events.notes();
        QCOMPARE(notes.size(), 1);
        QCOMPARE(notes[0].ts, at);
        QCOMPARE(notes[0].title, QStringLiteral("Launch post"));
        QCOMPARE(notes[0].url, QStringLiteral("https://blog.example/launch"));
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
