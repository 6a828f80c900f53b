// The Traffic page's top lists (404s, referrers, browsers and OS) from day and hour rollups plus raw rows at the
// edges equal what the raw rows alone say, for ranges with and without partial days, with site and country
// filters, and in a database upgraded from before hour rollups of these lists (its older hours from raw rows).
#include "core/demo/demodata.h"
#include "core/query/trafficpagequery.h"
#include "core/query/useragent.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/requestkeys.h"
#include "tests/support/teststore.h"

#include <QHash>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kNow = 1795591815; // 2026-11-25 07:30:15 UTC
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC

// The truth: one GROUP BY over the raw rows (the demo keeps every row: 10 days is inside the retention).
QList<TopItem> rawTop(Database& db, const TrafficFilter& f, const char* column, bool only404, bool referrer)
{
    const QByteArray sql
        = QByteArray("SELECT s.value, count(*), sum(r.bytes) FROM requests r JOIN strings s ON s.id = r.") + column
        + " WHERE r.id >= ?1 AND r.id < ?2 AND (?3 = '' OR r.site_id = (SELECT id FROM sites WHERE name = ?3)) "
          "AND (?4 = '' OR r.country = ?4)"
        + (only404 ? " AND r.status = 404" : "") + " GROUP BY s.value";
    Statement st = db.prepare(sql.constData());
    st.bind(1, RequestKeys::firstId(f.range.fromSecs)).bind(2, RequestKeys::firstId(f.range.toSecs));
    st.bind(3, f.site).bind(4, f.country);
    QList<TopItem> out;
    while (st.step()) {
        const QByteArray key = st.blob(0);
        if (key.isEmpty() || (referrer && key == "-"))
            continue;
        out.append({ key, st.int64(1), 0, st.int64(2) });
    }
    std::sort(out.begin(), out.end(), [](const TopItem& a, const TopItem& b) {
        return a.requests != b.requests ? a.requests > b.requests : a.key < b.key;
    });
    return out;
}

QList<std::pair<QByteArray, qint64>> keyed(const QList<TopItem>& items)
{
    QList<std::pair<QByteArray, qint64>> out;
    for (const TopItem& item : items) {
        out.append({ item.key, item.requests });
        out.append({ "bytes", item.bytes });
    }
    return out;
}
} // namespace

class TestTrafficPageQuery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_db = TestStore::open(m_dir, QStringLiteral("tst_trafficpagequery"));
        Migrations::migrate(*m_db);
        DemoOptions options;
        options.nowSecs = kNow;
        options.days = 10;
        options.requestsPerDay = 500;
        QVERIFY(DemoData::generate(*m_db, options).requests > 3000);
    }

    void listsEqualTheRawRows_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("country");
        QTest::addColumn<qint64>("upgradedAt"); // -1: a database written with hour rollups throughout
        QTest::addRow("partial days at both edges") << kDay - 5 * 86400 - 7000 << kNow << ""
                                                    << "" << qint64(-1);
        QTest::addRow("whole days") << kDay - 6 * 86400 << kDay << ""
                                    << "" << qint64(-1);
        QTest::addRow("inside one day") << kDay - 86400 + 3600 << kDay - 3600 << ""
                                        << "" << qint64(-1);
        QTest::addRow("24 hours, no whole day") << kNow - 86400 << kNow << ""
                                                << "" << qint64(-1);
        QTest::addRow("one site") << kDay - 4 * 86400 + 123 << kNow << "docs"
                                  << "" << qint64(-1);
        QTest::addRow("one country") << kDay - 4 * 86400 + 123 << kNow << ""
                                     << "DE" << qint64(-1);
        QTest::addRow("unknown site") << kDay - 4 * 86400 << kNow << "nowhere"
                                      << "" << qint64(-1);
        QTest::addRow("upgraded today at 03:00") << kDay - 5 * 86400 - 7000 << kNow << ""
                                                 << "" << kDay + 3 * 3600;
        QTest::addRow("upgraded within 24 hours") << kNow - 86400 << kNow << "docs"
                                                  << "" << kDay - 2 * 3600 - 900;
        QTest::addRow("upgraded after the range") << kNow - 86400 << kNow << ""
                                                  << "" << kNow + 3600;
    }
    void listsEqualTheRawRows()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(QString, site);
        QFETCH(QString, country);
        QFETCH(qint64, upgradedAt);
        // Rolled back at the end of the row: the demo's database stays as written.
        Transaction tx(*m_db);
        if (upgradedAt >= 0)
            simulateUpgradeAt(upgradedAt);
        const TrafficFilter filter { { from, to }, site, country };
        const TrafficPageLists lists = TrafficPageQuery::lists(*m_db, filter);
        const QList<TopItem> notFound = rawTop(*m_db, filter, "path_id", true, false);
        const QList<TopItem> referrers = rawTop(*m_db, filter, "referrer_id", false, true);
        const QList<TopItem> agents = rawTop(*m_db, filter, "agent_id", false, false);
        QCOMPARE(keyed(lists.notFound), keyed(notFound));
        QCOMPARE(keyed(lists.referrers), keyed(referrers));
        // Paths by country (path rollups are not split by country) come from the raw rows too.
        if (country.isEmpty()) {
            QVERIFY(lists.countryPaths.isEmpty());
        } else {
            const QList<TopItem> paths = rawTop(*m_db, filter, "path_id", false, false);
            QVERIFY(paths.size() >= 5);
            QCOMPARE(keyed(lists.countryPaths), keyed(paths.mid(0, 100)));
            qint64 requests = 0;
            for (const TopItem& item : paths)
                requests += item.requests;
            QCOMPARE(lists.countryRequests, requests);
        }
        if (site != QLatin1String("nowhere")) {
            QVERIFY(!notFound.isEmpty());
            QVERIFY(referrers.size() >= 5);
        }
        QHash<QString, qint64> browsers;
        QHash<QString, qint64> systems;
        qint64 total = 0;
        for (const TopItem& item : agents) {
            const UserAgentInfo info = UserAgent::classify(item.key);
            browsers[info.browser] += item.requests;
            systems[info.os] += item.requests;
            total += item.requests;
        }
        QCOMPARE(lists.agentRequests, total);
        QCOMPARE(lists.browsers.size(), browsers.size());
        for (const auto& [name, n] : lists.browsers)
            QCOMPARE(n, browsers.value(name));
        for (const auto& [name, n] : lists.systems)
            QCOMPARE(n, systems.value(name));
        // Busiest first.
        for (qsizetype i = 1; i < lists.browsers.size(); ++i)
            QVERIFY(lists.browsers[i - 1].second >= lists.browsers[i].second);
    }

    // Paths have hour rollups only: the partial hours at the edges come from raw rows, so the list adds up to the
    // request total.
    void pathsAddUpToTheTotal_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<QString>("site");
        QTest::addRow("partial hours at both edges") << kDay - 3 * 86400 - 1234 << kNow << "";
        QTest::addRow("whole hours") << kDay - 2 * 86400 + 3600 << kDay + 7 * 3600 << "";
        QTest::addRow("inside one hour") << kDay + 3600 + 120 << kDay + 3600 + 1800 << "";
        QTest::addRow("one site") << kDay - 86400 - 4000 << kNow << "docs";
    }
    void pathsAddUpToTheTotal()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(QString, site);
        const TrafficFilter filter { { from, to }, site, QString() };
        const TrafficPageData d = TrafficPageQuery::charts(*m_db, filter, 3600);
        const TrafficFilter widened { { from / 60 * 60, (to + 59) / 60 * 60 }, site,
            QStringLiteral("") }; // "" binds as text, not NULL
        const QList<TopItem> truth = rawTop(*m_db, widened, "path_id", false, false);
        QVERIFY(truth.size() < 100);
        QCOMPARE(keyed(d.paths), keyed(truth));
        qint64 sum = 0;
        for (const TopItem& item : d.paths)
            sum += item.requests;
        QCOMPARE(sum, d.totals.requests);
        QVERIFY(sum > 0);
    }

    // Whole hours at the edges are summed once and reused while their rows are unchanged; a row added to a cached
    // hour is counted at the next call.
    void cachedHoursStayExact()
    {
        Transaction tx(*m_db); // rolled back: the late row and the upgrade are this case's only
        simulateUpgradeAt(kNow + 86400); // raw rows (and so the cache) give every partial day's hours
        TopListCache cache;
        const TrafficFilter filter { { kDay - 3 * 86400 - 5 * 3600 - 600, kNow }, QString(), QString() };
        const TrafficPageLists plain = TrafficPageQuery::lists(*m_db, filter);
        const TrafficPageLists first = TrafficPageQuery::lists(*m_db, filter, &cache);
        QCOMPARE(cache.size(), 5 + 7); // whole hours: 19:00-24:00 the first day, 00:00-07:00 today
        const TrafficPageLists second = TrafficPageQuery::lists(*m_db, filter, &cache);
        QCOMPARE(cache.size(), 12);
        for (const TrafficPageLists* lists : { &first, &second }) {
            QCOMPARE(keyed(lists->notFound), keyed(plain.notFound));
            QCOMPARE(keyed(lists->referrers), keyed(plain.referrers));
            QCOMPARE(lists->browsers, plain.browsers);
            QCOMPARE(lists->agentRequests, plain.agentRequests);
        }
        // A late line for 02:00 today (a cached hour) with a new referrer and a 404.
        Statement site = m_db->prepare("SELECT id FROM sites WHERE name = 'www'");
        QVERIFY(site.step());
        for (const QByteArray& text : { QByteArray("https://late.example/"), QByteArray("/late-404") })
            m_db->prepare("INSERT INTO strings(value) VALUES (?)").bind(1, text).exec();
        Statement st = m_db->prepare(
            "INSERT INTO requests(id, site_id, addr, status, bytes, path_id, referrer_id, agent_id) VALUES (?1, ?2, "
            "?3, 404, 7, (SELECT id FROM strings WHERE value = ?4), (SELECT id FROM strings WHERE value = ?5), "
            "(SELECT agent_id FROM requests LIMIT 1))");
        st.bind(3, QByteArray("\x01\x02\x03\x04", 4))
            .bind(4, QByteArray("/late-404"))
            .bind(5, QByteArray("https://late.example/"));
        st.bind(1, RequestKeys::firstId(kDay + 2 * 3600 + 30) + 999).bind(2, site.int64(0)).exec();
        const TrafficPageLists third = TrafficPageQuery::lists(*m_db, filter, &cache);
        QVERIFY(std::any_of(third.referrers.cbegin(), third.referrers.cend(),
            [](const TopItem& i) { return i.key == "https://late.example/" && i.requests == 1; }));
        QVERIFY(std::any_of(third.notFound.cbegin(), third.notFound.cend(),
            [](const TopItem& i) { return i.key == "/late-404" && i.requests == 1 && i.bytes == 7; }));
        QCOMPARE(third.agentRequests, plain.agentRequests + 1);
    }

private:
    // A database written before 404 paths, referrers and agents had hour rollups, upgraded at `at`: their hour
    // rows start there (day rows and raw rows are as before).
    void simulateUpgradeAt(qint64 at)
    {
        Statement st = m_db->prepare(
            "DELETE FROM rollups WHERE period = 3600 AND dim IN ('path404', 'referrer', 'agent') AND bucket < ?");
        st.bind(1, (at + 3599) / 3600 * 3600).exec();
        AppSettings::set(*m_db, QStringLiteral("rollups.hourly_text_from"), QString::number(at));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestTrafficPageQuery)
#include "tst_trafficpagequery.moc"
