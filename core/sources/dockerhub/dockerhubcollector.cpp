#include "core/sources/dockerhub/dockerhubcollector.h"

#include "core/events/projectevent.h"
#include "core/sources/apistore.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <memory>

namespace activity {

namespace {
struct DockerHubText {
    Q_DECLARE_TR_FUNCTIONS(DockerHubText)
};
const QLatin1String kTagsRead("tags_read"); // repository -> when its tags were last read whole
// Tags are many requests for a namespace of many images and Docker Hub limits them: read every few hours, not at
// each poll (a new tag's marker comes within that).
constexpr qint64 kTagsRecheckSecs = 6 * 3600;
} // namespace

void DockerHubCollector::startPoll()
{
    const QString ns = settings().value(QLatin1String("namespace")).toString();
    const QString repo = settings().value(QLatin1String("repo")).toString();
    if (!repo.isEmpty()) {
        const QString path = QStringLiteral("/v2/repositories/%1/%2/").arg(ns, repo);
        fetch(apiUrl(path), "application/json", true, [this, path](const Page& page) {
            const auto parsed = DockerHubJson::parseRepo(page.body);
            if (!parsed)
                fail(DockerHubText::tr("GET %1: unexpected answer").arg(path), page.response.status);
            else
                store({ *parsed });
            if (parsed)
                fetchTags(parsed->repository);
        });
        return;
    }
    const QString path = QStringLiteral("/v2/repositories/%1/").arg(ns);
    auto listed = std::make_shared<QStringList>();
    fetchPages(
        apiUrl(path, QStringLiteral("page_size=100")), "application/json", true,
        [this, path, listed](const Page& page) {
            const auto parsed = DockerHubJson::parseRepoPage(page.body);
            if (!parsed) {
                fail(DockerHubText::tr("GET %1: unexpected answer").arg(path), page.response.status);
                return false;
            }
            store(parsed->repos);
            for (const auto& r : parsed->repos)
                *listed << r.repository;
            return true;
        },
        [this, listed](bool complete) {
            if (!complete) // the poll failed already; the tags wait for the next one
                return;
            for (const QString& repository : *listed)
                fetchTags(repository);
        },
        [](const Page& page) {
            const auto parsed = DockerHubJson::parseRepoPage(page.body);
            return parsed ? parsed->next : QUrl();
        });
}

void DockerHubCollector::store(const QList<DockerHubJson::Repo>& repos)
{
    const qint64 now = m_clock.nowSecs();
    m_store.transaction([&] {
        for (const auto& r : repos) {
            m_store.recordSnapshot(
                m_store.seriesId(sourceId(), QStringLiteral("dockerhub"), r.repository, QStringLiteral("pulls")), now,
                double(r.pulls));
            m_store.recordSnapshot(
                m_store.seriesId(sourceId(), QStringLiteral("dockerhub"), r.repository, QStringLiteral("stars")), now,
                double(r.stars));
        }
    });
}

void DockerHubCollector::fetchTags(const QString& repository)
{
    const qint64 lastRead = qint64(m_store.state(sourceId()).value(kTagsRead).toObject().value(repository).toDouble());
    if (lastRead > 0 && m_clock.nowSecs() - lastRead < kTagsRecheckSecs)
        return;
    const QString path = QStringLiteral("/v2/repositories/%1/tags/").arg(repository);
    auto tags = std::make_shared<QList<DockerHubJson::Tag>>();
    fetchPages(
        apiUrl(path, QStringLiteral("page_size=100")), "application/json", true,
        [this, path, tags](const Page& page) {
            const auto parsed = DockerHubJson::parseTagPage(page.body);
            if (!parsed) {
                fail(DockerHubText::tr("GET %1: unexpected answer").arg(path), page.response.status);
                return false;
            }
            *tags += parsed->tags;
            return true;
        },
        [this, repository, tags](bool complete) {
            m_store.transaction([&] {
                if (complete) {
                    QJsonObject state = m_store.state(sourceId());
                    QJsonObject read = state.value(kTagsRead).toObject();
                    read.insert(repository, double(m_clock.nowSecs()));
                    state.insert(kTagsRead, read);
                    m_store.setState(sourceId(), state);
                }
                for (const auto& tag : *tags)
                    if (tag.pushedAt > 0)
                        m_store.recordEvent(sourceId(), tag.name,
                            { 0, tag.pushedAt, QString::fromLatin1(ProjectEvents::kDockerTag), repository, tag.name,
                                QStringLiteral("https://hub.docker.com/r/%1/tags?name=%2").arg(repository, tag.name) });
            });
        },
        [](const Page& page) {
            const auto parsed = DockerHubJson::parseTagPage(page.body);
            return parsed ? parsed->next : QUrl();
        });
}

} // namespace activity
