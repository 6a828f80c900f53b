#include "core/demo/demotraffic.h"
#include "core/query/seriescatalogue.h"
#include "core/query/seriesid.h"
#include "core/sources/apistore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/teststore.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC

DemoRequest req(
    qint64 ts, const char* site, quint8 host, const char* country, const char* path, int status, qint64 bytes)
{
    DemoRequest r;
    r.ts = ts;
    r.site = site;
    r.addr = QByteArray("\x51\x02\x45", 3) + char(host);
    r.country = country;
    r.method = "GET";
    r.path = path;
    r.status = status;
    r.bytes = bytes;
    r.agent = "Firefox/132.0";
    r.referrer = "-";
    return r;
}

double sum(const QList<Sample>& points)
{
    double total = 0;
    for (const Sample& s : points)
        total += s.value;
    return total;
}
} // namespace

// The series catalogue over a real database written by the real ingest writer and API store: what `series
// list/get` print and what alert rules compare.
class TestSeriesCatalogue : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        try {
            m_db = TestStore::open(m_dir, QStringLiteral("tst_seriescatalogue"));
            Migrations::migrate(*m_db);
            Transaction tx(*m_db);
            DemoTrafficWriter w(*m_db);
            w.add(req(kDay + 600, "www", 1, "FR", "/", 200, 100));
            w.add(req(kDay + 700, "www", 1, "FR", "/missing", 404, 10));
            w.add(req(kDay + 3700, "www", 2, "DE", "/", 500, 0));
            w.add(req(kDay + 7300, "www", 3, "US", "/x\"\n<b>", 503, 20));
            w.add(req(kDay + 7400, "docs", 4, "US", "/install/", 200, 2000));
            w.reject(3, kDay + 100, "garbage", QStringLiteral("not a log line"));
            w.reject(3, kDay + 200, "garbage", QStringLiteral("not a log line"));
            w.finish();
            m_db->exec("INSERT INTO sources(id, type, name, settings, created_at) VALUES "
                       "(1, 'github', 'acme', '{}', 0), (2, 'http-json', 'my service', '{}', 0), "
                       "(3, 'syslog', 'nginx', '{}', 0)");
            tx.commit();
            ApiStore store(*m_db);
            const qint64 stars = store.seriesId(1, "github", "acme/rocket", "stars");
            store.recordPoint(stars, kDay, 10);
            store.recordPoint(stars, kDay + 3600, 12);
            store.recordPoint(stars, kDay + 7200, 11);
            store.recordPoint(store.seriesId(2, "http-json", "2:num=1.1.0", "downloads"), kDay, 5);
        } catch (const DatabaseError& e) {
            QFAIL(qPrintable(e.message()));
        }
    }

    void idsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("plain") << "traffic.requests";
        QTest::addRow("labels") << "traffic.requests{site=\"www\",country=\"DE\"}";
        QTest::addRow("hostile path") << "traffic.requests{path=\"/x\\\"\\n<b>\"}";
        QTest::addRow("api") << "github.stars{repo=\"acme/rocket\"}";
    }
    void idsRoundTrip()
    {
        QFETCH(QString, text);
        QString error;
        const auto id = SeriesId::parse(text, &error);
        QVERIFY2(id, qPrintable(error));
        QCOMPARE(id->text(), text);
    }

    void badIdsNameTheirFault_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("fault");
        QTest::addRow("unquoted") << "traffic.requests{site=www}"
                                  << "key=\"value\"";
        QTest::addRow("unclosed") << "traffic.requests{site=\"www}"
                                  << "closing quote";
        QTest::addRow("twice") << "traffic.requests{site=\"a\",site=\"b\"}"
                               << "given twice";
        QTest::addRow("no name") << "{site=\"a\"}"
                                 << "start with a name";
    }
    void badIdsNameTheirFault()
    {
        QFETCH(QString, text);
        QFETCH(QString, fault);
        QString error;
        QVERIFY(!SeriesId::parse(text, &error));
        QVERIFY2(error.contains(fault) && error.contains(text), qPrintable(error));
    }

    void listNamesEverySeries()
    {
        QHash<QString, CatalogueEntry> byId;
        for (const CatalogueEntry& e : SeriesCatalogue::list(*m_db))
            byId.insert(e.id, e);
        for (const char* id : { "traffic.requests", "traffic.requests{site=\"www\"}", "traffic.requests{site=\"docs\"}",
                 "traffic.requests{country=\"FR\"}", "traffic.requests{path=\"/missing\"}", "traffic.status.5xx",
                 "traffic.share.5xx{site=\"www\"}", "traffic.bytes{country=\"US\"}", "ingest.rejected{source=\"3\"}",
                 "ingest.received{source=\"3\"}", "github.stars{repo=\"acme/rocket\"}",
                 "http-json.downloads{source=\"2\",num=\"1.1.0\"}" })
            QVERIFY2(byId.contains(QString::fromUtf8(id)), id);
        QCOMPARE(byId.value("traffic.bytes").unit, QString("bytes"));
        QCOMPARE(byId.value("traffic.share.5xx").unit, QString("%"));
        QVERIFY(byId.value("github.stars{repo=\"acme/rocket\"}").name.contains("acme/rocket"));
        QVERIFY(byId.value("http-json.downloads{source=\"2\",num=\"1.1.0\"}").name.contains("my service"));
        QVERIFY(!byId.contains("traffic.status.5xx{country=\"FR\"}")); // status is not split by country
    }

    void hourlyRequests()
    {
        const SeriesValues v = SeriesCatalogue::get(*m_db, "traffic.requests", { kDay, kDay + 86400 }, 3600);
        QVERIFY2(v.error.isEmpty(), qPrintable(v.error));
        QCOMPARE(v.points.size(), 24);
        QCOMPARE(v.points[0], (Sample { kDay, 2 }));
        QCOMPARE(v.points[1], (Sample { kDay + 3600, 1 }));
        QCOMPARE(v.points[2], (Sample { kDay + 7200, 2 }));
        QCOMPARE(sum(v.points), 5.0);
        QCOMPARE(v.entry.name, QString("Requests"));
    }

    void figures_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QList<double>>("values");
        QTest::addRow("days, one before the data")
            << "traffic.requests" << kDay - 86400 << 86400LL << QList<double> { 0, 5 };
        QTest::addRow("www") << "traffic.requests{site=\"www\"}" << kDay << 86400LL << QList<double> { 4 };
        QTest::addRow("bytes from the US")
            << "traffic.bytes{country=\"US\"}" << kDay << 86400LL << QList<double> { 2020 };
        QTest::addRow("5xx per hour, 3 hours") << "traffic.status.5xx" << kDay << 3600LL << QList<double> { 0, 1, 1 };
        QTest::addRow("errors") << "traffic.errors" << kDay << 86400LL << QList<double> { 3 };
        QTest::addRow("a hostile path") << "traffic.requests{path=\"/x\\\"\\n<b>\"}" << kDay << 86400LL
                                        << QList<double> { 1 };
        QTest::addRow("rejected lines") << "ingest.rejected{source=\"3\"}" << kDay << 86400LL << QList<double> { 2 };
        QTest::addRow("5xx share per hour (only where there were requests)")
            << "traffic.share.5xx" << kDay << 3600LL << QList<double> { 0, 100, 50 };
        QTest::addRow("stars, last value per hour")
            << "github.stars{repo=\"acme/rocket\"}" << kDay << 3600LL << QList<double> { 10, 12, 11 };
    }
    void figures()
    {
        QFETCH(QString, id);
        QFETCH(qint64, from);
        QFETCH(qint64, step);
        QFETCH(QList<double>, values);
        // Three hours of data, or whole days: enough of the range to hold every value asked for.
        const qint64 to = step == 3600 ? kDay + 3 * 3600 : kDay + 86400;
        const SeriesValues v = SeriesCatalogue::get(*m_db, id, { from, to }, step);
        QVERIFY2(v.error.isEmpty(), qPrintable(v.error));
        QList<double> got;
        for (const Sample& s : v.points)
            got.append(s.value);
        QCOMPARE(got, values);
    }

    void valueAtIsWhatRulesCompare()
    {
        QString error;
        // Last 5 minutes at 02:05: the requests at 02:01:40 (503) and 02:03:20 (docs, 200).
        QCOMPARE(SeriesCatalogue::valueAt(*m_db, "traffic.requests", kDay + 7500, 300, &error), 2.0);
        QCOMPARE(SeriesCatalogue::valueAt(*m_db, "traffic.status.5xx", kDay + 7500, 300, &error), 1.0);
        QCOMPARE(SeriesCatalogue::valueAt(*m_db, "traffic.share.5xx", kDay + 7500, 300, &error), 50.0);
        // The last hour at 03:00 is the 02:00 hour.
        QCOMPARE(SeriesCatalogue::valueAt(*m_db, "traffic.requests", kDay + 3 * 3600, 3600, &error), 2.0);
        // No request in the window: a share has no value, a count is 0.
        QCOMPARE(SeriesCatalogue::valueAt(*m_db, "traffic.share.5xx", kDay + 5 * 3600, 300, &error), std::nullopt);
        QCOMPARE(SeriesCatalogue::valueAt(*m_db, "traffic.requests", kDay + 5 * 3600, 300, &error), 0.0);
        // API figures: the last value at or before the time.
        QCOMPARE(SeriesCatalogue::valueAt(*m_db, "github.stars{repo=\"acme/rocket\"}", kDay + 3599, 300, &error), 10.0);
        QCOMPARE(SeriesCatalogue::valueAt(*m_db, "github.stars{repo=\"acme/rocket\"}", kDay + 9000, 300, &error), 11.0);
        QCOMPARE(
            SeriesCatalogue::valueAt(*m_db, "github.stars{repo=\"acme/rocket\"}", kDay - 1, 300, &error), std::nullopt);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void lastDataAt()
    {
        QString error;
        QCOMPARE(SeriesCatalogue::lastDataAt(*m_db, "traffic.requests", &error), kDay + 7380);
        QCOMPARE(SeriesCatalogue::lastDataAt(*m_db, "traffic.requests{site=\"www\"}", &error), kDay + 7260);
        QCOMPARE(SeriesCatalogue::lastDataAt(*m_db, "traffic.requests{site=\"nope\"}", &error), 0LL);
        QCOMPARE(SeriesCatalogue::lastDataAt(*m_db, "github.stars{repo=\"acme/rocket\"}", &error), kDay + 7200);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void unknownSeriesSayWhy_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("fault");
        QTest::addRow("status by country") << "traffic.status.5xx{country=\"FR\"}"
                                           << "no label 'country'";
        QTest::addRow("country and path") << "traffic.requests{country=\"FR\",path=\"/\"}"
                                          << "not two at once";
        QTest::addRow("agents and country") << "traffic.requests{agents=\"bots\",country=\"FR\"}"
                                            << "not two at once";
        QTest::addRow("agents of a kind never heard of") << "traffic.requests{agents=\"robots\"}"
                                                         << "\"humans\" or \"bots\"";
        QTest::addRow("agents of a status class") << "traffic.errors{agents=\"bots\"}"
                                                  << "no label 'agents'";
        QTest::addRow("unknown repository") << "github.stars{repo=\"x/y\"}"
                                            << "check the labels";
        QTest::addRow("unknown name") << "traffic.nope"
                                      << "series list";
    }
    void unknownSeriesSayWhy()
    {
        QFETCH(QString, id);
        QFETCH(QString, fault);
        const SeriesValues v = SeriesCatalogue::get(*m_db, id, { kDay, kDay + 86400 }, 3600);
        QVERIFY2(v.error.contains(fault), qPrintable(v.error));
        QVERIFY(v.points.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSeriesCatalogue)
#include "tst_seriescatalogue.moc"
