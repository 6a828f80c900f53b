// `collect --once`: each log file read to its end, each API source polled once, the alert rules due evaluated.
#include "core/collect/collectonce.h"

#include "core/alerts/alertemail.h"
#include "core/alerts/alertnotifier.h"
#include "core/collect/httpoptions.h"
#include "core/collect/mailserver.h"
#include "core/geo/geoip.h"
#include "core/ingest/agentclassifier.h"
#include "core/ingest/ingestpipeline.h"
#include "core/ingest/logfollower.h"
#include "core/ingest/receiverset.h"
#include "core/net/httpclient.h"
#include "core/net/smtpclient.h"
#include "core/secrets/tokenvault.h"
#include "core/settings/appsettings.h"
#include "core/sources/apischeduler.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonObject>
#include <QMap>
#include <QThread>

namespace activity {

namespace {
// The same translation contexts as the running collection's parts.
struct CollectLogsText {
    Q_DECLARE_TR_FUNCTIONS(CollectLogsText)
};
struct CollectApiText {
    Q_DECLARE_TR_FUNCTIONS(CollectApiText)
};
struct CollectAlertsText {
    Q_DECLARE_TR_FUNCTIONS(CollectAlertsText)
};
} // namespace

CollectOnce::CollectOnce(const CollectContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{ }

int CollectOnce::fail(const QString& message)
{
    emit warned(QStringLiteral("activity-dashboard: ") + message);
    return 1;
}

int CollectOnce::readLogFiles()
{
    Database& db = m_context.db;
    DbWriter& writer = m_context.writer;
    const QStringList logTypes = m_context.registry.typeNames(SourceKind::Log);
    QMap<qint64, SourceRecord> logSources;
    for (const SourceRecord& r : SourceStore(db, m_context.clock).list())
        if (r.enabled && logTypes.contains(r.type))
            logSources.insert(r.id, r);
    if (logSources.isEmpty())
        return 0;
    auto geo = GeoIp::openDefault(db);
    IngestPipeline::Options options;
    QString rulesError;
    options.agentRules = AgentRules::load(m_context.dataDir, &rulesError);
    if (!options.agentRules)
        return fail(rulesError);
    IngestPipeline pipeline(writer, std::move(geo), m_context.clock, options);
    ReceiverSet receivers(
        writer, m_context.clock, m_context.registry, pipeline, [&pipeline](qint64 id, const QJsonObject& settings) {
            return pipeline.setSource(id, settings.value(QLatin1String("format")).toString().toUtf8(),
                settings.value(QLatin1String("site")).toString().toUtf8());
        });
    receivers.followersOnly();
    int status = 0;
    for (const QString& error : receivers.sync()) {
        emit warned(QStringLiteral("activity-dashboard: ") + error);
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
            emit warned(QStringLiteral("activity-dashboard: ") + QString::fromUtf8(e.what()));
            status = 1;
        }
    }
    for (auto it = logSources.cbegin(); it != logSources.cend(); ++it) {
        const SourceRecord& r = it.value();
        if (m_context.registry.find(r.type)->receiver == LogReceiver::Listener) {
            emit said(CollectLogsText::tr("source %1 (%2): a listener receives only while collecting (run collect)")
                          .arg(r.id)
                          .arg(r.name));
            continue;
        }
        const auto c = pipeline.counters(r.id);
        emit said(CollectLogsText::tr("source %1 (%2): read %3 lines, stored %4, rejected %5")
                      .arg(r.id)
                      .arg(r.name)
                      .arg(c.received)
                      .arg(c.stored)
                      .arg(c.rejected));
    }
    if (!pipeline.lastError().isEmpty())
        status = fail(pipeline.lastError());
    return status;
}

int CollectOnce::pollApiSources()
{
    HttpClient http(apiHttpOptions(m_context.db));
    const auto tokens = TokenVault::createDefault(m_context.dataDir);
    ApiScheduler scheduler(m_context.db, m_context.writer, m_context.clock, m_context.registry, http);
    scheduler.setTokenVault(tokens.get());
    QMap<qint64, PollOutcome> results;
    QEventLoop loop;
    QObject::connect(&scheduler, &ApiScheduler::pollFinished, &loop,
        [&results](qint64 id, const PollOutcome& outcome) { results.insert(id, outcome); });
    QObject::connect(&scheduler, &ApiScheduler::idle, &loop, &QEventLoop::quit);
    scheduler.pollAllNow();
    if (!scheduler.isIdle())
        loop.exec();

    QMap<qint64, QString> names;
    for (const SourceRecord& r : SourceStore(m_context.db, m_context.clock).list())
        names.insert(r.id, r.name);
    int failed = 0;
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        if (it->ok) {
            emit said(CollectApiText::tr("source %1 (%2): ok").arg(it.key()).arg(names.value(it.key())));
        } else {
            ++failed;
            emit warned(CollectApiText::tr("source %1 (%2): %3").arg(it.key()).arg(names.value(it.key()), it->error));
        }
    }
    if (failed > 0)
        return fail(CollectApiText::tr("%n source(s) failed", nullptr, failed));
    return 0;
}

int CollectOnce::evaluateAlerts()
{
    Database& db = m_context.db;
    QList<AlertNotice> notices;
    try {
        notices
            = AlertEvaluator::evaluate(m_context.writer, m_context.clock.nowSecs(), AppSettings::alertIntervalSecs(db));
    } catch (const std::exception& e) {
        return fail(CollectAlertsText::tr("alerts not evaluated: %1").arg(QString::fromUtf8(e.what())));
    }
    for (const AlertNotice& n : notices)
        emit alerted(n);
    int pending = AlertNotifier::deliveries(notices);
    if (pending == 0)
        return 0;
    HttpClient http(webhookHttpOptions());
    AlertNotifier notifier(http, m_context.writer);
    const auto vault = TokenVault::createDefault(m_context.dataDir);
    notifier.setVault(vault.get());
    SmtpClient smtp;
    if (const AlertEmail::Config mail = AlertEmail::read(db); mail.configured()) {
        QString problem;
        notifier.setMail(&smtp, mailServer(mail, *vault, &problem));
        if (!problem.isEmpty())
            emit warned(CollectAlertsText::tr("the mail server's password cannot be read: %1").arg(problem));
    }
    QEventLoop loop;
    int failed = 0;
    const auto settle = [&](const char* what, qint64 eventId, bool ok, const QString& delivery) {
        if (!ok) {
            ++failed;
            emit warned(
                CollectAlertsText::tr("alert %1 (history %2): %3").arg(QLatin1String(what)).arg(eventId).arg(delivery));
        }
        if (--pending == 0)
            loop.quit();
    };
    QObject::connect(&notifier, &AlertNotifier::delivered, &loop,
        [&](qint64 eventId, bool ok, const QString& delivery) { settle("webhook", eventId, ok, delivery); });
    QObject::connect(&notifier, &AlertNotifier::emailed, &loop,
        [&](qint64 eventId, bool ok, const QString& delivery) { settle("email", eventId, ok, delivery); });
    notifier.send(notices);
    if (pending > 0)
        loop.exec();
    return failed ? 1 : 0;
}

} // namespace activity
