// A page shown with the old range's data keeps the screen as it was until its answers come (up to a bound), rather
// than paint stale charts first: what the user sees next is the new range, painted once.
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/fullwindow.h"
#include "ui/charts/chartview.h"
#include "ui/pages/dashboardpage.h"
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

// The window on screen at 7 days: page `id` shown once and left for GitHub, then the range set to 30 days there, so
// the page holds the 7 days' data until it is shown again.
bool visitThenChangeRangeElsewhere(MainWindow& window, PageId id)
{
    auto* page = qobject_cast<DashboardPage*>(window.page(id));
    window.resize(1280, 800);
    window.viewState()->setPreset(RangePreset::Last7Days);
    window.showPage(PageId::GitHub);
    window.show();
    auto* github = qobject_cast<DashboardPage*>(window.page(PageId::GitHub));
    if (!QTest::qWaitForWindowExposed(&window) || !page || !github || !waitLoaded(github))
        return false;
    window.showPage(id);
    if (!waitLoaded(page))
        return false;
    window.showPage(PageId::GitHub);
    if (!waitLoaded(github))
        return false;
    window.viewState()->setPreset(RangePreset::Last30Days);
    return waitLoaded(github);
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
        // The range changes while Traffic is hidden: its charts hold the 7 days until it is shown again.
        auto* traffic = qobject_cast<DashboardPage*>(window.page(PageId::Traffic));
        QVERIFY(traffic);
        QVERIFY(visitThenChangeRangeElsewhere(window, PageId::Traffic));
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
        auto* overview = qobject_cast<DashboardPage*>(window.page(PageId::Overview));
        QVERIFY(overview);
        QVERIFY(visitThenChangeRangeElsewhere(window, PageId::Overview));

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
