// The program itself against the fake APIs: sources add, collect --once, sources list, report.
#include "core/report/apireport.h"
#include "core/storage/database.h"
#include "tests/support/fakeapiserver.h"
#include "tests/support/metricscsv.h"
#include "tests/support/runprogram.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
const QByteArray kToken = "ghp_CLIsecretTOKEN0000000000000000";

ProgramResult run(const QStringList& args, const QString& dataDir)
{
    return runProgram(args, dataDir, { { QStringLiteral("ACTIVITY_TEST_TOKEN"), QString::fromLatin1(kToken) } });
}

QStringList csvRowsWithoutTime(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return { QStringLiteral("missing ") + path };
    QStringList rows;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.isEmpty())
            continue;
        QString text = QString::fromUtf8(line).trimmed();
        if (text.startsWith(QLatin1String("timestamp,"))) {
            rows << text;
            continue;
        }
        const QString ts = text.section(QLatin1Char(','), 0, 0);
        if (!QDateTime::fromString(ts, Qt::ISODate).isValid() || !ts.endsWith(QLatin1Char('Z')))
            return { QStringLiteral("bad timestamp: ") + text };
        rows << text.section(QLatin1Char(','), 1);
    }
    return rows;
}
} // namespace

class TestApiCommands : public QObject {
    Q_OBJECT
private slots:
    void collectOnceListAndReport()
    {
        FakeApis fake;
        fake.token = kToken;
        FakeGitHubRepo alpha;
        alpha.stars = 7;
        alpha.forks = 1;
        alpha.subscribers = 2;
        alpha.openPulls = 1;
        alpha.openIssuesOnly = 3;
        alpha.contributors = 4;
        alpha.releases = { { 100 } };
        alpha.pushAccess = false;
        fake.github.insert(QStringLiteral("acme/alpha"), alpha);
        fake.dockerhub.insert(QStringLiteral("acme/app"), { 123456, 9 });
        QTemporaryDir dir;
        const QString api = fake.baseUrl();
        QCOMPARE(run({ "sources", "add", "github", "--repo", "acme/alpha", "--api-url", api, "--token-env",
                         "ACTIVITY_TEST_TOKEN" },
                     dir.path())
                     .code,
            0);
        QCOMPARE(run({ "sources", "add", "dockerhub", "--namespace", "acme", "--api-url", api }, dir.path()).code, 0);

        ProgramResult r = run({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("source 1 (acme/alpha): ok\nsource 2 (acme/*): ok\n"));
        QCOMPARE(fake.server.requests.first().header("user-agent"),
            QByteArray("activity-dashboard/" ACTIVITY_VERSION_FOR_TEST));

        r = run({ "sources", "list" }, dir.path());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("rate limit left %1").arg(fake.rateRemaining)), qPrintable(r.out));

        // The CSV part of `report` (in-process: the PNG part belongs to the window pages and is tested there).
        const QString out = dir.filePath(QStringLiteral("report"));
        QVERIFY(QDir().mkpath(out));
        {
            Database db(dir.filePath(QStringLiteral("activity.sqlite")));
            QCOMPARE(ApiReport::write(db, TimeRange { 0, QDateTime::currentSecsSinceEpoch() + 1 }, out), QString());
            QCOMPARE(
                ApiReport::write(db, TimeRange { 0, 1000 }, dir.filePath(QStringLiteral("empty"))).isEmpty(), false);
        }
        QCOMPARE(csvRowsWithoutTime(QDir(out).filePath("github.csv")),
            (QStringList { "timestamp,repository,metric,value", "acme/alpha,contributors,4", "acme/alpha,forks,1",
                "acme/alpha,open_issues,3", "acme/alpha,open_pull_requests,1", "acme/alpha,release_downloads,100",
                "acme/alpha,stars,7", "acme/alpha,watchers,2" }));
        QCOMPARE(csvRowsWithoutTime(QDir(out).filePath("dockerhub.csv")),
            (QStringList { "timestamp,repository,metric,value", "acme/app,pulls,123456", "acme/app,stars,9" }));

        // A failing source: non-zero exit with the reason per source.
        QCOMPARE(run({ "sources", "add", "github", "--repo", "acme/missing", "--api-url", api }, dir.path()).code, 0);
        r = run({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("source 3 (acme/missing): GET /repos/acme/missing: HTTP 404")),
            qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("source 1 (acme/alpha): ok")));

        // The token never leaves the Authorization header.
        r = run({ "sources", "list", "--json" }, dir.path());
        QVERIFY(r.out.contains(QStringLiteral("ACTIVITY_TEST_TOKEN")));
        QVERIFY(!r.out.contains(QString::fromLatin1(kToken)));
        for (const QString& name : QDir(dir.path()).entryList(QDir::Files)) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(kToken), qPrintable(name));
        }
        for (const QString& name : QDir(out).entryList(QDir::Files)) {
            QFile f(QDir(out).filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(!f.readAll().contains(kToken), qPrintable(name));
        }
    }

    // A slow body for each new source type, end to end: a JSON API, a Prometheus exporter and the npm registry that
    // send their headers and a few bytes, then nothing. `collect --once` gives up on each after the timeout (setting
    // http.timeout), says which source and why, stores nothing, and stores the figures once the server answers again.
    void slowBodiesTimeOutAndSayWhich()
    {
        FakeHttpServer server;
        bool slow = true;
        server.handler = [&slow](const FakeRequest& r) {
            const QString path = r.url.path();
            FakeResponse answer { 200, { { "Content-Type", "application/json" } }, R"({"queue": {"length": 5}})" };
            if (path == QLatin1String("/metrics"))
                answer = { 200, { { "Content-Type", "text/plain; version=0.0.4" } }, "# TYPE up gauge\nup 1\n" };
            else if (path.startsWith(QLatin1String("/downloads/")))
                answer.body = R"({"start":"2026-11-01","end":"2026-11-30","package":"left-pad","downloads":[]})";
            if (slow) {
                answer.body += QByteArray(4096, ' ');
                answer.stallAfter = 8; // headers and a few bytes, then silence
            }
            return answer;
        };
        QTemporaryDir dir;
        const QString base = server.baseUrl();
        for (const QStringList& args : QList<QStringList> { { "settings", "set", "http.timeout", "1" },
                 { "sources", "add", "http-json", "--url", base + "/stats", "--field", "queue=/queue/length" },
                 { "sources", "add", "prometheus", "--url", base + "/metrics", "--select", "up" },
                 { "sources", "add", "npm", "--package", "left-pad", "--api-url", base } }) {
            const ProgramResult r = runProgram(args, dir.path());
            QVERIFY2(r.code == 0, qPrintable(args.join(' ') + ": " + r.all()));
        }
        QElapsedTimer timer;
        timer.start();
        const ProgramResult slowRun = runProgram({ "collect", "--once" }, dir.path());
        QCOMPARE(slowRun.code, 1);
        QVERIFY2(timer.elapsed() < 80'000, "gave up within the timeout and its retries");
        for (const char* source : { "source 1 (", "source 2 (", "source 3 (left-pad)" })
            QVERIFY2(slowRun.err.contains(QLatin1String(source)), qPrintable(slowRun.err));
        QCOMPARE(int(slowRun.err.count(QStringLiteral("within 1 s"))), 3);
        QCOMPARE(metricRows(dir.path()), QStringList({ "timestamp,source,series,labels,value" }));
        const QJsonArray sources
            = QJsonDocument::fromJson(runProgram({ "sources", "list", "--json" }, dir.path()).out.toUtf8()).array();
        QCOMPARE(sources.size(), 3);
        for (const QJsonValue& s : sources)
            QVERIFY2(s[QStringLiteral("last_error")].toString().contains("within 1 s"),
                qPrintable(s[QStringLiteral("last_error")].toString()));

        // The server answers again: the next poll stores what it says.
        slow = false;
        const ProgramResult healthy = runProgram({ "collect", "--once" }, dir.path());
        QVERIFY2(healthy.code == 0, qPrintable(healthy.all()));
        const QStringList rows = metricRows(dir.path());
        QVERIFY2(rows.contains("127.0.0.1/stats,queue,,5"), qPrintable(rows.join('\n')));
        QVERIFY2(rows.contains("127.0.0.1/metrics,up,,1") || rows.join('\n').contains(",up,,1"),
            qPrintable(rows.join('\n')));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestApiCommands)
#include "tst_apicommands.moc"
