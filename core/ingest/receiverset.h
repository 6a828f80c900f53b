#pragma once

#include "core/ingest/logfollower.h"
#include "core/ingest/sysloglistener.h"

#include <QHash>
#include <QStringList>
#include <functional>
#include <memory>

class Clock;
class Database;
class LineSink;

// The receivers of a running `collect`: one SyslogListener per enabled `syslog` source and one
// LogFollower per enabled `logfile` source, kept in step with the sources table so that adding,
// pausing, resuming, changing and removing a source takes effect without a restart.
class ReceiverSet {
public:
    // Called before a source's receiver starts (and again when its settings change), so the sink can
    // learn the source's format and site; a non-empty result is an error that keeps the source stopped.
    using Configure = std::function<QString(qint64 sourceId, const QJsonObject& settings)>;

    ReceiverSet(Database& db, const Clock& clock, LineSink& sink, Configure configure = {});
    ~ReceiverSet();
    ReceiverSet(const ReceiverSet&) = delete;
    ReceiverSet& operator=(const ReceiverSet&) = delete;

    // Starts, stops and restarts receivers to match the sources table. Returns messages for sources
    // that failed to start this time (also kept in fetch_state.last_error). A failed source is
    // retried when its settings change or a minute later.
    QStringList sync();
    // Writes follower positions (fetch_state.state) and listener counters (ingest_counters).
    void saveState();
    // Stops every receiver, saving its state first. The caller flushes the sink afterwards.
    void stopAll();

    int count() const { return int(m_receivers.size()); }
    SyslogListener* listener(qint64 sourceId) const;
    LogFollower* follower(qint64 sourceId) const;

private:
    struct Receiver {
        QString fingerprint; // type + settings: a change restarts the receiver
        std::unique_ptr<SyslogListener> listener;
        std::unique_ptr<LogFollower> follower;
        qint64 failedAt = 0; // could not start; retried later
        // What has been written to ingest_counters already.
        qint64 savedReceived = 0;
        qint64 savedDenied = 0;
        qint64 savedRefused = 0;
        FollowPosition savedPosition;
    };
    QString startReceiver(qint64 id, const QString& type, const QJsonObject& settings, Receiver& receiver);
    void save(qint64 id, Receiver& receiver);
    void recordError(qint64 id, const QString& message);

    Database& m_db;
    const Clock& m_clock;
    LineSink& m_sink;
    Configure m_configure;
    QHash<qint64, std::shared_ptr<Receiver>> m_receivers;
};
