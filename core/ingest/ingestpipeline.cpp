#include "core/ingest/ingestpipeline.h"

#include "core/geo/geoip.h"
#include "core/ingest/ingestwriter.h"
#include "core/logs/accessrecord.h"
#include "core/logs/logformat.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <chrono>
#include <vector>

Q_LOGGING_CATEGORY(lcIngest, "activity.ingest")

namespace {
qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}
} // namespace

struct IngestPipeline::Item {
    quint64 seq = 0;
    qint64 arrivedMs = 0; // steady clock: the durability promise counts from here
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
constexpr qint64 kRetryMs = 2000; // a failed write is tried again after this long
constexpr int kGatherMs = 25; // a parse batch waits this long for more lines (well within commitMs)
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
    qint64 oldestArrivedMs = 0;
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
    : IngestPipeline(*new DbWriter(databasePath), std::move(geo), clock, options)
{
    m_ownWriter.reset(&m_writer);
}

IngestPipeline::IngestPipeline(DbWriter& writer, std::unique_ptr<GeoIp> geo, const Clock& clock)
    : IngestPipeline(writer, std::move(geo), clock, Options())
{ }

IngestPipeline::IngestPipeline(DbWriter& writer, std::unique_ptr<GeoIp> geo, const Clock& clock, Options options)
    : m_writer(writer)
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
    if (m_ingest) {
        try { // its statements belong to the writer's connection: finalised on the writer's thread
            m_writer.run([this](Database&) { m_ingest.reset(); });
        } catch (const std::exception&) {
            m_ingest.release(); // NOLINT: the connection is gone or unusable; leaking is the safe choice
        }
    }
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
    // Senders that can wait (TCP stops reading, a file pauses) get half the queue: the other half is for UDP,
    // which cannot wait, so a TCP burst never makes nginx's datagrams pay for it.
    auto fullFor = [&](int share) {
        return int(m_queue.size()) >= m_options.queueLines / share
            || (m_queuedBytes + size > m_options.queueBytes / share && !m_queue.empty());
    };
    auto full = [&] { return fullFor(1); };
    if (whenFull == Full::Wait)
        m_room.wait(lock, [&] { return !full() || m_stopping; });
    else if (whenFull == Full::Refuse && (m_stopping || fullFor(2)))
        return false;
    Counters& counters = m_counters[item.sourceId];
    if (!item.isReject)
        ++counters.received;
    if (m_stopping || full()) {
        ++counters.dropped; // a rejected message that finds the queue full is dropped too, never waited for
        return false;
    }
    item.seq = ++m_enqueued;
    item.arrivedMs = steadyMs();
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

quint64 IngestPipeline::pushBatch(qint64 sourceId, const QByteArray& site, std::vector<QByteArray>& lines)
{
    quint64 last = 0;
    size_t next = 0;
    while (next < lines.size()) {
        std::unique_lock lock(m_mutex);
        m_room.wait(lock, [&] {
            return (int(m_queue.size()) < m_options.queueLines && m_queuedBytes < m_options.queueBytes) || m_stopping
                || m_gaveUp;
        });
        Counters& counters = m_counters[sourceId];
        if (m_gaveUp) { // the caller reads hasGivenUp() and says why
            counters.received += qint64(lines.size() - next);
            counters.failed += qint64(lines.size() - next);
            break;
        }
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
            last = item.seq;
            item.arrivedMs = steadyMs();
            m_queuedBytes += item.text.size() + item.site.size() + 64;
            m_queue.push_back(std::move(item));
            ++counters.received;
        }
        lock.unlock();
        m_work.notify_one();
    }
    lines.clear();
    return last;
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

bool IngestPipeline::flush(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    const quint64 target = m_enqueued;
    if (m_committed >= target || m_stopped)
        return true;
    m_flushRequested = true;
    m_work.notify_one();
    const auto done = [&] { return m_committed >= target || m_stopped; };
    if (timeoutMs < 0) {
        m_room.wait(lock, done);
        return true;
    }
    return m_room.wait_for(lock, std::chrono::milliseconds(timeoutMs), done);
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

IngestPipeline::Counters IngestPipeline::totals() const
{
    std::lock_guard lock(m_mutex);
    Counters sum;
    for (const Counters& c : m_counters) {
        sum.received += c.received;
        sum.stored += c.stored;
        sum.rejected += c.rejected;
        sum.dropped += c.dropped;
        sum.failed += c.failed;
    }
    return sum;
}

QString IngestPipeline::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

bool IngestPipeline::hasGivenUp() const
{
    std::lock_guard lock(m_mutex);
    return m_gaveUp;
}

void IngestPipeline::setErrorHandler(std::function<void(const QString&)> handler)
{
    std::lock_guard lock(m_mutex);
    m_onError = std::move(handler);
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
            // A trickle (UDP at 40,000 datagrams/s arrives 32 at a time) would make hundreds of small batches
            // per commit, each as large in memory as a full one: gather for a moment first.
            m_work.wait_for(lock, std::chrono::milliseconds(kGatherMs),
                [&] { return m_queue.size() >= kBatchLines || m_stopping || m_flushRequested; });
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
        batch->oldestArrivedMs = batch->count ? batch->items.front().arrivedMs : 0;
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
            // Bounded hand-over, a commit's worth ahead so parsing overlaps writing: the writer always drains, so
            // this wait ends (on stop too).
            const size_t ahead = qMax<size_t>(size_t(m_options.batchLines), 2 * kBatchLines);
            m_parsedRoom.wait(lock, [&] { return m_parsedLines < ahead; });
            m_parsedLines += batch->count;
            m_parsed.push_back(std::move(batch));
        }
        m_parsedReady.notify_one();
        if (stop)
            break;
    }
}

void IngestPipeline::writeRun()
{
    Held held;
    size_t heldLines = 0;
    bool failing = false; // the last commit failed: retry it before gathering more
    for (;;) {
        bool flushNow = false;
        bool stopNow = false;
        {
            std::unique_lock lock(m_mutex);
            const auto ready = [&] { return !m_parsed.empty() || (failing && m_stopping); };
            if (failing) {
                m_parsedReady.wait_for(lock, std::chrono::milliseconds(kRetryMs), [&] { return m_stopping; });
            } else if (heldLines > 0) {
                const qint64 left = held.front()->oldestArrivedMs + m_options.commitMs - steadyMs();
                m_parsedReady.wait_for(lock, std::chrono::milliseconds(qMax<qint64>(0, left)), ready);
            } else {
                m_parsedReady.wait(lock, ready);
            }
            while (!failing && !m_parsed.empty() && heldLines < size_t(m_options.batchLines)) {
                m_parsedLines -= m_parsed.front()->count;
                heldLines += m_parsed.front()->count;
                held.push_back(std::move(m_parsed.front()));
                m_parsed.pop_front();
            }
        }
        m_parsedRoom.notify_one();
        for (const auto& batch : held) {
            flushNow = flushNow || batch->flush;
            stopNow = stopNow || batch->stop;
        }
        // The oldest line first found by a batch with lines (a flush-only batch has none).
        qint64 oldest = 0;
        for (const auto& batch : held)
            if (batch->count) {
                oldest = batch->oldestArrivedMs;
                break;
            }
        const bool due = failing || flushNow || stopNow || heldLines >= size_t(m_options.batchLines)
            || (heldLines > 0 && steadyMs() >= oldest + m_options.commitMs);
        if (!due || held.empty())
            continue;
        bool gaveUp = false;
        {
            std::lock_guard lock(m_mutex);
            gaveUp = m_gaveUp;
        }
        if (gaveUp) { // one error told is enough: the rest is counted as failed without trying
            giveUp(held);
        } else if (commit(held)) {
            failing = false;
        } else {
            bool stopping = false;
            {
                std::lock_guard lock(m_mutex);
                stopping = m_stopping;
            }
            failing = !(m_options.giveUpOnWriteError || stopping);
            if (!failing)
                giveUp(held);
        }
        if (failing)
            continue;
        recycle(held);
        heldLines = 0;
        if (stopNow)
            break;
    }
    std::lock_guard lock(m_mutex);
    m_stopped = true;
    m_room.notify_all();
}

void IngestPipeline::writeHeld(const Held& held, QHash<qint64, Counters>& done, const QHash<qint64, Counters>& seen)
{
    m_ingest->startBatch();
    for (const auto& batch : held) {
        for (size_t i = 0; i < batch->count; ++i) {
            const Item& item = batch->items[i];
            if (item.isReject) {
                m_ingest->reject(item.sourceId, item.text, item.rejectReason);
                ++done[item.sourceId].rejected;
            } else if (const char* reason = batch->rejectReasons[i]) {
                m_ingest->reject(item.sourceId, item.text, QString::fromLatin1(reason));
                ++done[item.sourceId].rejected;
            } else {
                const AccessRecord& record = batch->records[i];
                m_ingest->add(item.sourceId, item.site, record, batch->geo[i]);
                Counters& c = done[item.sourceId];
                ++c.stored;
                if (record.ts >= 0) {
                    c.firstTs = c.firstTs ? qMin(c.firstTs, record.ts) : record.ts;
                    c.lastTs = qMax(c.lastTs, record.ts);
                    c.beforeRetention += record.ts < m_ingest->retentionCutoff() ? 1 : 0;
                }
            }
        }
    }
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        const Counters saved = m_persisted.value(it.key());
        m_ingest->addCounter(it.key(), "lines_received", it.value().received - saved.received);
        m_ingest->addCounter(it.key(), "dropped", it.value().dropped - saved.dropped);
    }
    m_ingest->writePending();
    m_ingest->applyRetention();
    if (m_commitHook) {
        quint64 lastSeq = 0;
        for (const auto& batch : held)
            lastSeq = qMax(lastSeq, batch->lastSeq);
        m_commitHook(*m_ingest->database(), lastSeq);
    }
}

bool IngestPipeline::commit(const Held& held)
{
    QHash<qint64, Counters> done; // stored and rejected by this commit
    QHash<qint64, Counters> seen;
    {
        std::lock_guard lock(m_mutex);
        seen = m_counters;
    }
    quint64 lastSeq = 0;
    for (const auto& batch : held)
        lastSeq = qMax(lastSeq, batch->lastSeq);
    try {
        m_writer.run([&](Database& db) {
            if (!m_ingest) {
                IngestWriter::Options options;
                options.visitorLimit = m_options.visitorMemoryLimit;
                m_ingest = std::make_unique<IngestWriter>(db, m_clock, options);
            }
            done.clear();
            writeHeld(held, done, seen);
        });
    } catch (const std::exception& e) {
        if (m_ingest)
            m_ingest->discard(); // rolled back: what it remembers of this transaction is not in the file
        const QString message = QCoreApplication::translate("IngestPipeline", "cannot write to %1: %2")
                                    .arg(m_writer.databasePath(), QString::fromUtf8(e.what()));
        qCWarning(lcIngest).noquote() << message;
        std::function<void(const QString&)> onError;
        {
            std::lock_guard lock(m_mutex);
            m_lastError = message;
            onError = m_onError;
        }
        if (onError)
            onError(message);
        return false;
    }
    std::function<void(const QString&)> recovered;
    {
        std::lock_guard lock(m_mutex);
        if (!m_lastError.isEmpty()) { // written again after a failure: said once, with an empty message
            m_lastError.clear();
            recovered = m_onError;
        }
        for (auto it = done.cbegin(); it != done.cend(); ++it) {
            Counters& c = m_counters[it.key()];
            c.stored += it.value().stored;
            c.rejected += it.value().rejected;
            c.beforeRetention += it.value().beforeRetention;
            if (it.value().firstTs)
                c.firstTs = c.firstTs ? qMin(c.firstTs, it.value().firstTs) : it.value().firstTs;
            c.lastTs = qMax(c.lastTs, it.value().lastTs);
        }
        for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
            m_persisted[it.key()].received = it.value().received;
            m_persisted[it.key()].dropped = it.value().dropped;
        }
        if (lastSeq > m_committed)
            m_committed = lastSeq;
    }
    m_room.notify_all();
    if (recovered)
        recovered(QString());
    return true;
}

void IngestPipeline::giveUp(const Held& held)
{
    std::lock_guard lock(m_mutex);
    for (const auto& batch : held) {
        for (size_t i = 0; i < batch->count; ++i)
            ++m_counters[batch->items[i].sourceId].failed;
        m_committed = qMax(m_committed, batch->lastSeq); // nothing more will become of them: flush() returns
    }
    if (m_options.giveUpOnWriteError)
        m_gaveUp = true;
    m_room.notify_all();
}

void IngestPipeline::recycle(Held& held)
{
    for (auto& batch : held)
        batch->items.clear(); // frees the lines here, not in the parser's next round
    std::lock_guard lock(m_mutex);
    for (auto& batch : held)
        m_freeBatches.push_back(std::move(batch));
    held.clear();
}
