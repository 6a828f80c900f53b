// Every page of the window over demo data: rendered (light and dark palettes) and none blank, and named for a
// screen reader.
// With ACTIVITY_SCREENSHOTS=DIR it also saves the PNGs there for a person to look at.
#include "core/demo/demodata.h"
#include "core/query/queryrunner.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourceservice.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/fullwindow.h"
#include "ui/charts/chartview.h"
#include "ui/mainwindow.h"
#include "ui/pagefactory.h"
#include "ui/pages/dashboardpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/metrictile.h"

#include <QAbstractItemView>
#include <QAccessible>
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

namespace {
constexpr qint64 kNow = 1795591815;

bool isInteractive(const QWidget* w)
{
    return w->focusPolicy() != Qt::NoFocus || qobject_cast<const ChartView*>(w) || qobject_cast<const MetricTile*>(w)
        || qobject_cast<const QAbstractItemView*>(w);
}

QString describe(const QWidget* w)
{
    QString path = QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('#') + w->objectName();
    if (const QWidget* p = w->parentWidget())
        path += QStringLiteral(" in ") + QString::fromLatin1(p->metaObject()->className()) + QLatin1Char('#')
            + p->objectName();
    return path;
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
        m_smallDemo = m_dir.filePath(QStringLiteral("a.sqlite"));
        makeDemoDatabase(m_smallDemo, kNow, 7, 200);
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

    // Every page of the window, as a screen reader walks it: each interactive widget, chart, tile and table has an
    // accessible name (its own, or the text Qt reads from it), and charts describe what they show.
    void everyPageNamesWhatItShows_data()
    {
        QTest::addColumn<int>("page");
        for (int i = 0; i < kPageCount; ++i)
            QTest::newRow(qPrintable(MainWindow::pageKey(PageId(i)))) << i;
    }

    void everyPageNamesWhatItShows()
    {
        QFETCH(int, page);
        ManualClock clock(kNow * 1000);
        FullWindow full(m_smallDemo, clock);
        MainWindow& window = full.window;
        window.resize(1280, 800);
        window.showPage(PageId(page));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        if (auto* dashboard = qobject_cast<DashboardPage*>(window.page(PageId(page)))) {
            QSignalSpy loaded(dashboard, &DashboardPage::loaded);
            QVERIFY(!dashboard->isLoading() || loaded.wait(10000));
        }
        QStringList unnamed;
        QStringList undescribedCharts;
        int checked = 0;
        for (QWidget* w : window.findChildren<QWidget*>()) {
            if (!w->isVisible() || !isInteractive(w))
                continue;
            // Only this page and the window's own controls (other pages are hidden).
            QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY(iface);
            ++checked;
            if (iface->text(QAccessible::Name).trimmed().isEmpty())
                unnamed.append(describe(w));
            if (qobject_cast<ChartView*>(w) && iface->text(QAccessible::Description).trimmed().isEmpty())
                undescribedCharts.append(describe(w));
        }
        QVERIFY(checked > 3);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        QVERIFY2(undescribedCharts.isEmpty(), qPrintable(undescribedCharts.join(QStringLiteral(", "))));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock { 1795591815000 }; // 2026-11-25 07:30:15 UTC

    QString m_smallDemo; // a week of 200 requests a day, beside the big demo
};

} // namespace activity

QTEST_MAIN(activity::TestScreens)
#include "tst_screens.moc"
