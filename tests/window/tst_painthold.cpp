// A page shown with the old range's data keeps the screen as it was until its answers come (up to a bound), rather
// than paint stale charts first: what the user sees next is the new range, painted once.
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/fullwindow.h"
#include "ui/chartview.h"
#include "ui/dashboardpage.h"
#include "ui/viewstate.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace activity {

namespace {
constexpr qint64 kNow = 1795591815; // 2026-11-25

// Counts paint events of the widgets it watches.
class PaintCounter : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

bool waitLoaded(DashboardPage* page)
{
    QSignalSpy loaded(page, &DashboardPage::loaded);
    return !page->isLoading() || loaded.wait(10000);
}
} // namespace

class TestPaintHold : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        makeDemoDatabase(m_dir.filePath(QStringLiteral("a.sqlite")), kNow, 20, 300);
    }

    void pageShownWithStaleDataPaintsOnlyTheNewRange()
    {
        ManualClock clock(kNow * 1000);
        FullWindow full(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        MainWindow& window = full.window;
        window.resize(1280, 800);
        window.viewState()->setPreset(RangePreset::Last7Days);
        window.showPage(PageId::GitHub);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* traffic = qobject_cast<DashboardPage*>(window.page(PageId::Traffic));
        auto* github = qobject_cast<DashboardPage*>(window.page(PageId::GitHub));
        QVERIFY(traffic && github);
        QVERIFY(waitLoaded(github));
        window.showPage(PageId::Traffic);
        QVERIFY(waitLoaded(traffic));
        window.showPage(PageId::GitHub);
        QVERIFY(waitLoaded(github));

        // The range changes while Traffic is hidden: its charts hold the 7 days until it is shown again.
        window.viewState()->setPreset(RangePreset::Last30Days);
        QVERIFY(waitLoaded(github));
        PaintCounter counter;
        const QList<ChartView*> charts = traffic->charts();
        QVERIFY(!charts.isEmpty());
        for (ChartView* chart : charts)
            chart->viewport()->installEventFilter(&counter);
        window.showPage(PageId::Traffic);
        QVERIFY(traffic->isLoading());
        QVERIFY(!traffic->updatesEnabled()); // held: the 7 days' charts are not painted
        QSignalSpy loaded(traffic, &DashboardPage::loaded);
        int paintsBeforeAnswer = -1;
        connect(traffic, &DashboardPage::loaded, this, [&] { paintsBeforeAnswer = counter.paints; });
        QVERIFY(loaded.wait(10000));
        QCOMPARE(paintsBeforeAnswer, 0);
        QVERIFY(traffic->updatesEnabled());
        QTRY_VERIFY(counter.paints >= int(charts.size())); // then every chart paints, with the 30 days
        QCOMPARE(charts.first()->accessibleDescription().isEmpty(), false);
    }

    void aSlowAnswerShowsThePageAfterTheHold()
    {
        ManualClock clock(kNow * 1000);
        FullWindow full(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        MainWindow& window = full.window;
        window.resize(1280, 800);
        window.viewState()->setPreset(RangePreset::Last7Days);
        window.showPage(PageId::GitHub);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* overview = qobject_cast<DashboardPage*>(window.page(PageId::Overview));
        auto* github = qobject_cast<DashboardPage*>(window.page(PageId::GitHub));
        QVERIFY(overview && github);
        QVERIFY(waitLoaded(github));
        window.showPage(PageId::Overview);
        QVERIFY(waitLoaded(overview));
        window.showPage(PageId::GitHub);
        QVERIFY(waitLoaded(github));
        window.viewState()->setPreset(RangePreset::Last30Days);
        QVERIFY(waitLoaded(github));

        // The database answers slowly (a busy disk): the page is shown, as it is, once the hold has passed.
        full.runner.enqueue([](Database&) { QThread::msleep(1500); });
        QElapsedTimer timer;
        timer.start();
        window.showPage(PageId::Overview);
        QVERIFY(!overview->updatesEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(overview->updatesEnabled(), 1000);
        QVERIFY(overview->isLoading()); // still waiting for its answer, and on screen
        QVERIFY(timer.elapsed() < 1500);
        QVERIFY(waitLoaded(overview));
    }

private:
    QTemporaryDir m_dir;
};

} // namespace activity

QTEST_MAIN(activity::TestPaintHold)
#include "tst_painthold.moc"
