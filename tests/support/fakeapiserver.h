#pragma once
// A loopback HTTP/1.1 server (keep-alive, ephemeral port) that answers like the GitHub REST v3 and
// Docker Hub v2 APIs: real field names, Link / "next" pagination, ETag + 304, X-RateLimit-* headers.
// Header-only so that benchmarks can use it too.

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>
#include <deque>
#include <functional>
#include <tuple>

struct FakeRequest {
    QByteArray method;
    QUrl url; // path and query
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body; // as long as its Content-Length says (a webhook's POST)
    QByteArray header(const char* name) const { return headers.value(QByteArray(name)); }
};

struct FakeResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool stall = false; // never answer
    qsizetype stallAfter = -1; // >= 0: send the headers and this many bytes of the body, then nothing more
};

class FakeHttpServer : public QObject {
public:
    std::function<FakeResponse(const FakeRequest&)> handler;
    QList<FakeRequest> requests;
    QList<int> statuses; // answered status per request
    int delayMs = -1; // >= 0: answer later (to observe concurrency)
    int active = 0;
    int maxActive = 0;

    FakeHttpServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    int count(int status) const { return int(statuses.count(status)); }
    void clearLog()
    {
        requests.clear();
        statuses.clear();
    }

private:
    void onRead(QTcpSocket* socket)
    {
        QByteArray& buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const int end = int(buffer.indexOf("\r\n\r\n"));
            if (end < 0)
                return;
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            qsizetype bodyLength = 0;
            for (const QByteArray& line : lines)
                if (line.toLower().startsWith("content-length:"))
                    bodyLength = line.mid(15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + bodyLength)
                return; // the rest of the body is still coming
            FakeRequest req;
            req.body = buffer.mid(end + 4, bodyLength);
            buffer.remove(0, end + 4 + bodyLength);
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            req.method = first.value(0);
            req.url = QUrl::fromEncoded(first.value(1));
            for (int i = 1; i < lines.size(); ++i) {
                const int colon = int(lines[i].indexOf(':'));
                if (colon > 0)
                    req.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            requests.append(req);
            FakeResponse response = handler ? handler(req) : FakeResponse { 404, {}, "{}" };
            statuses.append(response.stall ? 0 : response.status);
            if (response.stall)
                continue;
            ++active;
            maxActive = qMax(maxActive, active);
            QPointer<QTcpSocket> guard(socket);
            auto send = [this, guard, response] {
                --active;
                if (!guard)
                    return;
                QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
                for (const auto& [name, value] : response.headers)
                    out += name + ": " + value + "\r\n";
                out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n\r\n"
                    + (response.stallAfter >= 0 ? response.body.left(response.stallAfter) : response.body);
                guard->write(out);
            };
            if (delayMs >= 0)
                QTimer::singleShot(delayMs, this, send);
            else
                send();
        }
    }
    QTcpServer m_server;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

// A GitHub and Docker Hub world served by FakeHttpServer.
struct FakeGitHubRepo {
    int stars = 0;
    int forks = 0;
    int subscribers = 0;
    int openPulls = 0;
    int openIssuesOnly = 0; // open_issues_count is this plus openPulls, as on GitHub
    int contributors = 0;
    QList<QList<int>> releases; // download_count of each asset of each release
    // published_at of each release, newest first as GitHub lists them (0: a draft, null); a release without one here
    // was published at 2023-08-01 plus its index in days. Its name: releaseNames (empty: none, GitHub shows the tag).
    QList<qint64> releasePublishedAt;
    QStringList releaseNames;
    QStringList releaseTags; // tag_name of each release (none here: "v0", "v1"...)
    // File names of each release's assets (none here: "a0.tar.gz", "a1.tar.gz"...) and when an asset was uploaded, by
    // name (none: at its release's publication).
    QList<QStringList> assetNames;
    QHash<QString, qint64> assetCreatedAt;
    QList<qint64> starredAt; // seconds
    // Tags pushed: name and the tagged commit's committer date. /tags lists them first (GitHub lists the newest names
    // first), then the tag of each other release that is not a draft, whose commit is an hour before it.
    QList<std::pair<QString, qint64>> tags;
    bool pushAccess = true;
    QJsonObject views; // {"count","uniques","views":[...]}
    QJsonObject clones;
    QJsonArray referrers;
    QJsonArray paths;
};

struct FakeDockerRepo {
    qint64 pulls = 0;
    int stars = 0;
};

class FakeApis {
public:
    FakeHttpServer server;
    QString org; // GitHub organisation served at /orgs/ORG/repos
    QMap<QString, FakeGitHubRepo> github; // full_name ->
    QMap<QString, FakeDockerRepo> dockerhub; // namespace/name ->
    // namespace/name -> its tags, newest push first as Docker Hub lists them: name and tag_last_pushed (0: none, only
    // last_updated).
    QMap<QString, QList<std::pair<QString, qint64>>> dockerTags;
    QByteArray token; // the Bearer token that has push access
    int maxPerPage = 100; // GitHub caps per_page at 100; tests lower it to get several pages
    int rateLimit = 5000;
    int rateRemaining = 5000;
    qint64 rateReset = 1'700'003'600;
    int stargazerPageLimit = 400;
    // Answers to give, in order, before the normal one, for a path (no query).
    QHash<QString, std::deque<FakeResponse>> forced;
    int org404 = false; // answer 404 on /orgs/ORG (a user account)

    FakeApis()
    {
        server.handler = [this](const FakeRequest& r) { return answer(r); };
    }
    QString baseUrl() const { return server.baseUrl(); }

private:
    static QByteArray json(const QJsonValue& v)
    {
        return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    }
    FakeResponse withRate(FakeResponse r, bool counts)
    {
        if (counts && rateRemaining > 0)
            --rateRemaining;
        r.headers.append(QPair<QByteArray, QByteArray>("X-RateLimit-Limit", QByteArray::number(rateLimit)));
        r.headers.append(QPair<QByteArray, QByteArray>("X-RateLimit-Remaining", QByteArray::number(rateRemaining)));
        r.headers.append(QPair<QByteArray, QByteArray>("X-RateLimit-Reset", QByteArray::number(rateReset)));
        r.headers.append(
            QPair<QByteArray, QByteArray>("X-RateLimit-Used", QByteArray::number(rateLimit - rateRemaining)));
        return r;
    }
    // 200 with an ETag, or 304 when the client already has it (a 304 does not count against the limit).
    FakeResponse ok(const FakeRequest& req, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        const QByteArray etag = "W/\"" + QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex() + "\"";
        headers.append(QPair<QByteArray, QByteArray>("ETag", etag));
        headers.append(QPair<QByteArray, QByteArray>("Content-Type", "application/json; charset=utf-8"));
        if (req.header("if-none-match") == etag)
            return withRate(FakeResponse { 304, headers, {} }, false);
        return withRate(FakeResponse { 200, headers, body }, true);
    }
    // A page of a list with GitHub's Link header.
    FakeResponse page(const FakeRequest& req, const QJsonArray& all, int limitPages = 0)
    {
        const QUrlQuery q(req.url);
        const int perPage = qBound(1,
            q.hasQueryItem(QStringLiteral("per_page")) ? q.queryItemValue(QStringLiteral("per_page")).toInt() : 30,
            maxPerPage);
        const int pageNo = qMax(1, q.queryItemValue(QStringLiteral("page")).toInt());
        const int last = qMax(1, int((all.size() + perPage - 1) / perPage));
        if (limitPages > 0 && pageNo > limitPages)
            return withRate(
                FakeResponse { 422, {},
                    R"({"message":"In order to keep the API fast for everyone, pagination is limited for this resource."})" },
                true);
        QJsonArray slice;
        for (int i = (pageNo - 1) * perPage; i < qMin(int(all.size()), pageNo * perPage); ++i)
            slice.append(all.at(i));
        auto link = [&](int n, const char* rel) -> QByteArray {
            QUrlQuery lq(req.url);
            lq.removeAllQueryItems(QStringLiteral("page"));
            lq.addQueryItem(QStringLiteral("page"), QString::number(n));
            QUrl u(baseUrl() + req.url.path());
            u.setQuery(lq);
            return "<" + u.toEncoded() + ">; rel=\"" + rel + "\"";
        };
        QList<QByteArray> links;
        if (pageNo < last)
            links << link(pageNo + 1, "next") << link(last, "last");
        if (pageNo > 1)
            links << link(1, "first") << link(pageNo - 1, "prev");
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!links.isEmpty())
            headers.append(QPair<QByteArray, QByteArray>("Link", links.join(", ")));
        return ok(req, json(slice), headers);
    }
    FakeResponse notFound() { return withRate(FakeResponse { 404, {}, R"({"message":"Not Found"})" }, true); }

    FakeResponse answer(const FakeRequest& req)
    {
        const QString path = req.url.path();
        if (auto it = forced.find(path); it != forced.end() && !it->empty()) {
            FakeResponse r = it->front();
            it->pop_front();
            return r;
        }
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.value(0) == QLatin1String("v2"))
            return docker(req, parts);
        if ((parts.value(0) == QLatin1String("orgs") || parts.value(0) == QLatin1String("users")) && parts.size() == 3
            && parts[1] == org) {
            if (org404 && parts[0] == QLatin1String("orgs"))
                return notFound();
            QJsonArray all;
            for (auto it = github.cbegin(); it != github.cend(); ++it)
                if (it.key().startsWith(org + QLatin1Char('/')))
                    all.append(repoJson(it.key(), *it, false));
            return page(req, all);
        }
        if (parts.value(0) != QLatin1String("repos") || parts.size() < 3)
            return notFound();
        const QString name = parts[1] + QLatin1Char('/') + parts[2];
        if (!github.contains(name))
            return notFound();
        const FakeGitHubRepo& repo = github[name];
        const QString what = parts.mid(3).join(QLatin1Char('/'));
        if (what.isEmpty())
            return ok(req, json(repoJson(name, repo, true)));
        if (what == QLatin1String("pulls")) {
            QJsonArray all;
            for (int i = 0; i < repo.openPulls; ++i)
                all.append(QJsonObject { { "number", i + 1 }, { "state", "open" }, { "title", "PR" } });
            return page(req, all);
        }
        if (what == QLatin1String("contributors")) {
            if (repo.contributors == 0)
                return withRate(FakeResponse { 204, {}, {} }, true);
            QJsonArray all;
            for (int i = 0; i < repo.contributors; ++i)
                all.append(QJsonObject { { "login", QStringLiteral("user%1").arg(i) }, { "contributions", 10 } });
            return page(req, all);
        }
        if (what == QLatin1String("releases")) {
            QJsonArray all;
            for (int i = 0; i < repo.releases.size(); ++i) {
                const qint64 published
                    = i < repo.releasePublishedAt.size() ? repo.releasePublishedAt[i] : 1'690'848'000 + i * 86400;
                const QString tag = repo.releaseTags.value(i, QStringLiteral("v%1").arg(i));
                QJsonArray assets;
                for (int j = 0; j < repo.releases[i].size(); ++j) {
                    const QString file = repo.assetNames.value(i).value(j, QStringLiteral("a%1.tar.gz").arg(j));
                    const qint64 created = repo.assetCreatedAt.value(file, published ? published : 1'690'000'000);
                    const QString at = QDateTime::fromSecsSinceEpoch(created, Qt::UTC).toString(Qt::ISODate);
                    const int assetId = 90000 + i * 100 + j;
                    assets.append(QJsonObject {
                        { "url", QStringLiteral("%1/repos/%2/releases/assets/%3").arg(baseUrl(), name).arg(assetId) },
                        { "id", assetId }, { "node_id", "RA_kwDOAAAB" }, { "name", file }, { "label", QJsonValue() },
                        { "content_type", "application/gzip" }, { "state", "uploaded" }, { "size", 1024 },
                        { "download_count", repo.releases[i][j] }, { "created_at", at }, { "updated_at", at },
                        { "browser_download_url",
                            QStringLiteral("https://github.com/%1/releases/download/%2/%3").arg(name, tag, file) } });
                }
                all.append(QJsonObject { { "id", 5000 + i }, { "tag_name", tag },
                    { "name", repo.releaseNames.value(i) }, { "draft", published == 0 }, { "prerelease", false },
                    { "html_url", QStringLiteral("https://github.com/%1/releases/tag/%2").arg(name, tag) },
                    { "created_at", QDateTime::fromSecsSinceEpoch(1'690'000'000, Qt::UTC).toString(Qt::ISODate) },
                    { "published_at",
                        published == 0
                            ? QJsonValue()
                            : QJsonValue(QDateTime::fromSecsSinceEpoch(published, Qt::UTC).toString(Qt::ISODate)) },
                    { "assets", assets } });
            }
            return page(req, all);
        }
        if (what == QLatin1String("tags")) {
            QJsonArray all;
            for (const auto& [tag, sha, date] : tagCommits(name, repo))
                all.append(QJsonObject { { "name", tag },
                    { "commit",
                        QJsonObject { { "sha", sha },
                            { "url", QStringLiteral("%1/repos/%2/commits/%3").arg(baseUrl(), name, sha) } } },
                    { "zipball_url", QStringLiteral("%1/repos/%2/zipball/refs/tags/%3").arg(baseUrl(), name, tag) },
                    { "tarball_url", QStringLiteral("%1/repos/%2/tarball/refs/tags/%3").arg(baseUrl(), name, tag) },
                    { "node_id", "MDM6UmVmcmVmcy90YWdzL3Yx" } });
            return page(req, all);
        }
        if (what.startsWith(QLatin1String("git/commits/"))) {
            for (const auto& [tag, sha, date] : tagCommits(name, repo))
                if (what.mid(12) == sha) {
                    const QJsonObject person { { "name", "Maintainer" }, { "email", "m@example.org" },
                        { "date", QDateTime::fromSecsSinceEpoch(date, Qt::UTC).toString(Qt::ISODate) } };
                    return ok(req,
                        json(QJsonObject { { "sha", sha }, { "node_id", "C_kwDOA" },
                            { "url", QStringLiteral("%1/repos/%2/git/commits/%3").arg(baseUrl(), name, sha) },
                            { "html_url", QStringLiteral("https://github.com/%1/commit/%2").arg(name, sha) },
                            { "author", person }, { "committer", person },
                            { "tree", QJsonObject { { "sha", "9fb037999f264ba9a7fc6274d15fa3ae2ab98312" } } },
                            { "message", QString(QStringLiteral("Release ") + tag) }, { "parents", QJsonArray() },
                            { "verification", QJsonObject { { "verified", false }, { "reason", "unsigned" } } } }));
                }
            return notFound();
        }
        if (what == QLatin1String("stargazers")) {
            QJsonArray all;
            const bool withDates = req.header("accept") == "application/vnd.github.star+json";
            for (qint64 t : repo.starredAt) {
                const QJsonObject user { { "login", "someone" } };
                all.append(withDates ? QJsonValue(QJsonObject {
                               { "starred_at", QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate) },
                               { "user", user } })
                                     : QJsonValue(user));
            }
            return page(req, all, stargazerPageLimit);
        }
        if (what.startsWith(QLatin1String("traffic/"))) {
            if (token.isEmpty() || req.header("authorization") != "Bearer " + token || !repo.pushAccess)
                return withRate(
                    FakeResponse { 403, {},
                        R"({"message":"Must have push access to repository","documentation_url":"https://docs.github.com/rest"})" },
                    true);
            if (what == QLatin1String("traffic/views"))
                return ok(req, json(repo.views));
            if (what == QLatin1String("traffic/clones"))
                return ok(req, json(repo.clones));
            if (what == QLatin1String("traffic/popular/referrers"))
                return ok(req, json(repo.referrers));
            if (what == QLatin1String("traffic/popular/paths"))
                return ok(req, json(repo.paths));
        }
        if (what.startsWith(QLatin1String("stats/")))
            return withRate(FakeResponse { 202, {}, "{}" }, true);
        return notFound();
    }

    // Each tag of /tags with its commit: name, sha, committer date.
    static QList<std::tuple<QString, QString, qint64>> tagCommits(const QString& name, const FakeGitHubRepo& r)
    {
        QList<std::tuple<QString, QString, qint64>> out;
        const auto add = [&](const QString& tag, qint64 date) {
            const QString sha = QString::fromLatin1(
                QCryptographicHash::hash((name + tag + QString::number(date)).toUtf8(), QCryptographicHash::Sha1)
                    .toHex());
            out.append({ tag, sha, date });
        };
        for (const auto& [tag, date] : r.tags)
            add(tag, date);
        for (int i = 0; i < r.releases.size(); ++i) {
            const qint64 published
                = i < r.releasePublishedAt.size() ? r.releasePublishedAt[i] : 1'690'848'000 + i * 86400;
            const QString tag = r.releaseTags.value(i, QStringLiteral("v%1").arg(i));
            if (published != 0
                && std::none_of(r.tags.cbegin(), r.tags.cend(), [&](const auto& t) { return t.first == tag; }))
                add(tag, published - 3600);
        }
        return out;
    }

    QJsonObject repoJson(const QString& name, const FakeGitHubRepo& r, bool full) const
    {
        QJsonObject o { { "id", int(qHash(name) % 100000) }, { "name", name.section(QLatin1Char('/'), 1) },
            { "full_name", name }, { "private", false }, { "stargazers_count", r.stars }, { "watchers_count", r.stars },
            { "watchers", r.stars }, { "forks_count", r.forks },
            { "open_issues_count", r.openIssuesOnly + r.openPulls },
            { "open_issues", r.openIssuesOnly + r.openPulls } };
        if (full) // the list endpoints do not have subscribers_count
            o.insert(QStringLiteral("subscribers_count"), r.subscribers);
        return o;
    }

    FakeResponse docker(const FakeRequest& req, const QStringList& parts)
    {
        // /v2/repositories/NS/ and /v2/repositories/NS/NAME/
        if (parts.value(1) != QLatin1String("repositories") || parts.size() < 3)
            return FakeResponse { 404, {}, R"({"message":"object not found"})" };
        const QString ns = parts[2];
        auto repoObject = [&](const QString& full, const FakeDockerRepo& r) {
            return QJsonObject { { "user", ns }, { "name", full.section(QLatin1Char('/'), 1) }, { "namespace", ns },
                { "repository_type", "image" }, { "status", 1 }, { "is_private", false }, { "star_count", r.stars },
                { "pull_count", r.pulls }, { "last_updated", "2026-11-20T10:00:00.000000Z" } };
        };
        const QUrlQuery q(req.url);
        const int size = qBound(1, q.queryItemValue(QStringLiteral("page_size")).toInt(), maxPerPage);
        const int pageNo = qMax(1, q.queryItemValue(QStringLiteral("page")).toInt());
        if (parts.size() == 5 && parts[4] == QLatin1String("tags")) {
            const QString full = ns + QLatin1Char('/') + parts[3];
            if (!dockerhub.contains(full))
                return FakeResponse { 404, {}, R"({"message":"object not found"})" };
            const auto tags = dockerTags.value(full);
            const auto iso = [](qint64 t) {
                return QDateTime::fromSecsSinceEpoch(t, Qt::UTC)
                    .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000Z"));
            };
            QJsonArray results;
            for (int i = (pageNo - 1) * size; i < qMin(int(tags.size()), pageNo * size); ++i) {
                QJsonObject tag { { "id", 900 + i }, { "name", tags[i].first }, { "repository", 1 },
                    { "full_size", 1234567 }, { "tag_status", "active" }, { "v2", true },
                    { "last_updated", iso(tags[i].second > 0 ? tags[i].second : 1'690'000'000 + i) },
                    { "tag_last_pulled", iso(1'700'000'000) } };
                if (tags[i].second > 0)
                    tag.insert("tag_last_pushed", iso(tags[i].second));
                results.append(tag);
            }
            auto pageUrl = [&](int n) {
                return QJsonValue(QStringLiteral("%1/v2/repositories/%2/tags/?page=%3&page_size=%4")
                                      .arg(baseUrl(), full)
                                      .arg(n)
                                      .arg(size));
            };
            const QJsonObject o { { "count", int(tags.size()) },
                { "next", pageNo * size < tags.size() ? pageUrl(pageNo + 1) : QJsonValue() },
                { "previous", pageNo > 1 ? pageUrl(pageNo - 1) : QJsonValue() }, { "results", results } };
            return FakeResponse { 200, {}, json(o) };
        }
        if (parts.size() == 4) {
            const QString full = ns + QLatin1Char('/') + parts[3];
            if (!dockerhub.contains(full))
                return FakeResponse { 404, {}, R"({"message":"object not found"})" };
            return FakeResponse { 200, {}, json(repoObject(full, dockerhub[full])) };
        }
        QStringList names;
        for (auto it = dockerhub.cbegin(); it != dockerhub.cend(); ++it)
            if (it.key().startsWith(ns + QLatin1Char('/')))
                names.append(it.key());
        QJsonArray results;
        for (int i = (pageNo - 1) * size; i < qMin(int(names.size()), pageNo * size); ++i)
            results.append(repoObject(names[i], dockerhub[names[i]]));
        auto pageUrl = [&](int n) {
            return QJsonValue(
                QStringLiteral("%1/v2/repositories/%2/?page=%3&page_size=%4").arg(baseUrl(), ns).arg(n).arg(size));
        };
        const QJsonObject o { { "count", int(names.size()) },
            { "next", pageNo * size < names.size() ? pageUrl(pageNo + 1) : QJsonValue() },
            { "previous", pageNo > 1 ? pageUrl(pageNo - 1) : QJsonValue() }, { "results", results } };
        return FakeResponse { 200, {}, json(o) };
    }
};
