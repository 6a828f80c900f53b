// The tray: Pause/Resume switch the window's collection, Show/Hide the window, and closing the window
// keeps collecting in the tray only when the setting is on and a tray exists (offscreen has none: the
// availability is injected).
#include "core/query/queryrunner.h"
#include "core/sources/apistore.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "ui/mainwindow.h"
#include "ui/tray/traycontroller.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace activity { } // namespace activity
Q_DECLARE_METATYPE(activity::TrayHeadline)
namespace activity {

namespace {
struct Fixture {
    QTemporaryDir dir;
    ManualClock clock { 1'700'000'000'000 };
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<TrayController> tray;
    QList<bool> switched; // what the collect switch was asked, in order
    bool trayExists = true;

    Fixture()
    {
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        Database db(path);
        Migrations::migrate(db);
        window = std::make_unique<MainWindow>(path, clock);
        tray = std::make_unique<TrayController>(*window);
        tray->setTrayAvailability([this] { return trayExists; });
        tray->setCollectSwitch(
            [this](bool on) {
                switched.append(on);
                return TrayController::CollectState { on, {} };
            },
            true);
    }
};
} // namespace

class TestTrayController : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("activity-dashboard-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_traycontroller"));
    }
    void init() { QSettings().clear(); }

    void pauseAndResumeSwitchCollecting()
    {
        Fixture f;
        QSignalSpy changed(f.tray.get(), &TrayController::collectingChanged);
        QVERIFY(f.tray->isCollecting());
        QVERIFY(f.tray->pauseAction()->isVisible());
        QCOMPARE(f.tray->pauseAction()->text(), QStringLiteral("Pause collecting"));
        f.tray->pauseAction()->trigger();
        QCOMPARE(f.switched, QList<bool> { false });
        QVERIFY(!f.tray->isCollecting());
        QCOMPARE(f.tray->pauseAction()->text(), QStringLiteral("Resume collecting"));
        QCOMPARE(f.tray->toolTip(), QStringLiteral("Activity Dashboard\nCollecting paused"));
        // The File menu offers the same, for desktops without a tray.
        auto* fileMenu = f.window->menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"));
        auto* filePause = fileMenu->findChild<QAction*>(QStringLiteral("pauseCollecting"));
        QVERIFY(filePause);
        QCOMPARE(filePause->text(), QStringLiteral("Resume collecting"));
        filePause->trigger();
        QCOMPARE(f.switched, (QList<bool> { false, true }));
        QVERIFY(f.tray->isCollecting());
        QCOMPARE(f.tray->pauseAction()->text(), QStringLiteral("Pause collecting"));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(fileMenu->actions().last()->text(), QStringLiteral("&Quit")); // still last
    }

    void aProblemStartingIsShown()
    {
        Fixture f;
        // Part started (the API pollers), one listener could not.
        f.tray->setCollectSwitch(
            [](bool on) {
                return TrayController::CollectState { on, QStringLiteral("udp://127.0.0.1:5514: address in use") };
            },
            false);
        QCOMPARE(f.tray->setCollecting(true), QStringLiteral("udp://127.0.0.1:5514: address in use"));
        QVERIFY(f.tray->isCollecting());
        QCOMPARE(
            f.tray->toolTip(), QStringLiteral("Activity Dashboard\nCollecting\nudp://127.0.0.1:5514: address in use"));
        // Nothing started (a `collect` already runs for this folder): not collecting, and why.
        const QString held = QStringLiteral("another Activity Dashboard (process 42) is already collecting for /d");
        f.tray->setCollectSwitch([held](bool) { return TrayController::CollectState { false, held }; }, false);
        QCOMPARE(f.tray->setCollecting(true), held);
        QVERIFY(!f.tray->isCollecting());
        QCOMPARE(f.tray->pauseAction()->text(), QStringLiteral("Resume collecting"));
        QCOMPARE(f.tray->toolTip(), QStringLiteral("Activity Dashboard\nCollecting paused\n") + held);
    }

    // A team store away: the tooltip says so first, keeps the last figures, and forgets it when the store answers.
    void aStoreAwayIsShown()
    {
        Fixture f;
        f.tray->setHeadline(TrayHeadline { 120, 42, 0 });
        const QString figures = TrayController::toolTipText(TrayHeadline { 120, 42, 0 }, true, true, {});
        const QString why = QStringLiteral("postgresql://team@db.example:5432/activity: connection refused");
        f.tray->showStoreProblem(why);
        QCOMPARE(f.tray->toolTip(),
            figures + QStringLiteral("\nThe store cannot be reached (figures as last read): ") + why);
        f.tray->showStoreProblem({});
        QCOMPARE(f.tray->toolTip(), figures);
    }

    void noSwitchNoPauseItem()
    {
        Fixture f;
        f.tray->setCollectSwitch({}, false); // the demo collects nothing
        QVERIFY(!f.tray->pauseAction()->isVisible());
        f.tray->pauseAction()->trigger();
        QVERIFY(f.switched.isEmpty());
    }

    void closingKeepsCollectingInTheTrayWhenAsked()
    {
        Fixture f;
        f.window->show();
        QVERIFY(!f.tray->keepInTray()); // off by default: closing quits, as before
        f.tray->keepAction()->trigger();
        QVERIFY(f.tray->keepInTray());
        QVERIFY(QSettings().value("tray/keepCollecting").toBool());
        QVERIFY(!f.window->close()); // refused: hidden instead
        QVERIFY(f.window->isHidden());
        QVERIFY(f.tray->isCollecting());
        QVERIFY(f.switched.isEmpty());
        QCOMPARE(f.tray->showAction()->text(), QStringLiteral("Show"));
        f.tray->showAction()->trigger();
        QVERIFY(f.window->isVisible());
        QCOMPARE(f.tray->showAction()->text(), QStringLiteral("Hide"));
        f.tray->showAction()->trigger();
        QVERIFY(f.window->isHidden());

        // The setting is remembered by the next start.
        Fixture again;
        QVERIFY(again.tray->keepInTray());
        QVERIFY(again.tray->keepAction()->isChecked());
    }

    void closingQuitsWithoutATrayOrWithoutTheSetting()
    {
        Fixture f;
        f.tray->setKeepInTray(true);
        f.trayExists = false; // offscreen, or a desktop without a tray
        f.window->show();
        QVERIFY(f.window->close());
        QVERIFY(!f.tray->keepAction()->isEnabled());

        Fixture g;
        g.tray->setKeepInTray(false);
        g.window->show();
        QVERIFY(g.window->close());
    }

    void quitReallyQuitsEvenInTheTray()
    {
        Fixture f;
        f.tray->setKeepInTray(true);
        f.window->show();
        QSignalSpy quit(f.tray.get(), &TrayController::quitRequested);
        f.tray->quitAction()->trigger();
        QCOMPARE(quit.count(), 1);
        QVERIFY(f.window->close()); // what QApplication::quit's closing of windows does
    }

    void toolTipShowsTheHeadline_data()
    {
        QTest::addColumn<TrayHeadline>("headline");
        QTest::addColumn<bool>("collecting");
        QTest::addColumn<QString>("text");
        QTest::addRow("both") << TrayHeadline { 1234, 56789.0 } << true
                              << "Activity Dashboard\n1,234 requests today · 56,789 stars\nCollecting";
        QTest::addRow("traffic only") << TrayHeadline { 0, std::nullopt } << false
                                      << "Activity Dashboard\n0 requests today\nCollecting paused";
        QTest::addRow("nothing yet") << TrayHeadline {} << true << "Activity Dashboard\nCollecting";
        QTest::addRow("alerts firing") << TrayHeadline { 5, std::nullopt, 2 } << true
                                       << "Activity Dashboard\n5 requests today\n2 alerts firing\nCollecting";
    }
    void toolTipShowsTheHeadline()
    {
        QFETCH(TrayHeadline, headline);
        QFETCH(bool, collecting);
        QFETCH(QString, text);
        QCOMPARE(TrayController::toolTipText(headline, collecting, true, {}), text);
    }

    void headlineComesFromTheDatabase()
    {
        Fixture f;
        {
            Database db(f.dir.filePath(QStringLiteral("a.sqlite")));
            const qint64 source = SourceStore(db, f.clock).add("github", "acme/*", { { "org", "acme" } });
            ApiStore store(db);
            const qint64 now = f.clock.nowSecs();
            store.recordSnapshot(store.seriesId(source, "github", "acme/alpha", "stars"), now - 3600, 40);
            store.recordSnapshot(store.seriesId(source, "github", "acme/beta", "stars"), now - 60, 2);
        }
        QueryRunner runner(f.dir.filePath(QStringLiteral("a.sqlite")), 0);
        f.tray->start(&runner);
        QTRY_COMPARE_WITH_TIMEOUT(f.tray->toolTip(), QStringLiteral("Activity Dashboard\n42 stars\nCollecting"), 5000);
        // The reader says the store went away, then that it answers: the tray follows it.
        emit runner.reachableChanged(false, QStringLiteral("server closed the connection"));
        QCOMPARE(f.tray->toolTip(),
            QStringLiteral("Activity Dashboard\n42 stars\nCollecting\nThe store cannot be reached (figures as last "
                           "read): server closed the connection"));
        emit runner.reachableChanged(true, {});
        QCOMPARE(f.tray->toolTip(), QStringLiteral("Activity Dashboard\n42 stars\nCollecting"));
    }
};

} // namespace activity

QTEST_MAIN(activity::TestTrayController)
#include "tst_traycontroller.moc"
