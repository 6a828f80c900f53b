#pragma once

#include "core/ingest/flathash.h"
#include "core/storage/database.h"

#include <QtGlobal>
#include <map>
#include <vector>

namespace activity {

// First-seen visitors per (day, site): the visitor_sets table (blobs of 8-byte hashes) and, for a day too big to
// keep in memory, the visitors table. Sets are loaded the first time a day is touched and written by write(), in
// the caller's open transaction.
class VisitorSets {
public:
    VisitorSets(Database& db, size_t limit);

    // True the first time `hash` visits `site` on `day` (day start in seconds).
    bool firstVisit(qint64 day, qint64 site, qint64 hash);
    // Stores the visitors seen since the last call.
    void write();
    // Another connection wrote: days are read again when next touched.
    void forgetDays();
    // A transaction was rolled back: the visitors not yet stored are forgotten too.
    void clear();
    size_t cached() const { return m_cached; }

private:
    // Visitors of one (day, site) seen so far; loaded from the table the first time the day is touched.
    struct Day {
        FlatSet64 seen;
        bool inTableOnly = false; // too many to keep in memory: visitors rows answer each time
        qint64 lastUse = 0;
        int chunks = 0; // visitor_sets rows stored for the day
        qint64 lastSeq = -1;
    };
    struct NewVisitor {
        qint64 day;
        qint64 site;
        qint64 hash;
        bool operator<(const NewVisitor& o) const
        {
            return day != o.day ? day < o.day : site != o.site ? site < o.site : hash < o.hash;
        }
    };
    Day& day(qint64 day, qint64 site);
    void evict();
    void moveDayToRows(qint64 day, qint64 site, Day& d);
    void writeChunk(qint64 day, qint64 site, Day& d, const std::vector<quint64>& hashes);

    Database& m_db;
    const size_t m_limit;
    Statement m_insertVisitor, m_insertChunk;
    std::map<std::pair<qint64, qint64>, Day> m_days;
    Day* m_lastDay = nullptr;
    std::pair<qint64, qint64> m_lastDayKey { -1, -1 };
    size_t m_cached = 0;
    qint64 m_useTick = 0;
    std::vector<NewVisitor> m_new;
};

} // namespace activity
