// Renders every page of the window over demo data (light and dark palettes) and checks none is blank.
// With ACTIVITY_SCREENSHOTS=DIR it also saves the PNGs there for a person to look at.
#include "core/demo/demodata.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fullwindow.h"
#include "ui/mainwindow.h"
#include "ui/pagefactory.h"
#include "ui/pages/dashboardpage.h"
#include "ui/viewstate.h"

#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestScreens : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        m_path = m_dir.filePath(QStringLiteral("demo.sqlite"));
        Database db(m_path);
        Migrations::migrate(db);
        DemoOptions options;
        options.nowSecs = m_clock.nowSecs();
        options.requestsPerDay = 1500;
        DemoData::generate(db, options);
    }

    void everyPageRenders_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addRow("light") << false;
        QTest::addRow("dark") << true;
    }
    void everyPageRenders()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkTestPalette());
        {
            QueryRunner runner(m_path, 0);
            MainWindow window(m_path, m_clock);
            window.resize(1280, 800);
            PageFactory::install(window, runner);
            window.viewState()->setPreset(RangePreset::Last30Days);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_COMPARE(window.sites(), QStringList({ "docs", "www" }));
            for (int i = 0; i < kPageCount; ++i) {
                window.showPage(PageId(i));
                if (auto* page = qobject_cast<DashboardPage*>(window.page(PageId(i)))) {
                    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->lastLoadMs() >= 0, 20000);
                    QTest::qWait(200); // lets charts re-plot at their final width (a coalescing timer)
                }
                const QImage shot = window.grab().toImage();
                QVERIFY2(distinctColours(shot) > 20, qPrintable(MainWindow::pageKey(PageId(i))));
                if (!qEnvironmentVariableIsEmpty("ACTIVITY_SCREENSHOTS"))
                    shot.save(qEnvironmentVariable("ACTIVITY_SCREENSHOTS")
                        + QStringLiteral("/%1-%2.png")
                              .arg(MainWindow::pageKey(PageId(i)),
                                  dark ? QStringLiteral("dark") : QStringLiteral("light")));
            }
        }
        QApplication::setPalette(original);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock { 1795591815000 }; // 2026-11-25 07:30:15 UTC
};

} // namespace activity

QTEST_MAIN(activity::TestScreens)
#include "tst_screens.moc"
