#pragma once

#include "core/logs/accessrecord.h"
#include "core/storage/database.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

class Clock;
class GeoIp;
struct GeoInfo;

// Turns parsed records into rows, on the pipeline's thread: strings stored once, request rows (within the
// retention), first-seen visitors, and rollups summed in memory then added to the table at each commit.
// Rollups: hour and day buckets for every dim ('', status, country, path); minute buckets for '', status and
// country only (a minute row per path would outgrow the raw rows). A visitor counts in the buckets of its first
// request of the day, under that request's status and path (and its country, which is fixed per address).
class IngestWriter {
public:
    IngestWriter(const QString& databasePath, GeoIp* geo, const Clock& clock);
    ~IngestWriter();

    void begin();
    void commit(); // also writes the rollups and the counters given since the last commit
    void rollback(); // after a failed commit: the batch is lost, caches that may name lost rows are dropped
    bool inTransaction() const { return m_inTransaction; }

    // Returns false if the record cannot be stored (never for a parsed line).
    void add(qint64 sourceId, const QByteArray& site, const AccessRecord& record);
    void reject(qint64 sourceId, const QByteArray& line, const QString& reason);
    void addCounter(qint64 sourceId, const char* name, qint64 delta);
    // Deletes raw rows older than the retention (setting retention.days, default 90); runs at most hourly.
    void applyRetention(bool force = false);

    Database& database() { return *m_db; }

private:
    struct SvHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    struct RollKey {
        qint64 period;
        qint64 bucket;
        qint64 site;
        int dim; // 0 total, 1 status, 2 country, 3 path
        qint64 key; // status, packed country code, or path string id
        bool operator==(const RollKey& o) const = default;
    };
    static size_t mix(quint64 x)
    {
        // splitmix64's finaliser: identity-like std::hash<int> makes long bucket chains for such keys.
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        return size_t(x ^ (x >> 31));
    }
    struct RollHash {
        size_t operator()(const RollKey& k) const
        {
            return mix(quint64(k.bucket) * 0x9E3779B97F4A7C15ULL ^ quint64(k.key) * 0xC2B2AE3D27D4EB4FULL
                ^ quint64(k.period) << 48 ^ quint64(k.site) << 40 ^ quint64(k.dim) << 56);
        }
    };
    struct VisitorKey {
        qint64 day;
        qint64 site;
        qint64 agent;
        unsigned char addr[16];
        int len;
        bool operator==(const VisitorKey& o) const
        {
            return day == o.day && site == o.site && agent == o.agent && len == o.len
                && std::memcmp(addr, o.addr, size_t(len)) == 0;
        }
    };
    struct VisitorHash {
        size_t operator()(const VisitorKey& k) const
        {
            quint64 a = 0, b = 0;
            std::memcpy(&a, k.addr, 8);
            std::memcpy(&b, k.addr + 8, 8);
            return mix(a * 0x9E3779B97F4A7C15ULL ^ b ^ quint64(k.agent) * 0xC2B2AE3D27D4EB4FULL ^ quint64(k.day) << 20
                ^ quint64(k.site));
        }
    };
    struct Sum {
        qint64 requests = 0;
        qint64 visitors = 0;
        qint64 bytes = 0;
    };
    struct Rejected {
        qint64 sourceId;
        qint64 ts;
        QString reason;
        QByteArray line;
    };

    qint64 stringId(std::string_view value);
    qint64 siteId(const QByteArray& name);
    bool firstVisit(qint64 day, qint64 site, const AccessRecord& r, qint64 agent);
    void roll(qint64 ts, qint64 site, int dim, qint64 key, qint64 bytes, bool visitor);
    void writeRollups();
    void writeCounters();
    void writeRejected();

    std::unique_ptr<Database> m_db;
    GeoIp* m_geo;
    const Clock& m_clock;
    bool m_inTransaction = false;
    Statement m_findString, m_insertString, m_insertRequest, m_insertVisitor, m_upsertRollup;
    std::unordered_map<std::string, qint64, SvHash, std::equal_to<>> m_strings;
    QHash<QByteArray, qint64> m_sites;
    std::unordered_set<VisitorKey, VisitorHash> m_visitors; // a cache of the visitors table
    std::unordered_map<RollKey, Sum, RollHash> m_rollups;
    QHash<qint64, QByteArray> m_pathText; // path ids in m_rollups -> their text
    QHash<QPair<qint64, QByteArray>, qint64> m_counters;
    QList<Rejected> m_rejected;
    qint64 m_retentionCutoff = 0;
    qint64 m_lastRetentionRun = -1;
};
