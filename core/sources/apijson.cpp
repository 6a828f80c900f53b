#include "core/sources/apijson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

namespace activity {

namespace {
std::optional<QJsonValue> parse(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

// A JSON number that is a whole, non-negative count.
std::optional<qint64> count(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble() || v.toDouble() < 0)
        return std::nullopt;
    return qint64(v.toDouble());
}

std::optional<qint64> isoSecs(const QString& text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        return std::nullopt;
    return t.toSecsSinceEpoch();
}
} // namespace

namespace GitHubJson {
std::optional<Repo> parseRepo(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isObject())
        return std::nullopt;
    const QJsonObject o = v->toObject();
    const auto stars = count(o, "stargazers_count");
    const auto forks = count(o, "forks_count");
    const auto watchers = count(o, "subscribers_count");
    const auto issues = count(o, "open_issues_count");
    const QString name = o.value(QLatin1String("full_name")).toString();
    if (!stars || !forks || !watchers || !issues || name.isEmpty())
        return std::nullopt;
    return Repo { name, *stars, *forks, *watchers, *issues };
}

std::optional<QStringList> parseRepoList(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isArray())
        return std::nullopt;
    QStringList names;
    for (const QJsonValue& item : v->toArray()) {
        const QString name = item.toObject().value(QLatin1String("full_name")).toString();
        if (name.count(QLatin1Char('/')) != 1)
            return std::nullopt;
        names.append(name);
    }
    return names;
}

QMap<QString, QUrl> parseLink(const QByteArray& header)
{
    QMap<QString, QUrl> links;
    static const QRegularExpression re(QStringLiteral(R"re(<([^>]*)>\s*((?:;\s*[^;,]+)*))re"));
    static const QRegularExpression relRe(QStringLiteral(R"re(rel\s*=\s*"?([^";,]+)"?)re"));
    auto it = re.globalMatch(QString::fromUtf8(header));
    while (it.hasNext()) {
        const auto m = it.next();
        const auto rel = relRe.match(m.captured(2));
        if (!rel.hasMatch())
            continue;
        const QUrl url(m.captured(1), QUrl::StrictMode);
        if (!url.isValid())
            continue;
        for (const QString& name : rel.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            links.insert(name, url);
    }
    return links;
}

std::optional<qint64> countFromSinglePage(const QByteArray& body, const QByteArray& linkHeader)
{
    const auto v = parse(body);
    if (!v || !v->isArray())
        return std::nullopt;
    const QMap<QString, QUrl> links = parseLink(linkHeader);
    if (links.contains(QStringLiteral("last"))) {
        bool ok = false;
        const qint64 page
            = QUrlQuery(links.value(QStringLiteral("last"))).queryItemValue(QStringLiteral("page")).toLongLong(&ok);
        if (ok && page > 0)
            return page;
        return std::nullopt;
    }
    return v->toArray().size();
}

std::optional<qint64> releaseDownloads(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isArray())
        return std::nullopt;
    qint64 total = 0;
    for (const QJsonValue& release : v->toArray()) {
        for (const QJsonValue& asset : release.toObject().value(QLatin1String("assets")).toArray()) {
            const auto n = count(asset.toObject(), "download_count");
            if (!n)
                return std::nullopt;
            total += *n;
        }
    }
    return total;
}

std::optional<QList<Release>> parseReleases(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isArray())
        return std::nullopt;
    QList<Release> out;
    for (const QJsonValue& item : v->toArray()) {
        const QJsonObject o = item.toObject();
        Release r;
        r.id = o.value(QLatin1String("id")).isDouble()
            ? QString::number(qint64(o.value(QLatin1String("id")).toDouble()))
            : o.value(QLatin1String("id")).toString();
        r.tag = o.value(QLatin1String("tag_name")).toString();
        if (r.tag.isEmpty())
            return std::nullopt;
        if (r.id.isEmpty())
            r.id = r.tag;
        r.title = o.value(QLatin1String("name")).toString().trimmed();
        if (r.title.isEmpty())
            r.title = r.tag;
        r.url = o.value(QLatin1String("html_url")).toString();
        const QJsonValue published = o.value(QLatin1String("published_at"));
        if (published.isString()) {
            const auto ts = isoSecs(published.toString());
            if (!ts)
                return std::nullopt;
            r.publishedAt = *ts;
        }
        for (const QJsonValue& a : o.value(QLatin1String("assets")).toArray()) {
            const QJsonObject asset = a.toObject();
            ReleaseAsset ra;
            ra.name = asset.value(QLatin1String("name")).toString();
            const auto n = count(asset, "download_count");
            if (ra.name.isEmpty() || !n)
                return std::nullopt;
            ra.downloads = *n;
            ra.createdAt = isoSecs(asset.value(QLatin1String("created_at")).toString()).value_or(0);
            r.assets.append(ra);
        }
        out.append(r);
    }
    return out;
}

std::optional<QList<TrafficPoint>> parseTraffic(const QByteArray& body, const QString& key)
{
    const auto v = parse(body);
    if (!v || !v->isObject() || !v->toObject().value(key).isArray())
        return std::nullopt;
    QList<TrafficPoint> points;
    for (const QJsonValue& item : v->toObject().value(key).toArray()) {
        const QJsonObject o = item.toObject();
        const auto ts = isoSecs(o.value(QLatin1String("timestamp")).toString());
        const auto n = count(o, "count");
        const auto u = count(o, "uniques");
        if (!ts || !n || !u)
            return std::nullopt;
        points.append({ *ts - *ts % 86400, *n, *u });
    }
    return points;
}

std::optional<QList<RankedItem>> parseRanked(const QByteArray& body, const QString& key)
{
    const auto v = parse(body);
    if (!v || !v->isArray())
        return std::nullopt;
    QList<RankedItem> items;
    for (const QJsonValue& item : v->toArray()) {
        const QJsonObject o = item.toObject();
        const QString name = o.value(key).toString();
        const auto n = count(o, "count");
        const auto u = count(o, "uniques");
        if (name.isEmpty() || !n || !u)
            return std::nullopt;
        items.append({ name, *n, *u });
    }
    return items;
}

std::optional<QList<qint64>> parseStarredAt(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isArray())
        return std::nullopt;
    QList<qint64> times;
    for (const QJsonValue& item : v->toArray()) {
        const auto ts = isoSecs(item.toObject().value(QLatin1String("starred_at")).toString());
        if (!ts)
            return std::nullopt;
        times.append(*ts);
    }
    return times;
}

std::optional<QList<Tag>> parseTags(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isArray())
        return std::nullopt;
    QList<Tag> tags;
    for (const QJsonValue& item : v->toArray()) {
        const QJsonObject o = item.toObject();
        Tag t { o.value(QLatin1String("name")).toString(),
            o.value(QLatin1String("commit")).toObject().value(QLatin1String("sha")).toString() };
        if (t.name.isEmpty() || t.sha.isEmpty())
            return std::nullopt;
        tags.append(t);
    }
    return tags;
}

std::optional<GitCommit> parseGitCommit(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isObject())
        return std::nullopt;
    const QJsonObject o = v->toObject();
    const auto ts = isoSecs(o.value(QLatin1String("committer")).toObject().value(QLatin1String("date")).toString());
    if (!ts)
        return std::nullopt;
    return GitCommit { *ts, o.value(QLatin1String("html_url")).toString() };
}
} // namespace GitHubJson

namespace DockerHubJson {
namespace {
std::optional<Repo> repoFrom(const QJsonObject& o)
{
    const QString ns = o.value(QLatin1String("namespace")).toString();
    const QString name = o.value(QLatin1String("name")).toString();
    const auto pulls = count(o, "pull_count");
    const auto stars = count(o, "star_count");
    if (ns.isEmpty() || name.isEmpty() || !pulls || !stars)
        return std::nullopt;
    return Repo { ns + QLatin1Char('/') + name, *pulls, *stars };
}
} // namespace

std::optional<Page> parseRepoPage(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isObject() || !v->toObject().value(QLatin1String("results")).isArray())
        return std::nullopt;
    Page page;
    for (const QJsonValue& item : v->toObject().value(QLatin1String("results")).toArray()) {
        const auto repo = repoFrom(item.toObject());
        if (!repo)
            return std::nullopt;
        page.repos.append(*repo);
    }
    const QJsonValue next = v->toObject().value(QLatin1String("next"));
    if (next.isString())
        page.next = QUrl(next.toString(), QUrl::StrictMode);
    return page;
}

std::optional<Repo> parseRepo(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isObject())
        return std::nullopt;
    return repoFrom(v->toObject());
}

std::optional<TagPage> parseTagPage(const QByteArray& body)
{
    const auto v = parse(body);
    if (!v || !v->isObject() || !v->toObject().value(QLatin1String("results")).isArray())
        return std::nullopt;
    TagPage page;
    for (const QJsonValue& item : v->toObject().value(QLatin1String("results")).toArray()) {
        const QJsonObject o = item.toObject();
        Tag tag;
        tag.name = o.value(QLatin1String("name")).toString();
        if (tag.name.isEmpty())
            return std::nullopt;
        // Older tags have no tag_last_pushed: their last_updated is when they were pushed.
        for (const char* field : { "tag_last_pushed", "last_updated" }) {
            const QJsonValue when = o.value(QLatin1String(field));
            if (tag.pushedAt == 0 && when.isString())
                tag.pushedAt = isoSecs(when.toString()).value_or(0);
        }
        page.tags.append(tag);
    }
    const QJsonValue next = v->toObject().value(QLatin1String("next"));
    if (next.isString())
        page.next = QUrl(next.toString(), QUrl::StrictMode);
    return page;
}
} // namespace DockerHubJson

} // namespace activity
