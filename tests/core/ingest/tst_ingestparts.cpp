// The parts the ingest writer is made of, each on its own over a real SQLite file: visitor sets, rollup sums and
// the retention that storage maintenance applies.
#include "core/ingest/ingestwriter.h"
#include "core/ingest/rollupsums.h"
#include "core/ingest/visitorsets.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/retention.h"
#include "core/util/clock.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC
using Rollup::Dim;
using Rollup::Period;

qint64 count(Database& db, const char* sql)
{
    return db.queryInt(sql).value_or(-1);
}

// The Total dimension's one key is the empty text (not NULL).
const QString kTotalKey = QStringLiteral("");

struct RollupRow {
    qint64 requests = -1;
    qint64 visitors = -1;
    qint64 bytes = -1;
};

RollupRow rollup(Database& db, qint64 period, qint64 bucket, Dim dim, const QString& key)
{
    Statement st = db.prepare("SELECT requests, visitors, bytes FROM rollups WHERE period = ? AND bucket = ? "
                              "AND site_id = 1 AND dim = ? AND key = ?");
    st.bind(1, period).bind(2, bucket).bind(3, QString::fromLatin1(Rollup::name(dim))).bind(4, key);
    if (!st.step())
        return {};
    return { st.int64(0), st.int64(1), st.int64(2) };
}
} // namespace

class TestIngestParts : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<Database>(m_dir->filePath(QStringLiteral("parts.sqlite")));
        Migrations::migrate(*m_db);
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void aVisitorCountsOncePerDayAndSite()
    {
        {
            Transaction tx(*m_db);
            VisitorSets v(*m_db, 1000);
            QVERIFY(v.firstVisit(kDay, 1, 42));
            QVERIFY(!v.firstVisit(kDay, 1, 42));
            QVERIFY(v.firstVisit(kDay, 2, 42)); // another site
            QVERIFY(v.firstVisit(kDay + 86400, 1, 42)); // another day
            v.write();
            tx.commit();
        }
        QCOMPARE(count(*m_db, "SELECT count(*) FROM visitor_sets"), 3);
        // Another writer (a later run) reads what was stored.
        Transaction tx(*m_db);
        VisitorSets again(*m_db, 1000);
        QVERIFY(!again.firstVisit(kDay, 1, 42));
        QVERIFY(again.firstVisit(kDay, 1, 43));
    }

    void aDayPastTheLimitIsAnsweredByRows()
    {
        Transaction tx(*m_db);
        VisitorSets v(*m_db, 4);
        for (qint64 h = 1; h <= 10; ++h)
            QVERIFY(v.firstVisit(kDay, 1, h));
        for (qint64 h = 1; h <= 10; ++h)
            QVERIFY(!v.firstVisit(kDay, 1, h));
        v.write();
        QCOMPARE(count(*m_db, "SELECT count(*) FROM visitors WHERE site_id = 1"), 10);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM visitor_sets"), 0);
        QVERIFY(v.cached() <= 4);
    }

    void clearedVisitorsAreNotStored()
    {
        Transaction tx(*m_db);
        VisitorSets v(*m_db, 1000);
        QVERIFY(v.firstVisit(kDay, 1, 7));
        v.clear(); // the transaction that saw them was rolled back
        v.write();
        QCOMPARE(count(*m_db, "SELECT count(*) FROM visitor_sets"), 0);
        QVERIFY(v.firstVisit(kDay, 1, 7));
    }

    void minuteSumsMakeHourAndDayRows()
    {
        Transaction tx(*m_db);
        RollupSums sums(*m_db);
        const qint64 t = kDay + 3600;
        sums.add(Period::Minute, t, 1, Dim::Total, 0, 100, true);
        sums.add(Period::Minute, t + 60, 1, Dim::Total, 0, 50, false);
        sums.add(Period::Minute, t + 3600, 1, Dim::Total, 0, 10, true);
        sums.add(Period::Minute, t, 1, Dim::Status, 404, 100, true);
        sums.add(Period::Minute, t, 1, Dim::Country, Rollup::packCountry("FR"), 100, true);
        sums.add(Period::Hour, t, 1, Dim::Path, sums.textKey("/docs/<b>"), 100, true);
        sums.write();
        QCOMPARE(count(*m_db, "SELECT count(*) FROM rollups WHERE period = 60 AND dim = ''"), 3);
        const RollupRow hour = rollup(*m_db, 3600, t, Dim::Total, kTotalKey);
        QCOMPARE(hour.requests, 2);
        QCOMPARE(hour.visitors, 1);
        QCOMPARE(hour.bytes, 150);
        const RollupRow day = rollup(*m_db, 86400, kDay, Dim::Total, kTotalKey);
        QCOMPARE(day.requests, 3);
        QCOMPARE(day.visitors, 2);
        QCOMPARE(day.bytes, 160);
        QCOMPARE(rollup(*m_db, 86400, kDay, Dim::Status, QStringLiteral("404")).requests, 1);
        QCOMPARE(rollup(*m_db, 60, t, Dim::Country, QStringLiteral("FR")).requests, 1);
        QCOMPARE(rollup(*m_db, 3600, t, Dim::Path, QStringLiteral("/docs/<b>")).requests, 1);
        QCOMPARE(rollup(*m_db, 86400, kDay, Dim::Path, QStringLiteral("/docs/<b>")).requests, 1);

        // Written again: added to the rows, not replacing them; cleared sums are not written.
        sums.add(Period::Minute, t, 1, Dim::Total, 0, 1, false);
        sums.write();
        sums.add(Period::Minute, t, 1, Dim::Total, 0, 1, false);
        sums.clear();
        sums.write();
        QCOMPARE(rollup(*m_db, 60, t, Dim::Total, kTotalKey).requests, 2);
        QCOMPARE(rollup(*m_db, 86400, kDay, Dim::Total, kTotalKey).requests, 4);
    }

    void retentionDeletesOldRowsAndTheirStrings()
    {
        ManualClock clock((kDay + 12 * 3600) * 1000);
        {
            Transaction tx(*m_db);
            IngestWriter writer(*m_db, clock);
            for (const auto& [ts, path] : { std::pair { kDay - 10 * 86400, "/old-only" }, { kDay, "/new" } }) {
                AccessRecord r;
                r.addr[0] = 10;
                r.addrLen = 4;
                r.ts = ts;
                r.status = 200;
                r.method = "GET";
                r.path = path;
                r.agent = "curl/8";
                writer.add(1, "www", r, {});
            }
            writer.writePending();
            tx.commit();
        }
        QCOMPARE(count(*m_db, "SELECT count(*) FROM requests"), 2);
        AppSettings::set(*m_db, QStringLiteral("retention.days"), QStringLiteral("5"));
        Retention retention(*m_db, clock);
        {
            Transaction tx(*m_db);
            QCOMPARE(retention.apply(), 1);
            tx.commit();
        }
        QCOMPARE(retention.cutoff(), kDay + 12 * 3600 - 5 * 86400);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM requests"), 1);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM strings WHERE CAST(value AS TEXT) = '/old-only'"), 0);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM strings WHERE CAST(value AS TEXT) = '/new'"), 1);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM strings WHERE CAST(value AS TEXT) = 'curl/8'"), 1);
        // Rollups are kept for ever.
        QCOMPARE(count(*m_db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''"), 2);

        // The setting is read again after an hour, not before.
        AppSettings::set(*m_db, QStringLiteral("retention.days"), QStringLiteral("1"));
        QVERIFY(!retention.refresh());
        clock.advanceSecs(3600);
        QVERIFY(retention.refresh());
        QCOMPARE(retention.cutoff(), kDay + 13 * 3600 - 86400);
        QCOMPARE(retention.topKeys(), qint64(AppSettings::kDefaultTopKeys));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestIngestParts)
#include "tst_ingestparts.moc"
