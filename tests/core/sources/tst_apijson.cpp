#include "core/sources/apijson.h"

#include <QFile>
#include <QTest>

namespace activity {

namespace {
QByteArray fixture(const QString& name)
{
    QFile f(QStringLiteral(ACTIVITY_TEST_DATA "/api/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("missing fixture");
}

// Each parser's result as one line of text, "invalid" for nullopt, so every case is one table row.
QString render(const QString& kind, const QByteArray& body, const QByteArray& link)
{
    using namespace GitHubJson;
    const QString invalid = QStringLiteral("invalid");
    if (kind == "repo") {
        const auto r = parseRepo(body);
        return r ? QStringLiteral("%1 stars=%2 forks=%3 watchers=%4 issues+pulls=%5")
                       .arg(r->fullName)
                       .arg(r->stars)
                       .arg(r->forks)
                       .arg(r->watchers)
                       .arg(r->openIssuesAndPulls)
                 : invalid;
    }
    if (kind == "repolist") {
        const auto r = parseRepoList(body);
        return r ? r->join(',') : invalid;
    }
    if (kind == "count") {
        const auto r = countFromSinglePage(body, link);
        return r ? QString::number(*r) : invalid;
    }
    if (kind == "downloads") {
        const auto r = releaseDownloads(body);
        return r ? QString::number(*r) : invalid;
    }
    if (kind == "assets") {
        const auto r = parseReleases(body);
        if (!r)
            return invalid;
        QStringList out;
        for (const auto& release : *r) {
            QStringList files;
            for (const auto& a : release.assets)
                files << QStringLiteral("%1=%2@%3").arg(a.name).arg(a.downloads).arg(a.createdAt);
            out << release.tag + QLatin1Char(':') + files.join(',');
        }
        return out.join(' ');
    }
    if (kind == "views" || kind == "clones") {
        const auto r = parseTraffic(body, kind);
        if (!r)
            return invalid;
        QStringList out;
        for (const auto& p : *r)
            out << QStringLiteral("%1:%2/%3").arg(p.ts).arg(p.count).arg(p.uniques);
        return out.join(' ');
    }
    if (kind == "referrer" || kind == "path") {
        const auto r = parseRanked(body, kind);
        if (!r)
            return invalid;
        QStringList out;
        for (const auto& i : *r)
            out << QStringLiteral("%1=%2/%3").arg(i.item).arg(i.count).arg(i.uniques);
        return out.join('|');
    }
    if (kind == "starred") {
        const auto r = parseStarredAt(body);
        if (!r)
            return invalid;
        QStringList out;
        for (qint64 t : *r)
            out << QString::number(t);
        return out.join(' ');
    }
    if (kind == "hubpage") {
        const auto r = DockerHubJson::parseRepoPage(body);
        if (!r)
            return invalid;
        QStringList out;
        for (const auto& repo : r->repos)
            out << QStringLiteral("%1 pulls=%2 stars=%3").arg(repo.repository).arg(repo.pulls).arg(repo.stars);
        return out.join(',') + " next=" + r->next.toString();
    }
    if (kind == "hubrepo") {
        const auto r = DockerHubJson::parseRepo(body);
        return r ? QStringLiteral("%1 pulls=%2 stars=%3").arg(r->repository).arg(r->pulls).arg(r->stars) : invalid;
    }
    return QStringLiteral("unknown kind");
}
} // namespace

class TestApiJson : public QObject {
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("link");
        QTest::addColumn<QString>("expected");
        const QByteArray lastLink
            = R"(<https://api.github.com/repositories/1296269/pulls?state=open&per_page=1&page=2>; rel="next", <https://api.github.com/repositories/1296269/pulls?state=open&per_page=1&page=57>; rel="last")";
        QTest::addRow("repo: watchers is subscribers_count")
            << "repo"
            << "repo.json" << QByteArray() << "octocat/Hello-World stars=80 forks=9 watchers=42 issues+pulls=12";
        QTest::addRow("repo without subscribers_count") << "repo"
                                                        << "repo_no_subscribers.json" << QByteArray() << "invalid";
        QTest::addRow("repo: an error body") << "repo"
                                             << "not_found.json" << QByteArray() << "invalid";
        QTest::addRow("repo: not JSON") << "repo"
                                        << "html_error.txt" << QByteArray() << "invalid";
        QTest::addRow("organisation list") << "repolist"
                                           << "org_repos.json" << QByteArray() << "acme/one,acme/two";
        QTest::addRow("organisation list: object") << "repolist"
                                                   << "repo.json" << QByteArray() << "invalid";
        QTest::addRow("count from the last link") << "count"
                                                  << "pulls_page.json" << lastLink << "57";
        QTest::addRow("count of a single page") << "count"
                                                << "pulls_page.json" << QByteArray() << "1";
        QTest::addRow("count of an empty list") << "count"
                                                << "empty_list.json" << QByteArray() << "0";
        QTest::addRow("count: error object") << "count"
                                             << "not_found.json" << QByteArray() << "invalid";
        QTest::addRow("downloads over every asset") << "downloads"
                                                    << "releases.json" << QByteArray() << "1050";
        QTest::addRow("each release's assets")
            << "assets"
            << "releases.json" << QByteArray()
            << "v1.0.0:example.zip=42@0,example.tar.gz=8@0 v0.9.0: v0.8.0:old.zip=1000@0";
        QTest::addRow("downloads: no releases") << "downloads"
                                                << "empty_list.json" << QByteArray() << "0";
        QTest::addRow("views") << "views"
                               << "traffic_views.json" << QByteArray() << "1476057600:440/143 1476144000:1308/414";
        QTest::addRow("clones") << "clones"
                                << "traffic_clones.json" << QByteArray() << "1476057600:2/1 1476144000:17/16";
        QTest::addRow("views key missing") << "views"
                                           << "traffic_clones.json" << QByteArray() << "invalid";
        QTest::addRow("referrers") << "referrer"
                                   << "referrers.json" << QByteArray()
                                   << "Google=4/3|stackoverflow.com=2/2|eggsonbread.com=1/1";
        QTest::addRow("paths") << "path"
                               << "paths.json" << QByteArray()
                               << "/github/hubot=3542/2225|/github/hubot/blob/master/docs/scripting.md=1707/804";
        QTest::addRow("stargazers with dates") << "starred"
                                               << "stargazers.json" << QByteArray() << "1295638295 1295683200";
        QTest::addRow("stargazers without the star Accept") << "starred"
                                                            << "stargazers_plain.json" << QByteArray() << "invalid";
        QTest::addRow("hub page")
            << "hubpage"
            << "dockerhub_page.json" << QByteArray()
            << "library/nginx pulls=12345678901 stars=20588,library/redis pulls=5000000000 stars=12900 "
               "next=https://hub.docker.com/v2/repositories/library/?page=2&page_size=2";
        QTest::addRow("hub last page") << "hubpage"
                                       << "dockerhub_last_page.json" << QByteArray()
                                       << "library/alpine pulls=7 stars=11000 next=";
        QTest::addRow("hub repository") << "hubrepo"
                                        << "dockerhub_repo.json" << QByteArray()
                                        << "library/nginx pulls=12345678901 stars=20588";
        QTest::addRow("hub: error") << "hubrepo"
                                    << "not_found.json" << QByteArray() << "invalid";
    }
    void parse()
    {
        QFETCH(QString, kind);
        QFETCH(QString, file);
        QFETCH(QByteArray, link);
        QFETCH(QString, expected);
        QCOMPARE(render(kind, fixture(file), link), expected);
    }

    void link_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::addRow("GitHub") << QByteArray(
            R"(<https://api.github.com/user/repos?page=3&per_page=100>; rel="next", <https://api.github.com/user/repos?page=50&per_page=100>; rel="last")")
                                << "last=https://api.github.com/user/repos?page=50&per_page=100 "
                                   "next=https://api.github.com/user/repos?page=3&per_page=100";
        QTest::addRow("unquoted rel, several names")
            << QByteArray("<http://h/a?page=1>; rel=prev, <http://h/a?page=1>; rel=\"first start\"")
            << "first=http://h/a?page=1 prev=http://h/a?page=1 start=http://h/a?page=1";
        QTest::addRow("empty") << QByteArray() << "";
        QTest::addRow("garbage") << QByteArray("rel=next") << "";
    }
    void link()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        QStringList out;
        const auto links = GitHubJson::parseLink(header);
        for (auto it = links.cbegin(); it != links.cend(); ++it)
            out << it.key() + '=' + it.value().toString();
        QCOMPARE(out.join(' '), expected);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestApiJson)
#include "tst_apijson.moc"
