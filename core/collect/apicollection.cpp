// The API part of collection: the GitHub, Docker Hub, JSON and Prometheus sources on their timers.
#include "core/collect/collection.h"
#include "core/collect/collectorstore.h"
#include "core/collect/httpoptions.h"
#include "core/net/httpclient.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/apischeduler.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/storeurl.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QTimer>

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
        // Collectors sharing the store: a source is polled by the one holding its lease.
        m_scheduler->setMayPoll([this](qint64 id, qint64 interval) {
            return m_context.writer.call([&](Database& db) {
                return CollectorStore::claimLease(
                    db, id, m_context.collectorName, m_context.clock.nowSecs(), CollectorStore::leaseSecs(interval));
            });
        });
        m_startedAt = m_context.clock.nowSecs();
        beat();
        QObject::connect(&m_heartbeat, &QTimer::timeout, &m_heartbeat, [this] { beat(); });
        m_heartbeat.start(kHeartbeatMs);
        QObject::connect(m_scheduler.get(), &ApiScheduler::pollFinished, m_scheduler.get(),
            [this](qint64 id, const PollOutcome& outcome) {
                if (outcome.writeFailed)
                    emit writeFailed(CollectApiText::tr("cannot write to %1: %2")
                                         .arg(StoreUrl::shown(m_context.databasePath), outcome.error));
                else if (!outcome.ok)
                    emit warned(CollectApiText::tr("source %1: %2").arg(id).arg(outcome.error));
            });
        m_scheduler->start();
        return {};
    }
    void stop() override
    {
        m_heartbeat.stop();
        if (m_scheduler)
            m_scheduler->stop();
        // Another collector takes these sources over at once instead of when the leases run out.
        m_context.writer.post(
            [name = m_context.collectorName](Database& db) { CollectorStore::releaseLeases(db, name); });
    }

private:
    static constexpr int kHeartbeatMs = 10'000;
    // Says this collector is alive (Health lists collectors by their last heartbeat). A store away is tried again
    // at the next beat.
    void beat()
    {
        m_context.writer.post(
            [name = m_context.collectorName, started = m_startedAt, now = m_context.clock.nowSecs()](
                Database& db) { CollectorStore::heartbeat(db, name, QStringLiteral(ACTIVITY_VERSION), started, now); });
    }

    QTimer m_heartbeat;
    qint64 m_startedAt = 0;
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
