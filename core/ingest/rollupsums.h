#pragma once

#include "core/ingest/flathash.h"
#include "core/ingest/textrollups.h"
#include "core/storage/database.h"
#include "core/storage/rollupschema.h"

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace activity {

// Rollup rows summed in memory as requests come, then added to the rollups table by write() in the caller's open
// transaction: minute sums make the hour and day rows, hour sums the day rows. Text dimensions (paths, referrers,
// agents, cities) go through TextRollups, which bounds their rows per bucket. The ingest writer's RollupSums is the
// only writer of the rollups table; TextRollups is its part and nothing else makes one.
class RollupSums {
public:
    explicit RollupSums(Database& db);
    ~RollupSums();

    void add(
        Rollup::Period period, qint64 bucket, qint64 site, Rollup::Dim dim, quint64 key, qint64 bytes, bool visitor)
    {
        Sum& sum = m_sums[{ Rollup::packKey(period, dim, site, bucket), key }];
        sum.requests += 1;
        sum.visitors += visitor ? 1 : 0;
        sum.bytes += bytes;
    }
    // `count` requests at once (per-source line counts: Received, Dropped).
    void addCount(Rollup::Period period, qint64 bucket, qint64 site, Rollup::Dim dim, quint64 key, qint64 count)
    {
        m_sums[{ Rollup::packKey(period, dim, site, bucket), key }].requests += count;
    }
    // The key of a text dimension's value (kept until write()).
    quint64 textKey(std::string_view text) { return m_text->key(text); }
    // The key of an Agents row ("class/verification/name"): few, kept for the writer's life.
    quint64 agentsKey(std::string_view text)
    {
        if (const auto it = m_agentsIndex.find(text); it != m_agentsIndex.end())
            return it->second;
        m_agentsKeys.emplace_back(text);
        return m_agentsIndex.emplace(m_agentsKeys.back(), m_agentsKeys.size() - 1).first->second;
    }
    void setKeysPerBucket(qint64 keys) { m_text->setKeysPerBucket(keys); }
    void write();
    // Another connection wrote: bucket row counts are read again.
    void forgetCounts() { m_text->forgetCounts(); }
    // A transaction was rolled back: the sums not yet written are gone.
    void clear();

private:
    struct Sum {
        qint64 requests = 0;
        qint64 visitors = 0;
        qint64 bytes = 0;
    };
    Statement m_upsert;
    std::unique_ptr<TextRollups> m_text;
    FlatMap128<Sum> m_sums;
    struct SvHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    std::deque<std::string> m_agentsKeys; // a deque: the index's keys view into it
    std::unordered_map<std::string_view, quint64, SvHash, std::equal_to<>> m_agentsIndex;
};

} // namespace activity
