// How crawlers are checked (core/ingest/crawlerchecks.h, core/net/dnsresolver.h): the shipped published ranges
// over IPv4 and IPv6, a data-folder file replacing a shipped one, broken files refused with their name, reverse
// names that must lie in the owner's domain, and DNS answers read safely (hostile packets fail, never crash).
#include "core/ingest/agentclassifier.h"
#include "core/ingest/crawlerchecks.h"
#include "core/net/dnsresolver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
bool writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// A DNS answer to a PTR question for 10.2.0.192.in-addr.arpa with one PTR record (its name compressed against the
// question's where `compress`).
QByteArray ptrAnswer(quint32 ttl, int rcode = 0)
{
    QByteArray p = QByteArray::fromHex("1234") + char(0x81) + char(0x80 | rcode)
        + QByteArray::fromHex("000100010000000"
                              "0");
    const QByteArray qname = QByteArray::fromHex("0231300132013003313932") + "\x07in-addr"
        + "\x04"
          "arpa"
        + '\0';
    p += qname + QByteArray::fromHex("000c0001");
    p += QByteArray::fromHex("c00c000c0001");
    p += char(ttl >> 24) + QByteArray(1, char(ttl >> 16)) + char(ttl >> 8) + char(ttl);
    const QByteArray rdata = QByteArray("\x05"
                                        "crawl")
        + "\x09googlebot"
        + "\x03"
          "com"
        + '\0';
    p += char(0) + QByteArray(1, char(rdata.size())) + rdata;
    return p;
}
} // namespace

class TestCrawlerChecks : public QObject {
    Q_OBJECT

private slots:
    void shippedRangesHoldTheOwnersCrawlers();
    void everyVerifyKeyHasAnOwner();
    void dataFolderRangesReplaceTheShippedOnes();
    void brokenFilesAreRefusedByName();
    void reverseNamesMustBeInTheOwnersDomain();
    void addressesAndReverseNames();
    void dnsAnswersAreReadSafely();
};

void TestCrawlerChecks::shippedRangesHoldTheOwnersCrawlers()
{
    QString error;
    const auto checks = CrawlerChecks::load(QString(), &error);
    QVERIFY2(checks, qPrintable(error));
    const CrawlerChecks::Owner* google = checks->owner(QStringLiteral("google"));
    QVERIFY(google);
    QVERIFY(google->dnsDomains.contains(QStringLiteral("googlebot.com")));
    QVERIFY(CrawlerChecks::inRanges(*google, QHostAddress(QStringLiteral("66.249.66.1"))));
    QVERIFY(CrawlerChecks::inRanges(*google, QHostAddress(QStringLiteral("2001:4860:4801:10::1"))));
    QVERIFY(!CrawlerChecks::inRanges(*google, QHostAddress(QStringLiteral("203.0.113.5"))));
    const CrawlerChecks::Owner* openai = checks->owner(QStringLiteral("openai"));
    QVERIFY(openai);
    QVERIFY(openai->dnsDomains.isEmpty()); // checked by its ranges alone
    QVERIFY(CrawlerChecks::inRanges(*openai, QHostAddress(QStringLiteral("20.171.207.3"))));
    QVERIFY(!CrawlerChecks::inRanges(*openai, QHostAddress(QStringLiteral("66.249.66.1"))));
    const CrawlerChecks::Owner* bing = checks->owner(QStringLiteral("bing"));
    QVERIFY(bing && CrawlerChecks::inRanges(*bing, QHostAddress(QStringLiteral("157.55.39.20"))));
    QCOMPARE(bing->dnsDomains, QStringList { QStringLiteral("search.msn.com") });
}

// Each agent of the shipped agents file that says "verify" names an owner the checks know.
void TestCrawlerChecks::everyVerifyKeyHasAnOwner()
{
    const auto checks = CrawlerChecks::shipped();
    const auto rules = AgentRules::shipped();
    int verifiable = 0;
    for (int i = 0; i < rules->agentCount(); ++i) {
        const AgentMatch m = rules->match(i, true, "/");
        if (m.vendor.empty())
            continue;
        ++verifiable;
        const QString owner = QString::fromUtf8(m.vendor.data(), qsizetype(m.vendor.size()));
        QVERIFY2(checks->owner(owner), qPrintable(owner));
    }
    QVERIFY(verifiable >= 10);
}

void TestCrawlerChecks::dataFolderRangesReplaceTheShippedOnes()
{
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.filePath(QStringLiteral("googlebot.json")),
        R"({"creationTime": "2026-12-01T00:00:00", "prefixes": [{"ipv4Prefix": "192.0.2.0/24"}]})"));
    QString error;
    const auto checks = CrawlerChecks::load(dir.path(), &error);
    QVERIFY2(checks, qPrintable(error));
    const CrawlerChecks::Owner* google = checks->owner(QStringLiteral("google"));
    QVERIFY(CrawlerChecks::inRanges(*google, QHostAddress(QStringLiteral("192.0.2.44"))));
    QVERIFY(!CrawlerChecks::inRanges(*google, QHostAddress(QStringLiteral("66.249.66.1")))); // replaced
    // Google's other shipped files still count.
    QVERIFY(CrawlerChecks::inRanges(*google, QHostAddress(QStringLiteral("66.249.87.1"))));
}

void TestCrawlerChecks::brokenFilesAreRefusedByName()
{
    QTemporaryDir dir;
    QVERIFY(
        writeFile(dir.filePath(QStringLiteral("bingbot.json")), R"({"prefixes": [{"ipv4Prefix": "157.55.39/24x"}]})"));
    QString error;
    QVERIFY(!CrawlerChecks::load(dir.path(), &error));
    QVERIFY2(
        error.contains(dir.filePath(QStringLiteral("bingbot.json"))) && error.contains(QLatin1String("157.55.39/24x")),
        qPrintable(error));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("bingbot.json")), "{not json"));
    QVERIFY(!CrawlerChecks::load(dir.path(), &error));
    QVERIFY2(error.contains(QLatin1String("bingbot.json")), qPrintable(error));
    QVERIFY(QFile::remove(dir.filePath(QStringLiteral("bingbot.json"))));
    QVERIFY(writeFile(
        dir.filePath(QStringLiteral("verifiers.json")), R"({"verifiers": {"x": {"ranges": ["../etc/passwd"]}}})"));
    QVERIFY(!CrawlerChecks::load(dir.path(), &error));
    QVERIFY2(error.contains(QLatin1String("../etc/passwd")), qPrintable(error));
}

void TestCrawlerChecks::reverseNamesMustBeInTheOwnersDomain()
{
    const QStringList google = { QStringLiteral("googlebot.com"), QStringLiteral("google.com") };
    QVERIFY(CrawlerChecks::inDomains(QStringLiteral("crawl-66-249-66-1.googlebot.com"), google));
    QVERIFY(CrawlerChecks::inDomains(QStringLiteral("rate-limited-proxy-66-249-90-77.google.com."), google));
    QVERIFY(CrawlerChecks::inDomains(QStringLiteral("CRAWL-1.GOOGLEBOT.COM"), google));
    QVERIFY(!CrawlerChecks::inDomains(QStringLiteral("crawl-1.googlebot.com.attacker.example"), google));
    QVERIFY(!CrawlerChecks::inDomains(QStringLiteral("evilgooglebot.com"), google));
    QVERIFY(!CrawlerChecks::inDomains(QStringLiteral("notgoogle.com"), google));
    QVERIFY(!CrawlerChecks::inDomains(QString(), google));
}

void TestCrawlerChecks::addressesAndReverseNames()
{
    const unsigned char v4[4] = { 192, 0, 2, 10 };
    QCOMPARE(crawlerAddressText(v4, 4), QStringLiteral("192.0.2.10"));
    const unsigned char mapped[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 66, 249, 66, 1 };
    QCOMPARE(crawlerAddressText(mapped, 16), QStringLiteral("66.249.66.1"));
    QCOMPARE(DnsResolver::reverseName(QHostAddress(QStringLiteral("192.0.2.10"))),
        QStringLiteral("10.2.0.192.in-addr.arpa"));
    QCOMPARE(DnsResolver::reverseName(QHostAddress(QStringLiteral("2001:db8::567:89ab"))),
        QStringLiteral("b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"));
}

void TestCrawlerChecks::dnsAnswersAreReadSafely()
{
    const DnsResolver::Answer ok = DnsResolver::parse(ptrAnswer(3600), 12);
    QCOMPARE(ok.outcome, DnsResolver::Answer::Found);
    QCOMPARE(ok.names, QStringList { QStringLiteral("crawl.googlebot.com") });
    QCOMPARE(ok.ttlSecs, qint64(3600));
    QCOMPARE(DnsResolver::parse(ptrAnswer(60, 3), 12).outcome, DnsResolver::Answer::NoSuchName);
    // A server failure is no verdict: the check is tried again later.
    const DnsResolver::Answer failed = DnsResolver::parse(ptrAnswer(60, 2), 12);
    QCOMPARE(failed.outcome, DnsResolver::Answer::Failed);
    QVERIFY(!failed.error.isEmpty());
    // Cut anywhere, or with a name pointing at itself: an error, never a crash or a name.
    const QByteArray whole = ptrAnswer(3600);
    for (int n = 0; n < whole.size(); ++n)
        QCOMPARE_NE(DnsResolver::parse(whole.left(n), 12).names, QStringList { QStringLiteral("crawl.googlebot.com") });
    QByteArray loop = whole;
    loop[loop.indexOf(QByteArray::fromHex("c00c")) + 1] = char(loop.indexOf(QByteArray::fromHex("c00c")));
    QCOMPARE(DnsResolver::parse(loop, 12).outcome, DnsResolver::Answer::Failed);
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCrawlerChecks)
#include "tst_crawlerchecks.moc"
