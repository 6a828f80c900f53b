#pragma once

#include <QHash>
#include <QtGlobal>

struct sqlite3;

namespace activity {

class Database;

// The requests table's rowid carries the request time: id = ts << kSeqBits | n, n counting the requests of that
// second. A time range is then a rowid range, so the table needs no time index (an index cost ~15 bytes and
// ~0.7 us per row). `ts` is a virtual column computed from the id.
namespace RequestKeys {
inline constexpr int kSeqBits = 20;
inline qint64 firstId(qint64 ts)
{
    return ts << kSeqBits;
}
// Visitors are distinct (address, day, user agent) triples; the table keeps a 64-bit hash of (address, agent id).
qint64 visitorHash(const unsigned char* addr, int len, qint64 agentId);
// Makes activity_visitor_hash(addr BLOB, agent_id INTEGER) callable from SQL (used by a migration).
void registerSqlFunctions(sqlite3* db);
} // namespace RequestKeys

// Hands out request ids for one writing connection. Call sync() at the start of each write transaction: it
// notices rows another connection wrote since (PRAGMA data_version) so ids never collide.
class RequestIdAllocator {
public:
    explicit RequestIdAllocator(Database& db);
    // `version`: the writer's Database::writerTurn() of this transaction.
    void sync(qint64 version);
    void reset(); // after a rollback: forget ids handed out in the lost transaction
    // More than 2^20 requests in one second spill into the next second's ids (their ts reads one second late).
    qint64 next(qint64 ts);

private:
    Database& m_db;
    qint64 m_newest = -1; // the largest id stored or handed out
    qint64 m_dataVersion = -1;
    QHash<qint64, qint64> m_older; // next id per second, for seconds before the newest (late lines)
};

} // namespace activity
