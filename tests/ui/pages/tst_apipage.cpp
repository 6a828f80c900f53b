// The GitHub and Docker Hub pages (ui/pages/apipage.h).
#include "core/query/apichartquery.h"
#include "core/query/queryrunner.h"
#include "core/sources/apistore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/pageload.h"
#include "ui/charts/chartview.h"
#include "ui/pages/apipage.h"
#include "ui/viewstate.h"

#include <QLegend>
#include <QLegendMarker>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kNow = 1795564800 + 12 * 3600;

QString repo(int i)
{
    return QStringLiteral("acme/r%1").arg(i, 2, 10, QLatin1Char('0'));
}

QStringList names(const ChartView* chart)
{
    QStringList out;
    for (const ChartSeries& s : chart->data())
        out.append(s.name);
    return out;
}

} // namespace

class TestApiPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_path = m_dir.filePath(QStringLiteral("m.sqlite"));
        Database db(m_path);
        Migrations::migrate(db);
        ApiStore store(db);
        // Repository i has 10 * i stars two days ago and 10 * i + i now: r25 is the busiest.
        for (int i = 1; i <= 25; ++i) {
            const qint64 id = store.seriesId(0, QStringLiteral("github"), repo(i), QStringLiteral("stars"));
            store.recordPoint(id, kNow - 2 * 86400, 10.0 * i);
            store.recordPoint(id, kNow - 3600, 11.0 * i);
        }
    }

    // An organisation of 25 repositories: the charts name the seven busiest and sum the rest as "Others (18)", the
    // user can pick which are drawn on their own, and the sums stay exact.
    void theBusiestAreNamedTheRestSummed()
    {
        Database db(m_path, Database::Mode::ReadOnly);
        const TimeRange range { kNow - 7 * 86400, kNow };
        const ApiChartData d = ApiChartQuery::read(db, { "github", "stars", false, false, 7, {} }, range);
        QCOMPARE(d.ranking.size(), 25);
        QCOMPARE(d.ranking.first(), repo(25));
        QCOMPARE(d.othersCount, 18);
        QCOMPARE(d.totals.size(), 8);
        QCOMPARE(d.totals[0].repository, repo(25));
        QCOMPARE(d.totals[6].repository, repo(19));
        QVERIFY(d.totals[7].repository.isEmpty());
        // Others: repositories 1..18, 11 * (1 + ... + 18) = 1881 now; their change per day summed too.
        QCOMPARE(d.totals[7].samples.last().value, 1881.0);
        double othersChange = 0;
        for (const Sample& s : d.deltas[7].samples)
            othersChange += s.value;
        QCOMPARE(othersChange, 171.0);
    }

    void theLegendNamesWhatIsDrawn()
    {
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kNow - 7 * 86400, kNow });
        QueryRunner runner(m_path, 0);
        std::unique_ptr<ApiPage> page(ApiPage::createGitHub(runner, state));
        page->setEagerLoading(true);
        page->resize(1280, 800);
        page->show();
        QVERIFY(reloadAndWait(*page));
        const QStringList drawn = names(page->totalChart());
        QCOMPARE(drawn.size(), 8);
        QCOMPARE(drawn.first(), repo(25));
        QCOMPARE(drawn.last(), QStringLiteral("Others (18)"));
        QCOMPARE(names(page->deltaChart()).last(), QStringLiteral("Others (18)"));
        QStringList legend;
        for (QLegendMarker* marker : page->totalChart()->chart()->legend()->markers())
            legend.append(marker->label());
        QCOMPARE(legend, drawn);

        page->setShownRepositories({ repo(3), repo(1) });
        QVERIFY(reloadAndWait(*page));
        QCOMPARE(names(page->totalChart()), QStringList({ repo(3), repo(1), QStringLiteral("Others (23)") }));
        page->setShownRepositories({});
        QVERIFY(reloadAndWait(*page));
        QCOMPARE(names(page->totalChart()).size(), 8);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_MAIN(activity::TestApiPage)
#include "tst_apipage.moc"
