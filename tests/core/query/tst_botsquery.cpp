// The Bots page's figures (core/query/botsquery.h) on a day whose bots are known by construction
// (tests/support/botstraffic.h): named agents with their verification, a spoofed Googlebot as a bot of its own kind,
// requests and bytes per class and bucket that add up to the agents' figures, who fetched robots.txt, and the user
// agent a click narrows to. On both engines (tst_botsquery_pg).
#include "core/query/botsquery.h"
#include "core/storage/database.h"
#include "tests/support/botstraffic.h"
#include "tests/support/teststore.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
using namespace BotsTraffic;

QStringList agentRows(const QList<BotAgent>& agents)
{
    QStringList out;
    for (const BotAgent& a : agents)
        out << QStringLiteral("%1|%2|%3|%4|%5").arg(a.cls, a.name, a.verification).arg(a.requests).arg(a.bytes);
    return out;
}
} // namespace

class TestBotsQuery : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_path = TestStore::location(m_dir, QStringLiteral("tst_botsquery"));
        Database db(m_path);
        BotsTraffic::write(db);
    }

    // Busiest first; the spoofed Googlebot is a row of its own (other-bot), never counted as Googlebot; people
    // are no row but are summed apart; requests outside the day are left out.
    void agentsWithTheirVerification()
    {
        Database db(m_path);
        AgentSum humans;
        const QList<BotAgent> agents = BotsQuery::agents(db, { kDay, kDay + 86400 }, {}, &humans);
        QCOMPARE(agentRows(agents),
            (QStringList { "search-crawler|Googlebot|verified|6|2550", "ai-crawler|ClaudeBot||5|4600",
                "ai-crawler|GPTBot|unverified|5|8050", "other-bot|spoofed Googlebot|spoofed|4|650",
                "library|curl||2|200", "search-crawler|Bingbot|unverified|2|600" }));
        QCOMPARE(humans.requests, 11);
        QCOMPARE(humans.bytes, 10050);

        const BotsData d = BotsQuery::load(db, { kDay, kDay + 86400 }, {});
        QCOMPARE(d.bots.requests, 24);
        QCOMPARE(d.bots.bytes, 16650);
        QCOMPARE(d.humans.requests, 11);
        QCOMPARE(d.step, 600);

        // One site: the same (every request is www's); a site never seen: nothing.
        QCOMPARE(agentRows(BotsQuery::agents(db, { kDay, kDay + 86400 }, QStringLiteral("www"))), agentRows(agents));
        QVERIFY(BotsQuery::agents(db, { kDay, kDay + 86400 }, QStringLiteral("nosuch")).isEmpty());
        // A range without bots.
        QVERIFY(BotsQuery::agents(db, { kDay - 10 * 86400, kDay - 9 * 86400 }, {}).isEmpty());
    }

    // Per class and 10-minute bucket: the spoofed claims are under other-bot in their bucket, and each class's
    // buckets add up to its agents' figures.
    void perClassOverTime()
    {
        Database db(m_path);
        const QMap<QString, QList<TrafficBucket>> classes = BotsQuery::classes(db, { kDay, kDay + 86400 }, 600, {});
        QCOMPARE(classes.keys(), (QStringList { "ai-crawler", "library", "other-bot", "search-crawler" }));
        const auto total = [&](const QString& cls) {
            qint64 requests = 0;
            qint64 bytes = 0;
            for (const TrafficBucket& b : classes.value(cls))
                requests += b.requests, bytes += b.bytes;
            return std::pair { requests, bytes };
        };
        QCOMPARE(total(QStringLiteral("search-crawler")), (std::pair<qint64, qint64> { 8, 3150 }));
        QCOMPARE(total(QStringLiteral("ai-crawler")), (std::pair<qint64, qint64> { 10, 12650 }));
        QCOMPARE(total(QStringLiteral("other-bot")), (std::pair<qint64, qint64> { 4, 650 }));
        QCOMPARE(total(QStringLiteral("library")), (std::pair<qint64, qint64> { 2, 200 }));
        const QList<TrafficBucket> spoofed = classes.value(QStringLiteral("other-bot"));
        QCOMPARE(spoofed.size(), 1);
        QCOMPARE(spoofed[0].start, kDay + 10800);
        QCOMPARE(spoofed[0].requests, 4);
        // Googlebot's real requests in their bucket (7200..7799), none left where the spoofer was.
        for (const TrafficBucket& b : classes.value(QStringLiteral("search-crawler")))
            QVERIFY2(b.start != kDay + 10800, "the spoofed requests stayed under search-crawler");
        QCOMPARE(classes.value(QStringLiteral("search-crawler")).first().start, kDay + 7200);
        QCOMPARE(classes.value(QStringLiteral("search-crawler")).first().requests, 6);

        // Day buckets over a week: one bucket per class, the same totals.
        const auto week = BotsQuery::classes(db, { kDay - 3 * 86400, kDay + 4 * 86400 }, 86400, {});
        QCOMPARE(week.value(QStringLiteral("other-bot")).size(), 1);
        QCOMPARE(week.value(QStringLiteral("other-bot")).first().requests, 4);
        qint64 searchWeek = 0;
        for (const TrafficBucket& b : week.value(QStringLiteral("search-crawler")))
            searchWeek += b.requests;
        QCOMPARE(searchWeek, 9); // the day's 8 and the verified request of the hour before
    }

    // From the raw rows: who asked for /robots.txt, each crawler with the verdict on its address.
    void whoFetchedRobotsTxt()
    {
        Database db(m_path);
        QStringList rows;
        for (const RobotsFetch& r : BotsQuery::robots(db, { kDay, kDay + 86400 }, {}))
            rows << QStringLiteral("%1|%2|%3|%4").arg(r.cls, r.name, r.verification).arg(r.requests);
        QCOMPARE(rows,
            (QStringList { "ai-crawler|ClaudeBot||2", "ai-crawler|GPTBot|unverified|1", "human|||1",
                "other-bot|spoofed Googlebot|spoofed|1", "search-crawler|Googlebot|verified|1" }));
        QVERIFY(BotsQuery::robots(db, { kDay, kDay + 86400 }, QStringLiteral("nosuch")).isEmpty());
        QVERIFY(BotsQuery::robots(db, { kDay - 10 * 86400, kDay - 9 * 86400 }, {}).isEmpty());
    }

    // The user agent a click on an agent narrows the Traffic page to: the one it used most.
    void busiestUserAgent()
    {
        Database db(m_path);
        const TimeRange day { kDay, kDay + 86400 };
        const auto busiest = [&](const QString& cls, const QString& name, const QString& verification,
                                 const TimeRange& range = { kDay, kDay + 86400 }, const QString& site = {}) {
            return BotsQuery::busiestUserAgent(db, range, site, BotAgent { cls, name, verification });
        };
        QCOMPARE(busiest("search-crawler", "Googlebot", "verified"), kGooglebot);
        // The spoofed row: the spoofer's requests only (its own user agent, though Googlebot's real one is busier).
        QCOMPARE(busiest("other-bot", "spoofed Googlebot", "spoofed"), kFakeGooglebot);
        QCOMPARE(busiest("ai-crawler", "ClaudeBot", ""), kClaudeBot);
        QCOMPARE(busiest("ai-crawler", "GPTBot", "unverified"), kGptBot);
        QCOMPARE(busiest("library", "curl", "", day, QStringLiteral("www")), kCurl);
        QVERIFY(busiest("library", "curl", "", day, QStringLiteral("nosuch")).isEmpty());
        QVERIFY(busiest("other-bot", "NoSuchBot", "").isEmpty());
        QVERIFY(busiest("library", "curl", "", { kDay - 10 * 86400, kDay - 9 * 86400 }).isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_MAIN(activity::TestBotsQuery)
#include "tst_botsquery.moc"
