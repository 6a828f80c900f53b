// The log half of `collect`: every enabled `syslog` listener and `logfile` follower, all feeding one
// ingest pipeline, kept in step with the sources table while running.
#include "app/collectors.h"
#include "app/commandcontext.h"
#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/ingest/receiverset.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QThread>
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
    explicit LogCollection(CommandContext& context)
        : m_context(context)
    { }
    ~LogCollection() override { stop(); }

    QString start() override
    {
        Database* db = m_context.database();
        DbWriter* writer = m_context.writer();
        if (!db || !writer)
            return CollectLogsText::tr("cannot open the database");
        auto geo = GeoIp::openDefault(*db);
        for (const QString& problem : geo->errors())
            m_context.err() << "activity-dashboard: " << problem << Qt::endl;
        m_pipeline = std::make_unique<IngestPipeline>(*writer, std::move(geo), m_context.clock());
        IngestPipeline* pipeline = m_pipeline.get();
        // From the pipeline's thread to the main one, where the handler shows it or stops `collect`.
        QPointer<QTimer> guard(&m_timer);
        pipeline->setErrorHandler([this, guard](const QString& message) {
            QMetaObject::invokeMethod(
                guard.data(),
                [this, message] {
                    if (m_onWriteError)
                        m_onWriteError(message);
                },
                Qt::QueuedConnection);
        });
        m_receivers = std::make_unique<ReceiverSet>(
            *writer, m_context.clock(), *pipeline, [pipeline](qint64 id, const QJsonObject& settings) {
                return pipeline->setSource(id, settings.value(QLatin1String("format")).toString().toUtf8(),
                    settings.value(QLatin1String("site")).toString().toUtf8());
            });
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
                m_context.err() << "activity-dashboard: " << error << Qt::endl;
            m_receivers->saveState(); // after the lines before the positions are committed (see saveState)
        } catch (const std::exception& e) {
            // Sources not read or positions not saved this time: tried again at the next sync (positions are
            // saved only once committed, so nothing is lost). A write error the pipeline also meets is shown by it.
            m_context.err() << "activity-dashboard: " << QString::fromUtf8(e.what()) << Qt::endl;
        }
    }

    CommandContext& m_context;
    std::unique_ptr<IngestPipeline> m_pipeline;
    std::unique_ptr<ReceiverSet> m_receivers;
    QTimer m_timer;
    QString m_loss;
};
} // namespace

std::unique_ptr<Collection> createLogCollection(CommandContext& context)
{
    return std::make_unique<LogCollection>(context);
}

int readLogFilesOnce(CommandContext& ctx)
{
    Database* db = ctx.database();
    DbWriter* writer = ctx.writer();
    if (!db || !writer)
        return 1;
    QMap<qint64, SourceRecord> logSources;
    for (const SourceRecord& r : SourceStore(*db, ctx.clock()).list())
        if (r.enabled && (r.type == QLatin1String("logfile") || r.type == QLatin1String("syslog")))
            logSources.insert(r.id, r);
    if (logSources.isEmpty())
        return 0;
    auto geo = GeoIp::openDefault(*db);
    IngestPipeline pipeline(*writer, std::move(geo), ctx.clock());
    ReceiverSet receivers(*writer, ctx.clock(), pipeline, [&pipeline](qint64 id, const QJsonObject& settings) {
        return pipeline.setSource(id, settings.value(QLatin1String("format")).toString().toUtf8(),
            settings.value(QLatin1String("site")).toString().toUtf8());
    });
    receivers.setTypes({ QStringLiteral("logfile") });
    int status = 0;
    for (const QString& error : receivers.sync()) {
        ctx.err() << "activity-dashboard: " << error << Qt::endl;
        status = 1;
    }
    // Each file is read to its end: done once its follower has looked twice without finding more.
    QMap<qint64, std::pair<qint64, int>> seen; // lines read, polls when that count was first seen
    for (bool reading = true; reading;) {
        QThread::msleep(100);
        reading = false;
        for (auto it = logSources.cbegin(); it != logSources.cend(); ++it) {
            LogFollower* f = receivers.follower(it.key());
            if (!f)
                continue;
            auto& [lines, polls] = seen[it.key()];
            if (f->linesRead() != lines || polls == 0) {
                lines = f->linesRead();
                polls = f->polls() + 1;
            }
            reading = reading || f->polls() < polls + 2;
        }
    }
    receivers.stopReceiving();
    pipeline.stop(); // committed, then the positions: a crash in between reads the lines again, never skips them
    if (pipeline.totals().failed > 0) {
        receivers.forget();
    } else {
        try {
            receivers.saveState();
        } catch (const std::exception& e) {
            ctx.err() << "activity-dashboard: " << QString::fromUtf8(e.what()) << Qt::endl;
            status = 1;
        }
    }
    for (auto it = logSources.cbegin(); it != logSources.cend(); ++it) {
        const SourceRecord& r = it.value();
        if (r.type == QLatin1String("syslog")) {
            ctx.out() << CollectLogsText::tr("source %1 (%2): a listener receives only while collecting (run collect)")
                             .arg(r.id)
                             .arg(r.name)
                      << Qt::endl;
            continue;
        }
        const auto c = pipeline.counters(r.id);
        ctx.out() << CollectLogsText::tr("source %1 (%2): read %3 lines, stored %4, rejected %5")
                         .arg(r.id)
                         .arg(r.name)
                         .arg(c.received)
                         .arg(c.stored)
                         .arg(c.rejected)
                  << Qt::endl;
    }
    if (!pipeline.lastError().isEmpty())
        status = ctx.fail(pipeline.lastError());
    return status;
}

} // namespace activity
