// The API part of collection: the GitHub, Docker Hub, JSON and Prometheus sources on their timers.
#include "core/collect/collection.h"
#include "core/collect/httpoptions.h"
#include "core/net/httpclient.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/apischeduler.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct CollectApiText {
    Q_DECLARE_TR_FUNCTIONS(CollectApiText)
};

class ApiCollection final : public Collection {
public:
    explicit ApiCollection(const CollectContext& context)
        : Collection(context)
    { }
    QString start() override
    {
        m_http = std::make_unique<HttpClient>(apiHttpOptions(m_context.db));
        m_tokens = TokenVault::createDefault(m_context.dataDir);
        m_scheduler = std::make_unique<ApiScheduler>(
            m_context.db, m_context.writer, m_context.clock, m_context.registry, *m_http);
        m_scheduler->setTokenVault(m_tokens.get());
        QObject::connect(m_scheduler.get(), &ApiScheduler::pollFinished, m_scheduler.get(),
            [this](qint64 id, const PollOutcome& outcome) {
                if (outcome.writeFailed)
                    emit writeFailed(
                        CollectApiText::tr("cannot write to %1: %2").arg(m_context.databasePath, outcome.error));
                else if (!outcome.ok)
                    emit warned(CollectApiText::tr("source %1: %2").arg(id).arg(outcome.error));
            });
        m_scheduler->start();
        return {};
    }
    void stop() override
    {
        if (m_scheduler)
            m_scheduler->stop();
    }

private:
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<TokenVault> m_tokens;
    std::unique_ptr<ApiScheduler> m_scheduler;
};
} // namespace

std::unique_ptr<Collection> createApiCollection(const CollectContext& context)
{
    return std::make_unique<ApiCollection>(context);
}

} // namespace activity
