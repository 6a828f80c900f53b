#include "core/query/apiquery.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/teststore.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC
}

class TestApiQuery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_db = TestStore::open(m_dir, QStringLiteral("tst_apiquery"));
        Migrations::migrate(*m_db);
        m_db->exec(
            "INSERT INTO series(id, provider, repository, metric) VALUES (1, 'github', 'acme/a', 'stars'),"
            "(2, 'github', 'acme/b', 'stars'), (3, 'dockerhub', 'acme/a', 'pulls'), (4, 'github', 'acme/a', 'forks')");
        Statement st = m_db->prepare("INSERT INTO samples(series_id, ts, value) VALUES(?, ?, ?)");
        // acme/a stars: 100 the day before, 110 and 115 during the day, 130 the next day.
        const std::array<std::tuple<int, qint64, double>, 6> rows = { {
            { 1, kDay - 3600, 100 },
            { 1, kDay + 3600, 110 },
            { 1, kDay + 7200, 115 },
            { 1, kDay + 86400 + 60, 130 },
            { 2, kDay + 1800, 50 },
            { 2, kDay + 86400 + 30, 52 },
        } };
        for (const auto& [series, ts, value] : rows)
            st.bind(1, series).bind(2, ts).bind(3, value).exec();
    }

    void listsRepositoriesAndMetrics()
    {
        QCOMPARE(ApiQuery::repositories(*m_db, "github"), QStringList({ "acme/a", "acme/b" }));
        QCOMPARE(ApiQuery::metrics(*m_db, "github"), QStringList({ "forks", "stars" }));
        QCOMPARE(ApiQuery::repositories(*m_db, "dockerhub"), QStringList({ "acme/a" }));
    }

    void seriesIncludesABaseline()
    {
        const auto series = ApiQuery::series(*m_db, "github", "stars", { kDay, kDay + 86400 });
        QCOMPARE(series.size(), 2);
        QCOMPARE(series[0].repository, QStringLiteral("acme/a"));
        QCOMPARE(
            series[0].samples, QList<Sample>({ { kDay - 3600, 100 }, { kDay + 3600, 110 }, { kDay + 7200, 115 } }));
        QCOMPARE(series[1].samples, QList<Sample>({ { kDay + 1800, 50 } }));
        QCOMPARE(SeriesMath::within(series[0].samples, { kDay, kDay + 86400 }).size(), 2);
    }

    void totalAt()
    {
        QCOMPARE(ApiQuery::totalAt(*m_db, "github", "stars", kDay + 3600), 160.0);
        QCOMPARE(ApiQuery::totalAt(*m_db, "github", "stars", kDay + 2 * 86400), 182.0);
        QCOMPARE(ApiQuery::totalAt(*m_db, "github", "stars", kDay - 86400), 0.0);
    }

    void dailyDelta()
    {
        const auto all = ApiQuery::series(*m_db, "github", "stars", { kDay - 86400, kDay + 2 * 86400 });
        // acme/a: day-1 ends at 100, day ends at 115, day+1 at 130: +15 then +15.
        QCOMPARE(SeriesMath::dailyDelta(all[0].samples), QList<Sample>({ { kDay, 15 }, { kDay + 86400, 15 } }));
        QCOMPARE(SeriesMath::dailyDelta({}), QList<Sample>());
    }

    void summed()
    {
        const auto all = ApiQuery::series(*m_db, "github", "stars", { kDay - 86400, kDay + 2 * 86400 });
        const QList<Sample> sum = SeriesMath::summed({ all[0].samples, all[1].samples });
        QCOMPARE(sum,
            QList<Sample>({ { kDay - 3600, 100 }, { kDay + 1800, 150 }, { kDay + 3600, 160 }, { kDay + 7200, 165 },
                { kDay + 86400 + 30, 167 }, { kDay + 86400 + 60, 182 } }));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestApiQuery)
#include "tst_apiquery.moc"
