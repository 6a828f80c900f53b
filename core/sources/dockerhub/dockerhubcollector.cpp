#include "core/sources/dockerhub/dockerhubcollector.h"

#include "core/sources/apistore.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct DockerHubText {
    Q_DECLARE_TR_FUNCTIONS(DockerHubText)
};
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
        });
        return;
    }
    const QString path = QStringLiteral("/v2/repositories/%1/").arg(ns);
    fetchPages(
        apiUrl(path, QStringLiteral("page_size=100")), "application/json", true,
        [this, path](const Page& page) {
            const auto parsed = DockerHubJson::parseRepoPage(page.body);
            if (!parsed) {
                fail(DockerHubText::tr("GET %1: unexpected answer").arg(path), page.response.status);
                return false;
            }
            store(parsed->repos);
            return true;
        },
        [](bool) {},
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

} // namespace activity
