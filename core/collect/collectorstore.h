#pragma once

#include <QList>
#include <QString>

namespace activity {

class Database;

// The collectors sharing a store: each says it is alive (a heartbeat), and each API source is polled by the one
// holding its lease. A lease runs out when its holder stops renewing it (it died, or lost the store), and the next
// collector to ask takes it. Log sources are not leased: their settings name the collector that opens them.
namespace CollectorStore {
struct Collector {
    QString name;
    QString version;
    QString host;
    qint64 pid = 0;
    qint64 startedAt = 0;
    qint64 heartbeatAt = 0;
    QList<qint64> leased; // the API sources it holds
};

// The name a collector goes by when none is given: the machine's host name.
QString defaultName();
// Records that `name` is alive at `now` (and since `startedAt`). In the caller's transaction.
void heartbeat(Database& db, const QString& name, const QString& version, qint64 startedAt, qint64 now);
// True when `holder` now holds source `sourceId`'s lease until now + ttlSecs: it was free, run out, or its own.
// In the caller's transaction.
bool claimLease(Database& db, qint64 sourceId, const QString& holder, qint64 now, qint64 ttlSecs);
// A collector stopping gives its leases up, so another takes its sources at once.
void releaseLeases(Database& db, const QString& holder);
// Every collector that ever ran on the store, the latest heartbeat first, with its live leases.
QList<Collector> list(Database& db, qint64 now);
// How long a lease lasts for a source polled every `intervalSecs`: a dead holder's sources are taken over within
// two intervals.
qint64 leaseSecs(qint64 intervalSecs);
} // namespace CollectorStore

} // namespace activity
