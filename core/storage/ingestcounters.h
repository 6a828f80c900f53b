#pragma once

#include <QString>

namespace activity {

class Database;

// The ingest_counters table, written only here: per log source, running totals (received, stored, rejected,
// dropped, denied, ...). Runs in the caller's transaction.
class IngestCounters {
public:
    explicit IngestCounters(Database& db)
        : m_db(db)
    { }

    // Adds `delta` to the counter (created at 0). Only for a source that exists unless `anySource` (an import's
    // pseudo-source, the demo's).
    void add(qint64 sourceId, const QString& name, qint64 delta, bool anySource = false);
    // Raises a time counter (last_received_at, last_stored_at) to `secs` if later; same source rule as add().
    void setLatest(qint64 sourceId, const QString& name, qint64 secs, bool anySource = false);
    // Forgets every counter of a source (its history is purged).
    void purge(qint64 sourceId);

private:
    Database& m_db;
};

} // namespace activity
