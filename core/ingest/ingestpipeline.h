#pragma once

#include "core/ingest/linesink.h"

#include <QHash>
#include <QString>
#include <QThread>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

class Clock;
class GeoIp;

// The access-log pipeline: receivers offer lines into a bounded queue; one thread parses them and looks up
// GeoIP, a second one writes the parsed batches (committed at least every second), so the two halves of the
// work run on two cores. Per source it counts lines received, stored,
// rejected and dropped (ingest_counters names: lines_received, stored, rejected, dropped) and keeps the
// last 100 rejected lines with their reason.
class IngestPipeline final : public LineSink {
public:
    struct Options {
        int queueLines = 50'000; // lines waiting; beyond this (or queueBytes) offer() drops
        qint64 queueBytes = 64 << 20;
        int batchLines = 50'000; // a commit at most every this many lines...
        int commitMs = 1000; // ...and at least every this many milliseconds
        size_t visitorMemoryLimit = 2'000'000; // visitor hashes the writer keeps in memory (see IngestWriter)
    };
    // geo may be null (every address unknown). The database is opened (and migrated) on the pipeline thread.
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
    void pushBatch(qint64 sourceId, const QByteArray& site, std::vector<QByteArray>& lines);

    // Waits until every line offered before the call is stored (or rejected) and committed.
    void flush();
    // Flushes and stops the thread; later offers are dropped. Called by the destructor.
    void stop();

    struct Counters {
        qint64 received = 0;
        qint64 stored = 0;
        qint64 rejected = 0;
        qint64 dropped = 0;
    };
    Counters counters(qint64 sourceId) const;
    // The last database error of the writer thread, empty if none.
    QString lastError() const;

private:
    struct Item;
    struct Config;
    struct Parsed;
    struct ThreadStopper {
        void operator()(QThread* thread) const;
    };
    void parseRun();
    void writeRun();
    std::unique_ptr<Parsed> takeFreeBatch();
    enum class Full { Drop, Wait, Refuse };
    bool enqueue(Item&& item, Full whenFull);

    const QString m_databasePath;
    std::unique_ptr<GeoIp> m_geo;
    const Clock& m_clock;
    const Options m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_work; // the thread waits for items
    std::condition_variable m_room; // push() and flush() wait for progress
    std::condition_variable m_parsedReady; // the writer waits for parsed batches
    std::condition_variable m_parsedRoom; // the parser waits while the writer is behind
    std::deque<Item> m_queue;
    std::deque<std::unique_ptr<Parsed>> m_parsed;
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
    QString m_lastError;
    std::unique_ptr<QThread, ThreadStopper> m_parseThread;
    std::unique_ptr<QThread, ThreadStopper> m_writeThread;
};
