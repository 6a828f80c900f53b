#include "core/net/httpclient.h"
#include "tests/support/fakeapiserver.h"

#include <QTest>
#include <deque>

namespace activity {

namespace {
HttpOptions fast()
{
    HttpOptions o;
    o.userAgent = "activity-dashboard/9.9";
    o.timeoutMs = 300;
    o.maxAttempts = 3;
    o.backoffBaseMs = 5;
    o.backoffMaxMs = 20;
    return o;
}

// Answers the given statuses in order, then 200.
void script(FakeHttpServer& server, std::deque<int> statuses)
{
    server.handler = [statuses = std::move(statuses)](const FakeRequest&) mutable {
        FakeResponse r;
        if (!statuses.empty()) {
            r.status = statuses.front();
            statuses.pop_front();
            r.stall = r.status == 0;
        }
        r.body = r.status == 200 ? QByteArray(R"({"ok":true})") : QByteArray("{}");
        return r;
    };
}

struct Result {
    bool done = false;
    HttpResponse response;
};
} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT
private slots:
    void oneRequestAtATimePerHostInOrder()
    {
        FakeHttpServer server;
        server.delayMs = 15;
        script(server, {});
        HttpClient http(fast());
        QList<int> order;
        for (int i = 0; i < 5; ++i) {
            HttpRequest req;
            req.url = QUrl(server.baseUrl() + QStringLiteral("/n/%1").arg(i));
            http.get(req, this, [&order, i](const HttpResponse& r) {
                QCOMPARE(r.status, 200);
                order.append(i);
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 5, 5000);
        QCOMPARE(order, (QList<int> { 0, 1, 2, 3, 4 }));
        QCOMPARE(server.maxActive, 1);
        for (const FakeRequest& r : server.requests) {
            QCOMPARE(r.header("user-agent"), QByteArray("activity-dashboard/9.9"));
            QCOMPARE(r.header("accept"), QByteArray("application/json"));
            QVERIFY(!r.headers.contains("authorization")); // no token, no header
        }
    }

    void retries_data()
    {
        QTest::addColumn<QList<int>>("answers");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("attempts");
        QTest::addRow("5xx then success") << QList<int> { 503, 500 } << 200 << 3;
        QTest::addRow("5xx every time: gives up") << QList<int> { 500, 502, 504 } << 504 << 3;
        QTest::addRow("202 from /stats while computing") << QList<int> { 202 } << 200 << 2;
        QTest::addRow("404 is not retried") << QList<int> { 404 } << 404 << 1;
        QTest::addRow("403 is not retried") << QList<int> { 403 } << 403 << 1;
        QTest::addRow("stall then success") << QList<int> { 0 } << 200 << 2;
    }
    void retries()
    {
        QFETCH(QList<int>, answers);
        QFETCH(int, status);
        QFETCH(int, attempts);
        FakeHttpServer server;
        script(server, std::deque<int>(answers.begin(), answers.end()));
        HttpClient http(fast());
        Result result;
        HttpRequest req;
        req.url = QUrl(server.baseUrl() + QStringLiteral("/repos/o/n/stats/contributors"));
        http.get(req, this, [&result](const HttpResponse& r) {
            result.done = true;
            result.response = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.done, 5000);
        QCOMPARE(result.response.status, status);
        QCOMPARE(result.response.attempts, attempts);
        QCOMPARE(int(server.requests.size()), attempts);
        if (status == 200)
            QCOMPARE(result.response.body, QByteArray(R"({"ok":true})"));
    }

    void stalledConnectionTimesOutAndSaysSo()
    {
        FakeHttpServer server;
        script(server, { 0, 0, 0 });
        HttpClient http(fast());
        Result result;
        HttpRequest req;
        req.url = QUrl(server.baseUrl() + QStringLiteral("/slow"));
        req.token = "ghp_SECRET_in_header_only";
        http.get(req, this, [&result](const HttpResponse& r) {
            result.done = true;
            result.response = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.done, 5000);
        QCOMPARE(result.response.status, 0);
        QCOMPARE(result.response.attempts, 3);
        QCOMPARE(result.response.error, QStringLiteral("no answer from 127.0.0.1 within 0.3 s"));
        for (const FakeRequest& r : server.requests) {
            QCOMPARE(r.header("authorization"), QByteArray("Bearer ghp_SECRET_in_header_only"));
            QVERIFY(!r.url.toEncoded().contains("SECRET"));
        }
    }

    void conditionalRequestSendsTheETag()
    {
        FakeHttpServer server;
        server.handler = [](const FakeRequest& r) {
            return r.header("if-none-match") == "W/\"abc\"" ? FakeResponse { 304, { { "ETag", "W/\"abc\"" } }, {} }
                                                            : FakeResponse { 200, { { "ETag", "W/\"abc\"" } }, "[]" };
        };
        HttpClient http(fast());
        Result result;
        HttpRequest req;
        req.url = QUrl(server.baseUrl() + QStringLiteral("/x"));
        req.ifNoneMatch = "W/\"abc\"";
        http.get(req, this, [&result](const HttpResponse& r) {
            result.done = true;
            result.response = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.done, 5000);
        QCOMPARE(result.response.status, 304);
        QCOMPARE(result.response.header("etag"), QByteArray("W/\"abc\""));
    }

    void cancelDropsWhatIsQueued()
    {
        FakeHttpServer server;
        server.delayMs = 10;
        script(server, {});
        HttpClient http(fast());
        QList<int> statuses;
        QObject asker;
        for (int i = 0; i < 4; ++i) {
            HttpRequest req;
            req.url = QUrl(server.baseUrl() + QStringLiteral("/q"));
            http.get(req, &asker, [&statuses](const HttpResponse& r) { statuses.append(r.status); });
        }
        http.cancel(&asker); // the first is on the wire; the other three never leave
        QCOMPARE(statuses, (QList<int> { 0, 0, 0 }));
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), 4, 5000);
        QCOMPARE(statuses.last(), 200);
        QCOMPARE(int(server.requests.size()), 1);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestHttpClient)
#include "tst_httpclient.moc"
