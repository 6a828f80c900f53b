// An http-json source as a user adds and runs it: `sources add http-json`, `collect --once` against a loopback
// server answering like a JSON API (ETag, Last-Modified, 404, 429, malformed JSON, a 50 MB body), then `report`.
#include "tests/support/fakeapiserver.h"
#include "tests/support/metricscsv.h"
#include "tests/support/runprogram.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
const QByteArray kToken = "svc_SECRETtoken0000000000000000000";

ProgramResult run(const QStringList& args, const QString& dataDir)
{
    return runProgram(args, dataDir, { { QStringLiteral("SERVICE_TOKEN"), QString::fromLatin1(kToken) } });
}

FakeResponse json(int status, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers = {})
{
    headers.prepend({ "Content-Type", "application/json; charset=utf-8" });
    return FakeResponse { status, headers, body };
}
} // namespace

class TestHttpJsonSource : public QObject {
    Q_OBJECT
private slots:
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
        ProgramResult r = run({ "sources", "add", "http-json", "--url", url, "--field", "stars=/crate/stars", "--field",
                                  "downloads=/crate/downloads", "--field", "version_downloads=/versions/*/downloads",
                                  "--label", "/versions/*/num", "--header", "X-Api-Client: dashboard-test",
                                  "--token-env", "SERVICE_TOKEN", "--interval", "1h" },
            dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("added source 1: http-json 127.0.0.1/api/crate\n"));

        r = run({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QCOMPARE(server.requests.size(), 1);
        const FakeRequest& first = server.requests.first();
        QCOMPARE(first.header("x-api-client"), QByteArray("dashboard-test"));
        QCOMPARE(first.header("authorization"), QByteArray("Bearer ") + kToken);
        QCOMPARE(metricRows(dir.path()),
            QStringList({ "timestamp,source,series,labels,value", "127.0.0.1/api/crate,downloads,,1200",
                "127.0.0.1/api/crate,stars,,41", "127.0.0.1/api/crate,version_downloads,num=1.0.0,500",
                "127.0.0.1/api/crate,version_downloads,num=1.1.0,700" }));

        // The answer has not changed: a conditional request, a 304, and the same figures stored again later.
        r = run({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QCOMPARE(server.requests.size(), 2);
        QCOMPARE(server.requests.last().header("if-none-match"), QByteArray("\"v41\""));
        QCOMPARE(server.statuses.last(), 304);

        r = run({ "sources", "list" }, dir.path());
        QCOMPARE(r.code, 0);
        QVERIFY(!r.all().contains(QString::fromLatin1(kToken)));
        QVERIFY(!r.err.contains(QString::fromLatin1(kToken)));
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
        ProgramResult r = run({ "sources", "add", "http-json", "--url", url, "--field", "count" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--field")) && r.err.contains(QStringLiteral("NAME=POINTER")),
            qPrintable(r.err));
        r = run({ "sources", "add", "http-json", "--url", url, "--field", "count=count" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("JSON Pointer")), qPrintable(r.err));
        r = run({ "sources", "add", "http-json", "--url", "ftp://example/x", "--field", "a=/a" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--url")), qPrintable(r.err));
        r = run({ "sources", "add", "http-json", "--url", url, "--field", "a=/a", "--field", "a=/b" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("'a' is given twice")), qPrintable(r.err));

        r = run({ "sources", "add", "http-json", "--url", url, "--field", "name=/name", "--field", "count=/count" },
            dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.err));

        // A field that is not a number: the others are stored, the poll fails naming the pointer.
        r = run({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.all().contains(QStringLiteral("field name: /name gives \"rocket\", not a number")), qPrintable(r.all()));
        QCOMPARE(metricRows(dir.path()),
            QStringList({ "timestamp,source,series,labels,value", "127.0.0.1/stats,count,,3" }));

        body = "<html>Bad gateway</html>";
        r = run({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.all().contains(QStringLiteral("not JSON")), qPrintable(r.all()));

        status = 404;
        body = R"({"message": "no such thing"})";
        r = run({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.all().contains(QStringLiteral("404")), qPrintable(r.all()));

        status = 429;
        headers = { { "Retry-After", "120" } };
        r = run({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(
            r.all().contains(QStringLiteral("429")) || r.all().contains(QStringLiteral("rate")), qPrintable(r.all()));

        // A 50 MB answer is refused, not stored or retried.
        status = 200;
        headers.clear();
        body = "{\"count\": 1, \"pad\": \"" + QByteArray(50 * 1024 * 1024, 'x') + "\"}";
        const qsizetype before = server.requests.size();
        r = run({ "collect", "--once" }, dir.path());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.all().contains(QStringLiteral("longer than")), qPrintable(r.all()));
        QCOMPARE(server.requests.size(), before + 1);
        QCOMPARE(metricRows(dir.path()).size(), 2); // still the one count from the first poll
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestHttpJsonSource)
#include "tst_httpjsonsource.moc"
