#include "core/demo/demotraffic.h"
#include "core/query/trafficquery.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/teststore.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC

DemoRequest req(qint64 ts, const char* site, quint8 host, const char* country, const char* path, int status,
    qint64 bytes, const char* agent = "Firefox/132.0", const char* referrer = "-")
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
    r.agent = agent;
    r.referrer = referrer;
    return r;
}
} // namespace

class TestTrafficQuery : public QObject {
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

    void sites() { QCOMPARE(TrafficQuery::sites(*m_db), QStringList({ "docs", "www" })); }

    void totals_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("country");
        QTest::addColumn<qint64>("requests");
        QTest::addColumn<qint64>("visitors");
        QTest::addColumn<qint64>("bytes");
        QTest::addRow("whole day, every site") << kDay << kDay + 86400 << ""
                                               << "" << 6LL << 4LL << 2160LL;
        QTest::addRow("www") << kDay << kDay + 86400 << "www"
                             << "" << 5LL << 3LL << 160LL;
        QTest::addRow("unaligned: 00:10 to 02:03") << kDay + 600 << kDay + 7380 << ""
                                                   << "" << 4LL << 3LL << 130LL;
        QTest::addRow("two days") << kDay - 86400 << kDay + 86400 << ""
                                  << "" << 8LL << 5LL << 8160LL;
        QTest::addRow("across midnight") << kDay - 3600 << kDay + 3600 << "www"
                                         << "" << 4LL << 2LL << 6110LL;
        QTest::addRow("France") << kDay << kDay + 86400 << ""
                                << "FR" << 2LL << 1LL << 110LL;
        QTest::addRow("unknown site") << kDay << kDay + 86400 << "nope"
                                      << "" << 0LL << 0LL << 0LL;
    }
    void totals()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(QString, site);
        QFETCH(QString, country);
        const TrafficTotals t = TrafficQuery::totals(*m_db, { { from, to }, site, country });
        QTEST(t.requests, "requests");
        QTEST(t.visitors, "visitors");
        QTEST(t.bytes, "bytes");
    }

    void hourlyBuckets()
    {
        const auto buckets = TrafficQuery::buckets(*m_db, { { kDay, kDay + 86400 }, QString(), QString() }, 3600);
        QCOMPARE(buckets.size(), 3);
        QCOMPARE(buckets[0].start, kDay);
        QCOMPARE(buckets[0].requests, 2);
        QCOMPARE(buckets[0].visitors, 1);
        QCOMPARE(buckets[1].requests, 1);
        QCOMPARE(buckets[2].start, kDay + 7200);
        QCOMPARE(buckets[2].requests, 3);
        QCOMPARE(buckets[2].bytes, 2050);
        // Display buckets coarser than the rollup are summed: one 6-hour bucket.
        const auto six = TrafficQuery::buckets(*m_db, { { kDay, kDay + 86400 }, QString(), QString() }, 21600);
        QCOMPARE(six.size(), 1);
        QCOMPARE(six[0].requests, 6);
    }

    void statusClasses()
    {
        const auto buckets = TrafficQuery::statusClasses(*m_db, { { kDay, kDay + 86400 }, "www", QString() }, 86400);
        QCOMPARE(buckets.size(), 1);
        QCOMPARE(buckets[0].byClass[1], 1); // 2xx
        QCOMPARE(buckets[0].byClass[2], 1); // 3xx
        QCOMPARE(buckets[0].byClass[3], 2); // 4xx
        QCOMPARE(buckets[0].byClass[4], 1); // 5xx
    }

    void rankIsBusiestFirstThenByKey()
    {
        QList<TopItem> items { { "/b", 5, 0, 0 }, { "/c", 9, 0, 0 }, { "/a", 5, 0, 0 }, { "/d", 1, 0, 0 } };
        QList<TopItem> all = items;
        TrafficQuery::rank(all, -1);
        QStringList keys;
        for (const TopItem& i : all)
            keys.append(QString::fromUtf8(i.key));
        QCOMPARE(keys, QStringList({ "/c", "/a", "/b", "/d" }));
        TrafficQuery::rank(items, 2);
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].key, QByteArray("/c"));
        QCOMPARE(items[1].key, QByteArray("/a"));
    }

    void hourOfDay()
    {
        const auto hours = TrafficQuery::hourOfDay(*m_db, { { kDay - 86400, kDay + 86400 }, QString(), QString() });
        QCOMPARE(hours.size(), 24);
        QCOMPARE(hours[23], 2);
        QCOMPARE(hours[0], 2);
        QCOMPARE(hours[1], 1);
        QCOMPARE(hours[2], 3);
    }

    void topLists()
    {
        const TrafficFilter day { { kDay, kDay + 86400 }, QString(), QString() };
        const auto paths = TrafficQuery::topRollup(*m_db, day, Rollup::Dim::Path, 10);
        QCOMPARE(paths.size(), 4);
        QCOMPARE(paths[0].key, QByteArray("/"));
        QCOMPARE(paths[0].requests, 2);
        QCOMPARE(paths[1].key, QByteArray("/missing"));
        QCOMPARE(paths[1].requests, 2);
        QCOMPARE(paths[1].bytes, 30);
        const auto countries = TrafficQuery::topRollup(*m_db, day, Rollup::Dim::Country, 2);
        QCOMPARE(countries.size(), 2);
        QCOMPARE(countries[0].key, QByteArray(""));
        QCOMPARE(countries[0].requests, 2);
        QCOMPARE(countries[1].key, QByteArray("FR"));
        const auto missing = TrafficQuery::top404(*m_db, day, 10);
        QCOMPARE(missing.size(), 1);
        QCOMPARE(missing[0].key, QByteArray("/missing"));
        QCOMPARE(missing[0].requests, 2);
        const auto referrers = TrafficQuery::topReferrers(*m_db, day, 10);
        QCOMPARE(referrers.size(), 1);
        QCOMPARE(referrers[0].key, QByteArray("https://www.google.com/"));
        QCOMPARE(referrers[0].requests, 2);
        const auto agents = TrafficQuery::topAgents(*m_db, { { kDay, kDay + 86400 }, "www", QString() }, 10);
        QCOMPARE(agents.size(), 3);
        QCOMPARE(agents[0].key, QByteArray("Firefox/132.0"));
        QCOMPARE(agents[0].requests, 2);
        QCOMPARE(agents[2].key, QByteArray("<img src=x>"));
        // Filtered by country on raw rows too.
        QCOMPARE(TrafficQuery::top404(*m_db, { day.range, QString(), "FR" }, 10).value(0).requests, 1);
    }

    // The map's places under the header's switch: raw rows split people from bots, placed where the rollups put
    // each city.
    void placesUnderTheSwitch()
    {
        const TrafficFilter all { { kDay + 3 * 86400, kDay + 5 * 86400 }, QString(), QString() };
        const auto figures = [](const TrafficQuery::Places& p) {
            QStringList out;
            for (const TopItem& c : p.countries)
                out << QStringLiteral("%1 %2/%3").arg(QString::fromLatin1(c.key)).arg(c.requests).arg(c.visitors);
            for (const CityItem& c : p.cities)
                out << QStringLiteral("%1 %2 (%3, %4)").arg(c.name).arg(c.requests).arg(c.latitude).arg(c.longitude);
            return out.join(QStringLiteral("; "));
        };
        QCOMPARE(figures(TrafficQuery::places(*m_db, all, 10)),
            QString("DE 3/2; FR 3/2; NZ 1/1; Berlin 3 (52.52, 13.405); Lyon 3 (45.764, 4.8357); "
                    "Wellington 1 (-41.2865, 174.776)"));
        TrafficFilter humans = all;
        humans.agents = AgentScope::Humans;
        QCOMPARE(figures(TrafficQuery::places(*m_db, humans, 10)),
            QString("FR 2/1; NZ 1/1; Lyon 2 (45.764, 4.8357); Wellington 1 (-41.2865, 174.776)"));
        TrafficFilter bots = all;
        bots.agents = AgentScope::Bots;
        QCOMPARE(figures(TrafficQuery::places(*m_db, bots, 10)),
            QString("DE 3/2; FR 1/1; Berlin 3 (52.52, 13.405); Lyon 1 (45.764, 4.8357)"));
        QCOMPARE(TrafficQuery::places(*m_db, bots, 1).cities.size(), 1); // the busiest only
        bots.site = QStringLiteral("nope");
        QCOMPARE(figures(TrafficQuery::places(*m_db, bots, 10)), QString());
    }
    // Totals and buckets under the switch: people's and bots' from the 'agents' rollups, and with a country (which
    // those do not split) from raw rows.
    void totalsUnderTheSwitch()
    {
        const auto sums = [this](AgentScope agents, const QString& country, qint64 step) {
            TrafficFilter f { { kDay + 3 * 86400, kDay + 5 * 86400 }, QString(), country };
            f.agents = agents;
            const TrafficTotals t = TrafficQuery::totals(*m_db, f);
            QStringList out { QStringLiteral("%1/%2/%3").arg(t.requests).arg(t.visitors).arg(t.bytes) };
            for (const TrafficBucket& b : TrafficQuery::buckets(*m_db, f, step))
                out << QStringLiteral("+%1h %2/%3")
                           .arg((b.start - f.range.fromSecs) / 3600)
                           .arg(b.requests)
                           .arg(b.visitors);
            return out.join(QStringLiteral(" "));
        };
        QCOMPARE(sums(AgentScope::All, {}, 86400), QString("7/5/7 +0h 5/3 +24h 2/2"));
        QCOMPARE(sums(AgentScope::Humans, {}, 86400), QString("3/2/3 +0h 2/1 +24h 1/1"));
        QCOMPARE(sums(AgentScope::Bots, {}, 86400), QString("4/3/4 +0h 3/2 +24h 1/1"));
        QCOMPARE(sums(AgentScope::Bots, {}, 3600), QString("4/3/4 +0h 3/2 +24h 1/1"));
        QCOMPARE(sums(AgentScope::Bots, QStringLiteral("DE"), 86400), QString("3/2/3 +0h 2/1 +24h 1/1"));
        QCOMPARE(sums(AgentScope::Humans, QStringLiteral("DE"), 86400), QString("0/0/0"));
    }

private:
    void setUp()
    {
        m_db = TestStore::open(m_dir, QStringLiteral("tst_trafficquery"));
        Migrations::migrate(*m_db);
        Transaction tx(*m_db);
        DemoTrafficWriter w(*m_db);
        // Day before: 2 requests from one visitor.
        w.add(req(kDay - 3600, "www", 1, "FR", "/", 200, 1000));
        w.add(req(kDay - 3500, "www", 1, "FR", "/download", 200, 5000));
        // The day: www gets 5 requests from 3 visitors (host 1 twice with the same agent), docs 1.
        w.add(req(kDay + 600, "www", 1, "FR", "/", 200, 100, "Firefox/132.0", "https://www.google.com/"));
        w.add(req(kDay + 700, "www", 1, "FR", "/missing", 404, 10));
        w.add(req(kDay + 3700, "www", 2, "DE", "/", 304, 0, "<img src=x>"));
        w.add(req(kDay + 7300, "www", 3, "", "/missing", 404, 20, "curl/8.5.0", "https://www.google.com/"));
        w.add(req(kDay + 7400, "www", 3, "", "/x", 500, 30, "curl/8.5.0"));
        w.add(req(kDay + 7500, "docs", 4, "US", "/install/", 200, 2000));
        // Three days on: people and bots in three cities (placesUnderTheSwitch).
        const char* firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
        const char* googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
        const auto located = [](DemoRequest r, const char* city, double lat, double lon) {
            r.city = QString::fromUtf8(city);
            r.latitude = lat;
            r.longitude = lon;
            return r;
        };
        const qint64 d3 = kDay + 3 * 86400;
        w.add(located(req(d3 + 100, "www", 10, "FR", "/", 200, 1, firefox), "Lyon", 45.764, 4.8357));
        w.add(located(req(d3 + 200, "www", 11, "FR", "/", 200, 1, "curl/8.5.0"), "Lyon", 45.764, 4.8357));
        w.add(located(req(d3 + 300, "www", 10, "FR", "/", 200, 1, firefox), "Lyon", 45.764, 4.8357));
        w.add(located(req(d3 + 400, "www", 12, "DE", "/", 200, 1, googlebot), "Berlin", 52.52, 13.405));
        w.add(located(req(d3 + 500, "www", 12, "DE", "/", 200, 1, googlebot), "Berlin", 52.52, 13.405));
        w.add(located(req(d3 + 86400, "www", 12, "DE", "/", 200, 1, googlebot), "Berlin", 52.52, 13.405));
        w.add(located(req(d3 + 86500, "www", 13, "NZ", "/", 200, 1, firefox), "Wellington", -41.2865, 174.7762));
        w.finish();
        tx.commit();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestTrafficQuery)
#include "tst_trafficquery.moc"
