#include "core/ingest/ingestpipeline.h"

#include "core/geo/geoip.h"
#include "core/ingest/agentclassifier.h"
#include "core/ingest/crawlerverifier.h"
#include "core/ingest/ingestpipeline_p.h"
#include "core/ingest/ingestwriter.h"
#include "core/logs/accessrecord.h"
#include "core/logs/logformat.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/logging.h"
#include "core/util/threadjoin.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <chrono>
#include <vector>

namespace activity {

using namespace IngestPipelineTiming;

void IngestPipeline::ThreadStopper::operator()(QThread* thread) const
{
    thread->quit();
    thread->wait();
    markThreadJoined(thread);
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
    , m_agentRules(options.agentRules ? options.agentRules : AgentRules::shipped())
    , m_clock(clock)
    , m_options(options)
{
    if (options.verifyCrawlers)
        m_verifier = std::make_unique<CrawlerVerifier>(m_writer, options.crawlerChecks, clock, options.verifier);
    // A QThread subclass, not QThread::create(): that one goes through std::async, whose std::call_once pulls
    // __tls_get_addr (and so ld-linux) into the program's NEEDED list.
    class Thread final : public QThread {
    public:
        Thread(IngestPipeline* owner, void (IngestPipeline::*body)())
            : m_owner(owner)
            , m_body(body)
        { }

    protected:
        void run() override
        {
            (m_owner->*m_body)();
            markThreadEnd(this);
        }

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
    AgentClassifier agents(m_agentRules);
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
            batch->agents[i] = agents.classify(record.agent, record.path);
            if (m_verifier && !batch->agents[i].vendor.empty())
                m_verifier->claim(record.addr, record.addrLen, batch->agents[i].vendor);
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

} // namespace activity
