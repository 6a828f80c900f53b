#include "core/storage/requestkeys.h"

#include "core/storage/database.h"
#include "core/util/hashmix.h"

#include <cstring>
#include <sqlite3.h>

namespace activity {

namespace {
void sqlVisitorHash(sqlite3_context* ctx, int, sqlite3_value** argv)
{
    const auto* addr = static_cast<const unsigned char*>(sqlite3_value_blob(argv[0]));
    const int len = sqlite3_value_bytes(argv[0]);
    sqlite3_result_int64(ctx, RequestKeys::visitorHash(addr, len, sqlite3_value_int64(argv[1])));
}

constexpr int kOlderSecondsKept = 4096;
} // namespace

qint64 RequestKeys::visitorHash(const unsigned char* addr, int len, qint64 agentId)
{
    quint64 a = 0, b = 0;
    if (addr && len > 0) {
        std::memcpy(&a, addr, size_t(qMin(len, 8)));
        if (len > 8)
            std::memcpy(&b, addr + 8, size_t(qMin(len - 8, 8)));
    }
    const quint64 h = hashMix(hashMix(a ^ quint64(len) << 59) ^ b ^ hashMix(quint64(agentId) * 0x9E3779B97F4A7C15ULL));
    return qint64(h);
}

void RequestKeys::registerSqlFunctions(sqlite3* db)
{
    sqlite3_create_function_v2(db, "activity_visitor_hash", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
        sqlVisitorHash, nullptr, nullptr, nullptr);
}

RequestIdAllocator::RequestIdAllocator(Database& db)
    : m_db(db)
{ }

void RequestIdAllocator::sync(qint64 version)
{
    if (version == m_dataVersion && m_newest >= 0)
        return;
    m_dataVersion = version;
    m_newest = m_db.queryInt("SELECT coalesce(max(id), -1) FROM requests").value_or(-1);
    m_older.clear();
}

void RequestIdAllocator::reset()
{
    m_newest = -1;
    m_dataVersion = -1;
    m_older.clear();
}

qint64 RequestIdAllocator::next(qint64 ts)
{
    if (m_newest < 0 && m_dataVersion < 0)
        sync(m_db.writerTurn());
    const qint64 first = RequestKeys::firstId(ts);
    if (first > m_newest) { // the usual case: time moves forward
        m_newest = first;
        return first;
    }
    if ((m_newest >> RequestKeys::kSeqBits) <= ts)
        return ++m_newest;
    // A late line: continue after the last id of its second.
    if (const auto it = m_older.find(ts); it != m_older.end())
        return it.value()++;
    if (m_older.size() >= kOlderSecondsKept)
        m_older.clear();
    Statement st = m_db.prepare("SELECT max(id) FROM requests WHERE id >= ?1 AND id < ?2");
    st.bind(1, first).bind(2, RequestKeys::firstId(ts + 1));
    qint64 id = first;
    if (st.step() && !st.isNull(0))
        id = st.int64(0) + 1;
    m_older.insert(ts, id + 1);
    return id;
}

} // namespace activity
