// The ingest writer (core/ingest/ingestwriter.h) over real SQLite files: its parts on their own, how request rows,
// visitors and rollups are stored, and how rollups stay bounded under a URL scanner.
#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/ingest/ingestwriter.h"
#include "core/ingest/retention.h"
#include "core/ingest/rollupsums.h"
#include "core/ingest/visitorsets.h"
#include "core/query/trafficquery.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/requestkeys.h"
#include "core/util/clock.h"
#include "tests/support/teststore.h"

#include <QProcess>
#include <QSet>
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

namespace {

// A combined line at kDay + secs.
QByteArray line(const char* addr, qint64 secs, const char* path, int status, const char* referrer, const char* agent)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(kDay + secs, Qt::UTC);
    const QByteArray time = QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1() + " +0000";
    return QByteArray(addr) + " - - [" + time + "] \"GET " + path + " HTTP/1.1\" " + QByteArray::number(status)
        + " 10 \"" + referrer + "\" \"" + agent + '"';
}

// A curl request of `path` at `ts` from 10.x, as the writer gets it from the parser.
void addCurlLine(IngestWriter& writer, qint64 ts, const char* path)
{
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

qint64 stringsNamed(Database& db, const char* text)
{
    Statement st = db.prepare("SELECT count(*) FROM strings WHERE value = ?");
    st.bind(1, QByteArray(text));
    return st.step() ? st.int64(0) : -1;
}

qint64 scalar(Database& db, const char* sql)
{
    return db.queryInt(sql).value_or(-1);
}

void store(const QString& path, const Clock& clock, const QList<QByteArray>& lines)
{
    IngestPipeline pipeline(path, nullptr, clock);
    for (const QByteArray& l : lines)
        pipeline.push({ 0, "site", l });
}
} // namespace

namespace {
constexpr int kTopKeys = 50;

QByteArray line(qint64 ts, const QByteArray& path, const QByteArray& referrer, const QByteArray& agent, int status)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(ts, Qt::UTC);
    return "81.2.69." + QByteArray::number(ts % 200 + 1) + " - - ["
        + QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1() + " +0000] \"GET " + path
        + " HTTP/1.1\" " + QByteArray::number(status) + " 10 \"" + referrer + "\" \"" + agent + '"';
}

// `unique` scanner lines over one day starting at `day`, and 300 requests of /popular among them.
QList<QByteArray> scan(qint64 day, int unique)
{
    QList<QByteArray> lines;
    for (int i = 0; i < unique; ++i) {
        const QByteArray n = QByteArray::number(i);
        const qint64 ts = day + qint64(i) * 86400 / unique;
        lines << line(ts, "/wp-" + n + ".php", "http://spam" + n + ".example/", "scanner/" + n, 404);
        if (i % (unique / 300) == 0)
            lines << line(ts, "/popular", "-", "Mozilla/5.0", 200);
    }
    return lines;
}

} // namespace

class TestIngestWriter : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = TestStore::open(*m_dir, QStringLiteral("parts"));
        Migrations::migrate(*m_db);
        // A new file name for the tests that create their database themselves.
        static int n = 0;
        m_path = TestStore::location(m_files, QStringLiteral("db%1").arg(++n));
    }
    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    // The parts the ingest writer is made of, each on its own over a real SQLite file: visitor sets, rollup sums and
    // the retention that storage maintenance applies.
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

    // Lines of three months, then a retention ending inside the second: the first month's rows go, the second's
    // before the cutoff go, the rest stay. A team store keeps a partition a month and drops the first one whole.
    void retentionOverMonths()
    {
        const qint64 jan10 = QDateTime(QDate(2026, 1, 10), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
        const qint64 feb10 = QDateTime(QDate(2026, 2, 10), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
        const qint64 mar10 = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC).toSecsSinceEpoch();
        ManualClock clock((mar10 + 86400) * 1000);
        {
            Transaction tx(*m_db);
            IngestWriter writer(*m_db, clock);
            for (const qint64 ts : { jan10, jan10 + 60, feb10, feb10 + 60, feb10 + 20 * 86400, mar10 }) {
                addCurlLine(writer, ts, "/p");
            }
            writer.writePending();
            tx.commit();
        }
        const char* partitions = "SELECT count(*) FROM pg_inherits WHERE inhparent = to_regclass('requests')";
        if (TestStore::onPostgres())
            QCOMPARE(count(*m_db, partitions), 3);
        // 19 days: the cutoff is 2026-02-20 12:00, after feb10 + 60 and before feb10 + 20 days.
        AppSettings::set(*m_db, QStringLiteral("retention.days"), QStringLiteral("19"));
        Retention retention(*m_db, clock);
        {
            Transaction tx(*m_db);
            QCOMPARE(retention.apply(), 4);
            tx.commit();
        }
        QCOMPARE(count(*m_db, "SELECT count(*) FROM requests"), 2);
        QCOMPARE(count(*m_db, "SELECT min(ts) FROM requests"), feb10 + 20 * 86400);
        if (TestStore::onPostgres()) {
            QCOMPARE(count(*m_db, partitions), 2); // January's went whole
            // A late January line (an old log) does not fail the batch: it is counted in the rollups only, as a line
            // older than the retention is in a file.
            Transaction tx(*m_db);
            IngestWriter writer(*m_db, clock);
            addCurlLine(writer, jan10 + 120, "/late");
            writer.writePending();
            tx.commit();
            QCOMPARE(count(*m_db, "SELECT count(*) FROM requests"), 2);
            QCOMPARE(count(*m_db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''"), 7);
        } else {
            // Rollups are kept for ever: every line is in them.
            QCOMPARE(count(*m_db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''"), 6);
        }
    }

    void retentionDeletesOldRowsAndTheirStrings()
    {
        ManualClock clock((kDay + 12 * 3600) * 1000);
        {
            Transaction tx(*m_db);
            IngestWriter writer(*m_db, clock);
            for (const auto& [ts, path] : { std::pair { kDay - 10 * 86400, "/old-only" }, { kDay, "/new" } }) {
                addCurlLine(writer, ts, path);
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
        QCOMPARE(stringsNamed(*m_db, "/old-only"), 0);
        QCOMPARE(stringsNamed(*m_db, "/new"), 1);
        QCOMPARE(stringsNamed(*m_db, "curl/8"), 1);
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

    // How request rows, visitors and the hour and day rollups of the top lists are stored.
    void idsCarryTheTime()
    {
        store(m_path, m_clock,
            { line("10.0.0.1", 100, "/a", 200, "-", "A"), line("10.0.0.1", 100, "/b", 200, "-", "A"),
                line("10.0.0.2", 200, "/c", 200, "-", "A") });
        // A line older than what is stored (another server's late log) arrives in a second session.
        store(m_path, m_clock, { line("10.0.0.3", 100, "/late", 200, "-", "A") });
        Database db(m_path);
        Statement st = db.prepare("SELECT id, ts FROM requests ORDER BY id");
        QList<QPair<qint64, qint64>> rows;
        while (st.step())
            rows.append({ st.int64(0), st.int64(1) });
        const qint64 first = RequestKeys::firstId(kDay + 100);
        QCOMPARE(rows,
            (QList<QPair<qint64, qint64>> { { first, kDay + 100 }, { first + 1, kDay + 100 }, { first + 2, kDay + 100 },
                { RequestKeys::firstId(kDay + 200), kDay + 200 } }));
        // No time index: a time range is a rowid range (in the file; PostgreSQL's key is its id index).
        if (!TestStore::onPostgres())
            QCOMPARE(
                scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'requests'"), 0);
    }

    void allocatorSeesAnotherConnectionsRows()
    {
        Database a(m_path);
        Migrations::migrate(a);
        a.exec("INSERT INTO sites(id, name) VALUES(1, 's')");
        RequestIdAllocator ids(a);
        const auto turn = [&a] { // what the ingest writer does first in each of its transactions
            Transaction tx(a);
            const qint64 version = a.writerTurn();
            tx.commit();
            return version;
        };
        ids.sync(turn());
        QCOMPARE(ids.next(50), RequestKeys::firstId(50));
        QCOMPARE(ids.next(50), RequestKeys::firstId(50) + 1);
        QCOMPARE(ids.next(60), RequestKeys::firstId(60));
        // Another process stores two rows in second 60 and one in second 40.
        {
            Database b(m_path);
            Transaction tx(b);
            b.writerTurn();
            b.roomForRequests(60); // as the ingest writer does (a team store's month partition)
            b.exec("INSERT INTO requests(id, site_id, addr, status, bytes) VALUES((60 << 20), 1, x'01', 200, 0), "
                   "((60 << 20) + 1, 1, x'01', 200, 0), ((40 << 20), 1, x'01', 200, 0)");
            tx.commit();
        }
        ids.sync(turn());
        QCOMPARE(ids.next(60), RequestKeys::firstId(60) + 2);
        QCOMPARE(ids.next(40), RequestKeys::firstId(40) + 1);
        QCOMPARE(ids.next(40), RequestKeys::firstId(40) + 2);
        QCOMPARE(ids.next(30), RequestKeys::firstId(30));
    }

    void visitorCountedOnceAcrossSessions()
    {
        // Same address and agent on the same day, in two runs of the program: one visitor.
        store(m_path, m_clock, { line("10.0.0.1", 100, "/a", 200, "-", "A") });
        store(m_path, m_clock,
            { line("10.0.0.1", 5000, "/b", 200, "-", "A"), line("10.0.0.1", 5001, "/b", 200, "-", "B"),
                line("10.0.0.1", 86400 + 5, "/b", 200, "-", "A") });
        Database db(m_path);
        QCOMPARE(scalar(db, "SELECT sum(visitors) FROM rollups WHERE period = 86400 AND dim = ''"), 3);
        QCOMPARE(
            scalar(db, "SELECT visitors FROM rollups WHERE period = 86400 AND dim = '' AND bucket = 1795564800"), 2);
        QCOMPARE(scalar(db,
                     "SELECT (SELECT count(*) FROM visitors) + (SELECT coalesce(sum(length(hashes)), 0) / 8 FROM "
                     "visitor_sets)"),
            3);
        QCOMPARE(scalar(db, "SELECT count(*) FROM visitors"), 0); // all in chunks
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 60 AND dim = ''"), 4);
    }

    void visitorsSurviveEvictionAndOverflow()
    {
        // A memory limit of 10 visitors: day 0 (25 visitors) moves to visitors rows, days 1 and 2 are evicted and
        // read back from their chunks. Nobody is counted twice, in this session or the next.
        IngestPipeline::Options small;
        small.visitorMemoryLimit = 10;
        auto visit = [](int day, int count) {
            QList<QByteArray> out;
            for (int i = 0; i < count; ++i)
                out << line(QByteArray("10.0." + QByteArray::number(day) + '.' + QByteArray::number(i)).constData(),
                    day * 86400 + i, "/", 200, "-", "A");
            return out;
        };
        {
            IngestPipeline pipeline(m_path, nullptr, m_clock, small);
            for (const auto& lines : { visit(0, 25), visit(1, 8), visit(2, 8), visit(0, 25), visit(1, 8) })
                for (const QByteArray& l : lines)
                    pipeline.push({ 0, "site", l });
        }
        Database db(m_path);
        const char* visitors = "SELECT sum(visitors) FROM rollups WHERE period = 86400 AND dim = ''";
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''"), 74);
        QCOMPARE(scalar(db, visitors), 41);
        QCOMPARE(scalar(db, "SELECT count(*) FROM visitors WHERE day = 1795564800"), 25);
        QCOMPARE(scalar(db, "SELECT count(*) FROM visitor_sets WHERE day = 1795564800"), 0);
        {
            IngestPipeline pipeline(m_path, nullptr, m_clock, small);
            for (const auto& lines : { visit(1, 8), visit(2, 8), visit(0, 25) })
                for (const QByteArray& l : lines)
                    pipeline.push({ 0, "site", l });
        }
        QCOMPARE(scalar(db, visitors), 41);
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''"), 115);
    }

    void manyCommitsMergeChunks()
    {
        auto send = [&](int count, bool flushEach) {
            IngestPipeline pipeline(m_path, nullptr, m_clock);
            for (int i = 0; i < count; ++i) {
                pipeline.push({ 0, "site",
                    line(QByteArray("10.1.0." + QByteArray::number(i)).constData(), i, "/", 200, "-", "A") });
                if (flushEach)
                    pipeline.flush(); // one commit, one chunk each
            }
        };
        send(70, true);
        Database db(m_path);
        QVERIFY(scalar(db, "SELECT count(*) FROM visitor_sets") < 64);
        QCOMPARE(scalar(db, "SELECT sum(length(hashes)) / 8 FROM visitor_sets"), 70);
        send(70, false);
        QCOMPARE(scalar(db, "SELECT sum(visitors) FROM rollups WHERE period = 60 AND dim = ''"), 70);
        QCOMPARE(scalar(db, "SELECT sum(length(hashes)) / 8 FROM visitor_sets"), 70);
    }

    void versionTwoVisitorRowsBecomeAChunk()
    {
        if (TestStore::onPostgres())
            QSKIP("an old version of the file: SQLite only");
        const unsigned char seen[] = { 10, 0, 0, 1 };
        {
            Database db(m_path);
            Migrations::migrateTo(db, 2);
            db.exec("INSERT INTO sites(id, name) VALUES(1, 'site'); INSERT INTO strings(id, value) VALUES(5, x'41')");
            Statement st = db.prepare("INSERT INTO visitors(day, site_id, h) VALUES(?, 1, ?)");
            st.bind(1, kDay).bind(2, RequestKeys::visitorHash(seen, 4, 5)).exec();
        }
        store(
            m_path, m_clock, { line("10.0.0.1", 100, "/", 200, "-", "A"), line("10.0.0.2", 200, "/", 200, "-", "A") });
        Database db(m_path);
        QCOMPARE(scalar(db, "SELECT sum(visitors) FROM rollups WHERE period = 60 AND dim = ''"), 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM visitors"), 0);
        QCOMPARE(scalar(db, "SELECT sum(length(hashes)) / 8 FROM visitor_sets"), 2);
    }

    void migrationFromVersion1KeepsRowsAndVisitors()
    {
        if (TestStore::onPostgres())
            QSKIP("an old version of the file: SQLite only");
        {
            Database db(m_path);
            Migrations::migrateTo(db, 1);
            db.exec("INSERT INTO sites(id, name) VALUES(1, 's'); INSERT INTO strings(id, value) VALUES(7, x'41');"
                    "INSERT INTO requests(ts, site_id, addr, status, bytes, agent_id) VALUES(500, 1, x'0a000001', "
                    "200, 5, 7), (500, 1, x'0a000002', 404, 6, 7), (400, 1, x'0a000001', 200, 7, 7);"
                    "INSERT INTO visitors(day, site_id, addr, agent_id) VALUES(0, 1, x'0a000001', 7), "
                    "(0, 1, x'0a000002', 7)");
        }
        Database db(m_path);
        Migrations::migrate(db);
        Statement st = db.prepare("SELECT id, ts, status, bytes FROM requests ORDER BY id");
        QList<QList<qint64>> rows;
        while (st.step())
            rows.append({ st.int64(0), st.int64(1), st.int64(2), st.int64(3) });
        QCOMPARE(rows,
            (QList<QList<qint64>> {
                { 400 << 20, 400, 200, 7 }, { 500 << 20, 500, 200, 5 }, { (500 << 20) + 1, 500, 404, 6 } }));
        const unsigned char a1[] = { 10, 0, 0, 1 };
        const unsigned char a2[] = { 10, 0, 0, 2 };
        Statement v = db.prepare("SELECT h FROM visitors ORDER BY h");
        QList<qint64> hashes;
        while (v.step())
            hashes.append(v.int64(0));
        QList<qint64> expected { RequestKeys::visitorHash(a1, 4, 7), RequestKeys::visitorHash(a2, 4, 7) };
        std::sort(expected.begin(), expected.end());
        QCOMPARE(hashes, expected);
    }

    void topListsFromDayRollupsAndRawEdges()
    {
        QList<QByteArray> lines;
        // Day 0 (partly in range), day 1 (whole), day 2 (partly in range).
        for (const qint64 day : { 0, 1, 2 }) {
            for (int i = 0; i < 6; ++i) {
                const qint64 secs = day * 86400 + i * 14400 + 60;
                lines << line("10.0.0.1", secs, i % 2 ? "/gone" : "/old", 404, "https://a.example/", "Agent<b>");
                lines << line("10.0.0.2", secs + 1, "/ok", 200, i % 3 ? "-" : "https://b.example/", "curl/8");
            }
        }
        store(m_path, m_clock, lines);
        Database db(m_path);
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = 'path404'"), 18);
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = 'referrer'"), 24);
        QCOMPARE(scalar(db,
                     "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = 'agent' AND "
                     "key = 'Agent<b>'"),
            18);
        // Hour rollups too (day rows are summed from them), one row per hour and key here.
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 3600 AND dim = 'path404'"), 18);
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 3600 AND dim = 'referrer'"), 24);
        QCOMPARE(
            scalar(db, "SELECT count(*) FROM rollups WHERE period = 3600 AND dim = 'agent' AND key = 'curl/8'"), 18);

        // 12:30 on day 0 to 12:30 on day 2 (rows each day at 00:01, 04:01, ... 20:01): 2 + 6 + 4 of each line,
        // day 1 from its day rollups, the whole hours of the half days from hour rollups, 12:00-13:00 from raw rows
        // (and the row at 12:01 on day 2 is in, the one on day 0 is out).
        const TrafficFilter filter { { kDay + 43200 + 1800, kDay + 2 * 86400 + 43200 + 1800 }, QString(), QString() };
        auto rawCount = [&](const char* where) {
            const QByteArray sql = QByteArray("SELECT count(*) FROM requests r JOIN strings s ON s.id = r.path_id "
                                              "WHERE ts >= ? AND ts < ? AND ")
                + where;
            Statement st = db.prepare(sql.constData());
            st.bind(1, filter.range.fromSecs).bind(2, filter.range.toSecs);
            return st.step() ? st.int64(0) : -1;
        };
        const auto missing = TrafficQuery::top404(db, filter, 10);
        QCOMPARE(missing.size(), 2);
        QCOMPARE(missing[0].key, QByteArray("/gone"));
        QCOMPARE(missing[0].requests, rawCount("status = 404 AND s.value = x'2f676f6e65'")); // "/gone"
        QCOMPARE(missing[0].requests, 6);
        QCOMPARE(missing[1].requests, 6);
        const auto referrers = TrafficQuery::topReferrers(db, filter, 10);
        QCOMPARE(referrers.size(), 2);
        QCOMPARE(referrers[0].key, QByteArray("https://a.example/"));
        QCOMPARE(referrers[0].requests, 12);
        QCOMPARE(referrers[1].requests, 4); // b.example at 00:01 and 12:01: none on day 0, twice on days 1 and 2
        const auto agents = TrafficQuery::topAgents(db, filter, 10);
        QCOMPARE(agents.size(), 2);
        QCOMPARE(agents[0].requests + agents[1].requests, 24);
        QCOMPARE(agents[0].key, QByteArray("Agent<b>")); // tie broken by text: 'A' < 'c'
    }

    void citiesFromACityDatabase()
    {
        // A GeoIP2-City-schema database written with Debian's libmaxmind-db-writer-perl (test networks only).
        const QString cityDb = m_files.filePath(QStringLiteral("city.mmdb"));
        QProcess perl;
        perl.start(QStringLiteral("perl"), { QStringLiteral(ACTIVITY_TEST_DATA "/logs/write_city_mmdb.pl"), cityDb });
        QVERIFY(perl.waitForFinished(30000));
        QVERIFY2(perl.exitCode() == 0, perl.readAllStandardError().constData());
        {
            IngestPipeline pipeline(m_path,
                std::make_unique<GeoIp>(
                    QStringLiteral(ACTIVITY_SOURCE_DIR "/resources/geoip/dbip-country.mmdb"), cityDb),
                m_clock);
            for (const QByteArray& l :
                { line("198.51.100.7", 100, "/", 200, "-", "A"), line("198.51.100.7", 3700, "/", 200, "-", "A"),
                    line("198.51.100.9", 86400 + 5, "/", 200, "-", "A"), line("2001:db8::42", 200, "/", 200, "-", "A"),
                    line("8.8.8.8", 300, "/", 200, "-", "A") })
                pipeline.push({ 0, "site", l });
        }
        Database db(m_path);
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = 'city'"), 4);
        QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 3600 AND dim = 'city'"), 4);
        const QList<CityItem> cities
            = TrafficQuery::topCities(db, { { kDay, kDay + 2 * 86400 }, QString(), QString() }, 10);
        QCOMPARE(cities.size(), 2);
        QCOMPARE(cities[0].name, QString("Wellington"));
        QCOMPARE(cities[0].country, QByteArray("NZ"));
        QCOMPARE(cities[0].requests, 3);
        QCOMPARE(cities[0].visitors, 2); // one address per day
        QCOMPARE(cities[0].latitude, -41.2865);
        QCOMPARE(cities[0].longitude, 174.7762);
        QCOMPARE(cities[1].name, QString("Lyon"));
        QCOMPARE(cities[1].requests, 1);
        // Only day 1: Wellington once.
        const QList<CityItem> day1
            = TrafficQuery::topCities(db, { { kDay + 86400, kDay + 2 * 86400 }, "site", QString() }, 10);
        QCOMPARE(day1.size(), 1);
        QCOMPARE(day1[0].requests, 1);
    }

    // A URL scanner spraying unique paths, referrers and agents: rollups keep the busiest keys per bucket plus an
    // "other" row, totals stay exact, lines older than the retention add no strings, and strings of expired rows go.
    void scannerKeepsBucketsBoundedAndTotalsExact();
    void linesOlderThanTheRetentionAddNoStrings();
    void stringsOfExpiredRowsAreCollected();
    void migrationDatesExistingStrings();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;

    QTemporaryDir m_files;
    QString m_path;
    ManualClock m_clock { (kDay + 3 * 86400) * 1000 };

    void useFewTopKeys();
    void storeBatched(const ManualClock& clock, const QList<QByteArray>& lines);
};

// The database at m_path (a new one for each test), keeping only kTopKeys keys per bucket.
void TestIngestWriter::useFewTopKeys()
{
    Database db(m_path);
    Migrations::migrate(db);
    AppSettings::set(db, "rollups.top_keys", QString::number(kTopKeys));
}

void TestIngestWriter::storeBatched(const ManualClock& clock, const QList<QByteArray>& lines)
{
    IngestPipeline::Options options;
    options.batchLines = 1000; // many commits: buckets fill, fold, and fill again
    IngestPipeline pipeline(m_path, nullptr, clock, options);
    for (const QByteArray& l : lines)
        pipeline.push({ 0, "site", l });
}

void TestIngestWriter::scannerKeepsBucketsBoundedAndTotalsExact()
{
    useFewTopKeys();
    const ManualClock clock((kDay + 86400 + 3600) * 1000);
    const QList<QByteArray> lines = scan(kDay, 6000);
    storeBatched(clock, lines);
    Database db(m_path);
    const qint64 total = lines.size();
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), total); // raw rows within the retention: all of them
    // Each keeps its texts while the day's budget of new ones lasts (10 x rollups.top_keys per field), then ''.
    QVERIFY(scalar(db, "SELECT count(*) FROM strings") <= 4 * 10 * kTopKeys + 6);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT path_id) FROM requests"), 10 * kTopKeys + 1); // and ''
    QCOMPARE(scalar(db,
                 "SELECT count(*) FROM requests r JOIN strings s ON s.id = r.path_id WHERE s.value = "
                 "x'2f706f70756c6172'"), // /popular
        total - 6000);
    // No bucket of a text dimension holds more than twice the limit plus its "other" row.
    QVERIFY(scalar(db,
                "SELECT max(n) FROM (SELECT count(*) AS n FROM rollups WHERE dim IN ('path', 'path404', "
                "'referrer', 'agent') GROUP BY period, dim, bucket, site_id) AS buckets")
        <= 2 * kTopKeys + 1);
    QVERIFY(scalar(db, "SELECT count(*) FROM rollups WHERE dim = 'path' AND period = 86400") <= 2 * kTopKeys + 1);
    // Every total is exact: the rows kept plus "other" add up to every request of the day.
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'path' AND period = 86400"), total);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'path' AND period = 3600"), total);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'agent' AND period = 86400"), total);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'path404' AND period = 86400"), 6000);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'referrer' AND period = 86400"), 6000);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'agent' AND period = 3600"), total);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'path404' AND period = 3600"), 6000);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'referrer' AND period = 3600"), 6000);
    QCOMPARE(scalar(db, "SELECT sum(bytes) FROM rollups WHERE dim = 'path' AND period = 86400"), total * 10);
    QVERIFY(scalar(db, "SELECT requests FROM rollups WHERE dim = 'path' AND period = 86400 AND key = ''") > 5000);
    // The busy path is kept by name, exactly, and leads the top list; "other" is not an item of it.
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE dim = 'path' AND period = 86400 AND key = '/popular'"),
        total - 6000);
    const QList<TopItem> top = TrafficQuery::topRollup(db, { { kDay, kDay + 86400 }, {}, {} }, Rollup::Dim::Path, 10);
    QCOMPARE(top.first().key, QByteArray("/popular"));
    QCOMPARE(top.first().requests, total - 6000);
    for (const TopItem& item : top)
        QVERIFY(!item.key.isEmpty());
    const QList<TopItem> agents = TrafficQuery::topAgents(db, { { kDay, kDay + 86400 }, {}, {} }, 5);
    QCOMPARE(agents.first().key, QByteArray("Mozilla/5.0"));
}

void TestIngestWriter::linesOlderThanTheRetentionAddNoStrings()
{
    useFewTopKeys();
    const ManualClock clock((kDay + 86400) * 1000);
    const QList<QByteArray> lines = scan(kDay - 200 * 86400, 3000); // 200 days ago: rollups only
    storeBatched(clock, lines);
    QSet<QByteArray> visitors; // (address, agent): one day
    for (const QByteArray& l : lines)
        visitors.insert(l.left(l.indexOf(' ')) + '|' + l.mid(l.lastIndexOf(" \"")));
    Database db(m_path);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), 0);
    QCOMPARE(scalar(db, "SELECT count(*) FROM strings"), 0);
    QVERIFY(scalar(db, "SELECT count(*) FROM rollups WHERE dim IN ('path', 'path404', 'referrer', 'agent')")
        <= 4 * (1 + 24) * (2 * kTopKeys + 1)); // four dimensions, a day and its hours each
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = '' AND period = 86400"), 3300);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'agent' AND period = 86400"), 3300);
    // Visitors still count each (address, day, agent) once, without strings for the agents.
    QCOMPARE(scalar(db, "SELECT sum(visitors) FROM rollups WHERE dim = '' AND period = 86400"), visitors.size());
}

void TestIngestWriter::stringsOfExpiredRowsAreCollected()
{
    useFewTopKeys();
    ManualClock clock((kDay + 3600) * 1000);
    storeBatched(clock, scan(kDay - 3600, 600)); // yesterday's last hour and today: strings for the raw rows
    qint64 before = 0;
    {
        Database db(m_path);
        before = scalar(db, "SELECT count(*) FROM strings");
        QVERIFY(before >= 3 * 10 * kTopKeys); // path, referrer and agent: as many as the budget allows
        AppSettings::set(db, "retention.days", "2");
    }
    // Three days later one popular line arrives: the rest expired, their strings with them.
    clock.advanceSecs(3 * 86400);
    const qint64 now = kDay + 3600 + 3 * 86400;
    storeBatched(clock, { line(now, "/popular", "-", "Mozilla/5.0", 200) });
    Database db(m_path);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), 1);
    // What the remaining row uses: its path, agent, method and protocol.
    QCOMPARE(scalar(db, "SELECT count(*) FROM strings"), 4);
    QCOMPARE(scalar(db, "SELECT count(*) FROM strings WHERE value = x'2f706f70756c6172'"), 1); // /popular
    // Rollups stay: the old days still add up.
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'path' AND period = 86400"), 600 + 300 + 1);
}

void TestIngestWriter::migrationDatesExistingStrings()
{
    useFewTopKeys();
    const QString path = m_files.filePath("v3.sqlite");
    {
        Database db(path);
        Migrations::migrateTo(db, 3);
        db.exec("INSERT INTO sites(id, name) VALUES (1, 's');"
                "INSERT INTO strings(id, value) VALUES (1, '/a'), (2, 'agent'), (3, '/unused');");
        // Rows on day 20000 and 20005 use /a; agent only on day 20000.
        Statement row = db.prepare("INSERT INTO requests(id, site_id, addr, path_id, agent_id, status, bytes) "
                                   "VALUES (?, 1, x'01020304', 1, ?, 200, 1)");
        row.bind(1, (qint64(20000) * 86400) << 20).bind(2, 2).exec();
        row.bind(1, (qint64(20005) * 86400 + 5) << 20).bindNull(2).exec();
    }
    Database db(path);
    Migrations::migrate(db);
    QCOMPARE(scalar(db, "SELECT last_day FROM strings WHERE id = 1"), 20005);
    QCOMPARE(scalar(db, "SELECT last_day FROM strings WHERE id = 2"), 20000);
    QCOMPARE(scalar(db, "SELECT last_day FROM strings WHERE id = 3"), 0); // used by nothing: collected first
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestIngestWriter)
#include "tst_ingestwriter.moc"
