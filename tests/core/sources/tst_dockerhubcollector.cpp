#include "core/query/apiquery.h"
#include "core/sources/dockerhub/dockerhubcollector.h"
#include "tests/support/apiharness.h"

namespace activity {

class TestDockerHubCollector : public QObject {
    Q_OBJECT
private slots:
    void everyPageThroughNext()
    {
        ApiHarness h;
        h.fake.maxPerPage = 2;
        for (int i = 0; i < 5; ++i)
            h.fake.dockerhub.insert(QStringLiteral("acme/img%1").arg(i), { 1000 + i * 7, i });
        h.fake.dockerhub.insert(QStringLiteral("other/img"), { 5, 5 });
        const qint64 id = h.addSource("dockerhub", { { "namespace", "acme" } });
        DockerHubCollector c(id, h.settingsOf(id), h.services());
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(h.fake.server.requests.size(), 3); // pages of 2, 2 and 1
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(h.last("dockerhub", QStringLiteral("acme/img%1").arg(i), "pulls"), 1000.0 + i * 7);
            QCOMPARE(h.last("dockerhub", QStringLiteral("acme/img%1").arg(i), "stars"), double(i));
        }
        QCOMPARE(h.last("dockerhub", QStringLiteral("other/img"), "pulls"), -1.0);
        QCOMPARE(h.count("SELECT count(*) FROM series WHERE provider = 'dockerhub'"), 10);
    }

    void oneRepositoryAndPullsPerDay()
    {
        ApiHarness h;
        h.fake.dockerhub.insert(QStringLiteral("acme/app"), { 12'345'678'901, 3 });
        const qint64 id = h.addSource("dockerhub", { { "namespace", "acme" }, { "repo", "app" } });
        DockerHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.fake.server.requests.first().url.path(), QStringLiteral("/v2/repositories/acme/app/"));
        QCOMPARE(h.last("dockerhub", QStringLiteral("acme/app"), "pulls"), 12'345'678'901.0);
        h.clock.advanceSecs(86400);
        h.fake.dockerhub[QStringLiteral("acme/app")].pulls += 250;
        QVERIFY(h.pollWith(c).ok);
        QList<Sample> samples;
        for (const auto& [ts, value] : h.points("dockerhub", QStringLiteral("acme/app"), "pulls"))
            samples.append({ ts, value });
        const QList<Sample> perDay = SeriesMath::dailyDelta(samples);
        QCOMPARE(perDay.size(), 1);
        QCOMPARE(perDay.first().value, 250.0);
    }

    void tooManyRequestsWaitsForRetryAfter()
    {
        ApiHarness h;
        h.fake.dockerhub.insert(QStringLiteral("acme/app"), { 10, 1 });
        h.fake.forced[QStringLiteral("/v2/repositories/acme/")].push_back(
            FakeResponse { 429, { { "Retry-After", "120" } }, R"({"message":"Too Many Requests"})" });
        const qint64 id = h.addSource("dockerhub", { { "namespace", "acme" } });
        DockerHubCollector c(id, h.settingsOf(id), h.services());
        PollOutcome outcome = h.pollWith(c);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.httpStatus, 429);
        QCOMPARE(outcome.retryAt, h.clock.nowSecs() + 120);
        QCOMPARE(outcome.error, QStringLiteral("rate limit reached (HTTP 429); waiting until 2023-11-14T22:15:20Z"));
        QCOMPARE(h.fake.server.requests.size(), 1); // not retried in a loop
        QCOMPARE(h.last("dockerhub", QStringLiteral("acme/app"), "pulls"), -1.0);
        h.clock.advanceSecs(120);
        outcome = h.pollWith(c);
        QVERIFY(outcome.ok);
        QCOMPARE(h.last("dockerhub", QStringLiteral("acme/app"), "pulls"), 10.0);
    }

    void nextOnAnotherHostIsRefused()
    {
        ApiHarness h;
        h.fake.server.handler = [](const FakeRequest&) {
            return FakeResponse { 200, {},
                "{\"count\":2,\"next\":\"https:\\/\\/evil.example\\/v2\\/repositories\\/acme\\/"
                "?page=2\",\"previous\":null,"
                "\"results\":[{\"name\":\"a\",\"namespace\":\"acme\",\"star_count\":1,\"pull_count\":2}]}" };
        };
        const qint64 id = h.addSource("dockerhub", { { "namespace", "acme" } });
        DockerHubCollector c(id, h.settingsOf(id), h.services());
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error,
            QStringLiteral("GET /v2/repositories/acme/?page_size=100: next page on another host (evil.example)"));
        QCOMPARE(h.fake.server.requests.size(), 1);
        QCOMPARE(h.last("dockerhub", QStringLiteral("acme/a"), "pulls"), 2.0); // the page that was read is kept
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestDockerHubCollector)
#include "tst_dockerhubcollector.moc"
