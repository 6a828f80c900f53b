// Humans and bots from the command line: a generated log whose truth the test knows by construction (each line is
// written from a table saying who sends it), imported with `import`, read back with `report --agents`; and the
// agents file in the data folder replacing the shipped one.
#include "tests/support/runprogram.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

const char kChrome[] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
                       "Safari/537.36";
const char kFirefox[] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const char kGooglebot[] = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

// Who sends a group of lines, and what the test says they are.
struct Sender {
    QByteArray agent;
    QString cls; // "human" or a bot class
    QString name; // the agent's name ("" for humans and unnamed probers)
    QString verification;
    QByteArray addrPrefix; // the group's addresses: prefix + 1..addrs
    int addrs;
    int perAddr; // requests per address
    QList<QByteArray> paths;
    int status;
};

struct Truth {
    qint64 requests = 0, bytes = 0;
    QSet<QByteArray> visitors; // address + agent
};

struct Line {
    QByteArray text;
    const Sender* sender;
    QByteArray path;
    int status;
    qint64 bytes;
    QByteArray visitor;
};

QList<QStringList> readCsv(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        // The names written here have no quote or comma: a plain split reads them.
        QStringList cells;
        for (const QByteArray& c : line.split(','))
            cells << QString::fromUtf8(c).remove(QLatin1Char('\r'));
        rows << cells;
    }
    return rows;
}

QHash<QString, qint64> summary(const QString& dir)
{
    QHash<QString, qint64> out;
    for (const QStringList& row : readCsv(dir + QStringLiteral("/summary.csv")).mid(1))
        out.insert(row.value(0), row.value(1).toLongLong());
    return out;
}

} // namespace

class TestAgentsReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void agentsCsvCountsEachAgent();
    void summaryAndScopesAgree();
    void humansOnlyFiles();
    void dataFolderFileReplacesTheShippedOne();
    void brokenDataFolderFileIsRefused();
    void settingIsValidated();
    void seriesOfPeopleAndBots();

private:
    QString report(const QString& dataDir, const QString& agents);
    QTemporaryDir m_tmp;
    QString m_log;
    QString m_data;
    QList<Sender> m_senders;
    QList<Line> m_lines;
};

void TestAgentsReport::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_senders = {
        { kChrome, "human", "", "", "10.0.1.", 20, 4, { "/", "/docs/start.html", "/missing" }, 200 },
        { kFirefox, "human", "", "", "10.0.2.", 10, 3, { "/", "/blog/a.html" }, 200 },
        // A browser asking for a probe path is still a person (the probe rule is for non-browsers).
        { kChrome, "human", "", "", "10.0.3.", 2, 1, { "/wp-login.php" }, 404 },
        { kGooglebot, "search-crawler", "Googlebot", "unverified", "66.249.66.", 4, 5, { "/", "/docs/start.html" },
            200 },
        // Claims to be Googlebot from elsewhere: counted as Googlebot, unverified, with the checks off.
        { kGooglebot, "search-crawler", "Googlebot", "unverified", "203.0.113.", 1, 5, { "/" }, 200 },
        { "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
            "ai-crawler", "GPTBot", "unverified", "20.171.207.", 3, 5, { "/docs/start.html", "/blog/a.html" }, 200 },
        { "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)",
            "ai-crawler", "ClaudeBot", "", "34.162.0.", 2, 5, { "/blog/a.html" }, 200 },
        { "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "seo", "AhrefsBot", "", "5.39.1.", 2, 4,
            { "/" }, 200 },
        { "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)", "monitor", "UptimeRobot", "",
            "69.162.124.", 1, 12, { "/" }, 200 },
        { "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers)", "feed", "Feedly", "", "52.4.0.", 1, 6,
            { "/feed.xml" }, 200 },
        { "curl/8.5.0", "library", "curl", "", "192.0.2.", 3, 2, { "/download/app-1.4.2.tar.gz" }, 200 },
        // Non-browsers probing for weaknesses are scanners, named by what they are made with.
        { "curl/7.68.0", "scanner", "curl", "", "198.51.100.", 2, 2, { "/.env", "/.git/config" }, 404 },
        { "python-requests/2.31.0", "scanner", "python-requests", "", "198.51.101.", 2, 2, { "/wp-login.php" }, 404 },
        { "Go-http-client/1.1", "library", "Go-http-client", "", "192.0.3.", 1, 3, { "/api/v1/x" }, 200 },
        { "sqlmap/1.7.2#stable (https://sqlmap.org)", "scanner", "sqlmap", "", "198.51.102.", 1, 3, { "/search.php" },
            200 },
        { "Mozilla/5.0 (compatible; WeirdCrawler/0.1)", "other-bot", "unnamed bot", "", "100.64.0.", 1, 4, { "/" },
            200 },
        { "-", "other-bot", "no user agent", "", "100.64.1.", 2, 2, { "/" }, 400 },
    };
    // Lines interleaved over one day, 17 s apart, bytes varying per line.
    const qint64 start = QDateTime(QDate(2026, 11, 25), QTime(8, 0), Qt::UTC).toSecsSinceEpoch();
    QList<std::pair<const Sender*, QByteArray>> who; // (sender, address) per request
    for (const Sender& s : std::as_const(m_senders))
        for (int a = 1; a <= s.addrs; ++a)
            for (int k = 0; k < s.perAddr; ++k)
                who.append({ &s, s.addrPrefix + QByteArray::number(a) });
    QByteArray log;
    for (qsizetype i = 0; i < who.size(); ++i) {
        // A fixed shuffle: every 7th of the list in turn (7 is prime to the size unless it divides it).
        const qsizetype j = (i * 7) % who.size();
        const auto& [sender, addr] = who[(who.size() % 7 == 0) ? i : j];
        Line line;
        line.sender = sender;
        line.path = sender->paths[i % sender->paths.size()];
        line.status = line.path == "/missing" ? 404 : sender->status;
        line.bytes = 100 + i % 37;
        line.visitor = addr + '|' + sender->agent;
        const QDateTime t = QDateTime::fromSecsSinceEpoch(start + i * 17, Qt::UTC);
        line.text = addr + " - - [" + QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1()
            + " +0000] \"GET " + line.path + " HTTP/1.1\" " + QByteArray::number(line.status) + ' '
            + QByteArray::number(line.bytes) + " \"-\" \"" + sender->agent + "\"";
        log += line.text + '\n';
        m_lines.append(line);
    }
    m_log = m_tmp.filePath(QStringLiteral("access.log"));
    QFile f(m_log);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(log);
    f.close();
    m_data = m_tmp.filePath(QStringLiteral("data"));
    // Crawler checks are off here (every claim stays unverified): tst_crawlerverification tests them.
    const ProgramResult off = runProgram(
        { QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("agents.verify"), QStringLiteral("off") },
        m_data);
    QVERIFY2(off.code == 0, qPrintable(off.all()));
    const ProgramResult imported = runProgram({ QStringLiteral("import"), m_log }, m_data);
    QVERIFY2(imported.code == 0, qPrintable(imported.all()));
}

QString TestAgentsReport::report(const QString& dataDir, const QString& agents)
{
    const QString out = m_tmp.filePath(QStringLiteral("report-") + QFileInfo(dataDir).fileName() + '-' + agents);
    const ProgramResult r
        = runProgram({ QStringLiteral("report"), QStringLiteral("--out"), out, QStringLiteral("--from"),
                         QStringLiteral("2026-11-25"), QStringLiteral("--to"), QStringLiteral("2026-11-25"),
                         QStringLiteral("--agents"), agents },
            dataDir);
    if (r.code != 0)
        qWarning().noquote() << r.all();
    return r.code == 0 ? out : QString();
}

void TestAgentsReport::agentsCsvCountsEachAgent()
{
    QHash<QString, Truth> truth; // "class,agent,verification"
    for (const Line& l : std::as_const(m_lines)) {
        Truth& t = truth[l.sender->cls + ',' + l.sender->name + ',' + l.sender->verification];
        ++t.requests;
        t.bytes += l.bytes;
        t.visitors.insert(l.visitor);
    }
    const QString out = report(m_data, QStringLiteral("all"));
    QVERIFY(!out.isEmpty());
    const QList<QStringList> rows = readCsv(out + QStringLiteral("/agents.csv"));
    QCOMPARE(rows.value(0).join(','), QStringLiteral("class,agent,verification,requests,bytes,visitors"));
    QCOMPARE(rows.value(1).value(0), QStringLiteral("human")); // people first, one row
    QHash<QString, QString> got;
    for (const QStringList& row : rows.mid(1))
        got.insert(row.mid(0, 3).join(','), row.mid(3).join(','));
    QHash<QString, QString> want;
    for (auto it = truth.cbegin(); it != truth.cend(); ++it)
        want.insert(it.key(),
            QStringLiteral("%1,%2,%3").arg(it.value().requests).arg(it.value().bytes).arg(it.value().visitors.size()));
    QCOMPARE(got, want);
}

void TestAgentsReport::summaryAndScopesAgree()
{
    qint64 humans = 0, humanBytes = 0, bots = 0, botBytes = 0, all = 0, allBytes = 0;
    QSet<QByteArray> humanVisitors, botVisitors, allVisitors;
    for (const Line& l : std::as_const(m_lines)) {
        const bool human = l.sender->cls == QLatin1String("human");
        (human ? humans : bots) += 1;
        (human ? humanBytes : botBytes) += l.bytes;
        (human ? humanVisitors : botVisitors).insert(l.visitor);
        ++all;
        allBytes += l.bytes;
        allVisitors.insert(l.visitor);
    }
    const QHash<QString, qint64> s = summary(report(m_data, QStringLiteral("all")));
    // Under all, the existing figures keep their meaning: everyone's.
    QCOMPARE(s.value(QStringLiteral("requests")), all);
    QCOMPARE(s.value(QStringLiteral("bytes")), allBytes);
    QCOMPARE(s.value(QStringLiteral("visitors")), qint64(allVisitors.size()));
    QCOMPARE(s.value(QStringLiteral("human_requests")), humans);
    QCOMPARE(s.value(QStringLiteral("human_visitors")), qint64(humanVisitors.size()));
    QCOMPARE(s.value(QStringLiteral("bot_requests")), bots);
    QCOMPARE(s.value(QStringLiteral("bot_bytes")), botBytes);

    const QHash<QString, qint64> h = summary(report(m_data, QStringLiteral("humans")));
    QCOMPARE(h.value(QStringLiteral("requests")), humans);
    QCOMPARE(h.value(QStringLiteral("visitors")), qint64(humanVisitors.size()));
    QCOMPARE(h.value(QStringLiteral("bytes")), humanBytes);
    const QHash<QString, qint64> b = summary(report(m_data, QStringLiteral("bots")));
    QCOMPARE(b.value(QStringLiteral("requests")), bots);
    QCOMPARE(b.value(QStringLiteral("visitors")), qint64(botVisitors.size()));
    QCOMPARE(b.value(QStringLiteral("bytes")), botBytes);

    const ProgramResult bad
        = runProgram({ QStringLiteral("report"), QStringLiteral("--out"), m_tmp.filePath(QStringLiteral("bad")),
                         QStringLiteral("--agents"), QStringLiteral("robots") },
            m_data);
    QCOMPARE(bad.code, 2);
    QVERIFY2(
        bad.err.contains(QLatin1String("--agents")) && bad.err.contains(QLatin1String("robots")), qPrintable(bad.err));
}

void TestAgentsReport::humansOnlyFiles()
{
    for (const QString& scope : { QStringLiteral("humans"), QStringLiteral("bots") }) {
        const bool humans = scope == QLatin1String("humans");
        QHash<QString, qint64> status, paths;
        qint64 total = 0;
        for (const Line& l : std::as_const(m_lines)) {
            if ((l.sender->cls == QLatin1String("human")) != humans)
                continue;
            ++status[QString::number(l.status)];
            ++paths[QString::fromLatin1(l.path)];
            ++total;
        }
        const QString out = report(m_data, scope);
        QVERIFY(!out.isEmpty());
        QHash<QString, qint64> gotStatus, gotPaths;
        for (const QStringList& row : readCsv(out + QStringLiteral("/status.csv")).mid(1))
            gotStatus.insert(row.value(0), row.value(1).toLongLong());
        QCOMPARE(gotStatus, status);
        for (const QStringList& row : readCsv(out + QStringLiteral("/paths.csv")).mid(1))
            gotPaths.insert(row.value(0), row.value(1).toLongLong());
        QCOMPARE(gotPaths, paths);
        qint64 countries = 0, buckets = 0;
        for (const QStringList& row : readCsv(out + QStringLiteral("/countries.csv")).mid(1))
            countries += row.value(2).toLongLong();
        for (const QStringList& row : readCsv(out + QStringLiteral("/requests.csv")).mid(1))
            buckets += row.value(1).toLongLong();
        QCOMPARE(countries, total);
        QCOMPARE(buckets, total);
        // agents.csv keeps its scope's rows only.
        for (const QStringList& row : readCsv(out + QStringLiteral("/agents.csv")).mid(1))
            QCOMPARE(row.value(0) == QLatin1String("human"), humans);
    }
}

void TestAgentsReport::dataFolderFileReplacesTheShippedOne()
{
    const QString data = m_tmp.filePath(QStringLiteral("custom"));
    QVERIFY(QDir().mkpath(data));
    QFile rules(data + QStringLiteral("/agents.json"));
    QVERIFY(rules.open(QIODevice::WriteOnly));
    rules.write(R"({"agents": [{"name": "Curl the Custom", "class": "monitor", "pattern": "^curl/8"}]})");
    rules.close();
    const ProgramResult imported = runProgram({ QStringLiteral("import"), m_log }, data);
    QVERIFY2(imported.code == 0, qPrintable(imported.all()));
    qint64 custom = 0, others = 0;
    for (const Line& l : std::as_const(m_lines))
        (l.sender->agent.startsWith("curl/8") ? custom : others) += 1;
    QHash<QString, qint64> got;
    for (const QStringList& row : readCsv(report(data, QStringLiteral("all")) + QStringLiteral("/agents.csv")).mid(1))
        got.insert(row.value(0) + '/' + row.value(1), row.value(3).toLongLong());
    // Only the file's agent is named; everything the shipped file knew is a person's now (the file has no probe
    // paths, so no scanner either).
    QCOMPARE(got.value(QStringLiteral("monitor/Curl the Custom")), custom);
    QCOMPARE(got.value(QStringLiteral("human/")), others);
    QCOMPARE(got.size(), 2);
}

void TestAgentsReport::brokenDataFolderFileIsRefused()
{
    const QString data = m_tmp.filePath(QStringLiteral("broken"));
    QVERIFY(QDir().mkpath(data));
    QFile rules(data + QStringLiteral("/agents.json"));
    QVERIFY(rules.open(QIODevice::WriteOnly));
    rules.write(R"({"agents": [{"name": "Bad", "class": "robot", "pattern": "x"}]})");
    rules.close();
    const ProgramResult imported = runProgram({ QStringLiteral("import"), m_log }, data);
    QVERIFY(imported.code != 0);
    QVERIFY2(imported.err.contains(QLatin1String("agents.json")) && imported.err.contains(QLatin1String("robot")),
        qPrintable(imported.err));
    // Reading a log source once (`collect --once`) stops on it too, before storing anything.
    ProgramResult r = runProgram({ QStringLiteral("sources"), QStringLiteral("add"), QStringLiteral("logfile"),
                                     QStringLiteral("--path"), m_log },
        data);
    QVERIFY2(r.code == 0, qPrintable(r.all()));
    r = runProgram({ QStringLiteral("collect"), QStringLiteral("--once") }, data);
    QVERIFY(r.code != 0);
    QVERIFY2(
        r.err.contains(QLatin1String("agents.json")) && r.err.contains(QLatin1String("robot")), qPrintable(r.all()));
    r = runProgram({ QStringLiteral("stats") }, data);
    QVERIFY2(r.out.contains(QLatin1String("requests counted: 0 ")), qPrintable(r.all()));
}

// traffic.agents keeps the window's switch: all by default, humans or bots, nothing else.
void TestAgentsReport::settingIsValidated()
{
    const QString data = m_tmp.filePath(QStringLiteral("settings"));
    ProgramResult r = runProgram({ QStringLiteral("settings") }, data);
    QVERIFY2(r.out.contains(QLatin1String("traffic.agents = all (default)")), qPrintable(r.all()));
    r = runProgram({ QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("traffic.agents"),
                       QStringLiteral("robots") },
        data);
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains(QLatin1String("traffic.agents")) && r.err.contains(QLatin1String("robots")),
        qPrintable(r.all()));
    r = runProgram({ QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("traffic.agents"),
                       QStringLiteral("Humans") },
        data);
    QCOMPARE(r.code, 0);
    r = runProgram({ QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("traffic.agents") }, data);
    QCOMPARE(r.out, QStringLiteral("humans\n"));
}

// traffic.requests{agents="humans"} and {agents="bots"}: what alert rules and pages read.
void TestAgentsReport::seriesOfPeopleAndBots()
{
    qint64 humans = 0, bots = 0, botBytes = 0;
    for (const Line& l : std::as_const(m_lines)) {
        const bool human = l.sender->cls == QLatin1String("human");
        (human ? humans : bots) += 1;
        botBytes += human ? 0 : l.bytes;
    }
    const auto sum = [this](const QString& id) {
        const ProgramResult r
            = runProgram({ QStringLiteral("series"), QStringLiteral("get"), id, QStringLiteral("--from"),
                             QStringLiteral("2026-11-25"), QStringLiteral("--to"), QStringLiteral("2026-11-25"),
                             QStringLiteral("--step"), QStringLiteral("1h") },
                m_data);
        if (r.code != 0)
            return qint64(-1);
        qint64 total = 0;
        for (const QString& line : r.out.split(QLatin1Char('\n')))
            if (!line.startsWith(QLatin1Char('#')) && line.contains(QLatin1Char('\t')))
                total += line.section(QLatin1Char('\t'), 1).toLongLong();
        return total;
    };
    QCOMPARE(sum(QStringLiteral("traffic.requests{agents=\"humans\"}")), humans);
    QCOMPARE(sum(QStringLiteral("traffic.requests{agents=\"bots\"}")), bots);
    QCOMPARE(sum(QStringLiteral("traffic.bytes{agents=\"bots\"}")), botBytes);
    QCOMPARE(sum(QStringLiteral("traffic.requests")), humans + bots);
    const ProgramResult bad = runProgram(
        { QStringLiteral("series"), QStringLiteral("get"), QStringLiteral("traffic.requests{agents=\"robots\"}") },
        m_data);
    QVERIFY(bad.code != 0);
    QVERIFY2(bad.err.contains(QLatin1String("humans")), qPrintable(bad.all()));
}

QTEST_GUILESS_MAIN(TestAgentsReport)
#include "tst_agentsreport.moc"
