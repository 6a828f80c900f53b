// The crawler verifier's threads (core/ingest/crawlerverifier.h): claims from several parsing threads at once, checks
// on the checking thread against a real DNS server (dnsmasq on loopback) within a lookup rate that makes the retry
// timer pump, verdicts written through the writer's thread, a verifier destroyed while lookups are in flight, and
// verdicts read back by the next verifier. Runs under ThreadSanitizer (label threaded).
#include "core/ingest/crawlerverifier.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/dnsserver.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

namespace activity {

namespace {
constexpr qint64 kNow = 1'795'000'000;

// The DNS server's truth: 192.0.2.10 is a true Googlebot (its googlebot.com name points back); 192.0.2.20's name is
// not Google's; 192.0.2.30's Google name points elsewhere; 192.0.2.40 has no name (the zone is local).
const QStringList kRecords = {
    QStringLiteral("ptr-record=10.2.0.192.in-addr.arpa,crawl-192-0-2-10.googlebot.com"),
    QStringLiteral("host-record=crawl-192-0-2-10.googlebot.com,192.0.2.10"),
    QStringLiteral("ptr-record=20.2.0.192.in-addr.arpa,crawl.googlebot.com.attacker.example"),
    QStringLiteral("ptr-record=30.2.0.192.in-addr.arpa,crawl-66-249-66-250.googlebot.com"),
    QStringLiteral("host-record=crawl-66-249-66-250.googlebot.com,66.249.66.250"),
};
const QStringList kZones = { QStringLiteral("arpa"), QStringLiteral("googlebot.com"), QStringLiteral("example") };

struct Claim {
    QString addr;
    QString owner;
    QString verdict; // expected
    QString method;
};

// By construction: addresses inside the shipped googlebot.json (66.249.64.0/27) and gptbot.json (20.171.207.0/24)
// are verified by ranges; OpenAI outside its ranges is spoofed by ranges (OpenAI has no DNS check); the four DNS
// cases above are decided by DNS.
QList<Claim> claims()
{
    QList<Claim> out;
    for (int i = 1; i <= 6; ++i)
        out.append({ QStringLiteral("66.249.64.%1").arg(i), QStringLiteral("google"), QStringLiteral("verified"),
            QStringLiteral("ranges") });
    for (int i = 1; i <= 4; ++i)
        out.append({ QStringLiteral("20.171.207.%1").arg(i), QStringLiteral("openai"), QStringLiteral("verified"),
            QStringLiteral("ranges") });
    for (int i = 1; i <= 5; ++i)
        out.append({ QStringLiteral("203.0.113.%1").arg(i), QStringLiteral("openai"), QStringLiteral("spoofed"),
            QStringLiteral("ranges") });
    out.append(
        { QStringLiteral("192.0.2.10"), QStringLiteral("google"), QStringLiteral("verified"), QStringLiteral("dns") });
    for (const char* a : { "192.0.2.20", "192.0.2.30", "192.0.2.40" })
        out.append(
            { QString::fromLatin1(a), QStringLiteral("google"), QStringLiteral("spoofed"), QStringLiteral("dns") });
    return out;
}

using Row = std::tuple<QString, QString, QString, QString>;

std::set<Row> storedVerdicts(const QString& path)
{
    Database db(path);
    Statement st = db.prepare("SELECT addr, vendor, verdict, method FROM crawler_verdicts");
    std::set<Row> rows;
    while (st.step())
        rows.insert({ st.text(0), st.text(1), st.text(2), st.text(3) });
    return rows;
}

// Every claim made `times` times by each of `threads` threads at once, as parsing threads do.
void claimFromThreads(CrawlerVerifier& verifier, const QList<Claim>& list, int threads, int times)
{
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&verifier, &list, times, t] {
            for (int n = 0; n < times; ++n)
                for (qsizetype i = 0; i < list.size(); ++i) {
                    const Claim& c = list[(i + t) % list.size()]; // threads in different orders
                    verifier.claim(QHostAddress(c.addr), c.owner);
                }
        });
    for (std::thread& w : workers)
        w.join();
}
} // namespace

class TestCrawlerVerifier : public QObject {
    Q_OBJECT
private slots:
    void init();
    // First: the first verifier of the process is where ThreadSanitizer has seen the most hand-overs fail.
    void destroyedWhileLookupsAreInFlight();
    void claimsFromManyThreadsAreDecidedOnce();
    void earlierVerdictsAreNotAskedAgain();

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock { kNow * 1000 };
};

void TestCrawlerVerifier::init()
{
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++n));
    Database db(m_path);
    Migrations::migrate(db);
}

void TestCrawlerVerifier::claimsFromManyThreadsAreDecidedOnce()
{
    DnsServer dns(kRecords, kZones);
    if (!dns.ok())
        QFAIL(qPrintable(dns.error()));
    const QList<Claim> list = claims();
    std::set<Row> expected;
    qint64 verified = 0;
    qint64 spoofed = 0;
    for (const Claim& c : list) {
        expected.insert({ c.addr, c.owner, c.verdict, c.method });
        (c.verdict == QLatin1String("verified") ? verified : spoofed) += 1;
    }
    {
        DbWriter writer(m_path);
        QVERIFY2(writer.openError().isEmpty(), qPrintable(writer.openError()));
        CrawlerVerifier::Options options;
        options.dnsServer = dns.address();
        // Two lookups a second, one at a time: the four DNS checks (eight lookups) wait on the retry timer.
        options.lookupsPerSecond = 2;
        options.maxInFlight = 1;
        CrawlerVerifier verifier(writer, nullptr, m_clock, options);
        QVERIFY2(verifier.error().isEmpty(), qPrintable(verifier.error()));
        claimFromThreads(verifier, list, 4, 25);
        QVERIFY(verifier.waitIdle(30'000));
        const CrawlerVerifier::Counts counts = verifier.counts();
        // Each (address, owner) decided once however many threads claimed it.
        QCOMPARE(counts.verified, verified);
        QCOMPARE(counts.spoofed, spoofed);
        QCOMPARE(counts.unverified, 0);
    }
    QCOMPARE(storedVerdicts(m_path), expected);
}

void TestCrawlerVerifier::destroyedWhileLookupsAreInFlight()
{
    // A server that never answers: every DNS check would wait for its timeout.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    DbWriter writer(m_path);
    QVERIFY2(writer.openError().isEmpty(), qPrintable(writer.openError()));
    QElapsedTimer timer;
    {
        CrawlerVerifier::Options options;
        options.dnsServer = QStringLiteral("127.0.0.1:%1").arg(silent.localPort());
        CrawlerVerifier verifier(writer, nullptr, m_clock, options);
        QList<Claim> list;
        for (int i = 1; i <= 40; ++i)
            list.append({ QStringLiteral("198.51.100.%1").arg(i), QStringLiteral("google"), {}, {} });
        claimFromThreads(verifier, list, 3, 2);
        QVERIFY(!verifier.waitIdle(300)); // still asking
        timer.start();
    }
    // Gone without waiting for the lookups' timeouts (2 s, twice each), nothing stored for them.
    QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(storedVerdicts(m_path).empty());
}

void TestCrawlerVerifier::earlierVerdictsAreNotAskedAgain()
{
    {
        DnsServer dns(kRecords, kZones);
        if (!dns.ok())
            QFAIL(qPrintable(dns.error()));
        DbWriter writer(m_path);
        CrawlerVerifier::Options options;
        options.dnsServer = dns.address();
        CrawlerVerifier verifier(writer, nullptr, m_clock, options);
        verifier.claim(QHostAddress(QStringLiteral("192.0.2.10")), QStringLiteral("google"));
        verifier.claim(QHostAddress(QStringLiteral("192.0.2.40")), QStringLiteral("google"));
        QVERIFY(verifier.waitIdle(30'000));
        QCOMPARE(verifier.counts().verified, 1);
        QCOMPARE(verifier.counts().spoofed, 1);
    }
    // The next run, with a server that never answers: the two addresses are known and not asked about; a third is.
    QUdpSocket silent;
    QVERIFY(silent.bind(QHostAddress::LocalHost, 0));
    DbWriter writer(m_path);
    CrawlerVerifier::Options options;
    options.dnsServer = QStringLiteral("127.0.0.1:%1").arg(silent.localPort());
    CrawlerVerifier verifier(writer, nullptr, m_clock, options);
    claimFromThreads(verifier,
        { { QStringLiteral("192.0.2.10"), QStringLiteral("google"), {}, {} },
            { QStringLiteral("192.0.2.40"), QStringLiteral("google"), {}, {} } },
        2, 5);
    QVERIFY(verifier.waitIdle(0));
    verifier.claim(QHostAddress(QStringLiteral("192.0.2.50")), QStringLiteral("google"));
    QVERIFY(!verifier.waitIdle(200));
    // Past the verdicts' lifetime (DNS TTLs are at most a week here), they are asked about again.
    m_clock.advanceSecs(8 * 86400);
    verifier.claim(QHostAddress(QStringLiteral("192.0.2.10")), QStringLiteral("google"));
    QVERIFY(!verifier.waitIdle(0));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCrawlerVerifier)
#include "tst_crawlerverifier.moc"
