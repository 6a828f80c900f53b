#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>
#include <optional>

namespace activity {

// Pure parsers of GitHub REST v3 and Docker Hub v2 answers (no network, tested on fixture files).
// Each returns nullopt when the body is not the JSON shape the API documents.
namespace GitHubJson {
struct Repo {
    QString fullName;
    qint64 stars = 0; // stargazers_count
    qint64 forks = 0; // forks_count
    qint64 watchers = 0; // subscribers_count (GitHub's watchers_count is the star count)
    qint64 openIssuesAndPulls = 0; // open_issues_count counts pull requests too
};
std::optional<Repo> parseRepo(const QByteArray& body);
// full_name of each repository of an organisation's (or user's) list page.
std::optional<QStringList> parseRepoList(const QByteArray& body);
// RFC 8288 Link header: rel -> URL.
QMap<QString, QUrl> parseLink(const QByteArray& header);
// Length of a list asked for with per_page=1: the page number of rel="last", else the page's own length.
std::optional<qint64> countFromSinglePage(const QByteArray& body, const QByteArray& linkHeader);
// Sum of assets[].download_count over the releases of one page.
std::optional<qint64> releaseDownloads(const QByteArray& body);
struct ReleaseAsset {
    QString name; // the file's name, unique within its release
    qint64 downloads = 0; // download_count
    qint64 createdAt = 0; // created_at in seconds (a re-uploaded file is a new asset, counted from 0)
};
struct Release {
    QString id; // GitHub's id, which outlives a renamed tag
    QString tag; // tag_name
    QString title; // name, else the tag
    QString url; // html_url
    qint64 publishedAt = 0; // published_at in seconds; 0 for a draft (not published)
    QList<ReleaseAsset> assets;
};
// The releases of one /releases page.
std::optional<QList<Release>> parseReleases(const QByteArray& body);
struct TrafficPoint {
    qint64 ts = 0; // start of the UTC day
    qint64 count = 0;
    qint64 uniques = 0;
};
// /traffic/views (key "views") or /traffic/clones (key "clones").
std::optional<QList<TrafficPoint>> parseTraffic(const QByteArray& body, const QString& key);
struct RankedItem {
    QString item;
    qint64 count = 0;
    qint64 uniques = 0;
};
// /traffic/popular/referrers (key "referrer") or /traffic/popular/paths (key "path").
std::optional<QList<RankedItem>> parseRanked(const QByteArray& body, const QString& key);
// starred_at of each stargazer (Accept: application/vnd.github.star+json), in seconds.
std::optional<QList<qint64>> parseStarredAt(const QByteArray& body);
struct Tag {
    QString name;
    QString sha; // commit.sha: the tagged commit
};
// The tags of one /tags page (names and commits; GitHub gives them no date).
std::optional<QList<Tag>> parseTags(const QByteArray& body);
struct GitCommit {
    qint64 committedAt = 0; // committer.date in seconds
    QString htmlUrl; // https://github.com/OWNER/REPO/commit/SHA
};
// /git/commits/SHA: the tagged commit's date.
std::optional<GitCommit> parseGitCommit(const QByteArray& body);
} // namespace GitHubJson

namespace DockerHubJson {
struct Repo {
    QString repository; // namespace/name
    qint64 pulls = 0; // pull_count
    qint64 stars = 0; // star_count
};
struct Page {
    QList<Repo> repos;
    QUrl next; // empty on the last page
};
std::optional<Page> parseRepoPage(const QByteArray& body);
std::optional<Repo> parseRepo(const QByteArray& body);
struct Tag {
    QString name;
    qint64 pushedAt = 0; // tag_last_pushed (else last_updated) in seconds; 0 when it has neither
};
struct TagPage {
    QList<Tag> tags;
    QUrl next; // empty on the last page
};
// A page of /v2/repositories/NS/NAME/tags/.
std::optional<TagPage> parseTagPage(const QByteArray& body);
} // namespace DockerHubJson

} // namespace activity
