#pragma once

#include "core/ingest/agentclassifier.h"
#include "core/ingest/rollupsums.h"
#include "core/ingest/visitorsets.h"
#include "core/logs/accessrecord.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/storage/rollupschema.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <array>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace activity {

class Clock;
class Retention;

// What GeoIP said of a request's address, looked up before the writer sees it (on the parsing thread).
struct RequestGeo {
    char country[2] {}; // ISO alpha-2; both 0 when unknown
    QString city;
    QByteArray cityKey; // see GeoInfo::cityKey
};

// Turns parsed records into rows, inside the transaction of whoever drives it (the DbWriter thread's job for the
// ingest pipeline, the caller's for demo data): strings stored once, request rows (within the retention),
// first-seen visitors, and rollups summed in memory then added to the table by writePending().
// Rollups: minute, hour and day buckets for the total, status, country and agents (who: humans, or a bot by class
// and name); hour and day for paths, 404 paths, referrers, user agents and cities. A visitor counts in the buckets of
// its first request of the day, under that request's status and path (and its country, which is fixed per address). The
// only writer of the request tables (requests, strings, sites, visitors, visitor_sets, rollups, rejected_lines): its
// parts (RollupSums with TextRollups, VisitorSets, Retention) are made by it and nothing else.
class IngestWriter {
public:
    // Visitor hashes kept in memory (16-32 bytes each): beyond the limit the least recently used days are
    // dropped (and read again when needed); a single day with more visitors is answered by visitors rows.
    static constexpr size_t kDefaultVisitorLimit = 2'000'000;
    struct Options {
        size_t visitorLimit = kDefaultVisitorLimit;
        bool keepsCounters = true; // ingest_counters and retention; off for demo data (its sources carry their own)
    };
    IngestWriter(Database& db, const Clock& clock);
    IngestWriter(Database& db, const Clock& clock, Options options);
    ~IngestWriter();

    // At the start of each transaction: notices what other connections wrote since the last one.
    void startBatch();
    // Rollups, visitors, rejected lines and counters gathered since the last call, into the open transaction.
    void writePending();
    // After a rolled-back transaction: what was gathered is lost, and caches that may name lost rows are dropped.
    void discard();

    // `agent`: what the request's agent is (AgentClassifier, on the parsing thread); without it, the writer
    // classifies the request itself with the shipped rules.
    void add(qint64 sourceId, const QByteArray& site, const AccessRecord& record, const RequestGeo& geo,
        const AgentMatch& agent);
    void add(qint64 sourceId, const QByteArray& site, const AccessRecord& record, const RequestGeo& geo);
    void reject(qint64 sourceId, const QByteArray& line, const QString& reason);
    void addCounter(qint64 sourceId, const char* name, qint64 delta);
    // Deletes raw rows older than the retention (setting retention.days, default 90), a bounded number per
    // call so a transaction stays short; checks at most hourly, then goes on each call until none are left.
    void applyRetention();
    Database* database() const { return m_db; }
    // Deletes a source's raw rows and rejected lines (its history is purged). In the caller's transaction.
    static void purgeSource(Database& db, qint64 sourceId);
    // Requests before this time keep no raw row (rollups only).
    qint64 retentionCutoff() const;

private:
    struct SvHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    struct Rejected {
        qint64 sourceId;
        qint64 ts;
        QString reason;
        QByteArray line;
    };

    struct CachedString {
        qint64 id;
        qint64 lastDay; // strings.last_day as this writer last set or read it
    };
    // Texts without bound in raw rows; each has a budget of new strings a day.
    enum TextField { PathText, QueryText, ReferrerText, AgentText, TextFieldCount };
    // The id of `value` in strings, marked as used by a row of `day` (day number) so it outlives the row.
    qint64 stringId(std::string_view value, qint64 day);
    // Like stringId(), but a text not stored yet is stored only while the day's budget for `field` lasts
    // (a URL scanner's millionth unique path is not); past it, 0.
    qint64 budgetedStringId(TextField field, std::string_view value, qint64 day);
    // The id from the cache or the table (marked used on `day`), 0 when `value` is not stored.
    qint64 findString(std::string_view value, qint64 day);
    qint64 siteId(const QByteArray& name);
    void insertRequest(qint64 sourceId, qint64 ts, qint64 siteKey, const AccessRecord& r, const RequestGeo& geo,
        qint64 pathId, qint64 agentId, qint64 referrerId, qint64 day, const AgentMatch& agent);
    void prepareStatements();
    void refreshSettings();
    void writeCounters();
    void writeRejected();
    void writeClaims();
    void dropCaches();

    const Options m_options;
    Database* m_db;
    const Clock& m_clock;
    bool m_batchOpen = false;
    qint64 m_dataVersion = -1;
    qint64 m_roomFrom = 0; // request rows of [m_roomFrom, m_roomTo) can be written (Database::roomForRequests)
    qint64 m_roomTo = 0;
    RequestIdAllocator m_ids;
    Statement m_findString, m_insertString, m_touchString, m_insertRequest, m_upsertClaim;
    std::unordered_map<std::string, CachedString, SvHash, std::equal_to<>> m_strings;
    QHash<QByteArray, qint64> m_sites;
    QByteArray m_lastSite;
    qint64 m_lastSiteId = -1;
    VisitorSets m_visitors;
    RollupSums m_rollups;
    std::unique_ptr<Retention> m_retention; // none for demo data: every row is kept
    std::unique_ptr<AgentClassifier> m_classifier; // made when a request comes without its class
    QHash<qint64, qint64> m_stored; // per source, since the last commit
    QHash<QPair<qint64, QByteArray>, qint64> m_counters;
    QList<Rejected> m_rejected;
    std::map<qint64, std::array<qint64, TextFieldCount>> m_newTexts; // per day: new strings stored
    qint64 m_newTextsPerDay = 20'000;
    // Requests of crawlers that can be checked, per minute, site, address and agents key (crawler_claims): the
    // verdict per address (CrawlerVerifier) comes later and applies to them when read.
    struct ClaimSum {
        qint64 bucket = 0;
        qint64 site = 0;
        std::string addr, agentKey, vendor;
        qint64 requests = 0;
        qint64 visitors = 0;
        qint64 bytes = 0;
    };
    std::unordered_map<std::string, ClaimSum> m_claims;
    std::string m_claimKey; // reused
};

} // namespace activity
