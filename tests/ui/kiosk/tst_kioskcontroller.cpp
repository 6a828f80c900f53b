#include "core/demo/demodata.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourceservice.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fullwindow.h"
#include "ui/kiosk/kioskcontroller.h"
#include "ui/mainwindow.h"
#include "ui/pagefactory.h"

#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kNowMs = 1'795'564'800'000;
}

class TestKioskController : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_path = m_dir.filePath("k.sqlite");
        Database db(m_path);
        Migrations::migrate(db);
        ManualClock clock(kNowMs);
        SourceStore store(db, clock);
        const qint64 ok = store.add("github", "torvalds/linux", { { "repo", "torvalds/linux" } });
        const qint64 failing = store.add("dockerhub", "library/*", { { "namespace", "library" } });
        Q_UNUSED(ok);
        // The Docker Hub source last succeeded 2 hours ago and fails since.
        Statement st = db.prepare(
            "INSERT INTO fetch_state(source_id, last_success, last_error, last_error_at) VALUES (?, ?, ?, ?)");
        st.bind(1, failing)
            .bind(2, kNowMs / 1000 - 7200)
            .bind(3, QString("network unreachable"))
            .bind(4, kNowMs / 1000);
        st.exec();
    }
    void parsePages_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("bad");
        QTest::addRow("three") << "overview,traffic,map" << 3 << "";
        QTest::addRow("spaces") << "overview, health" << 2 << "";
        QTest::addRow("unknown") << "overview,charts" << 0 << "charts";
        QTest::addRow("sources is an editing page") << "sources" << 0 << "sources";
    }
    void parsePages()
    {
        QFETCH(QString, list);
        QFETCH(int, count);
        QFETCH(QString, bad);
        QString got;
        QCOMPARE(KioskController::parsePages(list, &got).size(), count);
        QCOMPARE(got, bad);
    }
    void rotatesOnTheClockWithoutChrome()
    {
        ManualClock clock(kNowMs);
        QueryRunner runner(m_path, 0);
        MainWindow window(m_path, clock);
        PageFactory::install(window, runner);
        KioskController kiosk(window, runner, clock, { PageId::Overview, PageId::Map, PageId::Traffic }, 30);
        kiosk.start(false);
        // Full screen on the primary screen (the offscreen platform does not report the state itself).
        const QRect screen = QGuiApplication::primaryScreen()->geometry();
        QCOMPARE(window.geometry().topLeft(), screen.topLeft());
        QCOMPARE(window.geometry().height(), screen.height());
        QVERIFY(window.menuBar()->isHidden());
        QCOMPARE(window.currentPage(), PageId::Overview);
        auto* hint = window.findChild<QLabel*>("kioskHint");
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(),
            QString("Kiosk mode: press %1 to leave")
                .arg(KioskController::exitChord().toString(QKeySequence::NativeText)));

        clock.advanceSecs(29);
        kiosk.tick();
        QCOMPARE(window.currentPage(), PageId::Overview);
        clock.advanceSecs(1);
        kiosk.tick();
        QCOMPARE(window.currentPage(), PageId::Map);
        clock.advanceSecs(30);
        kiosk.tick();
        QCOMPARE(window.currentPage(), PageId::Traffic);
        clock.advanceSecs(30);
        kiosk.tick();
        QCOMPARE(window.currentPage(), PageId::Overview);
        // The hint went away after a few seconds; the cursor hides when idle.
        QVERIFY(hint->isHidden());
        QVERIFY(kiosk.isCursorHidden());
        QCOMPARE(QGuiApplication::overrideCursor()->shape(), Qt::BlankCursor);
        QTest::mouseMove(window.windowHandle(), QPoint(10, 10));
        QVERIFY(!kiosk.isCursorHidden());
    }
    void staleSourcesAreMarkedWithTheirAge()
    {
        ManualClock clock(kNowMs);
        QueryRunner runner(m_path, 0);
        MainWindow window(m_path, clock);
        KioskController kiosk(window, runner, clock, { PageId::Overview }, 30);
        kiosk.start(false);
        QTRY_COMPARE_WITH_TIMEOUT(kiosk.staleText(), QString("library/*: stale, updated 2 h ago"), 5000);
    }
    void exitsOnlyOnTheChord()
    {
        ManualClock clock(kNowMs);
        QueryRunner runner(m_path, 0);
        MainWindow window(m_path, clock);
        KioskController kiosk(window, runner, clock, {}, 30);
        kiosk.start(false);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy exit(&kiosk, &KioskController::exitRequested);
        QTest::keyClick(&window, Qt::Key_Escape);
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_F4, Qt::AltModifier);
        QCOMPARE(exit.count(), 0);
        QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(exit.count(), 1);
    }
    void screenshots_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addRow("1280x800") << QSize(1280, 800);
        QTest::addRow("1920x1080") << QSize(1920, 1080);
    }
    void screenshots()
    {
        // Set ACTIVITY_SCREENSHOTS=DIR to look at kiosk mode, the map and the source panel on demo data.
        const QString out = qEnvironmentVariable("ACTIVITY_SCREENSHOTS");
        if (out.isEmpty())
            QSKIP("ACTIVITY_SCREENSHOTS not set");
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString path = dir.filePath("demo.sqlite");
        {
            Database db(path);
            Migrations::migrate(db);
            DemoOptions options;
            options.nowSecs = kNowMs / 1000;
            DemoData::generate(db, options);
        }
        ManualClock clock(kNowMs);
        FullWindow full(path, clock);
        MainWindow& window = full.window;
        window.resize(size);
        window.show();
        for (PageId id : { PageId::Map, PageId::Sources }) {
            window.showPage(id);
            QTest::qWait(1500);
            window.grab().save(
                QString("%1/%2-%3x%4.png").arg(out, MainWindow::pageKey(id)).arg(size.width()).arg(size.height()));
        }
        KioskController kiosk(window, full.runner, clock, { PageId::Map }, 30);
        kiosk.start(false);
        window.resize(size);
        QTest::qWait(1500);
        kiosk.tick();
        window.grab().save(QString("%1/kiosk-map-%2x%3.png").arg(out).arg(size.width()).arg(size.height()));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_MAIN(activity::TestKioskController)
#include "tst_kioskcontroller.moc"
