#include "core/sources/github/githubcollector.h"

#include "core/events/projectevent.h"
#include "core/sources/apijson.h"
#include "core/sources/apistore.h"
#include "core/sources/github/githubassets.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <map>
#include <optional>

namespace activity {

namespace {
struct GitHubText {
    Q_DECLARE_TR_FUNCTIONS(GitHubText)
};
const QLatin1String kProvider("github");
const QLatin1String kTrafficUnavailable("traffic_unavailable"); // repo -> when GitHub said 403
const QLatin1String kStarsBackfilled("stars_backfilled"); // repo -> true
const QLatin1String kTagsDated("tags_dated"); // repo -> {tag name -> commit sha} of the tags stored as events
const QLatin1String kAssetsPolled("assets_polled"); // repo -> when every page of its releases was last read
constexpr qint64 kTrafficRecheckSecs = 86400; // push access may be granted later
} // namespace

struct GitHubCollector::RepoWork {
    QString repo;
    int pending = 0;
    std::optional<GitHubJson::Repo> figures;
    std::optional<qint64> pulls;
    std::optional<qint64> contributors;
    std::optional<qint64> downloads;
    qint64 downloadSum = 0;
    QList<GitHubJson::Release> releases; // every page read, even when a later one failed
    std::optional<QList<GitHubJson::TrafficPoint>> views;
    std::optional<QList<GitHubJson::TrafficPoint>> clones;
    std::optional<QList<GitHubJson::RankedItem>> referrers;
    std::optional<QList<GitHubJson::RankedItem>> paths;
    bool trafficForbidden = false;
    QList<qint64> starredAt;
    bool starHistoryDone = false;
    bool releasesComplete = false;
    struct DatedTag {
        GitHubJson::Tag tag;
        GitHubJson::GitCommit commit;
    };
    QList<DatedTag> datedTags;
};

void GitHubCollector::startPoll()
{
    m_state = m_store.state(sourceId());
    m_repos.clear();
    m_next = 0;
    const QString repo = settings().value(QLatin1String("repo")).toString();
    if (!repo.isEmpty()) {
        m_repos.append(repo);
        nextRepo();
        return;
    }
    const QString org = settings().value(QLatin1String("org")).toString();
    discover(QStringLiteral("/orgs/%1/repos").arg(org), true);
}

// Every page of the organisation's repositories, each poll, so new ones are picked up (304s when unchanged).
void GitHubCollector::discover(const QString& listPath, bool fallbackToUser)
{
    auto found = std::make_shared<QStringList>();
    fetchPages(
        apiUrl(listPath, QStringLiteral("per_page=100")), "application/json", true,
        [this, found, listPath](const Page& page) {
            const auto names = GitHubJson::parseRepoList(page.body);
            if (!names) {
                fail(GitHubText::tr("GET %1: not a list of repositories").arg(listPath), page.response.status);
                return false;
            }
            *found += *names;
            return true;
        },
        [this, found](bool complete) {
            if (!complete)
                return;
            m_repos = *found;
            nextRepo();
        },
        {}, 1000,
        [this, listPath, fallbackToUser](const HttpResponse& r) {
            // An "organisation" may be a user account: /orgs answers 404 for those.
            if (r.status == 404 && fallbackToUser)
                discover(QStringLiteral("/users/%1/repos").arg(listPath.section(QLatin1Char('/'), 2, 2)), false);
            else
                failFor(apiUrl(listPath), r);
        });
}

// One repository at a time: its figures are stored together, and a rate limit stops between repositories.
void GitHubCollector::nextRepo()
{
    if (stopping() || m_next >= m_repos.size()) {
        m_store.setState(sourceId(), m_state);
        return;
    }
    pollRepo(m_repos.at(m_next++));
}

void GitHubCollector::pollRepo(const QString& repo)
{
    auto work = std::make_shared<RepoWork>();
    work->repo = repo;
    const QString base = QStringLiteral("/repos/") + repo;
    auto finishOne = [this, work] { finishPart(work); };
    auto request = [this, work, finishOne](const QString& path, const QString& query, auto parse) {
        ++work->pending;
        fetch(
            apiUrl(path, query), "application/json", true,
            [this, work, finishOne, parse, path](const Page& page) {
                if (!parse(page))
                    fail(GitHubText::tr("GET %1: unexpected answer").arg(path), page.response.status);
                finishOne();
            },
            [this, work, finishOne, path, query](const HttpResponse& r) {
                failFor(apiUrl(path, query), r);
                finishOne();
            });
    };
    ++work->pending; // held until every request below is queued
    request(base, QString(), [work](const Page& p) { return bool(work->figures = GitHubJson::parseRepo(p.body)); });
    // per_page=1: the last page's number is the exact count, in one request.
    request(base + QStringLiteral("/pulls"), QStringLiteral("state=open&per_page=1"), [work](const Page& p) {
        return bool(work->pulls = GitHubJson::countFromSinglePage(p.body, p.response.header("link")));
    });
    request(base + QStringLiteral("/contributors"), QStringLiteral("per_page=1&anon=true"), [work](const Page& p) {
        if (p.response.status == 204) // an empty repository has no contributors
            return bool(work->contributors = 0);
        return bool(work->contributors = GitHubJson::countFromSinglePage(p.body, p.response.header("link")));
    });
    ++work->pending;
    fetchPages(
        apiUrl(base + QStringLiteral("/releases"), QStringLiteral("per_page=100")), "application/json", true,
        [this, work](const Page& p) {
            const auto n = GitHubJson::releaseDownloads(p.body);
            work->releases += GitHubJson::parseReleases(p.body).value_or(QList<GitHubJson::Release>());
            if (!n)
                fail(GitHubText::tr("GET /repos/%1/releases: unexpected answer").arg(work->repo), p.response.status);
            work->downloadSum += n.value_or(0);
            return n.has_value();
        },
        [this, work, finishOne](bool complete) {
            if (complete) {
                work->downloads = work->downloadSum;
                work->releasesComplete = true;
                fetchTags(work); // after the releases: a tag that is a release is not asked about
            }
            finishOne();
        });
    if (!m_token.isEmpty()) {
        const qint64 forbiddenAt = qint64(m_state.value(kTrafficUnavailable).toObject().value(repo).toDouble());
        if (forbiddenAt == 0 || m_clock.nowSecs() - forbiddenAt >= kTrafficRecheckSecs)
            fetchTraffic(work);
    }
    if (!m_state.value(kStarsBackfilled).toObject().value(repo).toBool())
        fetchStarHistory(work);
    finishOne();
}

// Each request of a repository holds one count of work->pending; the last one done stores the repository.
void GitHubCollector::finishPart(const std::shared_ptr<RepoWork>& work)
{
    if (--work->pending > 0)
        return;
    store(*work);
    nextRepo();
}

void GitHubCollector::fetchTraffic(const std::shared_ptr<RepoWork>& work)
{
    const QString base = QStringLiteral("/repos/") + work->repo + QStringLiteral("/traffic/");
    auto get = [this, work, base](const QString& what, std::function<void(const QByteArray&)> parse) {
        ++work->pending;
        auto finishOne = [this, work] { finishPart(work); };
        fetch(
            apiUrl(base + what), "application/json", true,
            [parse, finishOne](const Page& p) {
                parse(p.body);
                finishOne();
            },
            [this, work, base, what, finishOne](const HttpResponse& r) {
                if (r.status == 403) // no push access: quietly without traffic
                    work->trafficForbidden = true;
                else
                    failFor(apiUrl(base + what), r);
                finishOne();
            });
    };
    get(QStringLiteral("views"),
        [work](const QByteArray& b) { work->views = GitHubJson::parseTraffic(b, QStringLiteral("views")); });
    get(QStringLiteral("clones"),
        [work](const QByteArray& b) { work->clones = GitHubJson::parseTraffic(b, QStringLiteral("clones")); });
    get(QStringLiteral("popular/referrers"),
        [work](const QByteArray& b) { work->referrers = GitHubJson::parseRanked(b, QStringLiteral("referrer")); });
    get(QStringLiteral("popular/paths"),
        [work](const QByteArray& b) { work->paths = GitHubJson::parseRanked(b, QStringLiteral("path")); });
}

void GitHubCollector::fetchStarHistory(const std::shared_ptr<RepoWork>& work)
{
    ++work->pending;
    auto finishOne = [this, work] { finishPart(work); };
    // Not cached: read once, and 400 pages of bodies would only fill the database.
    fetchPages(
        apiUrl(QStringLiteral("/repos/") + work->repo + QStringLiteral("/stargazers"), QStringLiteral("per_page=100")),
        "application/vnd.github.star+json", false,
        [this, work](const Page& p) {
            const auto times = GitHubJson::parseStarredAt(p.body);
            if (!times)
                fail(GitHubText::tr("GET /repos/%1/stargazers: unexpected answer").arg(work->repo), p.response.status);
            work->starredAt += times.value_or(QList<qint64>());
            return times.has_value();
        },
        [work, finishOne](bool complete) {
            work->starHistoryDone = complete || work->starHistoryDone;
            finishOne();
        },
        {}, kStargazerPageLimit,
        [this, work](const HttpResponse& r) {
            // 422 past the page limit: what we have is the history of the first 40,000 stars.
            if (r.status == 422 && !work->starredAt.isEmpty())
                work->starHistoryDone = true;
            else
                failFor(apiUrl(QStringLiteral("/repos/") + work->repo + QStringLiteral("/stargazers")), r);
        });
}

// Every page of the tags, each poll (cached: 304s), then the date of the tags neither dated before nor releases.
void GitHubCollector::fetchTags(const std::shared_ptr<RepoWork>& work)
{
    ++work->pending;
    auto tags = std::make_shared<QList<GitHubJson::Tag>>();
    fetchPages(
        apiUrl(QStringLiteral("/repos/") + work->repo + QStringLiteral("/tags"), QStringLiteral("per_page=100")),
        "application/json", true,
        [this, work, tags](const Page& p) {
            const auto page = GitHubJson::parseTags(p.body);
            if (!page)
                fail(GitHubText::tr("GET /repos/%1/tags: unexpected answer").arg(work->repo), p.response.status);
            *tags += page.value_or(QList<GitHubJson::Tag>());
            return page.has_value();
        },
        [this, work, tags](bool complete) {
            if (complete)
                dateTags(work, *tags);
            finishPart(work);
        });
}

void GitHubCollector::dateTags(const std::shared_ptr<RepoWork>& work, const QList<GitHubJson::Tag>& tags)
{
    QSet<QString> releaseTags;
    for (const GitHubJson::Release& r : work->releases)
        if (r.publishedAt > 0) // a draft is not shown: its tag, if pushed, is
            releaseTags.insert(r.tag);
    const QJsonObject dated = m_state.value(kTagsDated).toObject().value(work->repo).toObject();
    int budget = m_token.isEmpty() ? kTagDatesPerPollWithoutToken : kTagDatesPerPoll;
    // GitHub lists the newest names first: those are dated first.
    for (const GitHubJson::Tag& tag : tags) {
        if (releaseTags.contains(tag.name) || dated.value(tag.name).toString() == tag.sha)
            continue;
        if (budget-- <= 0)
            break;
        ++work->pending;
        const QString path = QStringLiteral("/repos/%1/git/commits/%2").arg(work->repo, tag.sha);
        // Not cached: a commit never changes, and it is asked for once.
        fetch(
            apiUrl(path), "application/json", false,
            [this, work, tag, path](const Page& p) {
                const auto commit = GitHubJson::parseGitCommit(p.body);
                if (commit)
                    work->datedTags.append({ tag, *commit });
                else
                    fail(GitHubText::tr("GET %1: unexpected answer").arg(path), p.response.status);
                finishPart(work);
            },
            [this, work, path](const HttpResponse& r) {
                failFor(apiUrl(path), r);
                finishPart(work);
            });
    }
}

void GitHubCollector::store(const RepoWork& w)
{
    const qint64 now = m_clock.nowSecs();
    const qint64 id = sourceId();
    m_store.transaction([&] {
        auto series
            = [&](const char* metric) { return m_store.seriesId(id, kProvider, w.repo, QString::fromLatin1(metric)); };
        if (w.figures) {
            m_store.recordSnapshot(series("stars"), now, double(w.figures->stars));
            m_store.recordSnapshot(series("forks"), now, double(w.figures->forks));
            m_store.recordSnapshot(series("watchers"), now, double(w.figures->watchers));
            if (w.pulls)
                m_store.recordSnapshot(
                    series("open_issues"), now, double(qMax<qint64>(0, w.figures->openIssuesAndPulls - *w.pulls)));
        }
        if (w.pulls)
            m_store.recordSnapshot(series("open_pull_requests"), now, double(*w.pulls));
        if (w.contributors)
            m_store.recordSnapshot(series("contributors"), now, double(*w.contributors));
        if (w.downloads)
            m_store.recordSnapshot(series("release_downloads"), now, double(*w.downloads));
        // Each published release's assets, from the same pages (no request per asset): their counts per poll.
        QJsonObject assetsPolled = m_state.value(kAssetsPolled).toObject();
        const qint64 lastPoll = qint64(assetsPolled.value(w.repo).toDouble());
        std::map<std::pair<QString, QString>, GitHubJson::ReleaseAsset> assets; // (tag, name) ->
        for (const GitHubJson::Release& r : w.releases)
            if (r.publishedAt > 0)
                for (const GitHubJson::ReleaseAsset& a : r.assets) {
                    auto [it, added] = assets.try_emplace({ r.tag, a.name }, a);
                    if (!added) // one file name twice in a release (GitHub refuses it): one count
                        it->second.downloads += a.downloads;
                }
        for (const auto& [key, a] : assets)
            GitHubAssets::record(
                m_store, id, { w.repo, key.first, key.second }, now, a.downloads, a.createdAt, lastPoll);
        if (w.releasesComplete) {
            assetsPolled.insert(w.repo, double(now));
            m_state.insert(kAssetsPolled, assetsPolled);
        }
        // Every release, each poll (the pages are cached: a 304 costs nothing): the first poll back-fills them.
        for (const GitHubJson::Release& r : w.releases)
            if (r.publishedAt > 0)
                m_store.recordEvent(id, r.id,
                    { 0, r.publishedAt, QString::fromLatin1(ProjectEvents::kRelease), w.repo, r.title, r.url });
        // A tag is shown at its commit's date, unless it is a release (then the release is shown, once).
        QJsonObject tagsDated = m_state.value(kTagsDated).toObject();
        QJsonObject dated = tagsDated.value(w.repo).toObject();
        if (w.releasesComplete)
            for (const GitHubJson::Release& r : w.releases)
                if (r.publishedAt > 0 && dated.contains(r.tag)) {
                    m_store.forgetEvent(id, QString::fromLatin1(ProjectEvents::kTag), w.repo, r.tag);
                    dated.remove(r.tag);
                }
        for (const RepoWork::DatedTag& t : w.datedTags) {
            const qsizetype at = t.commit.htmlUrl.lastIndexOf(QLatin1String("/commit/"));
            const QString url = at < 0 ? QString()
                                       : t.commit.htmlUrl.left(at) + QStringLiteral("/releases/tag/")
                    + QString::fromUtf8(QUrl::toPercentEncoding(t.tag.name));
            m_store.recordEvent(id, t.tag.name,
                { 0, t.commit.committedAt, QString::fromLatin1(ProjectEvents::kTag), w.repo, t.tag.name, url });
            dated.insert(t.tag.name, t.tag.sha);
        }
        tagsDated.insert(w.repo, dated);
        m_state.insert(kTagsDated, tagsDated);
        // Daily points replace the same day's earlier figure: history outlives GitHub's 14-day window.
        const auto daily = [&](const std::optional<QList<GitHubJson::TrafficPoint>>& points, const char* total,
                               const char* uniques) {
            if (!points)
                return;
            for (const auto& p : *points) {
                m_store.recordPoint(series(total), p.ts, double(p.count));
                m_store.recordPoint(series(uniques), p.ts, double(p.uniques));
            }
        };
        daily(w.views, "views", "views_unique");
        daily(w.clones, "clones", "clones_unique");
        const qint64 today = now - now % 86400;
        const auto ranked = [&](const std::optional<QList<GitHubJson::RankedItem>>& items, const char* metric) {
            if (!items)
                return;
            for (const auto& item : *items)
                m_store.recordRanked(series(metric), today, item.item, item.count, item.uniques);
        };
        ranked(w.referrers, "top_referrers");
        ranked(w.paths, "top_paths");
        if (w.starHistoryDone) {
            // Per UTC day, the running count at that day's last star: the chart starts at the first star.
            std::map<qint64, std::pair<qint64, qint64>> byDay; // day -> (last time, count)
            QList<qint64> times = w.starredAt;
            std::sort(times.begin(), times.end());
            for (int i = 0; i < times.size(); ++i)
                byDay[times[i] / 86400] = { times[i], i + 1 };
            const qint64 stars = series("stars");
            for (const auto& [day, point] : byDay)
                if (point.first < now)
                    m_store.recordPoint(stars, point.first, double(point.second));
            QJsonObject done = m_state.value(kStarsBackfilled).toObject();
            done.insert(w.repo, true);
            m_state.insert(kStarsBackfilled, done);
        }
        QJsonObject forbidden = m_state.value(kTrafficUnavailable).toObject();
        if (w.trafficForbidden)
            forbidden.insert(w.repo, double(now));
        else if (w.views)
            forbidden.remove(w.repo);
        m_state.insert(kTrafficUnavailable, forbidden);
    });
}

} // namespace activity
