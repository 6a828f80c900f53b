#include "core/sources/github/githubdemo.h"

#include "core/demo/demoparts.h"
#include "core/sources/apistore.h"
#include "core/sources/github/githubassets.h"
#include "core/sources/github/githubtype.h"
#include "core/storage/fetchstate.h"

#include <array>
#include <cmath>
#include <string_view>

namespace activity {

namespace {
struct Repo {
    const char* name;
    double stars;
    double starsPerDay;
    double forksRatio;
    double downloadsPerDay;
    int contributors;
};
constexpr std::array<Repo, 3> kRepos = { {
    { "acme/widget", 8200, 14, 0.11, 380, 142 },
    { "acme/widget-cli", 1900, 4, 0.08, 120, 37 },
    { "acme/widget-docs", 310, 0.8, 0.2, 0, 58 },
} };

qint64 samples(ApiStore& store, qint64 sourceId, const SourceDemo::Span& span, std::mt19937& rng)
{
    qint64 count = 0;
    const auto series = [&](const Repo& repo, const char* metric) {
        return store.seriesId(sourceId, gitHubTypeName(), QString::fromLatin1(repo.name), QString::fromLatin1(metric));
    };
    const auto sample = [&](qint64 id, qint64 ts, double value) {
        store.recordPoint(id, ts, value);
        ++count;
    };
    std::normal_distribution<double> noise(0, 1);
    // acme/widget's release assets, the files the demo site serves too: each one's share of the repository's
    // downloads, from its release on (1.5.0-rc1 with the burst 30 days before the end).
    struct Asset {
        const char* tag;
        const char* file;
        double share;
        qint64 series = 0;
        double count = 0;
    };
    std::array<Asset, 4> assets = { {
        { "v1.4.2", "activity-1.4.2.tar.gz", 0.4 },
        { "v1.4.2", "activity_1.4.2_amd64.deb", 0.25 },
        { "v1.4.1", "activity-1.4.1.tar.gz", 0.1 },
        { "v1.5.0-rc1", "Activity-x86_64.AppImage", 0.25 },
    } };
    const qint64 rcReleased = span.end - 30 * 86400;
    for (Asset& a : assets) {
        a.series = store.seriesId(sourceId, gitHubTypeName(),
            GitHubAssets::encode(
                { QString::fromLatin1(kRepos[0].name), QString::fromLatin1(a.tag), QString::fromLatin1(a.file) }),
            QString::fromLatin1(GitHubAssets::kMetric));
        a.count = std::string_view(a.tag) == "v1.5.0-rc1" ? 0 : 900 * a.share;
    }
    for (const Repo& repo : kRepos) {
        const qint64 stars = series(repo, "stars");
        const qint64 forks = series(repo, "forks");
        const qint64 watchers = series(repo, "watchers");
        const qint64 issues = series(repo, "open_issues");
        const qint64 pulls = series(repo, "open_pull_requests");
        const qint64 downloads = series(repo, "release_downloads");
        const qint64 contributors = series(repo, "contributors");
        const qint64 views = series(repo, "views");
        const qint64 viewsUnique = series(repo, "views_unique");
        const qint64 clones = series(repo, "clones");
        const qint64 clonesUnique = series(repo, "clones_unique");
        double s = repo.stars;
        double dl = repo.downloadsPerDay * 40;
        double openIssues = 40 + repo.stars / 200;
        double openPulls = 6 + repo.stars / 1500;
        int contrib = repo.contributors;
        const double perTick = double(span.step) / 86400.0;
        for (qint64 ts = span.start; ts <= span.end; ts += span.step) {
            const double rhythm = DemoParts::weekFactor(ts) * DemoParts::dayFactor(ts);
            // A release 30 days ago brought a burst of stars and downloads.
            const double burst = (ts > span.end - 30 * 86400 && ts < span.end - 27 * 86400) ? 4.0 : 1.0;
            s += std::max(0.0, repo.starsPerDay * perTick * rhythm * burst * (1 + 0.5 * noise(rng)));
            dl += std::max(0.0, repo.downloadsPerDay * perTick * rhythm * burst * (1 + 0.4 * noise(rng)));
            openIssues = std::max(3.0, openIssues + 0.35 * noise(rng) * std::sqrt(perTick * 24));
            openPulls = std::max(0.0, openPulls + 0.15 * noise(rng) * std::sqrt(perTick * 24));
            if (std::uniform_real_distribution<double>(0, 1)(rng) < 0.05 * perTick * 24)
                ++contrib;
            sample(stars, ts, std::floor(s));
            sample(forks, ts, std::floor(s * repo.forksRatio));
            sample(watchers, ts, std::floor(s * 0.025 + 10));
            sample(issues, ts, std::round(openIssues + openPulls));
            sample(pulls, ts, std::round(openPulls));
            sample(downloads, ts, std::floor(dl));
            sample(contributors, ts, contrib);
            if (&repo == &kRepos[0] && ts % 86400 == 0) {
                // One snapshot a day of each asset's count.
                const double day = repo.downloadsPerDay * rhythm * burst * 0.3;
                for (Asset& a : assets) {
                    const bool rc = std::string_view(a.tag) == "v1.5.0-rc1";
                    if (rc && ts < rcReleased)
                        continue;
                    if (!rc || ts > rcReleased)
                        a.count += std::max(0.0, day * a.share * (rc ? 1.5 : 1.0) * (1 + 0.3 * noise(rng)));
                    sample(a.series, ts, std::floor(a.count));
                }
            }
            if (ts % 86400 == 0) {
                // Traffic: GitHub gives per-day counts (not cumulative).
                const double v = repo.stars / 8 * DemoParts::weekFactor(ts) * (1 + 0.2 * noise(rng)) * burst;
                sample(views, ts, std::round(std::max(1.0, v)));
                sample(viewsUnique, ts, std::round(std::max(1.0, v * 0.3)));
                sample(clones, ts, std::round(std::max(0.0, v * 0.08)));
                sample(clonesUnique, ts, std::round(std::max(0.0, v * 0.03)));
            }
        }
    }
    return count;
}
} // namespace

SourceDemo gitHubDemo()
{
    SourceDemo d;
    d.name = QStringLiteral("acme (organisation)");
    d.settings
        = { { QStringLiteral("org"), QStringLiteral("acme") }, { QStringLiteral("interval"), QStringLiteral("15m") } };
    d.status = [](Database& db, qint64 id, qint64 now) {
        FetchState(db).recordSuccess(id, now - 240, 200);
        FetchState(db).setNextRun(id, now + 660);
        FetchState(db).setRateLimit(id, 5000, 4788, now + 2400);
    };
    d.samples = samples;
    return d;
}

} // namespace activity
