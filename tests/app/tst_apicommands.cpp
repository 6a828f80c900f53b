// API sources from the command line, against loopback servers answering like the APIs: sources add, collect --once,
// sources list, report.
#include "core/report/apireport.h"
#include "core/report/eventreport.h"
#include "core/storage/database.h"
#include "tests/support/fakeapiserver.h"
#include "tests/support/metricscsv.h"
#include "tests/support/runprogram.h"

#include <QDate>
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
#include <QTimeZone>

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

namespace {
const QByteArray kServiceToken = "svc_SECRETtoken0000000000000000000";

ProgramResult runWithServiceToken(const QStringList& args, const QString& dataDir)
{
    return runProgram(args, dataDir, { { QStringLiteral("SERVICE_TOKEN"), QString::fromLatin1(kServiceToken) } });
}

FakeResponse json(int status, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers = {})
{
    headers.prepend({ "Content-Type", "application/json; charset=utf-8" });
    return FakeResponse { status, headers, body };
}
} // namespace

namespace {
FakeResponse json(const QByteArray& body)
{
    return FakeResponse { 200, { { "Content-Type", "application/json" } }, body };
}

QStringList rowsOf(const QStringList& rows, const QString& source)
{
    QStringList out;
    for (const QString& r : rows) {
        if (r.startsWith(source + QLatin1Char(',')))
            out.append(r);
    }
    return out;
}

// npm's /downloads/range/FROM:TO/PACKAGE: one entry per day up to yesterday; each day's count is its day of month.
FakeResponse npmRange(const FakeRequest& r, QList<std::pair<QDate, QDate>>& asked)
{
    const QStringList parts = r.url.path().split(QLatin1Char('/')); // "", downloads, range, FROM:TO, PACKAGE...
    const QStringList span = parts.value(3).split(QLatin1Char(':'));
    const QDate from = QDate::fromString(span.value(0), Qt::ISODate);
    const QDate to = QDate::fromString(span.value(1), Qt::ISODate);
    asked.append({ from, to });
    const QDate yesterday = QDate::currentDate().addDays(-1);
    QJsonArray days;
    for (QDate d = from; d.isValid() && d <= qMin(to, yesterday); d = d.addDays(1))
        days.append(QJsonObject { { "downloads", d.day() }, { "day", d.toString(Qt::ISODate) } });
    return json(
        QJsonDocument(QJsonObject { { "start", from.toString(Qt::ISODate) }, { "end", to.toString(Qt::ISODate) },
                          { "package", parts.mid(4).join('/') }, { "downloads", days } })
            .toJson(QJsonDocument::Compact));
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
        alpha.releases = { { 100 } }; // tag v0, published 2023-08-01T00:00:00Z
        alpha.tags = { { QStringLiteral("v1.0-beta"),
            QDateTime(QDate(2023, 7, 1), QTime(10, 0), Qt::UTC).toSecsSinceEpoch() } };
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
            QCOMPARE(EventReport::write(db, TimeRange { 0, QDateTime::currentSecsSinceEpoch() + 1 }, out), QString());
        }
        // The tag pushed beside the release: kind tag at its commit's date; the release's own tag is the release only.
        QFile events(QDir(out).filePath(QStringLiteral("events.csv")));
        QVERIFY(events.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(events.readAll()),
            QStringLiteral(
                "time,kind,source,title,url\r\n"
                "2023-07-01T10:00:00Z,tag,acme/alpha,v1.0-beta,https://github.com/acme/alpha/releases/tag/"
                "v1.0-beta\r\n"
                "2023-08-01T00:00:00Z,release,acme/alpha,v0,https://github.com/acme/alpha/releases/tag/v0\r\n"));
        const auto kinds = [&dir] {
            QStringList listed;
            for (const QJsonValue& v :
                QJsonDocument::fromJson(run({ "events", "list", "--json" }, dir.path()).out.toUtf8()).array())
                listed << v[QStringLiteral("time")].toString() + QLatin1Char(' ') + v[QStringLiteral("kind")].toString()
                        + QLatin1Char(' ') + v[QStringLiteral("title")].toString();
            return listed;
        };
        QCOMPARE(kinds(), QStringList({ "2023-07-01T10:00:00Z tag v1.0-beta", "2023-08-01T00:00:00Z release v0" }));
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
        // Polled again: the same two events, not four.
        QCOMPARE(kinds(), QStringList({ "2023-07-01T10:00:00Z tag v1.0-beta", "2023-08-01T00:00:00Z release v0" }));

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

    // An http-json source as a user adds and runs it: `sources add http-json`, `collect --once` against a loopback
    // server answering like a JSON API (ETag, Last-Modified, 404, 429, malformed JSON, a 50 MB body), then `report`.
    // Two fields, one per version with a label, a header and a token; then a conditional request that changes
    // nothing; the token reaches only the source's own host and no output.
    void addCollectAndReport()
    {
        FakeHttpServer server;
        int stars = 41;
        server.handler = [&stars](const FakeRequest& r) {
            if (r.url.path() == QLatin1String("/api/crate")) {
                const QByteArray etag = "\"v" + QByteArray::number(stars) + "\"";
                if (r.header("if-none-match") == etag)
                    return FakeResponse { 304, { { "ETag", etag } }, {} };
                return json(200, R"({"crate": {"stars": )" + QByteArray::number(stars) + R"(, "downloads": "1200"},
                        "versions": [{"num": "1.1.0", "downloads": 700}, {"num": "1.0.0", "downloads": 500}]})",
                    { { "ETag", etag } });
            }
            return json(404, R"({"errors": [{"detail": "Not Found"}]})");
        };
        QTemporaryDir dir;
        const QString url = server.baseUrl() + QStringLiteral("/api/crate");
        ProgramResult r = runWithServiceToken(
            { "sources", "add", "http-json", "--url", url, "--field", "stars=/crate/stars", "--field",
                "downloads=/crate/downloads", "--field", "version_downloads=/versions/*/downloads", "--label",
                "/versions/*/num", "--header", "X-Api-Client: dashboard-test", "--token-env", "SERVICE_TOKEN",
                "--interval", "1h" },
            dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("added source 1: http-json 127.0.0.1/api/crate\n"));

        r = runWithServiceToken({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QCOMPARE(server.requests.size(), 1);
        const FakeRequest& first = server.requests.first();
        QCOMPARE(first.header("x-api-client"), QByteArray("dashboard-test"));
        QCOMPARE(first.header("authorization"), QByteArray("Bearer ") + kServiceToken);
        QCOMPARE(metricRows(dir.path()),
            QStringList({ "timestamp,source,series,labels,value", "127.0.0.1/api/crate,downloads,,1200",
                "127.0.0.1/api/crate,stars,,41", "127.0.0.1/api/crate,version_downloads,num=1.0.0,500",
                "127.0.0.1/api/crate,version_downloads,num=1.1.0,700" }));

        // The answer has not changed: a conditional request, a 304, and the same figures stored again later.
        r = runWithServiceToken({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QCOMPARE(server.requests.size(), 2);
        QCOMPARE(server.requests.last().header("if-none-match"), QByteArray("\"v41\""));
        QCOMPARE(server.statuses.last(), 304);

        r = runWithServiceToken({ "sources", "list" }, dir.path());
        QCOMPARE(r.code, 0);
        QVERIFY(!r.all().contains(QString::fromLatin1(kServiceToken)));
        QVERIFY(!r.err.contains(QString::fromLatin1(kServiceToken)));
    }

    // What a user mistypes or a server gets wrong is said, naming the pointer and what was found.
    void errorsNameTheirCause()
    {
        FakeHttpServer server;
        QByteArray body = R"({"name": "rocket", "count": 3})";
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        server.handler = [&](const FakeRequest&) { return json(status, body, headers); };
        QTemporaryDir dir;
        const QString url = server.baseUrl() + QStringLiteral("/stats");

        // Bad arguments name themselves, before anything is stored.
        ProgramResult r
            = runWithServiceToken({ "sources", "add", "http-json", "--url", url, "--field", "count" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--field")) && r.err.contains(QStringLiteral("NAME=POINTER")),
            qPrintable(r.err));
        r = runWithServiceToken({ "sources", "add", "http-json", "--url", url, "--field", "count=count" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("JSON Pointer")), qPrintable(r.err));
        r = runWithServiceToken(
            { "sources", "add", "http-json", "--url", "ftp://example/x", "--field", "a=/a" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--url")), qPrintable(r.err));
        r = runWithServiceToken(
            { "sources", "add", "http-json", "--url", url, "--field", "a=/a", "--field", "a=/b" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'a' is given twice")), qPrintable(r.err));

        r = runWithServiceToken(
            { "sources", "add", "http-json", "--url", url, "--field", "name=/name", "--field", "count=/count" },
            dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.err));

        // A field that is not a number: the others are stored, the poll fails naming the pointer.
        r = runWithServiceToken({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.all().contains(QStringLiteral("field name: /name gives \"rocket\", not a number")), qPrintable(r.all()));
        QCOMPARE(metricRows(dir.path()),
            QStringList({ "timestamp,source,series,labels,value", "127.0.0.1/stats,count,,3" }));

        body = "<html>Bad gateway</html>";
        r = runWithServiceToken({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.all().contains(QStringLiteral("not JSON")), qPrintable(r.all()));

        status = 404;
        body = R"({"message": "no such thing"})";
        r = runWithServiceToken({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.all().contains(QStringLiteral("404")), qPrintable(r.all()));

        status = 429;
        headers = { { "Retry-After", "120" } };
        r = runWithServiceToken({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.all().contains(QStringLiteral("429")) || r.all().contains(QStringLiteral("rate")), qPrintable(r.all()));

        // A 50 MB answer is refused, not stored or retried.
        status = 200;
        headers.clear();
        body = "{\"count\": 1, \"pad\": \"" + QByteArray(50 * 1024 * 1024, 'x') + "\"}";
        const qsizetype before = server.requests.size();
        r = runWithServiceToken({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.all().contains(QStringLiteral("longer than")), qPrintable(r.all()));
        QCOMPARE(server.requests.size(), before + 1);
        QCOMPARE(metricRows(dir.path()).size(), 2); // still the one count from the first poll
    }

    // Package-registry presets as a user adds them (`sources add npm --package NAME` ...), polled by `collect --once`
    // against a loopback server answering in each API's documented shape, then read back from `report`.
    void registriesByName()
    {
        FakeHttpServer server;
        QList<std::pair<QDate, QDate>> npmAsked;
        QStringList paths;
        server.handler = [&](const FakeRequest& r) {
            paths.append(r.url.toString());
            const QString path = r.url.path();
            if (path.startsWith(QLatin1String("/downloads/range/")))
                return npmRange(r, npmAsked);
            if (path == QLatin1String("/api/packages/requests/overall"))
                return json(R"({"data": [
                    {"category": "with_mirrors", "date": "2026-11-28", "downloads": 1100},
                    {"category": "without_mirrors", "date": "2026-11-28", "downloads": 1000},
                    {"category": "with_mirrors", "date": "2026-11-29", "downloads": 1300},
                    {"category": "without_mirrors", "date": "2026-11-29", "downloads": 1200}],
                    "package": "requests", "type": "overall_downloads"})");
            // The versions: npm's package document (its `time`) and PyPI's JSON API (each release's files).
            if (path == QLatin1String("/left-pad"))
                return json(R"({"name": "left-pad", "time": {"created": "2014-03-18T20:52:39.101Z",
                    "modified": "2022-06-19T09:10:44.327Z", "0.0.1": "2014-03-18T20:52:40.500Z",
                    "1.3.0": "2018-04-10T17:17:26.547Z"}, "versions": {}})");
            if (path == QLatin1String("/pypi/requests/json"))
                return json(R"({"info": {"name": "requests"}, "releases": {
                    "2.31.0": [{"filename": "a.whl", "upload_time_iso_8601": "2023-05-22T15:12:44.175626Z"},
                               {"filename": "a.tar.gz", "upload_time_iso_8601": "2023-05-22T15:12:42.313790Z"}],
                    "2.32.0": [],
                    "2.32.3": [{"filename": "b.whl", "upload_time_iso_8601": "2024-05-29T15:37:47.113000Z"}]}})");
            if (path == QLatin1String("/api/v1/crates/serde"))
                return json(R"({"crate": {"id": "serde", "name": "serde", "downloads": 512345678,
                    "recent_downloads": 61234567, "max_version": "1.0.215"},
                    "versions": [{"id": 1, "num": "1.0.215", "downloads": 3000000,
                                  "created_at": "2024-11-11T17:47:18.455343+00:00"},
                                 {"id": 2, "num": "1.0.214", "downloads": 9000000,
                                  "created_at": "2024-10-30T22:19:51.201012+00:00"}],
                    "keywords": [], "categories": []})");
            if (path == QLatin1String("/api/formula/wget.json"))
                return json(R"({"name": "wget", "full_name": "wget", "versions": {"stable": "1.25.0"},
                    "analytics": {"install": {"30d": {"wget": 12345}, "90d": {"wget": 40321},
                    "365d": {"wget": 160789}}, "install_on_request": {"30d": {"wget": 12000}},
                    "build_error": {"30d": {"wget": 3}}}})");
            return FakeResponse { 404, {}, R"({"error": "not found"})" };
        };
        QTemporaryDir dir;
        const QString api = server.baseUrl();
        for (const QStringList& add :
            { QStringList { "npm", "--package", "left-pad" }, QStringList { "pypi", "--package", "requests" },
                QStringList { "crates", "--crate", "serde" }, QStringList { "homebrew", "--formula", "wget" } }) {
            const ProgramResult r
                = runProgram(QStringList { "sources", "add" } + add + QStringList { "--api-url", api }, dir.path());
            QVERIFY2(r.code == 0, qPrintable(r.all()));
        }
        ProgramResult r = runProgram({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));

        // npm: the first poll back-fills 540 days ending today (UTC), one point per day.
        QCOMPARE(npmAsked.size(), 1);
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QCOMPARE(npmAsked.first().second, today);
        QCOMPARE(npmAsked.first().first, today.addDays(-540));
        const QStringList rows = metricRows(dir.path());
        const QStringList npm = rowsOf(rows, QStringLiteral("left-pad"));
        QCOMPARE(npm.size(), int(npmAsked.first().first.daysTo(today.addDays(-1))) + 1);
        QCOMPARE(npm.last(), QStringLiteral("left-pad,downloads,,%1").arg(today.addDays(-1).day()));

        QCOMPARE(rowsOf(rows, QStringLiteral("requests")),
            QStringList({ "requests,downloads,,1000", "requests,downloads,,1200" }));
        QCOMPARE(rowsOf(rows, QStringLiteral("serde")),
            QStringList({ "serde,downloads,,512345678", "serde,recent_downloads,,61234567",
                "serde,version_downloads,num=1.0.214,9000000", "serde,version_downloads,num=1.0.215,3000000" }));
        QCOMPARE(rowsOf(rows, QStringLiteral("wget")),
            QStringList({ "wget,installs_30d,,12345", "wget,installs_365d,,160789", "wget,installs_90d,,40321" }));
        QVERIFY(paths.contains(QStringLiteral("/api/packages/requests/overall?mirrors=false")));
        // The versions published, as package-version events at their times (PyPI's: the first file's upload; a
        // release without files is none; crates.io's: created_at).
        const ProgramResult listed = runProgram({ "events", "list", "--json" }, dir.path());
        QVERIFY2(listed.code == 0, qPrintable(listed.all()));
        QStringList versions;
        for (const QJsonValue& v : QJsonDocument::fromJson(listed.out.toUtf8()).array())
            if (v[QStringLiteral("kind")].toString() == QLatin1String("package-version"))
                versions << v[QStringLiteral("time")].toString() + QLatin1Char(' ')
                        + v[QStringLiteral("title")].toString();
        versions.sort();
        QCOMPARE(versions,
            QStringList({ "2014-03-18T20:52:40Z left-pad 0.0.1", "2018-04-10T17:17:26Z left-pad 1.3.0",
                "2023-05-22T15:12:42Z requests 2.31.0", "2024-05-29T15:37:47Z requests 2.32.3",
                "2024-10-30T22:19:51Z serde 1.0.214", "2024-11-11T17:47:18Z serde 1.0.215" }));

        // The next poll asks npm for the last week again only (its counts may still grow).
        r = runProgram({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QCOMPARE(npmAsked.size(), 2);
        QCOMPARE(npmAsked.last().first, today.addDays(-8));
        QCOMPARE(rowsOf(metricRows(dir.path()), QStringLiteral("left-pad")).size(), npm.size());
        // Read again, the versions are not added twice.
        const ProgramResult again = runProgram({ "events", "list", "--json" }, dir.path());
        int count = 0;
        for (const QJsonValue& v : QJsonDocument::fromJson(again.out.toUtf8()).array())
            count += v[QStringLiteral("kind")].toString() == QLatin1String("package-version") ? 1 : 0;
        QCOMPARE(count, 6);
    }

    void namesAreChecked()
    {
        QTemporaryDir dir;
        ProgramResult r = runProgram({ "sources", "add", "npm", "--package", "Not A Name" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--package")), qPrintable(r.err));
        r = runProgram({ "sources", "add", "crates" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--crate")), qPrintable(r.err));
        r = runProgram({ "sources", "add", "npm", "--package", "@babel/core", "--interval", "2h" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestApiCommands)
#include "tst_apicommands.moc"
