// The Overview page (ui/pages/overviewpage.h) over API figures.
#include "core/query/overviewquery.h"
#include "core/query/queryrunner.h"
#include "core/sources/apistore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/pageload.h"
#include "tests/support/teststore.h"
#include "ui/charts/chartview.h"
#include "ui/pages/apipage.h"
#include "ui/pages/overviewpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC
using Samples = QList<QPair<qint64, double>>; // (seconds from kDay, value)

} // namespace

class TestOverviewPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    // The Overview on the first days, as a new user sees it: no data, one poll, two polls, a range that starts
    // before the first sample, a baseline before the range. What the counter tiles say, and that the stars chart
    // draws what it has (a single sample is a point, not an empty plot).
    void counterTiles_data()
    {
        QTest::addColumn<Samples>("pulls"); // one Docker Hub image
        QTest::addColumn<Samples>("stars"); // one repository
        QTest::addColumn<QString>("pullsValue");
        QTest::addColumn<QString>("pullsChange");
        QTest::addColumn<QString>("starsChange");
        QTest::addColumn<int>("starPoints"); // drawn on the stars chart
        // The image's Change cell on the Docker Hub page (its series exists in every row, samples or not).
        QTest::addColumn<QString>("tableChange");
        // The range is the last 7 days before kDay + 12 h.
        // No source set up either: nothing is watched.
        QTest::newRow("no data") << Samples {} << Samples {} << QStringLiteral("–")
                                 << QStringLiteral("nothing watched yet") << QStringLiteral("nothing watched yet") << 0
                                 << QString();
        QTest::newRow("one poll") << Samples { { 3600, 12632695 } } << Samples { { 3600, 42 } }
                                  << QStringLiteral("12,632,695")
                                  << QStringLiteral("since 25 Nov 01:00; change not known yet")
                                  << QStringLiteral("since 25 Nov 01:00; change not known yet") << 1
                                  << QStringLiteral("known after the next poll");
        QTest::newRow("two polls") << Samples { { 3600, 12632695 }, { 7200, 12632795 } }
                                   << Samples { { 3600, 42 }, { 7200, 45 } } << QStringLiteral("12,632,795")
                                   << QStringLiteral("+100 over the range") << QStringLiteral("+3 over the range") << 2
                                   << QStringLiteral("+100 since 25 Nov 01:00");
        QTest::newRow("baseline before the range, nothing since")
            << Samples { { -30 * 86400, 500 } } << Samples { { -30 * 86400, 7 } } << QStringLiteral("500")
            << QStringLiteral("±0 over the range (none the period before)")
            << QStringLiteral("±0 over the range (none the period before)") << 1 << QStringLiteral("±0");
        QTest::newRow("baseline before the range, one poll in it")
            << Samples { { -30 * 86400, 500 }, { 3600, 510 } } << Samples { { -30 * 86400, 7 }, { 3600, 6 } }
            << QStringLiteral("510") << QStringLiteral("+10 over the range (none the period before)")
            << QStringLiteral("−1 over the range (none the period before)") << 2 << QStringLiteral("+10");
        // The period before is the 7 days before the range, with its own baseline (the sample 20 days back).
        QTest::newRow("compared with the period before")
            << Samples { { -20 * 86400, 1000 }, { -10 * 86400, 1100 }, { -8 * 86400, 1200 }, { 3600, 1500 } }
            << Samples { { -8 * 86400, 40 }, { 3600, 38 } } << QStringLiteral("1,500")
            << QStringLiteral("+300 over the range, +50.0% vs the period before") << QStringLiteral("−2 over the range")
            << 2 << QStringLiteral("+300");
        QTest::newRow("the period before fell")
            << Samples { { -20 * 86400, 1000 }, { 3600, 1000 } }
            << Samples { { -20 * 86400, 50 }, { -10 * 86400, 45 }, { 3600, 47 } } << QStringLiteral("1,000")
            << QStringLiteral("±0 over the range (none the period before)")
            << QStringLiteral("+2 over the range (−5 the period before)") << 2 << QStringLiteral("±0");
    }

    void counterTiles()
    {
        QFETCH(Samples, pulls);
        QFETCH(Samples, stars);
        QFETCH(QString, pullsValue);
        QFETCH(QString, pullsChange);
        QFETCH(QString, starsChange);
        QFETCH(int, starPoints);
        QFETCH(QString, tableChange);

        QTemporaryDir dir;
        const QString path = TestStore::location(dir, QStringLiteral("d"));
        {
            Database db(path);
            Migrations::migrate(db);
            ApiStore store(db);
            const qint64 pullsId
                = store.seriesId(0, QStringLiteral("dockerhub"), QStringLiteral("acme/img"), QStringLiteral("pulls"));
            const qint64 starsId
                = store.seriesId(0, QStringLiteral("github"), QStringLiteral("acme/rocket"), QStringLiteral("stars"));
            for (const auto& [at, value] : pulls)
                store.recordPoint(pullsId, kDay + at, value);
            for (const auto& [at, value] : stars)
                store.recordPoint(starsId, kDay + at, value);
        }
        ManualClock clock((kDay + 12 * 3600) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay + 12 * 3600 - 7 * 86400, kDay + 12 * 3600 });
        QueryRunner runner(path, 0);
        OverviewPage page(runner, state);
        QVERIFY(showLoaded(page));

        QCOMPARE(page.tile(1)->value(), pullsValue);
        QCOMPARE(page.tile(1)->change(), pullsChange);
        QCOMPARE(page.tile(0)->change(), starsChange);
        auto* chart = page.findChild<ChartView*>(QStringLiteral("overviewStars"));
        QVERIFY(chart);
        QCOMPARE(chart->plottedPoints(0).size(), starPoints);

        // The Docker Hub page's table: the change over the range on the same rule, or when it will be known.
        std::unique_ptr<ApiPage> hub(ApiPage::createDockerHub(runner, state));
        QVERIFY(showLoaded(*hub));
        RowsModel* table = hub->tableModel();
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10000);
        QCOMPARE(table->headerData(table->columnCount() - 1, Qt::Horizontal).toString(), QStringLiteral("Change"));
        QCOMPARE(table->index(0, table->columnCount() - 1).data().toString(), tableChange);
    }

    // The Docker Hub page's change per day after polls on one day says why it is empty (to screen readers too);
    // once polls span two days it draws the bar and says nothing.
    void changePerDaySaysWhyItIsEmpty()
    {
        QTemporaryDir dir;
        const QString path = TestStore::location(dir, QStringLiteral("d"));
        Database db(path);
        Migrations::migrate(db);
        ApiStore store(db);
        const qint64 id
            = store.seriesId(0, QStringLiteral("dockerhub"), QStringLiteral("acme/img"), QStringLiteral("pulls"));
        store.recordPoint(id, kDay + 3600, 100);
        store.recordPoint(id, kDay + 7200, 130);
        ManualClock clock((kDay + 12 * 3600) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay + 12 * 3600 - 7 * 86400, kDay + 12 * 3600 });
        QueryRunner runner(path, 0);
        std::unique_ptr<ApiPage> hub(ApiPage::createDockerHub(runner, state));
        QVERIFY(showLoaded(*hub));
        const QString why = QStringLiteral("No change per day yet: it shows once polls span two days.");
        QCOMPARE(hub->deltaChart()->plottedPoints(0).size(), 0);
        QCOMPARE(hub->deltaChart()->accessibleDescription(), why);

        store.recordPoint(id, kDay - 86400 + 3600, 90); // a poll the day before
        QVERIFY(showLoaded(*hub));
        QCOMPARE(hub->deltaChart()->plottedPoints(0).size(), 4); // one bar's corners: +40 on the 25th
        QVERIFY(hub->deltaChart()->accessibleDescription() != why);
    }
};

} // namespace activity

QTEST_MAIN(activity::TestOverviewPage)
#include "tst_overviewpage.moc"
