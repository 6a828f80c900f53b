// With a country filter (a click on the map) the Traffic page's paths are that country's: path rollups are not
// split by country, so they come from the raw rows with the other top lists.
#include "core/demo/demodata.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/requestkeys.h"
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/fullwindow.h"
#include "tests/support/tilecount.h"
#include "ui/pages/trafficpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"

#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace activity {

namespace {
constexpr qint64 kNow = 1795591815; // 2026-11-25 07:30:15 UTC

// Path and requests of every row of the Paths table.
QList<std::pair<QString, qint64>> paths(const RowsModel* model)
{
    QList<std::pair<QString, qint64>> out;
    for (const QList<QVariant>& row : model->rows())
        out.append({ row.value(0).toString(), row.value(1).toLongLong() });
    return out;
}
} // namespace

class TestTrafficCountry : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void pathsFollowTheCountry()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        makeDemoDatabase(path, kNow, 8, 400);
        Database db(path);

        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setPreset(RangePreset::Last7Days);
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        page.setEagerLoading(true);
        page.resize(1280, 760);
        page.show();
        QSignalSpy loaded(&page, &DashboardPage::loaded);
        QVERIFY(loaded.wait(10000));
        const auto everyCountry = paths(page.model(TrafficPage::Paths));
        QVERIFY(!everyCountry.isEmpty());

        state.setCountry(QStringLiteral("DE"));
        QVERIFY(loaded.wait(10000));
        const TimeRange range = state.range();
        Statement st = db.prepare("SELECT s.value, count(*) AS n FROM requests r JOIN strings s ON s.id = r.path_id "
                                  "WHERE r.id >= ? AND r.id < ? AND r.country = 'DE' GROUP BY s.value "
                                  "ORDER BY n DESC, s.value");
        st.bind(1, RequestKeys::firstId(range.fromSecs)).bind(2, RequestKeys::firstId(range.toSecs));
        QList<std::pair<QString, qint64>> germany;
        qint64 total = 0;
        while (st.step()) {
            germany.append({ QString::fromUtf8(st.blob(0)), st.int64(1) });
            total += st.int64(1);
        }
        QVERIFY(total > 0);
        QCOMPARE(paths(page.model(TrafficPage::Paths)), germany);
        QVERIFY(paths(page.model(TrafficPage::Paths)) != everyCountry);
        // The share is of Germany's requests.
        QCOMPARE(page.model(TrafficPage::Paths)->rows().value(0).value(2).toDouble(),
            100.0 * double(germany.value(0).second) / double(total));

        state.setCountry(QString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(paths(page.model(TrafficPage::Paths)), everyCountry);
    }

    // A user narrows the page by clicking a country row; a chip in the header says so and removes it.
    void clickingACountryNarrowsWithAChip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        makeDemoDatabase(path, kNow, 8, 400);
        ManualClock clock(kNow * 1000);
        FullWindow full(path, clock);
        MainWindow& window = full.window;
        window.viewState()->setPreset(RangePreset::Last7Days);
        window.viewState()->setSite({}); // the window restores the last one chosen
        window.resize(1280, 800);
        window.showPage(PageId::Traffic);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = qobject_cast<TrafficPage*>(window.page(PageId::Traffic));
        QVERIFY(page);
        auto* chip = window.findChild<QToolButton*>(QStringLiteral("countryFilter"));
        QVERIFY(chip);
        QVERIFY(!chip->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->model(TrafficPage::Countries)->rowCount() >= 2, 10000);
        const QString second = page->model(TrafficPage::Countries)->rows().value(1).value(0).toString();
        const qint64 secondRequests = page->model(TrafficPage::Countries)->rows().value(1).value(1).toLongLong();
        const qint64 everyRequest = tileCount(page->tile(0));

        QTableView* table = page->view(TrafficPage::Countries);
        qobject_cast<QTabWidget*>(table->parentWidget()->parentWidget())->setCurrentWidget(table);
        const QRect cell = table->visualRect(table->model()->index(1, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(!window.viewState()->country().isEmpty());
        QVERIFY(second.endsWith(QStringLiteral("(%1)").arg(window.viewState()->country())));
        QTRY_VERIFY(chip->isVisible());
        QCOMPARE(chip->text(), QStringLiteral("Country: %1  ✕").arg(second));
        QVERIFY(!chip->accessibleName().isEmpty());
        // The page shows only that country: its requests are what its row said.
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), secondRequests, 10000);
        QVERIFY(secondRequests < everyRequest);
        // Its error share too (status rollups are not split by country: counted from its rows).
        {
            Database db(path);
            const TimeRange range = window.viewState()->range();
            Statement st = db.prepare("SELECT count(*) FROM requests WHERE id >= ? AND id < ? AND country = ? AND "
                                      "status >= 400 AND status < 600");
            st.bind(1, RequestKeys::firstId(range.fromSecs))
                .bind(2, RequestKeys::firstId(range.toSecs))
                .bind(3, window.viewState()->country());
            QVERIFY(st.step());
            QTRY_COMPARE_WITH_TIMEOUT(
                page->tile(3)->change(), QStringLiteral("%1 requests").arg(QLocale().toString(st.int64(0))), 10000);
        }

        QTest::mouseClick(chip, Qt::LeftButton);
        QVERIFY(window.viewState()->country().isEmpty());
        QTRY_VERIFY(!chip->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->model(TrafficPage::Countries)->rowCount() >= 2, 10000);
    }
};

} // namespace activity

QTEST_MAIN(activity::TestTrafficCountry)
#include "tst_trafficcountry.moc"
