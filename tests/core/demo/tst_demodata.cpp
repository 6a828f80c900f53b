#include "core/demo/demodata.h"
#include "core/logs/logformat.h"
#include "core/query/trafficquery.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

class TestDemoData : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        try {
            setUp();
        } catch (const DatabaseError& e) {
            QFAIL(qPrintable(e.message()));
        }
    }

    void apiSeries()
    {
        QCOMPARE(m_db->queryInt("SELECT count(DISTINCT repository) FROM series WHERE provider = 'github' "
                                "AND metric <> 'asset_downloads'"),
            3);
        // acme/widget's release assets, one series each (GitHubAssets), by tag and file.
        QCOMPARE(
            m_db->queryInt("SELECT count(*) FROM series WHERE provider = 'github' AND metric = 'asset_downloads'"), 4);
        QCOMPARE(m_db->queryInt("SELECT count(DISTINCT repository) FROM series WHERE provider = 'dockerhub'"), 3);
        QCOMPARE(m_db->queryInt("SELECT count(DISTINCT metric) FROM series WHERE provider = 'github'"), 12);
        QCOMPARE(m_db->queryInt("SELECT count(*) FROM samples"), m_summary.samples);
        // Cumulative counters never go down.
        QCOMPARE(
            m_db->queryInt(
                "SELECT count(*) FROM samples a JOIN series s ON s.id = a.series_id "
                "JOIN samples b ON b.series_id = a.series_id AND b.ts > a.ts AND b.value < a.value "
                "WHERE s.metric IN ('stars', 'pulls', 'release_downloads', 'asset_downloads') AND s.provider = 'github'"
                " AND b.ts < a.ts + 86400"),
            0);
    }

    void trafficFollowsTheRollupContract()
    {
        QCOMPARE(m_db->queryInt("SELECT count(*) FROM requests"), m_summary.requests);
        // ~600 a day for www and 40% more for docs, less at weekends and early in the period.
        QVERIFY2(m_summary.requests > 28 * 600 && m_summary.requests < 28 * 600 * 1.4,
            qPrintable(QString::number(m_summary.requests)));
        // Every period's total equals the raw row count; visitors per day equal the visitors table.
        for (const char* sql : { "SELECT sum(requests) FROM rollups WHERE period = 60 AND dim = ''",
                 "SELECT sum(requests) FROM rollups WHERE period = 3600 AND dim = 'status'",
                 "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = 'country'",
                 "SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = 'path'" })
            QCOMPARE(m_db->queryInt(sql), m_summary.requests);
        QCOMPARE(m_db->queryInt("SELECT sum(visitors) FROM rollups WHERE period = 60 AND dim = ''"),
            m_db->queryInt("SELECT (SELECT count(*) FROM visitors) + (SELECT coalesce(sum(length(hashes)), 0) / 8 FROM "
                           "visitor_sets)"));
        QCOMPARE(TrafficQuery::sites(*m_db), QStringList({ "docs", "www" }));
        QVERIFY(m_db->queryInt("SELECT count(DISTINCT country) FROM requests").value_or(0) >= 20);
        QVERIFY(m_db->queryInt("SELECT count(*) FROM requests WHERE status = 404").value_or(0) > 0);
    }

    void weeklyAndDailyRhythm()
    {
        // Weekdays are busier than weekends, afternoons (UTC) busier than nights.
        const qint64 weekday = m_db->queryInt("SELECT avg(requests) FROM rollups WHERE period = 86400 AND dim = '' "
                                              "AND ((bucket / 86400 + 3) % 7) < 5")
                                   .value_or(0);
        const qint64 weekend = m_db->queryInt("SELECT avg(requests) FROM rollups WHERE period = 86400 AND dim = '' "
                                              "AND ((bucket / 86400 + 3) % 7) >= 5")
                                   .value_or(0);
        QVERIFY2(weekday > weekend * 1.4, qPrintable(QStringLiteral("%1 vs %2").arg(weekday).arg(weekend)));
        const qint64 afternoon = m_db->queryInt("SELECT sum(requests) FROM rollups WHERE period = 3600 AND dim = '' "
                                                "AND (bucket / 3600) % 24 = 15")
                                     .value_or(0);
        const qint64 night = m_db->queryInt("SELECT sum(requests) FROM rollups WHERE period = 3600 AND dim = '' "
                                            "AND (bucket / 3600) % 24 = 3")
                                 .value_or(0);
        QVERIFY2(afternoon > night * 2, qPrintable(QStringLiteral("%1 vs %2").arg(afternoon).arg(night)));
    }

    void healthMaterial()
    {
        QCOMPARE(m_db->queryInt("SELECT count(*) FROM sources"), 4);
        // Counter names as the pipeline writes them, so the Health page shows them.
        QCOMPARE(
            m_db->queryInt("SELECT sum(value) FROM ingest_counters WHERE name = 'lines_received'"), 184220 + 73410);
        QCOMPARE(m_db->queryInt("SELECT count(*) FROM rejected_lines"), 4);
        QVERIFY(m_db->queryInt("SELECT count(*) FROM rejected_lines WHERE CAST(line AS TEXT) LIKE '%<b>%'").value_or(0)
            == 1);
    }
    // With a progress callback the demo commits in slices: another connection (the window's query runner) sees
    // requests land while the rest is still being written, and the same totals at the end.
    void slicesAreCommittedAsTheyAreWritten()
    {
        const QString path = m_dir.filePath(QStringLiteral("slices.sqlite"));
        Database db(path);
        Migrations::migrate(db);
        DemoOptions options;
        options.nowSecs = 1795591815;
        options.days = 28;
        options.requestsPerDay = 600;
        QList<int> percents;
        qint64 seenHalfway = -1;
        options.progress = [&](int percent) {
            percents.append(percent);
            if (seenHalfway < 0 && percent >= 50) {
                Database reader(path, Database::Mode::ReadOnly);
                seenHalfway = reader.queryInt("SELECT count(*) FROM requests").value_or(-1);
            }
        };
        const DemoSummary summary = DemoData::generate(db, options);
        QVERIFY2(percents.size() >= 10, qPrintable(QString::number(percents.size())));
        QVERIFY(std::is_sorted(percents.cbegin(), percents.cend()));
        QCOMPARE(percents.last(), 100);
        QVERIFY2(seenHalfway > 0 && seenHalfway < summary.requests, qPrintable(QString::number(seenHalfway)));
        // Sliced or not, the same data.
        QCOMPARE(summary.requests, m_summary.requests);
        QCOMPARE(db.queryInt("SELECT count(*) FROM requests").value_or(-1), summary.requests);
        QCOMPARE(db.queryInt("SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''").value_or(-1),
            m_db->queryInt("SELECT sum(requests) FROM rollups WHERE period = 86400 AND dim = ''").value_or(-2));
    }

    // The demo's rejected lines are lines the real parser rejects, for the reason the demo shows.
    void rejectedByTheParser_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QByteArray>("line");
        const QList<DemoRejected> samples = DemoData::rejectedSamples();
        QCOMPARE(samples.size(), 4);
        for (const DemoRejected& sample : samples)
            QTest::addRow("%d %s", int(&sample - samples.constData()), qPrintable(sample.reason))
                << sample.reason << sample.line;
    }
    void rejectedByTheParser()
    {
        QFETCH(QString, reason);
        QFETCH(QByteArray, line);
        const LogFormat format = LogFormat::compile("combined");
        AccessRecord record;
        const char* why = nullptr;
        QVERIFY2(
            !format.parse(std::string_view(line.constData(), size_t(line.size())), record, &why), line.constData());
        QCOMPARE(QString::fromLatin1(why), reason);
    }

    // What nginx logs for a TLS handshake sent to a plain-HTTP port is a valid line (a 400 request): it must not
    // be shown as rejected.
    void tlsGarbageRequestIsARequest()
    {
        const LogFormat format = LogFormat::compile("combined");
        AccessRecord record;
        const char* why = nullptr;
        const std::string_view line = R"(203.0.113.9 - - [25/Nov/2026:05:32:29 +0000] "\x16\x03\x01" 400 157 "-" "-")";
        QVERIFY(format.parse(line, record, &why));
        QCOMPARE(record.status, 400);
        for (const DemoRejected& sample : DemoData::rejectedSamples())
            QVERIFY(!sample.line.contains("400 157"));
    }

    // The combined lines the benchmark feeds to `import` parse back to the request they came from.
    void combinedLineParses()
    {
        DemoRequest r;
        r.ts = 1795591815; // 2026-11-25 07:30:15 UTC
        r.addr = QByteArray("\x55\x10\x20\x30", 4);
        r.method = "GET";
        r.path = "/download/activity-1.4.2.tar.gz";
        r.status = 200;
        r.bytes = 4800123;
        r.referrer = "https://www.google.com/";
        r.agent = "curl/8.5.0";
        const QByteArray line = DemoData::combinedLine(r);
        QCOMPARE(line,
            QByteArray("85.16.32.48 - - [25/Nov/2026:07:30:15 +0000] \"GET /download/activity-1.4.2.tar.gz HTTP/1.1\" "
                       "200 4800123 \"https://www.google.com/\" \"curl/8.5.0\""));
        const LogFormat format = LogFormat::compile("combined");
        AccessRecord record;
        const char* why = nullptr;
        QVERIFY(format.parse(std::string_view(line.constData(), size_t(line.size())), record, &why));
        QCOMPARE(record.ts, r.ts);
        QCOMPARE(record.status, 200);
        QCOMPARE(record.bodyBytes, r.bytes);
        QCOMPARE(QByteArray(record.path.data(), qsizetype(record.path.size())), r.path);
        QCOMPARE(QByteArray(record.agent.data(), qsizetype(record.agent.size())), r.agent);
    }

private:
    void setUp()
    {
        m_db = std::make_unique<Database>(m_dir.filePath(QStringLiteral("d.sqlite")));
        Migrations::migrate(*m_db);
        DemoOptions options;
        options.nowSecs = 1795591815; // 2026-11-25 07:30:15 UTC, a Wednesday
        options.days = 28;
        options.requestsPerDay = 600;
        m_summary = DemoData::generate(*m_db, options);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    DemoSummary m_summary;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestDemoData)
#include "tst_demodata.moc"
