#include "core/storage/ingestcounters.h"

#include "core/storage/database.h"

namespace activity {

void IngestCounters::add(qint64 sourceId, const QString& name, qint64 delta, bool anySource)
{
    if (delta == 0)
        return;
    Statement s = m_db.prepare(anySource ? "INSERT INTO ingest_counters(source_id, name, value) VALUES(?1, ?2, ?3) "
                                           "ON CONFLICT(source_id, name) DO UPDATE SET value = value + excluded.value"
                                         : "INSERT INTO ingest_counters(source_id, name, value) SELECT ?1, ?2, ?3 "
                                           "WHERE EXISTS(SELECT 1 FROM sources WHERE id = ?1) "
                                           "ON CONFLICT(source_id, name) DO UPDATE SET value = value + excluded.value");
    s.bind(1, sourceId).bind(2, name).bind(3, delta).exec();
}

void IngestCounters::setLatest(qint64 sourceId, const QString& name, qint64 secs, bool anySource)
{
    Statement s
        = m_db.prepare(anySource ? "INSERT INTO ingest_counters(source_id, name, value) VALUES(?1, ?2, ?3) "
                                   "ON CONFLICT(source_id, name) DO UPDATE SET value = max(value, excluded.value)"
                                 : "INSERT INTO ingest_counters(source_id, name, value) SELECT ?1, ?2, ?3 "
                                   "WHERE EXISTS(SELECT 1 FROM sources WHERE id = ?1) "
                                   "ON CONFLICT(source_id, name) DO UPDATE SET value = max(value, excluded.value)");
    s.bind(1, sourceId).bind(2, name).bind(3, secs).exec();
}

void IngestCounters::purge(qint64 sourceId)
{
    Statement s = m_db.prepare("DELETE FROM ingest_counters WHERE source_id = ?");
    s.bind(1, sourceId).exec();
}

} // namespace activity
