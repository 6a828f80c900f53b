#include "core/ingest/ingestpipeline.h"

#include "core/geo/geoip.h"
#include "core/ingest/ingestwriter.h"
#include "core/logs/accessrecord.h"
#include "core/logs/logformat.h"
#include "core/storage/database.h"

#include <QElapsedTimer>
#include <vector>

struct IngestPipeline::Item {
    quint64 seq = 0;
    qint64 sourceId = 0;
    QByteArray site;
    QByteArray text;
    QString rejectReason; // set: a message that never became a line
    bool isReject = false;
};

struct IngestPipeline::Config {
    LogFormat format;
    QByteArray site;
};

namespace {
constexpr size_t kBatchLines = 2048; // lines the parser takes at once
constexpr size_t kParsedBatchesAhead = 4; // parsed batches waiting for the writer, at most
} // namespace

// One batch handed from the parsing thread to the writing one. `records[i]` views into `items[i].text` (or its
// own scratch), so neither vector may reallocate while the batch lives: both hold kBatchLines from the start.
struct IngestPipeline::Parsed {
    std::vector<Item> items;
    std::vector<AccessRecord> records;
    std::vector<RequestGeo> geo;
    std::vector<const char*> rejectReasons; // non-null: the line did not parse, and why
    size_t count = 0;
    quint64 lastSeq = 0;
    bool flush = false;
    bool stop = false;

    Parsed()
        : records(kBatchLines)
        , geo(kBatchLines)
        , rejectReasons(kBatchLines)
    {
        items.reserve(kBatchLines);
    }
};

void IngestPipeline::ThreadStopper::operator()(QThread* thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

IngestPipeline::IngestPipeline(QString databasePath, std::unique_ptr<GeoIp> geo, const Clock& clock)
    : IngestPipeline(std::move(databasePath), std::move(geo), clock, Options())
{ }

IngestPipeline::IngestPipeline(QString databasePath, std::unique_ptr<GeoIp> geo, const Clock& clock, Options options)
    : m_databasePath(std::move(databasePath))
    , m_geo(std::move(geo))
    , m_clock(clock)
    , m_options(options)
{
    // A QThread subclass, not QThread::create(): that one goes through std::async, whose std::call_once pulls
    // __tls_get_addr (and so ld-linux) into the program's NEEDED list.
    class Thread final : public QThread {
    public:
        Thread(IngestPipeline* owner, void (IngestPipeline::*body)())
            : m_owner(owner)
            , m_body(body)
        { }

    protected:
        void run() override { (m_owner->*m_body)(); }

    private:
        IngestPipeline* m_owner;
        void (IngestPipeline::*m_body)();
    };
    m_writeThread.reset(new Thread(this, &IngestPipeline::writeRun));
    m_writeThread->setObjectName(QStringLiteral("ingest-write"));
    m_writeThread->start();
    m_parseThread.reset(new Thread(this, &IngestPipeline::parseRun));
    m_parseThread->setObjectName(QStringLiteral("ingest-parse"));
    m_parseThread->start();
}

IngestPipeline::~IngestPipeline()
{
    stop();
}

QString IngestPipeline::setSource(qint64 sourceId, const QByteArray& format, const QByteArray& defaultSite)
{
    QString error;
    auto config = std::make_shared<Config>();
    config->format = LogFormat::compile(format, &error);
    if (!config->format.isValid())
        return error;
    config->site = defaultSite;
    std::lock_guard lock(m_mutex);
    m_configs.insert(sourceId, std::move(config));
    ++m_configVersion;
    return {};
}

bool IngestPipeline::enqueue(Item&& item, Full whenFull)
{
    std::unique_lock lock(m_mutex);
    const qint64 size = item.text.size() + item.site.size() + 64;
    auto full = [&] {
        return int(m_queue.size()) >= m_options.queueLines
            || (m_queuedBytes + size > m_options.queueBytes && !m_queue.empty());
    };
    if (whenFull == Full::Wait)
        m_room.wait(lock, [&] { return !full() || m_stopping; });
    else if (whenFull == Full::Refuse && (m_stopping || full()))
        return false;
    Counters& counters = m_counters[item.sourceId];
    if (!item.isReject)
        ++counters.received;
    if (m_stopping || full()) {
        ++counters.dropped; // a rejected message that finds the queue full is dropped too, never waited for
        return false;
    }
    item.seq = ++m_enqueued;
    m_queuedBytes += size;
    m_queue.push_back(std::move(item));
    lock.unlock();
    m_work.notify_one();
    return true;
}

bool IngestPipeline::offer(LogLine line)
{
    Item item;
    item.sourceId = line.sourceId;
    item.site = std::move(line.site);
    item.text = std::move(line.text);
    return enqueue(std::move(item), Full::Drop);
}

bool IngestPipeline::tryOffer(const LogLine& line)
{
    Item item;
    item.sourceId = line.sourceId;
    item.site = line.site;
    item.text = line.text;
    return enqueue(std::move(item), Full::Refuse);
}

void IngestPipeline::push(LogLine line)
{
    Item item;
    item.sourceId = line.sourceId;
    item.site = std::move(line.site);
    item.text = std::move(line.text);
    enqueue(std::move(item), Full::Wait);
}

void IngestPipeline::pushBatch(qint64 sourceId, const QByteArray& site, std::vector<QByteArray>& lines)
{
    size_t next = 0;
    while (next < lines.size()) {
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] {
            return (int(m_queue.size()) < m_options.queueLines && m_queuedBytes < m_options.queueBytes) || m_stopping;
        });
        Counters& counters = m_counters[sourceId];
        if (m_stopping) {
            counters.received += qint64(lines.size() - next);
            counters.dropped += qint64(lines.size() - next);
            break;
        }
        while (
            next < lines.size() && int(m_queue.size()) < m_options.queueLines && m_queuedBytes < m_options.queueBytes) {
            Item item;
            item.sourceId = sourceId;
            item.site = site;
            item.text = std::move(lines[next++]);
            item.seq = ++m_enqueued;
            m_queuedBytes += item.text.size() + item.site.size() + 64;
            m_queue.push_back(std::move(item));
            ++counters.received;
        }
        lock.unlock();
        m_work.notify_one();
    }
    lines.clear();
}

void IngestPipeline::reject(qint64 sourceId, QByteArray raw, QString reason)
{
    Item item;
    item.sourceId = sourceId;
    item.text = std::move(raw);
    item.rejectReason = std::move(reason);
    item.isReject = true;
    // LineSink promises never to block: a flood of bad datagrams must not stall a receiving thread.
    enqueue(std::move(item), Full::Drop);
}

void IngestPipeline::flush()
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_enqueued;
    if (m_committed >= target || m_stopped)
        return;
    m_flushRequested = true;
    m_work.notify_one();
    m_room.wait(lock, [&] { return m_committed >= target || m_stopped; });
}

void IngestPipeline::stop()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_parseThread)
            return;
        m_stopping = true;
    }
    m_work.notify_all();
    m_room.notify_all();
    // The parser drains the queue and hands on a last batch marked stop; the writer commits it and ends.
    m_parseThread.reset();
    m_writeThread.reset();
}

IngestPipeline::Counters IngestPipeline::counters(qint64 sourceId) const
{
    std::lock_guard lock(m_mutex);
    return m_counters.value(sourceId);
}

QString IngestPipeline::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

std::unique_ptr<IngestPipeline::Parsed> IngestPipeline::takeFreeBatch()
{
    std::lock_guard lock(m_mutex);
    if (m_freeBatches.empty())
        return std::make_unique<Parsed>();
    auto batch = std::move(m_freeBatches.back());
    m_freeBatches.pop_back();
    return batch;
}

void IngestPipeline::parseRun()
{
    QHash<qint64, std::shared_ptr<const Config>> configs;
    quint64 configVersion = ~quint64(0);
    const auto fallback = std::make_shared<Config>(Config { LogFormat::compile("combined"), QByteArray() });
    for (;;) {
        std::unique_ptr<Parsed> batch = takeFreeBatch();
        batch->items.clear();
        {
            std::unique_lock lock(m_mutex);
            m_work.wait(lock, [&] { return !m_queue.empty() || m_stopping || m_flushRequested; });
            const size_t take = qMin(m_queue.size(), kBatchLines);
            for (size_t i = 0; i < take; ++i) {
                m_queuedBytes -= m_queue.front().text.size() + m_queue.front().site.size() + 64;
                batch->items.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            if (configVersion != m_configVersion) {
                configs = m_configs;
                configVersion = m_configVersion;
            }
            batch->flush = m_flushRequested && m_queue.empty();
            if (batch->flush)
                m_flushRequested = false;
            batch->stop = m_stopping && m_queue.empty();
        }
        if (!batch->items.empty())
            m_room.notify_all();

        batch->count = batch->items.size();
        batch->lastSeq = batch->count ? batch->items.back().seq : 0;
        for (size_t i = 0; i < batch->count; ++i) {
            Item& item = batch->items[i];
            batch->rejectReasons[i] = nullptr;
            if (item.isReject)
                continue;
            const Config& config = *configs.value(item.sourceId, fallback);
            AccessRecord& record = batch->records[i];
            const char* reason = nullptr;
            if (!config.format.parse(
                    std::string_view(item.text.constData(), size_t(item.text.size())), record, &reason)) {
                batch->rejectReasons[i] = reason ? reason : "unparsable line";
                continue;
            }
            if (item.site.isEmpty())
                item.site = !config.site.isEmpty() ? config.site : QByteArrayLiteral("default");
            RequestGeo& geo = batch->geo[i];
            geo.country[0] = geo.country[1] = 0;
            geo.city.clear();
            geo.cityKey.clear();
            if (m_geo && record.addrLen) {
                const GeoInfo& info = m_geo->lookup(record.addr, record.addrLen);
                if (info.country.size() == 2) {
                    geo.country[0] = info.country[0];
                    geo.country[1] = info.country[1];
                }
                geo.city = info.city;
                geo.cityKey = info.cityKey;
            }
        }

        const bool stop = batch->stop;
        {
            std::unique_lock lock(m_mutex);
            // Bounded hand-over: the writer always drains, so this wait ends (on stop too).
            m_parsedRoom.wait(lock, [&] { return m_parsed.size() < kParsedBatchesAhead; });
            m_parsed.push_back(std::move(batch));
        }
        m_parsedReady.notify_one();
        if (stop)
            break;
    }
}

void IngestPipeline::writeRun()
{
    std::unique_ptr<IngestWriter> writer;
    try {
        writer = std::make_unique<IngestWriter>(m_databasePath, m_clock, m_options.visitorMemoryLimit);
    } catch (const DatabaseError& e) {
        std::lock_guard lock(m_mutex);
        m_lastError = e.message();
    }
    QHash<qint64, Counters> done; // stored and rejected since the last publication
    QElapsedTimer sinceCommit;
    int pending = 0;
    quint64 lastSeq = 0;
    QHash<qint64, Counters> persisted; // received and dropped already written to ingest_counters

    for (;;) {
        std::unique_ptr<Parsed> batch;
        {
            std::unique_lock lock(m_mutex);
            auto ready = [&] { return !m_parsed.empty(); };
            if (pending > 0) {
                const qint64 left = qMax<qint64>(0, m_options.commitMs - sinceCommit.elapsed());
                m_parsedReady.wait_for(lock, std::chrono::milliseconds(left), ready);
            } else {
                m_parsedReady.wait(lock, ready);
            }
            if (!m_parsed.empty()) {
                batch = std::move(m_parsed.front());
                m_parsed.pop_front();
            }
        }
        if (batch)
            m_parsedRoom.notify_one();

        const size_t count = batch ? batch->count : 0;
        for (size_t i = 0; i < count; ++i) {
            const Item& item = batch->items[i];
            lastSeq = item.seq;
            ++pending;
            if (!sinceCommit.isValid())
                sinceCommit.start();
            if (!writer)
                continue;
            try {
                if (item.isReject) {
                    writer->reject(item.sourceId, item.text, item.rejectReason);
                    ++done[item.sourceId].rejected;
                } else if (const char* reason = batch->rejectReasons[i]) {
                    writer->reject(item.sourceId, item.text, QString::fromLatin1(reason));
                    ++done[item.sourceId].rejected;
                } else {
                    writer->add(item.sourceId, item.site, batch->records[i], batch->geo[i]);
                    ++done[item.sourceId].stored;
                }
            } catch (const DatabaseError& e) {
                std::lock_guard lock(m_mutex);
                m_lastError = e.message();
            }
        }
        if (!done.isEmpty()) {
            std::lock_guard lock(m_mutex);
            for (auto it = done.cbegin(); it != done.cend(); ++it) {
                m_counters[it.key()].stored += it.value().stored;
                m_counters[it.key()].rejected += it.value().rejected;
            }
            done.clear();
        }

        const bool flushNow = batch && batch->flush;
        const bool stopping = batch && batch->stop;
        if (batch) {
            batch->items.clear(); // frees the lines here, not in the parser's next round
            std::lock_guard lock(m_mutex);
            m_freeBatches.push_back(std::move(batch));
        }
        const bool due = pending >= m_options.batchLines || (pending > 0 && sinceCommit.elapsed() >= m_options.commitMs)
            || flushNow || stopping;
        if (due) {
            if (writer) {
                try {
                    QHash<qint64, Counters> now;
                    {
                        std::lock_guard lock(m_mutex);
                        now = m_counters;
                    }
                    for (auto it = now.cbegin(); it != now.cend(); ++it) {
                        Counters& saved = persisted[it.key()];
                        writer->addCounter(it.key(), "lines_received", it.value().received - saved.received);
                        writer->addCounter(it.key(), "dropped", it.value().dropped - saved.dropped);
                        saved.received = it.value().received;
                        saved.dropped = it.value().dropped;
                    }
                    writer->commit();
                    writer->applyRetention();
                } catch (const DatabaseError& e) {
                    std::lock_guard lock(m_mutex);
                    m_lastError = e.message();
                    writer->rollback();
                }
            }
            pending = 0;
            sinceCommit.invalidate();
            {
                std::lock_guard lock(m_mutex);
                m_committed = lastSeq;
            }
            m_room.notify_all();
        }
        if (stopping)
            break;
    }
    writer.reset();
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    m_room.notify_all();
}
