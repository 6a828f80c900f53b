#include "core/events/eventstore.h"
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
        // Pages of 2, 2 and 1, then each repository's tags (one page each: they have none).
        QCOMPARE(h.fake.server.requests.size(), 3 + 5);
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

    // Each repository's tags (every page) become events at tag_last_pushed (last_updated for older tags without
    // it); a tag pushed again moves to its new time on the next poll rather than adding another.
    void tagsPushedAreEvents()
    {
        ApiHarness h;
        h.fake.maxPerPage = 2;
        const qint64 t0 = 1'699'000'000;
        h.fake.dockerhub.insert(QStringLiteral("acme/app"), { 10, 1 });
        h.fake.dockerTags[QStringLiteral("acme/app")] = { { "latest", t0 + 5000 }, { "2.0", t0 + 5000 },
            { "1.9", t0 + 2000 }, { "1.8", 0 }, { "1.7", t0 - 86400 } };
        h.fake.dockerhub.insert(QStringLiteral("acme/tool"), { 3, 0 });
        h.fake.dockerTags[QStringLiteral("acme/tool")] = { { "v1", t0 + 100 } };
        const auto expected = [&h] {
            QStringList rows;
            for (const QString& repo : { QStringLiteral("acme/app"), QStringLiteral("acme/tool") }) {
                const auto tags = h.fake.dockerTags.value(repo);
                for (int i = 0; i < tags.size(); ++i) // the fake's last_updated without tag_last_pushed: 1690000000 + i
                    rows << QStringLiteral("%1 docker-tag %2 %3 https://hub.docker.com/r/%2/tags?name=%3")
                                .arg(tags[i].second > 0 ? tags[i].second : 1'690'000'000 + i)
                                .arg(repo, tags[i].first);
            }
            rows.sort();
            return rows;
        };
        const auto stored = [&h] {
            QStringList rows;
            for (const ProjectEvent& e : EventStore(*h.db).between(0, std::numeric_limits<qint64>::max()))
                rows << QStringLiteral("%1 %2 %3 %4 %5").arg(e.ts).arg(e.kind, e.source, e.title, e.url);
            rows.sort();
            return rows;
        };
        const qint64 id = h.addSource("dockerhub", { { "namespace", "acme" } });
        DockerHubCollector c(id, h.settingsOf(id), h.services());
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(stored().size(), 6);
        QCOMPARE(stored(), expected());
        int tagPages = 0;
        for (const FakeRequest& r : h.fake.server.requests)
            tagPages += r.url.path() == QLatin1String("/v2/repositories/acme/app/tags/");
        QCOMPARE(tagPages, 3); // five tags, two a page

        // Within six hours the tags are not asked again (Docker Hub limits requests); after, a re-push is seen.
        h.fake.dockerTags[QStringLiteral("acme/app")][0].second = t0 + 90000; // latest pushed again
        const QStringList firstPoll = stored();
        h.fake.server.clearLog();
        h.clock.advanceSecs(3600);
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.fake.server.requests.size(), 1); // the listing only
        QCOMPARE(stored(), firstPoll);
        h.clock.advanceSecs(5 * 3600);
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(stored().size(), 6);
        QCOMPARE(stored(), expected());
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
