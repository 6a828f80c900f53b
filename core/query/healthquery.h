#pragma once

#include "core/sources/sourceregistry.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace activity {

class Database;

// What the Health page shows: the program watching itself.
struct ListenerHealth {
    qint64 sourceId = 0;
    QString name; // the source's name ("import" for id 0)
    QString type;
    QList<std::pair<QString, qint64>> counters; // ingest_counters rows, by name
    struct Rejected {
        qint64 ts = 0;
        QString reason;
        QByteArray line;
    };
    QList<Rejected> lastRejected; // newest first

    qint64 counter(const char* counterName) const; // 0 when absent
    // Lines received: what the pipeline counted (lines_received), else what the listener did (messages_received).
    qint64 received() const;
    // Lost before being stored: the queue was full (dropped) or the kernel's socket buffer was (kernel_dropped).
    qint64 dropped() const { return counter("dropped") + counter("kernel_dropped"); }
};

struct ApiHealth {
    qint64 sourceId = 0;
    QString name;
    QString type;
    bool enabled = true;
    qint64 lastSuccess = 0; // 0: never
    QString lastError;
    qint64 lastErrorAt = 0;
    qint64 nextRun = 0;
    qint64 rateLimitRemaining = -1; // -1: unknown
    qint64 rateLimitLimit = -1;
    QString polledBy; // the collector holding its lease now; empty: none
};

// A collector that writes into the store (several share a team's PostgreSQL store).
struct CollectorHealth {
    QString name;
    QString version;
    QString host;
    qint64 heartbeatAt = 0;
    QStringList sources; // the API sources it polls now
};

struct HealthReport {
    QList<ListenerHealth> listeners;
    QList<ApiHealth> apiSources;
    QList<CollectorHealth> collectors;
    qint64 databaseBytes = 0;
    QList<std::pair<QString, qint64>> rowCounts; // table name, rows
};

namespace HealthQuery {
// Nothing configured or collected yet (no sources, samples, requests or rollups): a first run.
bool isEmpty(Database& db);
// Everything but the row counts when withRowCounts is false (counting millions of requests takes a second).
// `registry` tells log sources from API ones.
// `now` (0: the system's time) tells which leases still hold.
HealthReport read(Database& db, int rejectedPerSource = 10, bool withRowCounts = true,
    const SourceRegistry& registry = SourceRegistry::builtIn(), qint64 now = 0);
QList<std::pair<QString, qint64>> rowCounts(Database& db);
// Every request ever stored (the day rollups: raw rows go after the retention, these stay).
qint64 requestsCounted(Database& db);
} // namespace HealthQuery

} // namespace activity
