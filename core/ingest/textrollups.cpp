#include "core/ingest/textrollups.h"

#include <cstring>
#include <functional>
#include <vector>

namespace activity {

namespace {
void bindText(Statement& st, int index, const char* text)
{
    st.bindText(index, text, int(std::strlen(text)));
}
} // namespace

TextRollups::TextRollups(Database& db)
    : m_db(db)
{
    m_upsert = db.prepare("INSERT INTO rollups(period, bucket, site_id, dim, key, requests, visitors, bytes) "
                          "VALUES(?1, ?3, ?4, ?2, ?5, ?6, ?7, ?8) ON CONFLICT(period, dim, bucket, site_id, key) DO "
                          "UPDATE SET requests = requests + excluded.requests, visitors = visitors + "
                          "excluded.visitors, bytes = bytes + excluded.bytes");
    m_update = db.prepare("UPDATE rollups SET requests = requests + ?6, visitors = visitors + ?7, bytes = bytes + ?8 "
                          "WHERE period = ?1 AND dim = ?2 AND bucket = ?3 AND site_id = ?4 AND key = ?5");
    m_insert = db.prepare("INSERT INTO rollups(period, bucket, site_id, dim, key, requests, visitors, bytes) "
                          "VALUES(?1, ?3, ?4, ?2, ?5, ?6, ?7, ?8)");
    m_count = db.prepare("SELECT count(*) FROM rollups WHERE period = ? AND dim = ? AND bucket = ? AND site_id = ?");
    // Every key but the busiest ones and "other": folded into "other".
    m_losers = db.prepare("SELECT key, requests, visitors, bytes FROM rollups WHERE period = ?1 AND dim = ?2 "
                          "AND bucket = ?3 AND site_id = ?4 AND key <> '' ORDER BY requests DESC, key LIMIT -1 "
                          "OFFSET ?5");
    m_delete = db.prepare(
        "DELETE FROM rollups WHERE period = ?1 AND dim = ?2 AND bucket = ?3 AND site_id = ?4 AND key = ?5");
    m_upsertOther = db.prepare(
        "INSERT INTO rollups(period, bucket, site_id, dim, key, requests, visitors, bytes) "
        "VALUES(?1, ?3, ?4, ?2, '', ?5, ?6, ?7) ON CONFLICT(period, dim, bucket, site_id, key) DO UPDATE SET "
        "requests = requests + excluded.requests, visitors = visitors + excluded.visitors, bytes = bytes + "
        "excluded.bytes");
}

quint64 TextRollups::key(std::string_view text)
{
    // 64-bit hashes: two texts of one batch sharing one is about as likely as a disk flipping the bit.
    const quint64 k = quint64(std::hash<std::string_view>()(text));
    quint32& index = m_textIndex[{ 1, k }];
    if (index == 0) {
        m_texts.emplace_back(text);
        index = quint32(m_texts.size());
    }
    return k;
}

const std::string& TextRollups::text(quint64 key)
{
    return m_texts[m_textIndex[{ 1, key }] - 1];
}

void TextRollups::add(quint64 bucketId, qint64 period, const char* dim, qint64 bucket, qint64 site, quint64 key,
    qint64 requests, qint64 visitors, qint64 bytes)
{
    auto [it, added] = m_buckets.try_emplace(bucketId, Bucket { period, dim, bucket, site });
    Bucket& b = it->second;
    b.keep = m_keysPerBucket;
    const std::string& text = this->text(key);
    if (text.empty()) { // an empty key is the "other" row itself
        addToOther(b, requests, visitors, bytes);
        return;
    }
    const auto bindRow = [&](Statement& st) {
        st.bind(1, period);
        bindText(st, 2, dim);
        st.bind(3, bucket).bind(4, site);
        // Stored as TEXT (as the key column always was), bytes unchanged.
        st.bindText(5, text.data(), int(text.size()));
        st.bind(6, requests).bind(7, visitors).bind(8, bytes);
    };
    const auto count = [&] {
        m_count.bind(1, period);
        bindText(m_count, 2, dim);
        m_count.bind(3, bucket).bind(4, site);
        b.rows = m_count.step() ? m_count.int64(0) : 0;
        m_count.reset();
    };
    // b.rows is an upper bound while there is room (an upsert may have updated a row rather than added one):
    // counted again when the bound reaches the limit, so the common case is one statement per key.
    if (b.rows < 0 || b.rows >= 2 * b.keep + 1)
        count();
    if (b.rows < 2 * b.keep + 1) {
        bindRow(m_upsert);
        m_upsert.execQueued();
        ++b.rows;
        return;
    }
    // Full: an existing key grows, a new one gets in after the bucket is folded.
    bindRow(m_update);
    m_update.exec();
    if (m_db.changes() > 0)
        return;
    compact(b);
    bindRow(m_insert);
    m_insert.execQueued();
    ++b.rows;
}

void TextRollups::compact(Bucket& b)
{
    qint64 requests = 0, visitors = 0, bytes = 0;
    std::vector<std::string> losers;
    m_losers.bind(1, b.period);
    bindText(m_losers, 2, b.dim);
    m_losers.bind(3, b.bucket).bind(4, b.site).bind(5, b.keep);
    while (m_losers.step()) {
        const QByteArrayView key = m_losers.bytes(0);
        losers.emplace_back(key.data() ? key.data() : "", size_t(key.size()));
        requests += m_losers.int64(1);
        visitors += m_losers.int64(2);
        bytes += m_losers.int64(3);
    }
    m_losers.reset();
    for (const std::string& key : losers) {
        m_delete.bind(1, b.period);
        bindText(m_delete, 2, b.dim);
        m_delete.bind(3, b.bucket).bind(4, b.site);
        m_delete.bindText(5, key.data(), int(key.size()));
        m_delete.execQueued();
    }
    addToOther(b, requests, visitors, bytes);
    // The kept keys, and the "other" row (written at finish(), counted now so the bucket never overshoots).
    b.rows = b.keep + 1;
}

void TextRollups::addToOther(Bucket& b, qint64 requests, qint64 visitors, qint64 bytes)
{
    b.otherRequests += requests;
    b.otherVisitors += visitors;
    b.otherBytes += bytes;
}

void TextRollups::finish()
{
    for (auto& [id, b] : m_buckets) {
        if (b.otherRequests == 0 && b.otherVisitors == 0 && b.otherBytes == 0)
            continue;
        m_upsertOther.bind(1, b.period);
        bindText(m_upsertOther, 2, b.dim);
        m_upsertOther.bind(3, b.bucket)
            .bind(4, b.site)
            .bind(5, b.otherRequests)
            .bind(6, b.otherVisitors)
            .bind(7, b.otherBytes);
        m_upsertOther.execQueued();
        b.otherRequests = b.otherVisitors = b.otherBytes = 0;
    }
    m_texts.clear();
    m_textIndex.clear();
    // Row counts stay valid across batches of this connection; a bounded number of buckets is remembered.
    if (m_buckets.size() > 100'000)
        m_buckets.clear();
}

void TextRollups::reset()
{
    m_buckets.clear();
    m_texts.clear();
    m_textIndex.clear();
}

} // namespace activity
