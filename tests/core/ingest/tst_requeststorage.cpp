// How request rows, visitors and the hour and day rollups of the top lists are stored.
#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/query/trafficquery.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/requestkeys.h"
#include "core/util/clock.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25T00:00:00Z

// A combined line at kDay + secs.
QByteArray line(const char* addr, qint64 secs, const char* path, int status, const char* referrer, const char* agent)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(kDay + secs, Qt::UTC);
    const QByteArray time = QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1() + " +0000";
    return QByteArray(addr) + " - - [" + time + "] \"GET " + path + " HTTP/1.1\" " + QByteArray::number(status)
        + " 10 \"" + referrer + "\" \"" + agent + '"';
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

class TestRequestStorage : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        static int n = 0;
        m_path = m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++n));
    }

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
        // No time index: a time range is a rowid range.
        QCOMPARE(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'requests'"), 0);
    }

    void allocatorSeesAnotherConnectionsRows()
    {
        Database a(m_path);
        Migrations::migrate(a);
        a.exec("INSERT INTO sites(id, name) VALUES(1, 's')");
        RequestIdAllocator ids(a);
        ids.sync();
        QCOMPARE(ids.next(50), RequestKeys::firstId(50));
        QCOMPARE(ids.next(50), RequestKeys::firstId(50) + 1);
        QCOMPARE(ids.next(60), RequestKeys::firstId(60));
        // Another process stores two rows in second 60 and one in second 40.
        {
            Database b(m_path);
            b.exec("INSERT INTO requests(id, site_id, addr, status, bytes) VALUES((60 << 20), 1, x'01', 200, 0), "
                   "((60 << 20) + 1, 1, x'01', 200, 0), ((40 << 20), 1, x'01', 200, 0)");
        }
        ids.sync();
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
        const QString cityDb = m_dir.filePath(QStringLiteral("city.mmdb"));
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

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock { (kDay + 3 * 86400) * 1000 };
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestRequestStorage)
#include "tst_requeststorage.moc"
