#pragma once

#include <QString>

namespace activity {

class Database;

// The ingest_counters table, written only here: per log source, running totals (received, stored, rejected,
// dropped, denied, ...). Runs in the caller's transaction.
namespace IngestCounters {
// Adds `delta` to the counter (created at 0). Only for a source that exists unless `anySource` (an import's
// pseudo-source, the demo's).
void add(Database& db, qint64 sourceId, const QString& name, qint64 delta, bool anySource = false);
// Raises a time counter (last_received_at, last_stored_at) to `secs` if later; same source rule as add().
void setLatest(Database& db, qint64 sourceId, const QString& name, qint64 secs, bool anySource = false);
// Forgets every counter of a source (its history is purged).
void purge(Database& db, qint64 sourceId);
} // namespace IngestCounters

} // namespace activity
