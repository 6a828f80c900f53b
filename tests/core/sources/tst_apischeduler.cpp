#include "core/sources/apischeduler.h"
#include "tests/support/apiharness.h"

namespace activity {

namespace {
struct FetchState {
    qint64 lastSuccess = -1;
    QString lastError;
    qint64 lastStatus = -1;
    qint64 nextRun = -1;
};
FetchState fetchState(Database& db, qint64 id)
{
    Statement s
        = db.prepare("SELECT last_success, last_error, last_status, next_run FROM fetch_state WHERE source_id = ?");
    s.bind(1, id);
    FetchState f;
    if (s.step()) {
        f.lastSuccess = s.isNull(0) ? -1 : s.int64(0);
        f.lastError = s.text(1);
        f.lastStatus = s.isNull(2) ? -1 : s.int64(2);
        f.nextRun = s.isNull(3) ? -1 : s.int64(3);
    }
    return f;
}

// The polls of Docker Hub sources: their repository listings (each poll also reads the tags of what it lists).
QList<FakeRequest> listings(const FakeApis& fake)
{
    QList<FakeRequest> out;
    for (const FakeRequest& r : fake.server.requests)
        if (!r.url.path().endsWith(QLatin1String("/tags/")))
            out.append(r);
    return out;
}
} // namespace

class TestApiScheduler : public QObject {
    Q_OBJECT
private slots:
    void pollsAtOnceThenAtItsInterval()
    {
        ApiHarness h;
        h.fake.dockerhub.insert(QStringLiteral("acme/app"), { 10, 1 });
        const qint64 id = h.addSource("dockerhub", { { "namespace", "acme" }, { "interval", "1h" } });
        ApiScheduler s(*h.db, h.clock, h.registry, h.http);
        s.setJitterFraction(0);
        QSignalSpy done(&s, &ApiScheduler::pollFinished);
        const qint64 t0 = h.clock.nowSecs();
        s.tick();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
        FetchState f = fetchState(*h.db, id);
        QCOMPARE(f.lastSuccess, t0);
        QCOMPARE(f.nextRun, t0 + 3600);
        QCOMPARE(f.lastStatus, 200);
        QVERIFY(f.lastError.isEmpty());

        h.clock.advanceSecs(3599);
        s.tick();
        QVERIFY(s.isIdle());
        QCOMPARE(listings(h.fake).size(), 1);
        h.clock.advanceSecs(1);
        s.tick();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 5000);
        QCOMPARE(listings(h.fake).size(), 2);
    }

    void pausedNeverPollsResumedPollsAtOnce()
    {
        ApiHarness h;
        h.fake.dockerhub.insert(QStringLiteral("acme/app"), { 10, 1 });
        const qint64 id = h.addSource("dockerhub", { { "namespace", "acme" } });
        ApiScheduler s(*h.db, h.clock, h.registry, h.http);
        QSignalSpy done(&s, &ApiScheduler::pollFinished);
        s.tick();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
        SourceStore sources(*h.db, h.clock);
        sources.setEnabled(id, false);
        h.clock.advanceSecs(10 * 3600);
        s.tick();
        QVERIFY(s.isIdle());
        QCOMPARE(listings(h.fake).size(), 1);
        h.clock.advanceSecs(60);
        sources.setEnabled(id, true); // long before its next run would be due
        s.tick();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 5000);
        QCOMPARE(fetchState(*h.db, id).lastSuccess, h.clock.nowSecs());
    }

    void resumedWhileNotCollectingPollsAtOnce()
    {
        ApiHarness h;
        h.fake.dockerhub.insert(QStringLiteral("acme/app"), { 10, 1 });
        const qint64 id = h.addSource("dockerhub", { { "namespace", "acme" } });
        {
            ApiScheduler s(*h.db, h.clock, h.registry, h.http);
            QSignalSpy done(&s, &ApiScheduler::pollFinished);
            s.tick();
            QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
        }
        // `sources pause` and `sources resume` from the command line while `collect` is not running.
        SourceStore sources(*h.db, h.clock);
        sources.setEnabled(id, false);
        h.clock.advanceSecs(60);
        sources.setEnabled(id, true);
        ApiScheduler s(*h.db, h.clock, h.registry, h.http);
        QSignalSpy done(&s, &ApiScheduler::pollFinished);
        s.tick();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
        QCOMPARE(listings(h.fake).size(), 2);
    }

    void errorsAndRateLimitsAreRecorded()
    {
        ApiHarness h;
        h.fake.github.insert(QStringLiteral("acme/alpha"), FakeGitHubRepo {});
        h.fake.forced[QStringLiteral("/repos/acme/alpha")].push_back(FakeResponse { 403,
            { { "X-RateLimit-Limit", "60" }, { "X-RateLimit-Remaining", "0" }, { "X-RateLimit-Reset", "1700001000" } },
            R"({"message":"API rate limit exceeded"})" });
        const qint64 limited = h.addSource("github", { { "repo", "acme/alpha" } });
        const qint64 missing = h.addSource("github", { { "repo", "acme/missing" } });
        ApiScheduler s(*h.db, h.clock, h.registry, h.http);
        s.setJitterFraction(0);
        QSignalSpy idle(&s, &ApiScheduler::idle);
        s.pollAllNow();
        QTRY_COMPARE_WITH_TIMEOUT(idle.size(), 1, 5000);
        FetchState f = fetchState(*h.db, limited);
        QCOMPARE(f.lastStatus, 403);
        QCOMPARE(f.nextRun, 1'700'001'000);
        QCOMPARE(f.lastError, QStringLiteral("rate limit reached (HTTP 403); waiting until 2023-11-14T22:30:00Z"));
        QCOMPARE(SourceStore(*h.db, h.clock).get(limited)->rateLimitRemaining, std::optional<qint64>(0));
        f = fetchState(*h.db, missing);
        QCOMPARE(f.lastStatus, 404);
        QCOMPARE(f.lastError, QStringLiteral("GET /repos/acme/missing: HTTP 404"));
        QCOMPARE(f.nextRun, h.clock.nowSecs() + 900);
        QCOMPARE(f.lastSuccess, -1);

        // A restart keeps the wait: no request before the reset time.
        h.fake.server.clearLog();
        ApiScheduler again(*h.db, h.clock, h.registry, h.http);
        again.tick();
        QVERIFY(again.isIdle());
        QVERIFY(h.fake.server.requests.isEmpty());
        h.clock.setMs(1'700'001'000'000);
        QSignalSpy done(&again, &ApiScheduler::pollFinished);
        QSignalSpy idleAgain(&again, &ApiScheduler::idle);
        again.tick();
        QTRY_COMPARE_WITH_TIMEOUT(idleAgain.size(), 1, 5000);
        QCOMPARE(done.size(), 2); // both are due by then: the missing one's 15 minutes are over too
        QCOMPARE(fetchState(*h.db, limited).lastSuccess, 1'700'001'000);
        QVERIFY(fetchState(*h.db, limited).lastError.isEmpty());
    }

    void removedSourceStopsAndNewOnePollsAtOnce()
    {
        ApiHarness h;
        h.fake.dockerhub.insert(QStringLiteral("acme/app"), { 10, 1 });
        h.fake.dockerhub.insert(QStringLiteral("beta/app"), { 20, 2 });
        const qint64 a = h.addSource("dockerhub", { { "namespace", "acme" } });
        ApiScheduler s(*h.db, h.clock, h.registry, h.http);
        QSignalSpy done(&s, &ApiScheduler::pollFinished);
        s.tick();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 5000);
        SourceStore(*h.db, h.clock).remove(a, false);
        h.addSource("dockerhub", { { "namespace", "beta" } });
        h.clock.advanceSecs(7200);
        s.tick();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 5000);
        QCOMPARE(listings(h.fake).size(), 2);
        QCOMPARE(listings(h.fake).last().url.path(), QStringLiteral("/v2/repositories/beta/"));
        QCOMPARE(h.last("dockerhub", QStringLiteral("acme/app"), "pulls"), 10.0); // history kept
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestApiScheduler)
#include "tst_apischeduler.moc"
