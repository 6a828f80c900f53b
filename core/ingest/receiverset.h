#pragma once

#include "core/ingest/logfollower.h"
#include "core/ingest/sysloglistener.h"

#include <QHash>
#include <QStringList>
#include <functional>
#include <memory>

namespace activity {

class SourceRegistry;

class Clock;
class Database;
class DbWriter;
class LineSink;

// The receivers of a running `collect`: one SyslogListener per enabled `syslog` source and one
// LogFollower per enabled `logfile` source, kept in step with the sources table so that adding,
// pausing, resuming, changing and removing a source takes effect without a restart.
class ReceiverSet {
public:
    // Called before a source's receiver starts (and again when its settings change), so the sink can
    // learn the source's format and site; a non-empty result is an error that keeps the source stopped.
    using Configure = std::function<QString(qint64 sourceId, const QJsonObject& settings)>;

    // Reads the sources and writes positions, counters and errors through `writer`, the process's one writer.
    // The registry says which types are log sources and how each receives (a listener or a follower).
    ReceiverSet(
        DbWriter& writer, const Clock& clock, const SourceRegistry& registry, LineSink& sink, Configure configure = {});
    ReceiverSet(Database& db, const Clock& clock, const SourceRegistry& registry, LineSink& sink,
        Configure configure = {}); // on this thread
    ~ReceiverSet();
    ReceiverSet(const ReceiverSet&) = delete;
    ReceiverSet& operator=(const ReceiverSet&) = delete;

    // Starts, stops and restarts receivers to match the sources table. Returns messages for sources
    // that failed to start this time (also kept in fetch_state.last_error). A failed source is
    // retried when its settings change or a minute later.
    QStringList sync();
    // Writes follower positions (fetch_state.state) and listener counters (ingest_counters), a position only
    // once the sink has stored the lines before it (LineSink::commitOffered).
    void saveState();
    // Stops every receiver, then saves positions and counters.
    void stopAll();
    // Stops every receiver (positions and counters stay readable, and are saved by saveState() or stopAll()).
    void stopReceiving();
    // Stops and drops every receiver without saving (their lines were not all stored: a restart reads again).
    void forget()
    {
        stopReceiving();
        m_receivers.clear();
    }

    int count() const { return int(m_receivers.size()); }
    // In a shared store: a source whose settings name another collector ("collector") is never opened here.
    void setCollectorName(const QString& name) { m_collectorName = name; }
    // Only followed files get receivers (`collect --once` reads files; listeners receive only while collecting).
    void followersOnly() { m_types = m_followerTypes; }
    SyslogListener* listener(qint64 sourceId) const;
    LogFollower* follower(qint64 sourceId) const;

private:
    QString m_collectorName;
    struct Receiver {
        QString fingerprint; // type + settings: a change restarts the receiver
        std::unique_ptr<SyslogListener> listener;
        std::unique_ptr<LogFollower> follower;
        qint64 failedAt = 0; // could not start; retried later
        // What has been committed to ingest_counters and fetch_state already.
        struct Saved {
            qint64 received = 0;
            qint64 denied = 0;
            qint64 refused = 0;
            qint64 evicted = 0;
            qint64 kernelDropped = 0;
            FollowPosition position;
            QString error; // a follower's (a server that does not answer)
        } saved;
    };
    QString startReceiver(qint64 id, const QString& type, const QJsonObject& settings, Receiver& receiver);
    static Receiver::Saved snapshot(const Receiver& receiver); // its position and counters now
    // Writes what changed from `saved` to `now` and advances `saved` (kept only if the transaction commits).
    void save(Database& db, qint64 id, const Receiver::Saved& now, Receiver::Saved& saved);
    void saveAndRemember(qint64 id, Receiver& receiver);
    void recordError(qint64 id, const QString& message);

    std::unique_ptr<DbWriter> m_ownWriter;
    DbWriter& m_writer;
    QStringList m_types; // the log source types that get receivers
    QStringList m_listenerTypes;
    QStringList m_followerTypes;
    const Clock& m_clock;
    LineSink& m_sink;
    Configure m_configure;
    QHash<qint64, std::shared_ptr<Receiver>> m_receivers;
};

} // namespace activity
