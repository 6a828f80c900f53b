// The log part of collection: every enabled `syslog` listener and `logfile` follower, all feeding one ingest
// pipeline, kept in step with the sources table while running.
#include "core/collect/collection.h"
#include "core/geo/geoip.h"
#include "core/ingest/agentclassifier.h"
#include "core/ingest/ingestpipeline.h"
#include "core/ingest/receiverset.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

namespace activity {

namespace {
struct CollectLogsText {
    Q_DECLARE_TR_FUNCTIONS(CollectLogsText)
};

// Sources are re-read this often: a source added, paused, resumed or removed with the CLI or the
// window takes effect within this time. Counters and file positions are saved at the same pace.
constexpr int kSyncMs = 2000;

class LogCollection final : public Collection {
public:
    explicit LogCollection(const CollectContext& context)
        : Collection(context)
    { }
    ~LogCollection() override { stop(); }

    QString start() override
    {
        auto geo = GeoIp::openDefault(m_context.db);
        for (const QString& problem : geo->errors())
            emit warned(QStringLiteral("activity-dashboard: ") + problem);
        // While the store cannot be written, lines wait in the pipeline's queue: store.buffer says how much.
        IngestPipeline::Options options;
        options.queueBytes = qint64(AppSettings::storeBufferMiB(m_context.db)) << 20;
        options.queueLines = int(qMax<qint64>(options.queueLines, options.queueBytes / 256));
        // A broken agents file in the data folder must not stop collection: the shipped one serves, and it is said.
        QString rulesError;
        options.agentRules = AgentRules::load(m_context.dataDir, &rulesError);
        if (!options.agentRules)
            emit warned(QStringLiteral("activity-dashboard: ") + rulesError);
        // Crawlers claiming a checkable name are checked by address; broken ranges files: the shipped ones serve.
        const AppSettings::CrawlerCheckSettings checks = AppSettings::crawlerChecks(m_context.db);
        if (checks.enabled) {
            options.verifyCrawlers = true;
            options.crawlerChecks = CrawlerChecks::load(m_context.dataDir, &rulesError);
            if (!options.crawlerChecks)
                emit warned(QStringLiteral("activity-dashboard: ") + rulesError);
            options.verifier.dnsServer = checks.dnsServer;
        }
        m_pipeline = std::make_unique<IngestPipeline>(m_context.writer, std::move(geo), m_context.clock, options);
        IngestPipeline* pipeline = m_pipeline.get();
        // From the pipeline's thread to the one that started collection, where it is shown or stops `collect`.
        QPointer<QTimer> guard(&m_timer);
        pipeline->setErrorHandler([this, guard](const QString& message) {
            QMetaObject::invokeMethod(
                guard.data(), [this, message] { emit writeFailed(message); }, Qt::QueuedConnection);
        });
        m_receivers = std::make_unique<ReceiverSet>(m_context.writer, m_context.clock, m_context.registry, *pipeline,
            [pipeline](qint64 id, const QJsonObject& settings) {
                return pipeline->setSource(id, settings.value(QLatin1String("format")).toString().toUtf8(),
                    settings.value(QLatin1String("site")).toString().toUtf8());
            });
        m_receivers->setCollectorName(m_context.collectorName);
        const QStringList errors = m_receivers->sync();
        // Keep in step with the sources table even when one could not start: `collect` stops on the error,
        // but the window goes on, and a source added or fixed later must still start.
        m_timer.setInterval(kSyncMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { sync(); });
        m_timer.start();
        return errors.join(QLatin1Char('\n'));
    }

    void stop() override
    {
        m_timer.stop();
        if (m_receivers)
            m_receivers->stopReceiving(); // no more lines
        bool lost = false;
        if (m_pipeline) {
            m_pipeline->setErrorHandler({});
            m_pipeline->stop(); // flushes: everything received is stored before collect exits
            const auto totals = m_pipeline->totals();
            lost = totals.failed > 0;
            if (lost)
                m_loss
                    = CollectLogsText::tr("%n line(s) received could not be stored (%1)", nullptr, int(totals.failed))
                          .arg(m_pipeline->lastError());
        }
        // Positions after the lines are committed; not at all when some were lost (a restart reads them again).
        if (m_receivers && !lost)
            m_receivers->stopAll();
        else if (m_receivers)
            m_receivers->forget();
        m_receivers.reset();
        m_pipeline.reset();
    }

    QString lossSummary() const override { return m_loss; }

    void saveNow() override
    {
        if (m_pipeline)
            m_pipeline->flush(5000);
        sync();
    }

private:
    void sync()
    {
        try {
            for (const QString& error : m_receivers->sync())
                emit warned(QStringLiteral("activity-dashboard: ") + error);
            m_receivers->saveState(); // after the lines before the positions are committed (see saveState)
        } catch (const std::exception& e) {
            // Sources not read or positions not saved this time: tried again at the next sync (positions are
            // saved only once committed, so nothing is lost). A write error the pipeline also meets is shown by it.
            emit warned(QStringLiteral("activity-dashboard: ") + QString::fromUtf8(e.what()));
        }
    }

    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<ReceiverSet> m_receivers;
    QTimer m_timer;
    QString m_loss;
};
} // namespace

std::unique_ptr<Collection> createLogCollection(const CollectContext& context)
{
    return std::make_unique<LogCollection>(context);
}

} // namespace activity
