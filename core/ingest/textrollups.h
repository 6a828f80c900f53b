#pragma once

#include "core/ingest/flathash.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"

#include <QtGlobal>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace activity {

// Rollup rows whose key is text without bound (paths, 404 paths, referrers, user agents): each bucket keeps its
// busiest keys and sums the rest in one "other" row (key ''), so a scanner spraying unique URLs adds a bounded
// number of rows per bucket and every total stays exact. A bucket grows to twice the limit, then keeps the
// limit's worth of busiest keys and folds the rest into "other": a key that becomes busy later still gets in.
// Writes through the caller's open transaction.
class TextRollups {
public:
    static constexpr qint64 kDefaultKeysPerBucket = AppSettings::kDefaultTopKeys;
    explicit TextRollups(Database& db);

    void setKeysPerBucket(qint64 keys) { m_keysPerBucket = qMax<qint64>(8, keys); }
    // The key of `text` for write(); the text is kept until finish().
    quint64 key(std::string_view text);
    // Adds to the row (period, dim, bucket, site, text of key). `bucketId` names the bucket in the caller's
    // terms (one value per period, dim, bucket and site).
    void add(quint64 bucketId, qint64 period, const char* dim, qint64 bucket, qint64 site, quint64 key, qint64 requests,
        qint64 visitors, qint64 bytes);
    // Writes the "other" sums gathered by add() and forgets the texts.
    void finish();
    // Another connection wrote: row counts are read again when needed.
    void forgetCounts() { m_buckets.clear(); }
    // A transaction was rolled back: what was gathered is gone too.
    void reset();

private:
    struct Bucket {
        qint64 period;
        const char* dim;
        qint64 bucket;
        qint64 site;
        qint64 rows = -1; // rows stored in the bucket (with its "other" row), or more; -1 not read yet
        qint64 keep = 0; // keys kept after folding
        qint64 otherRequests = 0, otherVisitors = 0, otherBytes = 0; // for "other" since the last finish()
    };
    void compact(Bucket& b);
    void addToOther(Bucket& b, qint64 requests, qint64 visitors, qint64 bytes);

    Database& m_db;
    qint64 m_keysPerBucket = kDefaultKeysPerBucket;
    FlatMap128<quint32> m_textIndex; // {1, key} -> 1 + index in m_texts
    std::vector<std::string> m_texts;
    const std::string& text(quint64 key);
    std::unordered_map<quint64, Bucket> m_buckets;
    Statement m_upsert, m_update, m_insert, m_count, m_losers, m_delete, m_upsertOther;
};

} // namespace activity
