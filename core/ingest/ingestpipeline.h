#pragma once

#include "core/ingest/crawlerverifier.h"
#include "core/ingest/linesink.h"

#include <QHash>
#include <QString>
#include <QThread>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace activity {

class AgentRules;
class Clock;
class Database;
class DbWriter;
class GeoIp;
class IngestWriter;

// The access-log pipeline: receivers offer lines into a bounded queue; one thread parses them and looks up
// GeoIP, a second one gathers the parsed batches and hands them to the process's database writer (DbWriter) as
// one short transaction when the oldest line has waited commitMs since it arrived (or batchLines are gathered),
// so a line is committed within a second of its arrival and no transaction waits for input. Parsing the next
// batch overlaps writing this one. Per source it counts lines received, stored (committed), rejected, dropped
// and failed (ingest_counters names: lines_received, stored, rejected, dropped) and keeps the last 100 rejected
// lines with their reason. A failed write is retried (its lines kept) until the pipeline stops or, with
// giveUpOnWriteError, ends the pipeline at once; either way the lines lost are counted as failed.
class IngestPipeline final : public LineSink {
public:
    struct Options {
        int queueLines = 50'000; // lines waiting; beyond this (or queueBytes) offer() drops
        qint64 queueBytes = 64 << 20;
        int batchLines = 20'000; // a commit at most every this many lines (a short transaction)...
        int commitMs = 400; // ...and once the oldest line gathered arrived this many milliseconds ago
        size_t visitorMemoryLimit = 2'000'000; // visitor hashes the writer keeps in memory (see IngestWriter)
        bool giveUpOnWriteError = false; // `import`: the first failed write ends the pipeline
        // Who made each request (AgentClassifier): the data folder's agents.json, else the shipped one. Null: the
        // shipped rules.
        std::shared_ptr<const AgentRules> agentRules;
        // Crawlers that claim a name whose owner publishes a check are checked by address (CrawlerVerifier), off
        // the ingest threads; the checks (ranges, DNS domains) default to the shipped ones.
        bool verifyCrawlers = false;
        std::shared_ptr<const CrawlerChecks> crawlerChecks;
        CrawlerVerifier::Options verifier;
    };
    // Writes through `writer`, the process's one database writer. geo may be null (every address unknown).
    IngestPipeline(DbWriter& writer, std::unique_ptr<GeoIp> geo, const Clock& clock);
    IngestPipeline(DbWriter& writer, std::unique_ptr<GeoIp> geo, const Clock& clock, Options options);
    // With a writer of its own on `databasePath` (import, tests).
    IngestPipeline(QString databasePath, std::unique_ptr<GeoIp> geo, const Clock& clock);
    IngestPipeline(QString databasePath, std::unique_ptr<GeoIp> geo, const Clock& clock, Options options);
    ~IngestPipeline() override;

    // format: "combined" (or empty) or an nginx log_format string. site: used when LogLine.site is empty; when
    // both are empty the site is "default". Returns an error (and keeps the previous format) for a bad format.
    QString setSource(qint64 sourceId, const QByteArray& format, const QByteArray& defaultSite);

    bool offer(LogLine line) override;
    // A refused line is not counted (neither received nor dropped): the receiver keeps it and retries.
    bool tryOffer(const LogLine& line) override;
    void reject(qint64 sourceId, QByteArray raw, QString reason) override;
    // Like offer(), but waits for room instead of dropping (for `import`, which must not lose lines).
    void push(LogLine line);
    // push() for many lines of one source at once (one lock per queue-full of lines); `lines` is emptied.
    // Returns the sequence number of the last line queued (see setCommitHook), 0 when none was.
    quint64 pushBatch(qint64 sourceId, const QByteArray& site, std::vector<QByteArray>& lines);
    // Called inside each commit's transaction with the sequence number of the last line it commits (every line
    // queued before it is committed too): what belongs with the lines (how far `import` got) commits with them.
    void setCommitHook(std::function<void(Database&, quint64 lastSeq)> hook) { m_commitHook = std::move(hook); }

    // Waits until every line offered before the call is stored (or rejected) and committed, or for timeoutMs
    // (-1: no limit). Returns false when the time ran out (a write is failing or the database is held).
    bool flush(int timeoutMs = -1);
    bool commitOffered(int timeoutMs) override { return flush(timeoutMs); }
    // Flushes and stops the thread; later offers are dropped. Called by the destructor.
    void stop();

    struct Counters {
        qint64 received = 0;
        qint64 stored = 0;
        qint64 rejected = 0;
        qint64 dropped = 0;
        qint64 failed = 0; // received but lost to a failed write
        qint64 firstTs = 0; // request times of the lines stored (0: none yet)
        qint64 lastTs = 0;
        qint64 beforeRetention = 0; // stored lines older than the retention: in rollups, no raw row
    };
    Counters counters(qint64 sourceId) const;
    // Summed over every source.
    Counters totals() const;
    // The last write error (naming the database file and the cause), empty if none or written again since.
    QString lastError() const;
    // True once a write failed and the pipeline gave up on it (giveUpOnWriteError).
    bool hasGivenUp() const;
    // Called on the pipeline's thread after each failed write, with lastError(); and once with an empty message
    // when a write succeeds again.
    void setErrorHandler(std::function<void(const QString&)> handler);
    // The crawler checks (null unless Options::verifyCrawlers): waitIdle() once the lines are stored.
    CrawlerVerifier* verifier() const { return m_verifier.get(); }

private:
    struct Item;
    struct Config;
    struct Parsed;
    struct ThreadStopper {
        void operator()(QThread* thread) const;
    };
    using Held = std::vector<std::unique_ptr<Parsed>>;
    void parseRun();
    void writeRun();
    bool commit(const Held& held);
    void writeHeld(const Held& held, QHash<qint64, Counters>& done, const QHash<qint64, Counters>& seen);
    void giveUp(const Held& held);
    void recycle(Held& held);
    std::unique_ptr<Parsed> takeFreeBatch();
    enum class Full { Drop, Wait, Refuse };
    bool enqueue(Item&& item, Full whenFull);

    std::unique_ptr<DbWriter> m_ownWriter;
    DbWriter& m_writer;
    std::unique_ptr<IngestWriter> m_ingest; // used inside the writer's jobs only
    std::unique_ptr<CrawlerVerifier> m_verifier; // writes through m_writer: declared after it, ends before it
    std::unique_ptr<GeoIp> m_geo;
    std::shared_ptr<const AgentRules> m_agentRules;
    const Clock& m_clock;
    const Options m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_work; // the thread waits for items
    std::condition_variable m_room; // push() and flush() wait for progress
    std::condition_variable m_parsedReady; // the writer waits for parsed batches
    std::condition_variable m_parsedRoom; // the parser waits while the writer is behind
    std::deque<Item> m_queue;
    std::deque<std::unique_ptr<Parsed>> m_parsed;
    size_t m_parsedLines = 0; // lines in m_parsed
    std::vector<std::unique_ptr<Parsed>> m_freeBatches; // reused: their records keep their buffers
    qint64 m_queuedBytes = 0;
    quint64 m_enqueued = 0; // sequence of the last item queued
    quint64 m_committed = 0; // sequence of the last item committed
    bool m_flushRequested = false;
    bool m_stopping = false;
    bool m_stopped = false;
    QHash<qint64, std::shared_ptr<const Config>> m_configs;
    quint64 m_configVersion = 0;
    QHash<qint64, Counters> m_counters;
    QHash<qint64, Counters> m_persisted; // received and dropped already written to ingest_counters
    QString m_lastError;
    bool m_gaveUp = false;
    std::function<void(const QString&)> m_onError;
    std::function<void(Database&, quint64)> m_commitHook; // set before lines are pushed
    std::unique_ptr<QThread, ThreadStopper> m_parseThread;
    std::unique_ptr<QThread, ThreadStopper> m_writeThread;
};

} // namespace activity
