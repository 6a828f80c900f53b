#include "core/collect/collectorstore.h"

#include "core/storage/database.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace activity {

QString CollectorStore::defaultName()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty() ? QStringLiteral("collector") : host;
}

void CollectorStore::heartbeat(Database& db, const QString& name, const QString& version, qint64 startedAt, qint64 now)
{
    Statement st = db.prepare("INSERT INTO collectors(name, version, host, pid, started_at, heartbeat_at) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(name) DO UPDATE SET version = "
                              "excluded.version, host = excluded.host, pid = excluded.pid, started_at = "
                              "excluded.started_at, heartbeat_at = excluded.heartbeat_at");
    st.bind(1, name)
        .bind(2, version)
        .bind(3, QSysInfo::machineHostName())
        .bind(4, qint64(QCoreApplication::applicationPid()))
        .bind(5, startedAt)
        .bind(6, now);
    st.exec();
}

bool CollectorStore::claimLease(Database& db, qint64 sourceId, const QString& holder, qint64 now, qint64 ttlSecs)
{
    Statement st = db.prepare(
        "INSERT INTO source_leases(source_id, collector, expires_at) SELECT ?1, ?2, ?3 WHERE EXISTS(SELECT 1 FROM "
        "sources WHERE id = ?1) ON CONFLICT(source_id) DO UPDATE SET collector = excluded.collector, expires_at = "
        "excluded.expires_at WHERE source_leases.collector = excluded.collector OR source_leases.expires_at < ?4");
    st.bind(1, sourceId).bind(2, holder).bind(3, now + ttlSecs).bind(4, now);
    st.exec();
    return db.changes() > 0;
}

void CollectorStore::releaseLeases(Database& db, const QString& holder)
{
    Statement st = db.prepare("DELETE FROM source_leases WHERE collector = ?");
    st.bind(1, holder);
    st.exec();
}

QList<CollectorStore::Collector> CollectorStore::list(Database& db, qint64 now)
{
    QList<Collector> out;
    Statement st = db.prepare(
        "SELECT name, version, host, pid, started_at, heartbeat_at FROM collectors ORDER BY heartbeat_at DESC, name");
    while (st.step())
        out << Collector { st.text(0), st.text(1), st.text(2), st.int64(3), st.int64(4), st.int64(5), {} };
    Statement leases = db.prepare(
        "SELECT collector, source_id FROM source_leases WHERE expires_at >= ? ORDER BY collector, source_id");
    leases.bind(1, now);
    while (leases.step())
        for (Collector& c : out)
            if (c.name == leases.text(0))
                c.leased << leases.int64(1);
    return out;
}

qint64 CollectorStore::leaseSecs(qint64 intervalSecs)
{
    // Renewed at every poll (each interval, plus a little jitter); a taker asks every few seconds.
    return qMax<qint64>(5, intervalSecs + intervalSecs / 2);
}

} // namespace activity
