// Crawler verification end to end, without the internet: a generated log of true and fake crawlers imported with
// `import`, checked by the shipped published ranges and by reverse DNS with forward confirmation against a real DNS
// server (dnsmasq on loopback, pointed at by agents.dns_server), then read back from agents.csv. On SQLite and on a
// real PostgreSQL 15. The truth is the test's own table of who sends each line.
#include "core/storage/database.h"
#include "tests/support/dnsserver.h"
#include "tests/support/postgresserver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace activity;

namespace {

const QByteArray kGooglebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const QByteArray kGptBot
    = "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)";
const QByteArray kApplebot = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like "
                             "Gecko) Version/17.4 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)";
const QByteArray kChrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                           "Safari/537.36";

// What the DNS server knows: a true Googlebot (its name in googlebot.com points back to it); one whose name is not
// Google's; one whose Google name points elsewhere; and no name at all for 203.0.113.5 (the zone is local: "no such
// name").
const QStringList kRecords = {
    QStringLiteral("ptr-record=10.2.0.192.in-addr.arpa,crawl-192-0-2-10.googlebot.com"),
    QStringLiteral("host-record=crawl-192-0-2-10.googlebot.com,192.0.2.10"),
    QStringLiteral("ptr-record=7.100.51.198.in-addr.arpa,crawl-198-51-100-7.googlebot.com.attacker.example"),
    QStringLiteral("ptr-record=8.100.51.198.in-addr.arpa,crawl-66-249-66-250.googlebot.com"),
    QStringLiteral("host-record=crawl-66-249-66-250.googlebot.com,66.249.66.250"),
};
const QStringList kZones = { QStringLiteral("arpa"), QStringLiteral("googlebot.com"), QStringLiteral("example") };

struct Sender {
    QByteArray agent;
    QString row; // agents.csv's "class,agent,verification" for its requests
    QList<QByteArray> addresses;
    int perAddr;
    QString later = {}; // its row once checked, when it is unverified at first
};

struct Truth {
    qint64 requests = 0, bytes = 0;
    QSet<QByteArray> visitors;
};

QList<QStringList> readCsv(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (!line.isEmpty())
            rows << QString::fromUtf8(line).remove(QLatin1Char('\r')).split(QLatin1Char(','));
    return rows;
}

QString run(const QStringList& args, int* status, const QString& store, const QString& dataDir)
{
    QProcess p;
    QStringList all = args;
    if (!store.isEmpty())
        all << QStringLiteral("--store") << store;
    all << QStringLiteral("--data-dir") << dataDir;
    p.start(QStringLiteral(ACTIVITY_BIN), all);
    p.waitForFinished(120'000);
    *status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

} // namespace

class TestCrawlerVerification : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void verifiedAndSpoofed_data();
    void verifiedAndSpoofed();
    void unreachableDnsLeavesUnverifiedUntilChecked_data();
    void unreachableDnsLeavesUnverifiedUntilChecked();

private:
    // A store for this engine: '' (the data folder's SQLite file) or a PostgreSQL URL.
    QString newStore(const QString& engine);
    void writeLog(const QString& path, const QList<Sender>& senders, qint64 start, QHash<QString, Truth>* truth,
        QHash<QString, Truth>* later = nullptr);
    QHash<QString, QString> agentsCsv(const QString& store, const QString& data, const QString& day);
    QHash<QString, QString> expected(const QHash<QString, Truth>& truth);

    QTemporaryDir m_tmp;
    std::unique_ptr<DnsServer> m_dns;
    std::unique_ptr<PostgresServer> m_pg;
    int m_stores = 0;
};

void TestCrawlerVerification::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_dns = std::make_unique<DnsServer>(kRecords, kZones);
    QVERIFY2(m_dns->ok(), qPrintable(m_dns->error()));
    m_pg = std::make_unique<PostgresServer>();
    QVERIFY2(m_pg->ok(), qPrintable(m_pg->error()));
}

QString TestCrawlerVerification::newStore(const QString& engine)
{
    if (engine == QLatin1String("sqlite"))
        return {};
    const QString name = QStringLiteral("crawlers%1").arg(++m_stores);
    Database admin(m_pg->url());
    admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name).toUtf8().constData());
    const QString url = m_pg->url(name);
    int status = -1;
    const QString said = run({ QStringLiteral("store"), QStringLiteral("init"), url }, &status, {},
        m_tmp.filePath(QStringLiteral("init-") + name));
    return status == 0 ? url : QStringLiteral("failed: ") + said;
}

// Lines interleaved, 13 s apart from `start`, bytes varying per line; the truth per agents.csv row.
void TestCrawlerVerification::writeLog(const QString& path, const QList<Sender>& senders, qint64 start,
    QHash<QString, Truth>* truth, QHash<QString, Truth>* later)
{
    QList<std::pair<const Sender*, QByteArray>> who;
    for (const Sender& s : senders)
        for (const QByteArray& addr : s.addresses)
            for (int k = 0; k < s.perAddr; ++k)
                who.append({ &s, addr });
    QByteArray log;
    for (qsizetype i = 0; i < who.size(); ++i) {
        // A fixed shuffle: every 11th of the list in turn (11 is prime to the size unless it divides it).
        const auto& [sender, addr] = who[who.size() % 11 == 0 ? i : (i * 11) % who.size()];
        const qint64 bytes = 200 + i % 41;
        const QDateTime t = QDateTime::fromSecsSinceEpoch(start + i * 13, Qt::UTC);
        log += addr + " - - [" + QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1()
            + " +0000] \"GET /docs/" + QByteArray::number(i % 5) + ".html HTTP/1.1\" 200 " + QByteArray::number(bytes)
            + " \"-\" \"" + sender->agent + "\"\n";
        // A visitor is an address and agent per day.
        const QByteArray visitor = addr + '|' + sender->agent + '|' + QByteArray::number(t.date().toJulianDay());
        for (Truth* tr : { &(*truth)[sender->row],
                 later ? &(*later)[sender->later.isEmpty() ? sender->row : sender->later] : nullptr }) {
            if (!tr)
                continue;
            ++tr->requests;
            tr->bytes += bytes;
            tr->visitors.insert(visitor);
        }
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(log);
}

QHash<QString, QString> TestCrawlerVerification::agentsCsv(
    const QString& store, const QString& data, const QString& day)
{
    const QString out = m_tmp.filePath(QStringLiteral("report-%1-%2").arg(QFileInfo(data).fileName(), day));
    int status = -1;
    const QString said = run({ QStringLiteral("report"), QStringLiteral("--out"), out, QStringLiteral("--from"),
                                 QStringLiteral("2026-11-25"), QStringLiteral("--to"), day },
        &status, store, data);
    if (status != 0)
        qWarning().noquote() << said;
    const QList<QStringList> rows = readCsv(out + QStringLiteral("/agents.csv"));
    if (rows.value(0).join(QLatin1Char(',')) != QLatin1String("class,agent,verification,requests,bytes,visitors"))
        return {};
    QHash<QString, QString> got;
    for (const QStringList& row : rows.mid(1))
        got.insert(row.mid(0, 3).join(QLatin1Char(',')), row.mid(3).join(QLatin1Char(',')));
    return got;
}

QHash<QString, QString> TestCrawlerVerification::expected(const QHash<QString, Truth>& truth)
{
    QHash<QString, QString> want;
    for (auto it = truth.cbegin(); it != truth.cend(); ++it)
        want.insert(it.key(),
            QStringLiteral("%1,%2,%3").arg(it.value().requests).arg(it.value().bytes).arg(it.value().visitors.size()));
    return want;
}

void TestCrawlerVerification::verifiedAndSpoofed_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

void TestCrawlerVerification::verifiedAndSpoofed()
{
    QFETCH(QString, engine);
    const QString store = newStore(engine);
    QVERIFY2(!store.startsWith(QLatin1String("failed")), qPrintable(store));
    const QString data = m_tmp.filePath(QStringLiteral("data-") + engine);
    const QList<Sender> senders = {
        // In Google's published ranges (googlebot.json): verified without DNS.
        { kGooglebot, QStringLiteral("search-crawler,Googlebot,verified"), { "66.249.66.1", "66.249.66.2" }, 6 },
        // Outside them, but its reverse name is Google's and points back: verified by DNS.
        { kGooglebot, QStringLiteral("search-crawler,Googlebot,verified"), { "192.0.2.10" }, 5 },
        // Fakes: a name that is not Google's, a Google name pointing elsewhere, no name at all.
        { kGooglebot, QStringLiteral("other-bot,spoofed Googlebot,spoofed"),
            { "198.51.100.7", "198.51.100.8", "203.0.113.5" }, 4 },
        // OpenAI publishes ranges only: inside is verified, outside spoofed.
        { kGptBot, QStringLiteral("ai-crawler,GPTBot,verified"), { "20.171.207.3" }, 3 },
        { kGptBot, QStringLiteral("other-bot,spoofed GPTBot,spoofed"), { "203.0.113.9" }, 3 },
        // Apple's ranges over IPv6.
        { kApplebot, QStringLiteral("search-crawler,Applebot,verified"), { "2a01:b747:3000:200::17" }, 2 },
        // People and a library: nothing to verify.
        { kChrome, QStringLiteral("human,,"), { "10.0.1.1", "10.0.1.2", "10.0.1.3" }, 4 },
        { "curl/8.5.0", QStringLiteral("library,curl,"), { "192.0.2.77" }, 3 },
    };
    QHash<QString, Truth> truth;
    const QString log = m_tmp.filePath(QStringLiteral("access-%1.log").arg(engine));
    writeLog(log, senders, QDateTime(QDate(2026, 11, 25), QTime(6, 0), Qt::UTC).toSecsSinceEpoch(), &truth);
    int status = -1;
    QString said = run(
        { QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("agents.dns_server"), m_dns->address() },
        &status, store, data);
    QVERIFY2(status == 0, qPrintable(said));
    said = run({ QStringLiteral("import"), log }, &status, store, data);
    QVERIFY2(status == 0, qPrintable(said));
    QVERIFY2(!said.contains(QLatin1String("still running")), qPrintable(said));

    const QHash<QString, QString> got = agentsCsv(store, data, QStringLiteral("2026-11-25"));
    QCOMPARE(got, expected(truth));
    // Never counted as the crawler it claims: no Googlebot row holds a fake's request.
    QCOMPARE(
        got.value(QStringLiteral("search-crawler,Googlebot,verified")).section(QLatin1Char(','), 0, 0).toLongLong(),
        qint64(6 * 2 + 5));
    QVERIFY(!got.contains(QStringLiteral("search-crawler,Googlebot,unverified")));
}

void TestCrawlerVerification::unreachableDnsLeavesUnverifiedUntilChecked_data()
{
    verifiedAndSpoofed_data();
}

// A DNS server that does not answer: the claims stay unverified (stored at once, never guessed). Checked later
// (`agents verify`, with the server back), the verdict applies to the lines already stored; the next day's lines
// from the same addresses take the same verdicts, without asking DNS again while they hold.
void TestCrawlerVerification::unreachableDnsLeavesUnverifiedUntilChecked()
{
    QFETCH(QString, engine);
    const QString store = newStore(engine);
    QVERIFY2(!store.startsWith(QLatin1String("failed")), qPrintable(store));
    const QString data = m_tmp.filePath(QStringLiteral("offline-") + engine);
    int status = -1;
    const QString silent = QStringLiteral("127.0.0.1:%1").arg(DnsServer::freeUdpPort());
    QString said
        = run({ QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("agents.dns_server"), silent },
            &status, store, data);
    QVERIFY2(status == 0, qPrintable(said));
    const QList<Sender> first = {
        { kGooglebot, QStringLiteral("search-crawler,Googlebot,unverified"), { "192.0.2.10" }, 5,
            QStringLiteral("search-crawler,Googlebot,verified") },
        { kGooglebot, QStringLiteral("search-crawler,Googlebot,unverified"), { "198.51.100.7" }, 3,
            QStringLiteral("other-bot,spoofed Googlebot,spoofed") },
    };
    QHash<QString, Truth> truth, both; // both: the two days' rows once checked
    const QString log1 = m_tmp.filePath(QStringLiteral("offline-1-%1.log").arg(engine));
    writeLog(log1, first, QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC).toSecsSinceEpoch(), &truth, &both);
    said = run({ QStringLiteral("import"), log1 }, &status, store, data);
    QVERIFY2(status == 0, qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("still running")) == false, qPrintable(said));
    QCOMPARE(agentsCsv(store, data, QStringLiteral("2026-11-25")), expected(truth));

    // The server is back; the same addresses come again the next day.
    said = run(
        { QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("agents.dns_server"), m_dns->address() },
        &status, store, data);
    QVERIFY2(status == 0, qPrintable(said));
    // `agents verify` checks the addresses left unverified: the first day's requests take their verdicts.
    said = run({ QStringLiteral("agents"), QStringLiteral("verify") }, &status, store, data);
    QVERIFY2(status == 0, qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("checked 2 addresses: 1 verified, 1 spoofed")), qPrintable(said));
    QCOMPARE(agentsCsv(store, data, QStringLiteral("2026-11-25")), expected(both)); // so far the first day's only
    const QList<Sender> second = {
        { kGooglebot, QStringLiteral("search-crawler,Googlebot,verified"), { "192.0.2.10" }, 2 },
        { kGooglebot, QStringLiteral("other-bot,spoofed Googlebot,spoofed"), { "198.51.100.7" }, 2 },
    };
    QHash<QString, Truth> secondDay;
    const QString log2 = m_tmp.filePath(QStringLiteral("offline-2-%1.log").arg(engine));
    writeLog(log2, second, QDateTime(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC).toSecsSinceEpoch(), &secondDay, &both);
    // The verdicts stored hold until their TTL: the next import asks no DNS question for these addresses (with a
    // silent server and a wait of one second, a question would leave a check "still running").
    for (const auto& [key, value] : { std::pair { QStringLiteral("agents.dns_server"), silent },
             std::pair { QStringLiteral("agents.verify_wait"), QStringLiteral("1") } }) {
        said = run({ QStringLiteral("settings"), QStringLiteral("set"), key, value }, &status, store, data);
        QVERIFY2(status == 0, qPrintable(said));
    }
    said = run({ QStringLiteral("import"), log2 }, &status, store, data);
    QVERIFY2(status == 0, qPrintable(said));
    QVERIFY2(!said.contains(QLatin1String("still running")), qPrintable(said));
    // Both days carry the verdicts of their addresses.
    QCOMPARE(agentsCsv(store, data, QStringLiteral("2026-11-26")), expected(both));
}

QTEST_GUILESS_MAIN(TestCrawlerVerification)
#include "tst_crawlerverification.moc"
