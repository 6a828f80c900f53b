#pragma once

#include <QtGlobal>
#include <limits>

namespace activity {

class Clock;
class Database;

// Part of the ingest writer, the only writer of requests and strings (IngestWriter owns one): raw data's
// maintenance. request rows older than the retention (setting retention.days) are deleted a
// slice per call so no transaction holds the lock long, then strings no row uses any more are collected. Rollups
// and visitor sets are kept for ever. Settings are read again at most hourly. In the caller's transaction.
class Retention {
public:
    Retention(Database& db, const Clock& clock);

    // Reads the settings when an hour has passed since the last read; true when it did.
    bool refresh();
    // Requests before this time keep no raw row.
    qint64 cutoff() const { return m_cutoff; }
    // The setting ingest.top_keys as last read.
    qint64 topKeys() const { return m_topKeys; }
    // One slice of deletions; returns the rows deleted.
    qint64 apply();

private:
    void collectStrings();

    Database& m_db;
    const Clock& m_clock;
    qint64 m_cutoff = std::numeric_limits<qint64>::min();
    qint64 m_topKeys = 0;
    qint64 m_lastRead = -1;
    bool m_rowsLeft = false; // rows older than the cutoff may remain
    qint64 m_stringsCollectedFor = -1; // the cutoff day strings were last collected for
    qint64 m_stringCursor = 0; // collection goes through strings by id, a slice per transaction
};

} // namespace activity
