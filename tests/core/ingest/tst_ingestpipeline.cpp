#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
const char kCountryDb[] = ACTIVITY_SOURCE_DIR "/resources/geoip/dbip-country.mmdb";
constexpr qint64 kNow = 1795584749; // 2026-11-25T05:32:29Z

QByteArray line(const char* addr, const char* time, const char* request, int status, int bytes, const char* agent)
{
    return QByteArray(addr) + " - - [" + time + "] \"" + request + "\" " + QByteArray::number(status) + ' '
        + QByteArray::number(bytes) + " \"-\" \"" + agent + '"';
}

qint64 scalar(Database& db, const char* sql)
{
    return db.queryInt(sql).value_or(-1);
}

std::unique_ptr<GeoIp> geo()
{
    return std::make_unique<GeoIp>(QString::fromUtf8(kCountryDb), QString());
}
} // namespace

class TestIngestPipeline : public QObject {
    Q_OBJECT
private slots:
    void init();
    void storesRequestsAndRollups();
    void sitesFromLineSourceOrDefault();
    void customFormatPerSource();
    void rejectsKeepLastHundred();
    void dropsWhenFullAndCountsEverything();
    void rejectNeverWaitsForRoom();
    void commitsWithinASecondWithoutFlush();
    void retentionKeepsRollups();

    // The pipeline side of receiver back-pressure: a line refused by tryOffer() is the receiver's to retry,
    // so it counts neither as received nor as dropped; offer() refusals are drops.
    void refusedTryOfferIsNotADrop();
    void datagramsKeepHalfTheQueue();

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock { kNow * 1000 };
};

void TestIngestPipeline::init()
{
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++n));
    Database db(m_path);
    Migrations::migrate(db);
}

void TestIngestPipeline::storesRequestsAndRollups()
{
    {
        IngestPipeline pipeline(m_path, geo(), m_clock);
        const char* t1 = "25/Nov/2026:05:32:29 +0000";
        const char* t2 = "25/Nov/2026:06:10:00 +0000";
        pipeline.offer({ 0, {}, line("81.2.69.142", t1, "GET /a?x=1 HTTP/1.1", 200, 100, "Firefox") });
        pipeline.offer({ 0, {}, line("81.2.69.142", t1, "GET /a?x=2 HTTP/1.1", 200, 50, "Firefox") });
        pipeline.offer({ 0, {}, line("81.2.69.142", t2, "GET /b HTTP/1.1", 404, 7, "curl") }); // new agent: visitor
        pipeline.offer({ 0, {}, line("193.51.224.1", t2, "GET /a HTTP/1.1", 200, 1000, "Firefox") });
        pipeline.offer({ 0, {}, line("2001:db8::1", t2, "-", 400, 0, "-") });
        pipeline.flush();
        const auto c = pipeline.counters(0);
        QCOMPARE(c.received, 5);
        QCOMPARE(c.stored, 5);
        QCOMPARE(c.rejected, 0);
        QCOMPARE(c.dropped, 0);
    }
    Database db(m_path);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), 5);
    QCOMPARE(
        scalar(db,
            "SELECT (SELECT count(*) FROM visitors) + (SELECT coalesce(sum(length(hashes)), 0) / 8 FROM visitor_sets)"),
        4);
    // Strings once: '/a' is shared by three rows, 'Firefox' by three.
    QCOMPARE(scalar(db, "SELECT count(*) FROM strings WHERE value = CAST('/a' AS BLOB)"), 1);
    QCOMPARE(scalar(db, "SELECT count(DISTINCT agent_id) FROM requests"), 3);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests WHERE country = 'GB'"), 3);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests WHERE country IS NULL"), 1);
    QCOMPARE(scalar(db, "SELECT sum(bytes) FROM requests"), 1157);
    // Day rollup: totals, status, country, path.
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = ''"), 5);
    QCOMPARE(scalar(db, "SELECT visitors FROM rollups WHERE period = 86400 AND dim = ''"), 4);
    QCOMPARE(scalar(db, "SELECT bytes FROM rollups WHERE period = 86400 AND dim = ''"), 1157);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = 'status' AND key = '200'"), 3);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = 'status' AND key = '400'"), 1);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = 'country' AND key = 'GB'"), 3);
    QCOMPARE(scalar(db, "SELECT visitors FROM rollups WHERE period = 86400 AND dim = 'country' AND key = 'GB'"), 2);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = 'country' AND key = 'FR'"), 1);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = 'country' AND key = ''"), 1);
    QCOMPARE(scalar(db, "SELECT bytes FROM rollups WHERE period = 86400 AND dim = 'path' AND key = '/a'"), 1150);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = 'path' AND key = '-'"), 1);
    // Hours: 05:00 has two requests, 06:00 three; minutes exist for totals but not for paths.
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 3600 AND dim = '' AND bucket = 1795582800"), 2);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 3600 AND dim = '' AND bucket = 1795586400"), 3);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 60 AND dim = ''"), 5);
    QCOMPARE(scalar(db, "SELECT count(*) FROM rollups WHERE period = 60 AND dim = 'path'"), 0);
    QCOMPARE(scalar(db, "SELECT value FROM ingest_counters WHERE source_id = 0 AND name = 'stored'"), 5);
    QCOMPARE(scalar(db, "SELECT value FROM ingest_counters WHERE source_id = 0 AND name = 'lines_received'"), 5);
    // When lines last arrived and were stored: the clock's time at the commit.
    QCOMPARE(scalar(db, "SELECT value FROM ingest_counters WHERE source_id = 0 AND name = 'last_stored_at'"), kNow);
    QCOMPARE(scalar(db, "SELECT value FROM ingest_counters WHERE source_id = 0 AND name = 'last_received_at'"), kNow);

    // A second pipeline on the same database: the visitor seen before is not counted again.
    {
        IngestPipeline pipeline(m_path, geo(), m_clock);
        pipeline.offer(
            { 0, {}, line("81.2.69.142", "25/Nov/2026:23:00:00 +0000", "GET /c HTTP/1.1", 200, 1, "Firefox") });
        pipeline.flush();
    }
    QCOMPARE(scalar(db, "SELECT sum(visitors) FROM rollups WHERE period = 86400 AND dim = ''"), 4);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''"), 6);
    QCOMPARE(scalar(db, "SELECT value FROM ingest_counters WHERE source_id = 0 AND name = 'stored'"), 6);
}

void TestIngestPipeline::sitesFromLineSourceOrDefault()
{
    {
        IngestPipeline pipeline(m_path, nullptr, m_clock);
        QCOMPARE(pipeline.setSource(7, "combined", "mysite"), QString());
        const QByteArray l = line("8.8.8.8", "25/Nov/2026:05:00:00 +0000", "GET / HTTP/1.1", 200, 1, "x");
        pipeline.offer({ 7, {}, l });
        pipeline.offer({ 7, "tagged", l });
        pipeline.offer({ 8, {}, l });
        pipeline.flush();
    }
    Database db(m_path);
    QCOMPARE(scalar(db,
                 "SELECT count(*) FROM requests r JOIN sites s ON s.id = r.site_id WHERE s.name = 'mysite' "
                 "AND r.source_id = 7"),
        1);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests r JOIN sites s ON s.id = r.site_id WHERE s.name = 'tagged'"), 1);
    QCOMPARE(scalar(db,
                 "SELECT count(*) FROM requests r JOIN sites s ON s.id = r.site_id WHERE s.name = 'default' "
                 "AND r.source_id = 8"),
        1);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests WHERE country IS NULL"), 3); // no GeoIP: unknown
}

void TestIngestPipeline::customFormatPerSource()
{
    {
        IngestPipeline pipeline(m_path, geo(), m_clock);
        QVERIFY(!pipeline.setSource(3, "$remote_addr $", "s").isEmpty());
        QCOMPARE(pipeline.setSource(3, "$remote_addr [$time_iso8601] \"$request\" $status $body_bytes_sent $ssl", "s"),
            QString());
        pipeline.offer({ 3, {}, "8.8.8.8 [2026-11-25T05:32:29+00:00] \"GET /x HTTP/1.1\" 200 42 TLSv1.3" });
        // The combined format is not this source's: rejected.
        pipeline.offer({ 3, {}, line("8.8.8.8", "25/Nov/2026:05:00:00 +0000", "GET / HTTP/1.1", 200, 1, "x") });
        pipeline.flush();
        QCOMPARE(pipeline.counters(3).stored, 1);
        QCOMPARE(pipeline.counters(3).rejected, 1);
    }
    Database db(m_path);
    Statement st = db.prepare("SELECT ts, country, bytes, extra FROM requests");
    QVERIFY(st.step());
    QCOMPARE(st.int64(0), kNow);
    QCOMPARE(st.text(1), QString("US"));
    QCOMPARE(st.int64(2), 42);
    QCOMPARE(st.text(3), QString(R"({"ssl":"TLSv1.3"})"));
}

void TestIngestPipeline::rejectsKeepLastHundred()
{
    {
        IngestPipeline pipeline(m_path, nullptr, m_clock);
        for (int i = 0; i < 250; ++i)
            pipeline.offer({ 5, {}, "garbage " + QByteArray::number(i) });
        pipeline.offer({ 5, {}, "" });
        pipeline.reject(5, "<999>bad header", "bad syslog header");
        pipeline.offer({ 6, {}, "other source" });
        pipeline.flush();
        QCOMPARE(pipeline.counters(5).rejected, 252);
        QCOMPARE(pipeline.counters(5).received, 251); // reject() is a message that never became a line
    }
    Database db(m_path);
    QCOMPARE(scalar(db, "SELECT count(*) FROM rejected_lines WHERE source_id = 5"), 100);
    QCOMPARE(scalar(db, "SELECT count(*) FROM rejected_lines WHERE source_id = 6"), 1);
    QCOMPARE(scalar(db, "SELECT value FROM ingest_counters WHERE source_id = 5 AND name = 'rejected'"), 252);
    // Lines arrived, none was stored.
    QCOMPARE(scalar(db, "SELECT value FROM ingest_counters WHERE source_id = 5 AND name = 'last_received_at'"), kNow);
    QCOMPARE(scalar(db, "SELECT count(*) FROM ingest_counters WHERE source_id = 5 AND name = 'last_stored_at'"), 0);
    Statement st = db.prepare("SELECT line, reason FROM rejected_lines WHERE source_id = 5 ORDER BY id DESC LIMIT 3");
    QVERIFY(st.step());
    QCOMPARE(st.blob(0), QByteArray("<999>bad header"));
    QCOMPARE(st.text(1), QString("bad syslog header"));
    QVERIFY(st.step());
    QCOMPARE(st.blob(0), QByteArray());
    QCOMPARE(st.text(1), QString("empty line"));
    QVERIFY(st.step());
    QCOMPARE(st.blob(0), QByteArray("garbage 249"));
    QCOMPARE(st.text(1), QString("bad client address"));
}

void TestIngestPipeline::dropsWhenFullAndCountsEverything()
{
    IngestPipeline::Options options;
    options.queueLines = 8;
    qint64 accepted = 0;
    {
        IngestPipeline pipeline(m_path, nullptr, m_clock, options);
        const QByteArray l = line("8.8.8.8", "25/Nov/2026:05:00:00 +0000", "GET / HTTP/1.1", 200, 1, "x");
        for (int i = 0; i < 100'000; ++i)
            accepted += pipeline.offer({ 1, {}, l }) ? 1 : 0;
        pipeline.flush();
        const auto c = pipeline.counters(1);
        QCOMPARE(c.received, 100'000);
        QVERIFY(c.dropped > 0);
        QCOMPARE(c.stored, accepted);
        QCOMPARE(c.stored + c.dropped, 100'000);
    }
    Database db(m_path);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), accepted);
    QCOMPARE(
        scalar(db, "SELECT value FROM ingest_counters WHERE source_id = 1 AND name = 'dropped'"), 100'000 - accepted);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = ''"), accepted);
}

// A flood of bad messages (say, random UDP bytes) must not stall the receiving thread: reject() gives up
// at once when the queue is full, and what it gave up is counted as dropped.
void TestIngestPipeline::rejectNeverWaitsForRoom()
{
    IngestPipeline::Options options;
    options.queueLines = 4;
    IngestPipeline pipeline(m_path, nullptr, m_clock, options);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 50'000; ++i)
        pipeline.reject(2, QByteArray("garbage ") + QByteArray::number(i), QStringLiteral("bad syslog header"));
    QVERIFY2(timer.elapsed() < 20'000, "reject() waited for the writer");
    pipeline.flush();
    const auto c = pipeline.counters(2);
    QVERIFY(c.dropped > 0);
    QCOMPARE(c.rejected + c.dropped, 50'000);
}

void TestIngestPipeline::commitsWithinASecondWithoutFlush()
{
    IngestPipeline pipeline(m_path, nullptr, m_clock);
    pipeline.offer({ 1, {}, line("8.8.8.8", "25/Nov/2026:05:00:00 +0000", "GET / HTTP/1.1", 200, 1, "x") });
    Database reader(m_path, Database::Mode::ReadOnly);
    QTRY_COMPARE_WITH_TIMEOUT(scalar(reader, "SELECT count(*) FROM requests"), 1, 2500);
}

void TestIngestPipeline::retentionKeepsRollups()
{
    const char* old = "16/Aug/2026:05:00:00 +0000"; // 101 days before now
    {
        IngestPipeline pipeline(m_path, nullptr, m_clock);
        pipeline.offer({ 1, {}, line("8.8.8.8", old, "GET /old HTTP/1.1", 200, 10, "x") });
        pipeline.offer({ 1, {}, line("8.8.8.8", "25/Nov/2026:05:00:00 +0000", "GET / HTTP/1.1", 200, 1, "x") });
        pipeline.flush();
    }
    Database db(m_path);
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), 1);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''"), 2);
    QCOMPARE(scalar(db, "SELECT requests FROM rollups WHERE period = 86400 AND dim = 'path' AND key = '/old'"), 1);

    // A longer retention keeps the old row; a shorter one then deletes rows already stored.
    db.exec("INSERT INTO settings(key, value) VALUES('retention.days', '200')");
    {
        IngestPipeline pipeline(m_path, nullptr, m_clock);
        pipeline.offer({ 1, {}, line("8.8.8.8", old, "GET /old HTTP/1.1", 200, 10, "x") });
        pipeline.flush();
    }
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), 2);
    db.exec("UPDATE settings SET value = '1' WHERE key = 'retention.days'");
    m_clock.advanceSecs(86400 * 2);
    {
        IngestPipeline pipeline(m_path, nullptr, m_clock);
        pipeline.flush();
    }
    QCOMPARE(scalar(db, "SELECT count(*) FROM requests"), 0);
    QCOMPARE(scalar(db, "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''"), 3);
}

void TestIngestPipeline::refusedTryOfferIsNotADrop()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.sqlite");
    {
        Database db(path);
        Migrations::migrate(db);
    }
    ManualClock clock(1'764'000'000'000);
    IngestPipeline pipeline(path, nullptr, clock);
    const QByteArray text = R"(81.2.69.142 - - [25/Nov/2026:05:32:29 +0000] "GET / HTTP/1.1" 200 612 "-" "curl")";
    QVERIFY(pipeline.tryOffer(LogLine { 4, "site", text }));
    pipeline.flush();
    QCOMPARE(pipeline.counters(4).received, 1);
    QCOMPARE(pipeline.counters(4).stored, 1);
    pipeline.stop(); // from now on every line is refused
    QVERIFY(!pipeline.tryOffer(LogLine { 4, "site", text }));
    QCOMPARE(pipeline.counters(4).received, 1);
    QCOMPARE(pipeline.counters(4).dropped, 0);
    QVERIFY(!pipeline.offer(LogLine { 4, "site", text }));
    QCOMPARE(pipeline.counters(4).dropped, 1);
}

void TestIngestPipeline::datagramsKeepHalfTheQueue()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.sqlite");
    Database blocker(path);
    Migrations::migrate(blocker);
    ManualClock clock(1'764'000'000'000);
    IngestPipeline::Options options;
    options.queueLines = 100;
    options.batchLines = 100; // backs up sooner
    IngestPipeline pipeline(path, nullptr, clock, options);
    const QByteArray text = R"(81.2.69.142 - - [25/Nov/2026:05:32:29 +0000] "GET / HTTP/1.1" 200 612 "-" "curl")";
    // Another process holds the write lock: nothing commits, the pipeline backs up to its queue.
    blocker.exec("BEGIN IMMEDIATE");
    // A TCP sender (tryOffer) fills what it may: the queue stays refused to it once only its half is taken.
    qint64 tcp = 0;
    for (int settled = 0; settled < 10 && tcp < 100'000;) {
        if (pipeline.tryOffer(LogLine { 1, "site", text })) {
            ++tcp;
            settled = 0;
        } else {
            ++settled;
            QTest::qWait(20); // the parser may still take some
        }
    }
    QVERIFY(tcp < 100'000);
    // UDP (offer) still finds the other half: exactly half of the queue.
    int udp = 0;
    while (pipeline.offer(LogLine { 2, "site", text }))
        ++udp;
    QCOMPARE(udp, options.queueLines / 2);
    QCOMPARE(pipeline.counters(2).dropped, 1);
    QCOMPARE(pipeline.counters(1).dropped, 0);
    blocker.exec("COMMIT");
    pipeline.flush();
    QCOMPARE(pipeline.counters(1).stored, tcp);
    QCOMPARE(pipeline.counters(2).stored, udp);
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestIngestPipeline)
#include "tst_ingestpipeline.moc"
