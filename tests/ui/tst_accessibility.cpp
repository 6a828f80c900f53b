// Every page of the window, as a screen reader walks it: each interactive widget, chart, tile and table has an
// accessible name (its own, or the text Qt reads from it), and charts describe what they show.
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
#include "ui/widgets/metrictile.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

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

class TestAccessibility : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_path = m_dir.filePath(QStringLiteral("a.sqlite"));
        makeDemoDatabase(m_path, kNow, 7, 200);
    }

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
        FullWindow full(m_path, clock);
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
};

} // namespace activity

QTEST_MAIN(activity::TestAccessibility)
#include "tst_accessibility.moc"
