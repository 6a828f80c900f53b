// A URL scanner spraying unique paths, referrers and agents: rollups keep the busiest keys per bucket plus an
// "other" row, totals stay exact, lines older than the retention add no strings, and strings of expired rows go.
#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/query/trafficquery.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25T00:00:00Z
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

qint64 scalar(Database& db, const char* sql)
{
    return db.queryInt(sql).value_or(-1);
}
} // namespace

class TestCardinality : public QObject {
    Q_OBJECT
private slots:
    void init();
    void scannerKeepsBucketsBoundedAndTotalsExact();
    void linesOlderThanTheRetentionAddNoStrings();
    void stringsOfExpiredRowsAreCollected();
    void migrationDatesExistingStrings();

private:
    void store(const ManualClock& clock, const QList<QByteArray>& lines);
    QTemporaryDir m_dir;
    QString m_path;
};

void TestCardinality::init()
{
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++n));
    Database db(m_path);
    Migrations::migrate(db);
    AppSettings::set(db, "rollups.top_keys", QString::number(kTopKeys));
}

void TestCardinality::store(const ManualClock& clock, const QList<QByteArray>& lines)
{
    IngestPipeline::Options options;
    options.batchLines = 1000; // many commits: buckets fill, fold, and fill again
    IngestPipeline pipeline(m_path, nullptr, clock, options);
    for (const QByteArray& l : lines)
        pipeline.push({ 0, "site", l });
}

void TestCardinality::scannerKeepsBucketsBoundedAndTotalsExact()
{
    const ManualClock clock((kDay + 86400 + 3600) * 1000);
    const QList<QByteArray> lines = scan(kDay, 6000);
    store(clock, lines);
    Database db(m_path);
    const qint64 total = lines.size();
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), total); // raw rows within the retention: all of them
    // Each keeps its texts while the day's budget of new ones lasts (10 x rollups.top_keys per field), then ''.
    QVERIFY(scalar(db, "SELECT count(*) FROM strings") <= 4 * 10 * kTopKeys + 6);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT path_id) FROM requests"), 10 * kTopKeys + 1); // and ''
    QCOMPARE(scalar(db,
                 "SELECT count(*) FROM requests r JOIN strings s ON s.id = r.path_id WHERE s.value = "
                 "CAST('/popular' AS BLOB)"),
        total - 6000);
    // No bucket of a text dimension holds more than twice the limit plus its "other" row.
    QVERIFY(scalar(db,
                "SELECT max(n) FROM (SELECT count(*) AS n FROM rollups WHERE dim IN ('path', 'path404', "
                "'referrer', 'agent') GROUP BY period, dim, bucket, site_id)")
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

void TestCardinality::linesOlderThanTheRetentionAddNoStrings()
{
    const ManualClock clock((kDay + 86400) * 1000);
    const QList<QByteArray> lines = scan(kDay - 200 * 86400, 3000); // 200 days ago: rollups only
    store(clock, lines);
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

void TestCardinality::stringsOfExpiredRowsAreCollected()
{
    ManualClock clock((kDay + 3600) * 1000);
    store(clock, scan(kDay - 3600, 600)); // yesterday's last hour and today: strings for the raw rows
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
    store(clock, { line(now, "/popular", "-", "Mozilla/5.0", 200) });
    Database db(m_path);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), 1);
    // What the remaining row uses: its path, agent, method and protocol.
    QCOMPARE(scalar(db, "SELECT count(*) FROM strings"), 4);
    QCOMPARE(scalar(db, "SELECT count(*) FROM strings WHERE value = CAST('/popular' AS BLOB)"), 1);
    // Rollups stay: the old days still add up.
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE dim = 'path' AND period = 86400"), 600 + 300 + 1);
}

void TestCardinality::migrationDatesExistingStrings()
{
    const QString path = m_dir.filePath("v3.sqlite");
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

QTEST_GUILESS_MAIN(activity::TestCardinality)
#include "tst_cardinality.moc"
