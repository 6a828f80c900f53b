// Who made a request (core/ingest/agentclassifier.h): the shipped agents file names well-known bots by class, the
// first agent of the file that matches wins, non-browsers probing for weaknesses are scanners, and a file in the
// data folder replaces the shipped one (a broken one is refused with what is wrong).
#include "core/ingest/agentclassifier.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
const char kChrome[] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                       "Chrome/131.0.0.0 Safari/537.36";

QString str(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}
} // namespace

class TestAgentClassifier : public QObject {
    Q_OBJECT

private slots:
    void shippedNamesKnownAgents_data();
    void shippedNamesKnownAgents();
    void probesFromNonBrowsersAreScanners_data();
    void probesFromNonBrowsersAreScanners();
    void rollupKeySaysWhoCanBeVerified();
    void dataFolderFileReplacesShipped();
    void brokenFilesAreRefused_data();
    void brokenFilesAreRefused();
};

void TestAgentClassifier::shippedNamesKnownAgents_data()
{
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QString>("cls");
    QTest::addColumn<QString>("name");
    QTest::newRow("chrome") << QByteArray(kChrome) << "human"
                            << "";
    QTest::newRow("firefox") << QByteArray("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
                             << "human"
                             << "";
    QTest::newRow("googlebot") << QByteArray("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                               << "search-crawler"
                               << "Googlebot";
    QTest::newRow("bingbot") << QByteArray("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")
                             << "search-crawler"
                             << "Bingbot";
    QTest::newRow("gptbot") << QByteArray("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; "
                                          "+https://openai.com/gptbot)")
                            << "ai-crawler"
                            << "GPTBot";
    QTest::newRow("chatgpt-user") << QByteArray("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; "
                                                "ChatGPT-User/1.0; +https://openai.com/bot")
                                  << "ai-crawler"
                                  << "ChatGPT-User";
    QTest::newRow("claudebot") << QByteArray("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; "
                                             "ClaudeBot/1.0; +claudebot@anthropic.com)")
                               << "ai-crawler"
                               << "ClaudeBot";
    QTest::newRow("ccbot") << QByteArray("CCBot/2.0 (https://commoncrawl.org/faq/)") << "ai-crawler"
                           << "CCBot";
    QTest::newRow("meta") << QByteArray(
        "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)")
                          << "ai-crawler"
                          << "meta-externalagent";
    QTest::newRow("ahrefs") << QByteArray("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)") << "seo"
                            << "AhrefsBot";
    QTest::newRow("semrush") << QByteArray(
        "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)")
                             << "seo"
                             << "SemrushBot";
    QTest::newRow("uptimerobot") << QByteArray("Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)")
                                 << "monitor"
                                 << "UptimeRobot";
    QTest::newRow("feedly") << QByteArray("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 5 subscribers)") << "feed"
                            << "Feedly";
    QTest::newRow("curl") << QByteArray("curl/8.5.0") << "library"
                          << "curl";
    QTest::newRow("wget") << QByteArray("Wget/1.21.3") << "library"
                          << "Wget";
    QTest::newRow("python-requests") << QByteArray("python-requests/2.31.0") << "library"
                                     << "python-requests";
    QTest::newRow("go") << QByteArray("Go-http-client/2.0") << "library"
                        << "Go-http-client";
    QTest::newRow("okhttp") << QByteArray("okhttp/4.12.0") << "library"
                            << "okhttp";
    QTest::newRow("sqlmap") << QByteArray("sqlmap/1.7.2#stable (https://sqlmap.org)") << "scanner"
                            << "sqlmap";
    QTest::newRow("nuclei") << QByteArray("Mozilla/5.0 (compatible; Nuclei - Open-source project "
                                          "(github.com/projectdiscovery/nuclei))")
                            << "scanner"
                            << "Nuclei";
    QTest::newRow("unnamed") << QByteArray("Mozilla/5.0 (compatible; ObscureSpider/3.1)") << "other-bot"
                             << "unnamed bot";
    QTest::newRow("no agent") << QByteArray("-") << "other-bot"
                              << "no user agent";
    QTest::newRow("empty") << QByteArray("") << "other-bot"
                           << "no user agent";
}

void TestAgentClassifier::shippedNamesKnownAgents()
{
    QFETCH(QByteArray, agent);
    QFETCH(QString, cls);
    QFETCH(QString, name);
    AgentClassifier classifier(AgentRules::shipped());
    const std::string_view ua(agent.constData(), size_t(agent.size()));
    for (int pass = 0; pass < 2; ++pass) { // the second answer comes from the cache
        const AgentMatch m = classifier.classify(ua, "/index.html");
        QCOMPARE(QString::fromLatin1(agentClassName(m.cls)), cls);
        QCOMPARE(str(m.name), name);
    }
}

void TestAgentClassifier::probesFromNonBrowsersAreScanners_data()
{
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("cls");
    QTest::addColumn<QString>("name");
    QTest::newRow("curl .env") << QByteArray("curl/8.5.0") << QByteArray("/.env") << "scanner"
                               << "curl";
    QTest::newRow("curl page") << QByteArray("curl/8.5.0") << QByteArray("/envelope.html") << "library"
                               << "curl";
    QTest::newRow("python wp-login") << QByteArray("python-requests/2.31.0") << QByteArray("/wp-login.php") << "scanner"
                                     << "python-requests";
    QTest::newRow("unknown tool") << QByteArray("xfetch/0.1") << QByteArray("/.git/config") << "scanner"
                                  << "";
    QTest::newRow("unknown tool, page") << QByteArray("xfetch/0.1") << QByteArray("/") << "human"
                                        << "";
    QTest::newRow("browser") << QByteArray(kChrome) << QByteArray("/wp-login.php") << "human"
                             << "";
    QTest::newRow("googlebot") << QByteArray("Mozilla/5.0 (compatible; Googlebot/2.1)") << QByteArray("/wp-login.php")
                               << "search-crawler"
                               << "Googlebot";
}

void TestAgentClassifier::probesFromNonBrowsersAreScanners()
{
    QFETCH(QByteArray, agent);
    QFETCH(QByteArray, path);
    QFETCH(QString, cls);
    QFETCH(QString, name);
    AgentClassifier classifier(AgentRules::shipped());
    const AgentMatch m = classifier.classify(std::string_view(agent.constData(), size_t(agent.size())),
        std::string_view(path.constData(), size_t(path.size())));
    QCOMPARE(QString::fromLatin1(agentClassName(m.cls)), cls);
    QCOMPARE(str(m.name), name);
}

void TestAgentClassifier::rollupKeySaysWhoCanBeVerified()
{
    AgentClassifier classifier(AgentRules::shipped());
    QCOMPARE(str(classifier.classify("Mozilla/5.0 (compatible; Googlebot/2.1)", "/").rollupKey),
        QStringLiteral("search-crawler/unverified/Googlebot"));
    QCOMPARE(str(classifier.classify("curl/8.5.0", "/").rollupKey), QStringLiteral("library//curl"));
    QCOMPARE(str(classifier.classify("curl/8.5.0", "/.env").rollupKey), QStringLiteral("scanner//curl"));
    QCOMPARE(str(classifier.classify(kChrome, "/").rollupKey), QStringLiteral("human//"));
    QCOMPARE(str(classifier.classify("zz/1", "/.env").rollupKey), QStringLiteral("scanner//probe"));
}

void TestAgentClassifier::dataFolderFileReplacesShipped()
{
    QTemporaryDir dir;
    // Without a file in the data folder: the shipped rules.
    QString error;
    const auto shipped = AgentRules::load(dir.path(), &error);
    QVERIFY2(shipped, qPrintable(error));
    QCOMPARE(shipped->origin(), AgentRules::shipped()->origin());
    QVERIFY(shipped->agentCount() > 50);

    // Specific before generic: the first of the file's agents that matches wins.
    QVERIFY(writeFile(AgentRules::overrideFile(dir.path()), R"({"agents": [
        {"name": "Acme Watch", "class": "monitor", "pattern": "acmewatch"},
        {"name": "any bot", "class": "other-bot", "pattern": "bot|watch"}
    ], "probe_paths": ["^/secret$"]})"));
    const auto custom = AgentRules::load(dir.path(), &error);
    QVERIFY2(custom, qPrintable(error));
    QCOMPARE(custom->origin(), AgentRules::overrideFile(dir.path()));
    AgentClassifier classifier(custom);
    const AgentMatch acme = classifier.classify("AcmeWatch/3 (+https://acme.example)", "/");
    QCOMPARE(acme.cls, AgentClass::Monitor);
    QCOMPARE(str(acme.name), QStringLiteral("Acme Watch"));
    QCOMPARE(classifier.classify("Mozilla/5.0 (compatible; Googlebot/2.1)", "/").cls, AgentClass::OtherBot);
    QCOMPARE(classifier.classify("curl/8.5.0", "/").cls, AgentClass::Human); // the file does not name curl
    QCOMPARE(classifier.classify("curl/8.5.0", "/secret").cls, AgentClass::Scanner);
    QCOMPARE(classifier.classify("curl/8.5.0", "/.env").cls, AgentClass::Human); // nor /.env
}

void TestAgentClassifier::brokenFilesAreRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("named");
    QTest::newRow("not json") << QByteArray("{agents: [") << "agents.json";
    QTest::newRow("no agents") << QByteArray(R"({"agent": []})") << "\"agents\"";
    QTest::newRow("unknown class") << QByteArray(R"({"agents": [{"name": "X", "class": "robot", "pattern": "x"}]})")
                                   << "robot";
    QTest::newRow("human is no agent class")
        << QByteArray(R"({"agents": [{"name": "X", "class": "human", "pattern": "x"}]})") << "human";
    QTest::newRow("bad pattern") << QByteArray(R"({"agents": [{"name": "Broken", "class": "seo", "pattern": "a(b"}]})")
                                 << "Broken";
    QTest::newRow("no name") << QByteArray(R"({"agents": [{"class": "seo", "pattern": "x"}]})") << "agent 1";
    QTest::newRow("bad probe") << QByteArray(R"({"agents": [{"name": "X", "class": "seo", "pattern": "x"}],
                                               "probe_paths": ["[z-a]"]})")
                               << "[z-a]";
}

void TestAgentClassifier::brokenFilesAreRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, named);
    QTemporaryDir dir;
    QVERIFY(writeFile(AgentRules::overrideFile(dir.path()), json));
    QString error;
    QVERIFY(!AgentRules::load(dir.path(), &error));
    QVERIFY2(error.contains(AgentRules::overrideFile(dir.path())), qPrintable(error));
    QVERIFY2(error.contains(named), qPrintable(error));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestAgentClassifier)
#include "tst_agentclassifier.moc"
