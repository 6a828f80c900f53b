// GitHub polling cost: an organisation of 300 repositories against the loopback fake API (requests per first
// and per unchanged second poll, rate limit spent), then peak memory over a few thousand polls.
// Usage: bench_apipoll [POLLS]   (default 3000)
#undef QT_NO_CAST_FROM_ASCII // the fake server is test code written with plain literals
#include "core/net/httpcache.h"
#include "core/net/httpclient.h"
#include "core/sources/apistore.h"
#include "core/sources/github/githubcollector.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fakeapiserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>

using namespace activity;

namespace {
long statusKb(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLong();
    return -1;
}

PollOutcome pollOnce(ApiCollector& c)
{
    PollOutcome result;
    QEventLoop loop;
    QObject::connect(&c, &ApiCollector::finished, &loop, [&](const PollOutcome& o) {
        result = o;
        loop.quit();
    });
    c.poll();
    if (c.isPolling())
        loop.exec();
    return result;
}

struct Figures {
    int requests = 0;
    int notModified = 0;
    int spent = 0;
    qint64 ms = 0;
};

Figures measure(FakeApis& fake, ApiCollector& c)
{
    fake.server.clearLog();
    const int before = fake.rateRemaining;
    QElapsedTimer timer;
    timer.start();
    const PollOutcome o = pollOnce(c);
    if (!o.ok)
        std::fprintf(stderr, "poll failed: %s\n", qPrintable(o.error));
    return { int(fake.server.requests.size()), fake.server.count(304), before - fake.rateRemaining, timer.elapsed() };
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int polls = argc > 1 ? std::atoi(argv[1]) : 3000;
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("bench.sqlite")));
    Migrations::migrate(db);
    ManualClock clock;
    ApiStore store(db);
    HttpCache cache(db);
    HttpOptions options;
    options.userAgent = "activity-dashboard/bench";
    HttpClient http(options);
    FakeApis fake;
    fake.org = QStringLiteral("big");
    fake.token = "bench-token";
    qputenv("BENCH_TOKEN", "bench-token");
    for (int i = 0; i < 300; ++i) {
        FakeGitHubRepo r;
        r.stars = 10 + i;
        r.forks = i % 7;
        r.subscribers = i % 5;
        r.openPulls = i % 4;
        r.openIssuesOnly = i % 9;
        r.contributors = 1 + i % 30;
        r.releases = { { i, 2 * i }, { 3 } };
        for (int s = 0; s < 20; ++s)
            r.starredAt.append(1'600'000'000 + qint64(i) * 1000 + s * 86400);
        r.views = QJsonDocument::fromJson(
            R"({"count":3,"uniques":2,"views":[{"timestamp":"2023-11-14T00:00:00Z","count":3,"uniques":2}]})")
                      .object();
        r.clones = QJsonDocument::fromJson(
            R"({"count":1,"uniques":1,"clones":[{"timestamp":"2023-11-14T00:00:00Z","count":1,"uniques":1}]})")
                       .object();
        fake.github.insert(QStringLiteral("big/repo%1").arg(i, 3, 10, QLatin1Char('0')), r);
    }
    SourceStore sources(db, clock);
    const QJsonObject settings { { "org", "big" }, { "token-env", "BENCH_TOKEN" }, { "api-url", fake.baseUrl() } };
    const qint64 id = sources.add(QStringLiteral("github"), QStringLiteral("big/*"), settings);
    GitHubCollector org(id, settings, { store, cache, http, clock });

    const Figures first = measure(fake, org);
    std::printf("organisation of 300 repositories, token with push access\n");
    std::printf("first poll:  %d requests (%d counted against the rate limit of 5000/h), %lld ms\n", first.requests,
        first.spent, static_cast<long long>(first.ms));
    clock.advanceSecs(900);
    const Figures second = measure(fake, org);
    std::printf("second poll, nothing changed: %d requests, %d of them 304, %d counted against the limit, %lld ms\n",
        second.requests, second.notModified, second.spent, static_cast<long long>(second.ms));

    // A day of polling is 96 polls of every source; a few thousand polls of one repository stress the same code.
    const QJsonObject one { { "repo", "big/repo007" }, { "token-env", "BENCH_TOKEN" }, { "api-url", fake.baseUrl() } };
    const qint64 id2 = sources.add(QStringLiteral("github"), QStringLiteral("big/repo007"), one);
    GitHubCollector single(id2, one, { store, cache, http, clock });
    long rssAt100 = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 1; i <= polls; ++i) {
        clock.advanceSecs(900);
        if (i % 10 == 0) // something changes now and then, so some answers are 200s with new figures
            ++fake.github[QStringLiteral("big/repo007")].stars;
        fake.server.clearLog();
        pollOnce(single);
        if (i == 100)
            rssAt100 = statusKb("VmRSS:");
    }
    std::printf("%d polls of one repository: %.2f ms per poll; RSS after 100 polls %ld KiB, after %d polls %ld KiB, "
                "peak (VmHWM) %ld KiB\n",
        polls, double(timer.elapsed()) / polls, rssAt100, polls, statusKb("VmRSS:"), statusKb("VmHWM:"));
    return 0;
}
