#pragma once

#include <QString>

class Database;

// The ingest_counters table, written only here: per log source, running totals (received, stored, rejected,
// dropped, denied, ...). Runs in the caller's transaction.
namespace IngestCounters {
// Adds `delta` to the counter (created at 0). Only for a source that exists unless `anySource` (an import's
// pseudo-source, the demo's).
void add(Database& db, qint64 sourceId, const QString& name, qint64 delta, bool anySource = false);
// Forgets every counter of a source (its history is purged).
void purge(Database& db, qint64 sourceId);
} // namespace IngestCounters
