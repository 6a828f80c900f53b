#include "core/events/eventstore.h"
#include "core/query/apiquery.h"
#include "core/query/assetdownloadquery.h"
#include "core/query/seriescatalogue.h"
#include "core/sources/github/githubassets.h"
#include "core/sources/github/githubcollector.h"
#include "tests/support/apiharness.h"

#include <QFile>

namespace activity {

namespace {
const QByteArray kToken = "ghp_TESTsecret0123456789abcdef";

qint64 iso(const char* text)
{
    return QDateTime::fromString(QString::fromLatin1(text), Qt::ISODate).toSecsSinceEpoch();
}

void fillOrg(FakeApis& fake)
{
    fake.org = QStringLiteral("acme");
    fake.maxPerPage = 2; // several pages for every list
    fake.token = kToken;
    FakeGitHubRepo alpha;
    alpha.stars = 5;
    alpha.forks = 2;
    alpha.subscribers = 3;
    alpha.openPulls = 3;
    alpha.openIssuesOnly = 4;
    alpha.contributors = 5;
    alpha.releases = { { 10, 20 }, { 5 }, { 1, 1, 1 } };
    alpha.starredAt = { iso("2023-01-02T10:00:00Z"), iso("2023-01-02T12:00:00Z"), iso("2023-01-05T08:00:00Z"),
        iso("2023-01-05T09:30:00Z"), iso("2023-02-01T00:00:01Z") };
    alpha.views = QJsonDocument::fromJson(R"({"count":30,"uniques":7,"views":[
        {"timestamp":"2023-11-13T00:00:00Z","count":10,"uniques":3},
        {"timestamp":"2023-11-14T00:00:00Z","count":20,"uniques":4}]})")
                      .object();
    alpha.clones = QJsonDocument::fromJson(R"({"count":2,"uniques":1,"clones":[
        {"timestamp":"2023-11-14T00:00:00Z","count":2,"uniques":1}]})")
                       .object();
    alpha.referrers = QJsonDocument::fromJson(R"([{"referrer":"google.com","count":4,"uniques":3},
        {"referrer":"news.ycombinator.com","count":2,"uniques":2}])")
                          .array();
    alpha.paths
        = QJsonDocument::fromJson(R"([{"path":"/acme/alpha","title":"acme/alpha: a thing","count":9,"uniques":2}])")
              .array();
    fake.github.insert(QStringLiteral("acme/alpha"), alpha);
    FakeGitHubRepo beta;
    beta.stars = 1;
    beta.subscribers = 1;
    beta.pushAccess = false; // traffic answers 403
    beta.starredAt = { iso("2023-03-01T00:00:00Z") };
    fake.github.insert(QStringLiteral("acme/beta"), beta);
    FakeGitHubRepo gamma;
    gamma.stars = 0;
    fake.github.insert(QStringLiteral("acme/gamma"), gamma);
}
} // namespace

class TestGitHubCollector : public QObject {
    Q_OBJECT
private slots:
    void init() { qputenv("ACTIVITY_TEST_TOKEN", kToken); }

    void organisationFiguresMatchTheServer()
    {
        ApiHarness h;
        fillOrg(h.fake);
        const qint64 id = h.addSource("github", { { "org", "acme" }, { "token-env", "ACTIVITY_TEST_TOKEN" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));

        const QString alpha = QStringLiteral("acme/alpha");
        QCOMPARE(h.last("github", alpha, "stars"), 5.0);
        QCOMPARE(h.last("github", alpha, "forks"), 2.0);
        QCOMPARE(h.last("github", alpha, "watchers"), 3.0); // subscribers_count, not watchers_count (5)
        QCOMPARE(h.last("github", alpha, "open_issues"), 4.0); // open_issues_count 7 minus 3 pull requests
        QCOMPARE(h.last("github", alpha, "open_pull_requests"), 3.0);
        QCOMPARE(h.last("github", alpha, "contributors"), 5.0);
        QCOMPARE(h.last("github", alpha, "release_downloads"), 38.0); // every asset of every page
        QCOMPARE(h.last("github", QStringLiteral("acme/gamma"), "contributors"), 0.0); // 204 No Content
        QCOMPARE(h.last("github", QStringLiteral("acme/gamma"), "release_downloads"), 0.0);

        // Traffic: daily points, and the ranked lists of the day.
        using P = QList<std::pair<qint64, double>>;
        QCOMPARE(h.points("github", alpha, "views"),
            (P { { iso("2023-11-13T00:00:00Z"), 10 }, { iso("2023-11-14T00:00:00Z"), 20 } }));
        QCOMPARE(h.points("github", alpha, "views_unique"),
            (P { { iso("2023-11-13T00:00:00Z"), 3 }, { iso("2023-11-14T00:00:00Z"), 4 } }));
        QCOMPARE(h.points("github", alpha, "clones"), (P { { iso("2023-11-14T00:00:00Z"), 2 } }));
        QCOMPARE(h.points("github", alpha, "clones_unique"), (P { { iso("2023-11-14T00:00:00Z"), 1 } }));
        Statement ranked
            = h.db->prepare("SELECT s.metric, r.item, r.count, r.uniques, r.ts FROM ranked_items r JOIN series s "
                            "ON s.id = r.series_id ORDER BY s.metric, r.count DESC");
        QStringList rows;
        while (ranked.step())
            rows << QStringLiteral("%1 %2 %3 %4 %5")
                        .arg(ranked.text(0), ranked.text(1))
                        .arg(ranked.int64(2))
                        .arg(ranked.int64(3))
                        .arg(ranked.int64(4));
        QCOMPARE(rows,
            (QStringList { "top_paths /acme/alpha 9 2 1699920000", "top_referrers google.com 4 3 1699920000",
                "top_referrers news.ycombinator.com 2 2 1699920000" }));

        // No push access on beta: no traffic, quietly.
        QCOMPARE(h.last("github", QStringLiteral("acme/beta"), "views"), -1.0);
        QVERIFY(h.store->state(id).value("traffic_unavailable").toObject().contains("acme/beta"));

        // Star history: per day, the count at the day's last star, then today's figure.
        QCOMPARE(h.points("github", alpha, "stars"),
            (P { { iso("2023-01-02T12:00:00Z"), 2 }, { iso("2023-01-05T09:30:00Z"), 4 },
                { iso("2023-02-01T00:00:01Z"), 5 }, { h.clock.nowSecs(), 5 } }));

        // Rate limit as the last answer said.
        QCOMPARE(h.count("SELECT rate_limit_remaining FROM fetch_state"), qint64(h.fake.rateRemaining));
        QCOMPARE(h.count("SELECT rate_limit_limit FROM fetch_state"), 5000);

        // The token went in the Authorization header of every request, and the program's User-Agent.
        for (const FakeRequest& r : h.fake.server.requests) {
            QCOMPARE(r.header("authorization"), "Bearer " + kToken);
            QCOMPARE(r.header("user-agent"), QByteArray("activity-dashboard/test"));
            QVERIFY(!r.url.toEncoded().contains(kToken));
        }
        // ... and nowhere in the database files.
        h.db.reset();
        for (const char* suffix : { "", "-wal" }) {
            QFile f(h.dir.filePath(QStringLiteral("a.sqlite") + QLatin1String(suffix)));
            if (f.open(QIODevice::ReadOnly))
                QVERIFY(!f.readAll().contains(kToken));
        }
    }

    void secondPollCostsOnly304s()
    {
        ApiHarness h;
        fillOrg(h.fake);
        const qint64 id = h.addSource("github", { { "org", "acme" }, { "token-env", "ACTIVITY_TEST_TOKEN" } });
        {
            GitHubCollector c(id, h.settingsOf(id), h.services());
            QVERIFY(h.pollWith(c).ok);
        }
        const int remaining = h.fake.rateRemaining;
        h.fake.server.clearLog();
        h.restart(); // ETags come from the database, not from memory
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        const int requests = int(h.fake.server.requests.size());
        // 2 organisation pages; per repository: repo, pulls, contributors, releases (alpha: 2 pages), tags (alpha's
        // three releases: 2 pages; none: 1), and the 4 traffic lists where there is push access (beta's 403 is not
        // asked again within a day). A tag that is a release is never asked about.
        QCOMPARE(requests, 2 + (5 + 2 + 4) + (4 + 1) + (4 + 1 + 4));
        QCOMPARE(h.fake.server.count(304), requests - 2);
        QCOMPARE(h.fake.server.count(204), 2); // contributors of beta and gamma (empty): no ETag to reuse
        QCOMPARE(h.fake.rateRemaining, remaining - 2); // 304s are free
    }

    // Each poll of /releases (two pages) snapshots every asset's download_count per repository, tag and file; the
    // snapshots give downloads per day. A file deleted and uploaded again counts from its upload; a count that goes
    // down never makes a negative day; a release published between polls counts every download it has.
    void assetDownloadsPerPollAndDay()
    {
        ApiHarness h;
        h.fake.maxPerPage = 1; // one release per page
        FakeGitHubRepo rocket;
        rocket.releaseTags = { "v1.5.0", "v1.4.2" };
        rocket.releasePublishedAt = { iso("2023-11-01T10:00:00Z"), iso("2023-10-01T10:00:00Z") };
        rocket.assetNames
            = { { "rocket-1.5.0.tar.gz", "rocket-1.5.0.zip" }, { "rocket-1.4.2.tar.gz", "rocket-1.4.2.zip" } };
        rocket.releases = { { 10, 4 }, { 100, 50 } };
        h.fake.github.insert(QStringLiteral("acme/rocket"), rocket);
        const qint64 id = h.addSource("github", { { "repo", "acme/rocket" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        const auto asset = [](const char* tag, const char* file) {
            return GitHubAssets::encode(
                { QStringLiteral("acme/rocket"), QString::fromLatin1(tag), QString::fromLatin1(file) });
        };
        using P = QList<std::pair<qint64, double>>;
        const qint64 t0 = h.clock.nowSecs(); // 2023-11-14T22:13:20Z
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.points("github", asset("v1.5.0", "rocket-1.5.0.tar.gz"), "asset_downloads"), (P { { t0, 10 } }));
        QCOMPARE(h.points("github", asset("v1.5.0", "rocket-1.5.0.zip"), "asset_downloads"), (P { { t0, 4 } }));
        QCOMPARE(h.points("github", asset("v1.4.2", "rocket-1.4.2.tar.gz"), "asset_downloads"), (P { { t0, 100 } }));
        QCOMPARE(h.points("github", asset("v1.4.2", "rocket-1.4.2.zip"), "asset_downloads"), (P { { t0, 50 } }));
        QCOMPARE(h.last("github", QStringLiteral("acme/rocket"), "release_downloads"), 164.0);
        // The first snapshot is where counting starts: downloads before it have no day.
        QVERIFY(AssetDownloadQuery::days(*h.db, 0, t0 + 1).isEmpty());

        // A day later: 1.5.0's tarball +5, its zip unchanged; 1.4.2's tarball +20, its zip deleted and uploaded
        // again (at noon) and fetched 3 times since.
        const qint64 reupload = iso("2023-11-15T12:00:00Z");
        h.fake.github["acme/rocket"].releases = { { 15, 4 }, { 120, 3 } };
        h.fake.github["acme/rocket"].assetCreatedAt.insert(QStringLiteral("rocket-1.4.2.zip"), reupload);
        h.clock.advanceSecs(86400);
        const qint64 t1 = h.clock.nowSecs();
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.points("github", asset("v1.5.0", "rocket-1.5.0.tar.gz"), "asset_downloads"),
            (P { { t0, 10 }, { t1, 15 } }));
        QCOMPARE(h.points("github", asset("v1.5.0", "rocket-1.5.0.zip"), "asset_downloads"),
            (P { { t0, 4 }, { t1, 4 } })); // a new day's snapshot, the same count
        QCOMPARE(h.points("github", asset("v1.4.2", "rocket-1.4.2.zip"), "asset_downloads"),
            (P { { t0, 50 }, { reupload, 0 }, { t1, 3 } }));

        // Two days later: 1.5.0's zip says 2 (GitHub counts one less than before: no negative day), 1.4.2's zip +1,
        // and 1.6.0 published since the last poll with 7 downloads already.
        const qint64 published = iso("2023-11-16T09:00:00Z");
        FakeGitHubRepo& r = h.fake.github["acme/rocket"];
        r.releaseTags.prepend("v1.6.0");
        r.releasePublishedAt.prepend(published);
        r.assetNames.prepend({ "rocket-1.6.0.tar.gz" });
        r.releases = { { 7 }, { 15, 2 }, { 120, 4 } };
        h.clock.advanceSecs(86400);
        const qint64 t2 = h.clock.nowSecs();
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.points("github", asset("v1.6.0", "rocket-1.6.0.tar.gz"), "asset_downloads"),
            (P { { published, 0 }, { t2, 7 } }));

        const auto dayOf = [](qint64 ts) { return ts - ts % 86400; };
        QStringList got;
        for (const AssetDay& d : AssetDownloadQuery::days(*h.db, 0, t2 + 1))
            got << QStringLiteral("%1 %2 %3 %4 %5").arg(d.repo, d.version, d.asset).arg(d.day).arg(d.downloads);
        QCOMPARE(got,
            (QStringList { QStringLiteral("acme/rocket 1.4.2 rocket-1.4.2.tar.gz %1 20").arg(dayOf(t1)),
                QStringLiteral("acme/rocket 1.4.2 rocket-1.4.2.zip %1 3").arg(dayOf(t1)),
                QStringLiteral("acme/rocket 1.4.2 rocket-1.4.2.zip %1 1").arg(dayOf(t2)),
                QStringLiteral("acme/rocket 1.5.0 rocket-1.5.0.tar.gz %1 5").arg(dayOf(t1)),
                QStringLiteral("acme/rocket 1.6.0 rocket-1.6.0.tar.gz %1 7").arg(dayOf(t2)) }));
        const auto perVersionDay = AssetDownloadQuery::byVersionDay(AssetDownloadQuery::days(*h.db, 0, t2 + 1));
        QCOMPARE(perVersionDay.value({ QStringLiteral("1.4.2"), dayOf(t1) }), 23);
        QCOMPARE(perVersionDay.value({ QStringLiteral("1.5.0"), dayOf(t2) }), 0); // 4 -> 2: not -2
        for (qint64 n : perVersionDay)
            QVERIFY(n > 0);
        // A range starting after a snapshot counts from it: only day t2's gains.
        QCOMPARE(AssetDownloadQuery::byVersion(AssetDownloadQuery::days(*h.db, dayOf(t2), t2 + 1)),
            (QMap<QString, qint64> { { "1.4.2", 1 }, { "1.6.0", 7 } }));

        // The series catalogue names each asset's count; custom pages and alert rules read it by that id.
        const QString tarball
            = QStringLiteral(R"(github.asset_downloads{repo="acme/rocket",asset="rocket-1.4.2.tar.gz"})");
        QStringList ids;
        for (const CatalogueEntry& e : SeriesCatalogue::list(*h.db))
            ids << e.id;
        QVERIFY2(ids.contains(tarball), qPrintable(ids.join('\n')));
        QVERIFY(
            ids.contains(QStringLiteral(R"(github.asset_downloads{repo="acme/rocket",asset="rocket-1.6.0.tar.gz"})")));
        QString error;
        QCOMPARE(SeriesCatalogue::valueAt(*h.db, tarball, t2, 3600, &error), std::optional<double>(120));
        const SeriesValues v = SeriesCatalogue::get(*h.db, tarball, { dayOf(t0), dayOf(t2) + 86400 }, 86400);
        QVERIFY2(v.error.isEmpty(), qPrintable(v.error));
        QCOMPARE(v.points.size(), 3); // the last count of each day polled
        QCOMPARE(v.points.first().value, 100.0);
        QCOMPARE(v.points.last().value, 120.0);
        const QString withTag
            = QStringLiteral(R"(github.asset_downloads{repo="acme/rocket",tag="v1.4.2",asset="rocket-1.4.2.zip"})");
        QCOMPARE(SeriesCatalogue::valueAt(*h.db, withTag, t2, 3600, &error), std::optional<double>(4));
        QVERIFY(!SeriesCatalogue::valueAt(*h.db,
            QStringLiteral(R"(github.asset_downloads{repo="acme/rocket",asset="nothing.zip"})"), t2, 3600, &error));
        QVERIFY2(error.contains(QLatin1String("no series")), qPrintable(error));

        // A release drafted with its file ten days before (a draft is not counted), published after the last poll:
        // its downloads count from that poll.
        r.releaseTags.prepend("v1.7.0");
        r.releasePublishedAt.prepend(0);
        r.assetNames.prepend({ "rocket-1.7.0.tar.gz" });
        r.assetCreatedAt.insert(QStringLiteral("rocket-1.7.0.tar.gz"), t0 - 10 * 86400);
        r.releases.prepend({ 1 });
        h.clock.advanceSecs(3600);
        const qint64 t2b = h.clock.nowSecs();
        QVERIFY(h.pollWith(c).ok);
        QVERIFY(h.points("github", asset("v1.7.0", "rocket-1.7.0.tar.gz"), "asset_downloads").isEmpty());
        r.releasePublishedAt[0] = t2b + 600;
        r.releases[0] = { 11 };
        h.clock.advanceSecs(86400);
        const qint64 t3 = h.clock.nowSecs();
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.points("github", asset("v1.7.0", "rocket-1.7.0.tar.gz"), "asset_downloads"),
            (P { { t2b, 0 }, { t3, 11 } }));
        QCOMPARE(AssetDownloadQuery::byVersion(AssetDownloadQuery::days(*h.db, dayOf(t3), t3 + 1)),
            (QMap<QString, qint64> { { "1.7.0", 11 } }));
    }

    // A file name in several releases (checksums.txt): its ids carry the release's tag, and the id without one says
    // which tags there are.
    void assetNamedInSeveralReleases()
    {
        ApiHarness h;
        FakeGitHubRepo tool;
        tool.releaseTags = { "v2.0.0", "v1.0.0" };
        tool.assetNames = { { "checksums.txt", "tool-2.0.0.tar.gz" }, { "checksums.txt" } };
        tool.releases = { { 3, 10 }, { 7 } };
        h.fake.github.insert(QStringLiteral("acme/tool"), tool);
        const qint64 id = h.addSource("github", { { "repo", "acme/tool" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        QStringList ids;
        for (const CatalogueEntry& e : SeriesCatalogue::list(*h.db))
            if (e.id.startsWith(QLatin1String("github.asset_downloads")))
                ids << e.id;
        ids.sort();
        QCOMPARE(ids,
            (QStringList { R"(github.asset_downloads{repo="acme/tool",asset="checksums.txt",tag="v1.0.0"})",
                R"(github.asset_downloads{repo="acme/tool",asset="checksums.txt",tag="v2.0.0"})",
                R"(github.asset_downloads{repo="acme/tool",asset="tool-2.0.0.tar.gz"})" }));
        const qint64 now = h.clock.nowSecs();
        QString error;
        for (const QString& listed : ids)
            QVERIFY2(SeriesCatalogue::valueAt(*h.db, listed, now, 3600, &error), qPrintable(error));
        QCOMPARE(SeriesCatalogue::valueAt(*h.db, ids.first(), now, 3600, &error), std::optional<double>(7));
        QVERIFY(!SeriesCatalogue::valueAt(
            *h.db, R"(github.asset_downloads{repo="acme/tool",asset="checksums.txt"})", now, 3600, &error));
        QVERIFY2(error.contains(QLatin1String("v1.0.0")) && error.contains(QLatin1String("v2.0.0")), qPrintable(error));
        QVERIFY(!SeriesCatalogue::valueAt(
            *h.db, R"(github.asset_downloads{repo="acme/tool",asset="checksums.txt",os="linux"})", now, 3600, &error));
        QVERIFY2(error.contains(QLatin1String("os")), qPrintable(error));
        // The GitHub page's repositories are repositories, not files.
        QCOMPARE(ApiQuery::repositories(*h.db, QStringLiteral("github")), QStringList { "acme/tool" });
        QVERIFY(!ApiQuery::metrics(*h.db, QStringLiteral("github")).contains(QStringLiteral("asset_downloads")));
    }

    // Releases become events on the first poll (every page, drafts left out), stay one each on later polls, and a
    // release published later or renamed is seen on the next one.
    void releasesAreBackFilledAndKept()
    {
        ApiHarness h;
        h.fake.maxPerPage = 2;
        FakeGitHubRepo rocket;
        // Newest first, as GitHub lists them; the third is a draft (published_at null).
        rocket.releases = { { 1 }, { 2 }, { 3 }, { 4 }, { 5 } };
        rocket.releasePublishedAt = { iso("2023-11-10T15:00:00Z"), iso("2023-10-01T09:30:00Z"), 0,
            iso("2023-06-20T12:00:00Z"), iso("2023-01-05T08:00:00Z") };
        rocket.releaseNames = { "Rocket 2.0", "", "Rocket 1.9 (draft)", "Rocket 1.5", "" };
        h.fake.github.insert(QStringLiteral("acme/rocket"), rocket);
        const qint64 id = h.addSource("github", { { "repo", "acme/rocket" } });
        const auto expected = [](const FakeGitHubRepo& repo) {
            QStringList rows;
            for (int i = 0; i < repo.releases.size(); ++i) {
                if (repo.releasePublishedAt[i] == 0)
                    continue;
                const QString tag = QStringLiteral("v%1").arg(i);
                rows << QStringLiteral("%1 release acme/rocket %2 https://github.com/acme/rocket/releases/tag/%3")
                            .arg(repo.releasePublishedAt[i])
                            .arg(repo.releaseNames.value(i).isEmpty() ? tag : repo.releaseNames.value(i), tag);
            }
            rows.sort(); // by time: the times are ten digits
            return rows;
        };
        const auto stored = [&h] {
            QStringList rows;
            for (const ProjectEvent& e : EventStore(*h.db).between(0, std::numeric_limits<qint64>::max()))
                rows << QStringLiteral("%1 %2 %3 %4 %5").arg(e.ts).arg(e.kind, e.source, e.title, e.url);
            return rows;
        };
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(stored().size(), 4); // three pages, one draft
        QCOMPARE(stored(), expected(h.fake.github.value("acme/rocket")));
        QCOMPARE(stored().first(),
            QStringLiteral("%1 release acme/rocket v4 https://github.com/acme/rocket/releases/tag/v4")
                .arg(iso("2023-01-05T08:00:00Z")));

        h.clock.advanceSecs(900);
        QVERIFY(h.pollWith(c).ok); // 304s: the same four, not eight
        QCOMPARE(stored(), expected(h.fake.github.value("acme/rocket")));

        // The draft is published and the newest renamed.
        FakeGitHubRepo& later = h.fake.github["acme/rocket"];
        later.releasePublishedAt[2] = iso("2023-11-14T10:00:00Z");
        later.releaseNames[0] = QStringLiteral("Rocket 2.0.0");
        h.clock.advanceSecs(900);
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(stored().size(), 5);
        QCOMPARE(stored(), expected(later));

        // Removing the source with its history removes its events.
        QVERIFY(SourceStore(*h.db, h.clock).remove(id, true));
        QCOMPARE(stored(), QStringList());
    }

    // Tags become events at their commit's date on the first poll (every page), stay one each on later polls and cost
    // no new request; a tag that is a release is the release only, also when the release comes after the tag.
    void tagsAreEventsOnceAndNotBesideTheirRelease()
    {
        ApiHarness h;
        h.fake.maxPerPage = 2;
        h.fake.token = kToken;
        FakeGitHubRepo rocket;
        rocket.releases = { { 1 }, { 2 }, { 3 } }; // tags v0, v1 (a draft: not pushed), v2
        rocket.releasePublishedAt = { iso("2023-11-10T15:00:00Z"), 0, iso("2023-06-20T12:00:00Z") };
        rocket.tags = { { QStringLiteral("v3.0-rc1"), iso("2023-11-12T09:00:00Z") },
            { QStringLiteral("nightly/2023-09-01"), iso("2023-09-01T02:00:00Z") },
            { QStringLiteral("v1"), iso("2023-10-01T08:00:00Z") } }; // the draft's tag, pushed
        h.fake.github.insert(QStringLiteral("acme/rocket"), rocket);
        const qint64 id = h.addSource("github", { { "repo", "acme/rocket" }, { "token-env", "ACTIVITY_TEST_TOKEN" } });
        const auto stored = [&h] {
            QStringList rows;
            for (const ProjectEvent& e : EventStore(*h.db).between(0, std::numeric_limits<qint64>::max()))
                rows << QStringLiteral("%1 %2 %3 %4 %5")
                            .arg(QDateTime::fromSecsSinceEpoch(e.ts, Qt::UTC).toString(Qt::ISODate), e.kind, e.source,
                                e.title, e.url);
            return rows;
        };
        const auto commitRequests = [&h] {
            int n = 0;
            for (const FakeRequest& r : h.fake.server.requests)
                n += r.url.path().startsWith(QLatin1String("/repos/acme/rocket/git/commits/")) ? 1 : 0;
            return n;
        };
        const QString tagUrl = QStringLiteral("https://github.com/acme/rocket/releases/tag/");
        const QStringList first { "2023-06-20T12:00:00Z release acme/rocket v2 " + tagUrl + "v2",
            "2023-09-01T02:00:00Z tag acme/rocket nightly/2023-09-01 " + tagUrl + "nightly%2F2023-09-01",
            "2023-10-01T08:00:00Z tag acme/rocket v1 " + tagUrl + "v1",
            "2023-11-10T15:00:00Z release acme/rocket v0 " + tagUrl + "v0",
            "2023-11-12T09:00:00Z tag acme/rocket v3.0-rc1 " + tagUrl + "v3.0-rc1" };
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(stored(), first);
        QCOMPARE(commitRequests(), 3); // the three tags that are no release, once each
        int tagPages = 0;
        for (const FakeRequest& r : h.fake.server.requests)
            tagPages += r.url.path() == QLatin1String("/repos/acme/rocket/tags") ? 1 : 0;
        QCOMPARE(tagPages, 3); // five tags, two a page

        h.fake.server.clearLog();
        h.clock.advanceSecs(900);
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(stored(), first); // not added twice
        QCOMPARE(commitRequests(), 0);

        // The draft is published: v1 is the release only.
        h.fake.github["acme/rocket"].releasePublishedAt[1] = iso("2023-10-02T10:00:00Z");
        h.clock.advanceSecs(900);
        QVERIFY(h.pollWith(c).ok);
        QStringList after = first;
        after[2] = "2023-10-02T10:00:00Z release acme/rocket v1 " + tagUrl + "v1";
        QCOMPARE(stored(), after);
    }

    // Without a token (60 requests an hour), a few tags are dated per poll; the next polls date the rest.
    void tagDatesAreSpreadOverPolls()
    {
        ApiHarness h;
        FakeGitHubRepo rocket;
        for (int i = 0; i < 5; ++i)
            rocket.tags.append({ QStringLiteral("t%1").arg(i), iso("2023-01-01T00:00:00Z") + i * 86400 });
        h.fake.github.insert(QStringLiteral("acme/rocket"), rocket);
        const qint64 id = h.addSource("github", { { "repo", "acme/rocket" } });
        const auto tags = [&h] { return EventStore(*h.db).between(0, std::numeric_limits<qint64>::max()).size(); };
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(tags(), GitHubCollector::kTagDatesPerPollWithoutToken);
        h.clock.advanceSecs(900);
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(tags(), 5);
    }

    void newRepositoriesArePickedUp()
    {
        ApiHarness h;
        fillOrg(h.fake);
        const qint64 id = h.addSource("github", { { "org", "acme" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        FakeGitHubRepo delta;
        delta.stars = 42;
        h.fake.github.insert(QStringLiteral("acme/delta"), delta);
        h.clock.advanceSecs(900);
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.last("github", QStringLiteral("acme/delta"), "stars"), 42.0);
    }

    void rateLimitStopsAndSaysUntilWhen()
    {
        ApiHarness h;
        fillOrg(h.fake);
        h.fake.forced[QStringLiteral("/repos/acme/beta")].push_back(FakeResponse { 403,
            { { "X-RateLimit-Limit", "5000" }, { "X-RateLimit-Remaining", "0" },
                { "X-RateLimit-Reset", "1700003600" } },
            R"({"message":"API rate limit exceeded for user ID 1."})" });
        const qint64 id = h.addSource("github", { { "org", "acme" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.httpStatus, 403);
        QCOMPARE(outcome.retryAt, 1'700'003'600);
        QCOMPARE(outcome.error, QStringLiteral("rate limit reached (HTTP 403); waiting until 2023-11-14T23:13:20Z"));
        QCOMPARE(h.last("github", QStringLiteral("acme/alpha"), "stars"), 5.0); // finished before the limit
        QCOMPARE(h.last("github", QStringLiteral("acme/beta"), "stars"), -1.0); // not half-stored
        int toBeta = 0;
        for (const FakeRequest& r : h.fake.server.requests) {
            QVERIFY2(!r.url.path().startsWith("/repos/acme/gamma"), "no request after the limit");
            toBeta += r.url.path().startsWith("/repos/acme/beta") ? 1 : 0;
        }
        QCOMPARE(toBeta, 1); // the queued ones were dropped, not sent
        QCOMPARE(h.count("SELECT rate_limit_remaining FROM fetch_state"), 0);
        // Nothing lost: the next poll gets beta and gamma.
        h.clock.setMs(1'700'003'600'000);
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.last("github", QStringLiteral("acme/beta"), "stars"), 1.0);
        QCOMPARE(h.last("github", QStringLiteral("acme/gamma"), "stars"), 0.0);
    }

    void serverErrorsAreRetried()
    {
        ApiHarness h;
        fillOrg(h.fake);
        auto& forced = h.fake.forced[QStringLiteral("/repos/acme/alpha")];
        forced.push_back(FakeResponse { 502, {}, "bad gateway" });
        forced.push_back(FakeResponse { 500, {}, "{}" });
        const qint64 id = h.addSource("github", { { "repo", "acme/alpha" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.last("github", QStringLiteral("acme/alpha"), "stars"), 5.0);
        QCOMPARE(h.fake.server.count(502), 1);
        QCOMPARE(h.fake.server.count(500), 1);
    }

    void stalledConnectionTimesOut()
    {
        ApiHarness h;
        fillOrg(h.fake);
        auto& forced = h.fake.forced[QStringLiteral("/repos/acme/alpha/pulls")];
        for (int i = 0; i < 3; ++i)
            forced.push_back(FakeResponse { 200, {}, {}, true });
        const qint64 id = h.addSource("github", { { "repo", "acme/alpha" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        const PollOutcome outcome = h.pollWith(c);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.httpStatus, 0);
        QCOMPARE(outcome.error,
            QStringLiteral("GET /repos/acme/alpha/pulls?state=open&per_page=1: no answer from 127.0.0.1 within 0.3 s"));
        QCOMPARE(h.last("github", QStringLiteral("acme/alpha"), "stars"), 5.0); // the rest is kept
        QCOMPARE(h.last("github", QStringLiteral("acme/alpha"), "open_pull_requests"), -1.0);
        QCOMPARE(h.last("github", QStringLiteral("acme/alpha"), "open_issues"), -1.0); // needs the pull count
    }

    void starHistoryStopsAtThePageLimit()
    {
        ApiHarness h;
        fillOrg(h.fake);
        h.fake.stargazerPageLimit = 2; // 422 from page 3 on, as GitHub does from page 401
        const qint64 id = h.addSource("github", { { "repo", "acme/alpha" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        using P = QList<std::pair<qint64, double>>;
        QCOMPARE(h.points("github", QStringLiteral("acme/alpha"), "stars"),
            (P { { iso("2023-01-02T12:00:00Z"), 2 }, { iso("2023-01-05T09:30:00Z"), 4 }, { h.clock.nowSecs(), 5 } }));
        QCOMPARE(h.fake.server.count(422), 1);
        // Once only.
        h.fake.server.clearLog();
        h.clock.advanceSecs(900);
        QVERIFY(h.pollWith(c).ok);
        for (const FakeRequest& r : h.fake.server.requests)
            QVERIFY(!r.url.path().endsWith("/stargazers"));
    }

    void userAccountInsteadOfOrganisation()
    {
        ApiHarness h;
        fillOrg(h.fake);
        h.fake.org404 = true;
        const qint64 id = h.addSource("github", { { "org", "acme" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        QVERIFY(h.pollWith(c).ok);
        QCOMPARE(h.last("github", QStringLiteral("acme/gamma"), "forks"), 0.0);
    }

    void missingRepositoryAndMissingToken()
    {
        ApiHarness h;
        fillOrg(h.fake);
        const qint64 id = h.addSource("github", { { "repo", "acme/nothere" } });
        GitHubCollector c(id, h.settingsOf(id), h.services());
        PollOutcome outcome = h.pollWith(c);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.httpStatus, 404);
        QVERIFY2(outcome.error.startsWith("GET /repos/acme/nothere"), qPrintable(outcome.error));

        qunsetenv("ACTIVITY_TEST_TOKEN");
        h.fake.server.clearLog();
        const qint64 id2 = h.addSource("github", { { "repo", "acme/alpha" }, { "token-env", "ACTIVITY_TEST_TOKEN" } });
        GitHubCollector c2(id2, h.settingsOf(id2), h.services());
        outcome = h.pollWith(c2);
        QVERIFY(!outcome.ok);
        QCOMPARE(
            outcome.error, QStringLiteral("the environment variable ACTIVITY_TEST_TOKEN (--token-env) is not set"));
        QVERIFY(h.fake.server.requests.isEmpty());
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestGitHubCollector)
#include "tst_githubcollector.moc"
