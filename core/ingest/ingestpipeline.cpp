#include "core/ingest/ingestpipeline.h"

#include "core/geo/geoip.h"
#include "core/ingest/ingestwriter.h"
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
        explicit Thread(IngestPipeline* owner)
            : m_owner(owner)
        { }

    protected:
        void run() override { m_owner->run(); }

    private:
        IngestPipeline* m_owner;
    };
    m_thread.reset(new Thread(this));
    m_thread->setObjectName(QStringLiteral("ingest"));
    m_thread->start();
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
        if (!m_thread)
            return;
        m_stopping = true;
    }
    m_work.notify_all();
    m_room.notify_all();
    m_thread.reset(); // the thread drains the queue, commits, and ends
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

void IngestPipeline::run()
{
    std::unique_ptr<IngestWriter> writer;
    try {
        writer = std::make_unique<IngestWriter>(m_databasePath, m_geo.get(), m_clock);
    } catch (const DatabaseError& e) {
        std::lock_guard lock(m_mutex);
        m_lastError = e.message();
    }
    QHash<qint64, std::shared_ptr<const Config>> configs;
    quint64 configVersion = ~quint64(0);
    const auto fallback = std::make_shared<Config>(Config { LogFormat::compile("combined"), QByteArray() });
    AccessRecord record;
    std::vector<Item> batch;
    QHash<qint64, Counters> done; // stored and rejected since the last publication
    QElapsedTimer sinceCommit;
    int pending = 0;
    quint64 lastSeq = 0;
    QHash<qint64, Counters> persisted; // received and dropped already written to ingest_counters

    for (;;) {
        bool flushNow = false;
        bool stopping = false;
        {
            std::unique_lock lock(m_mutex);
            auto ready = [&] { return !m_queue.empty() || m_stopping || m_flushRequested; };
            if (pending > 0) {
                const qint64 left = qMax<qint64>(0, m_options.commitMs - sinceCommit.elapsed());
                m_work.wait_for(lock, std::chrono::milliseconds(left), ready);
            } else {
                m_work.wait(lock, ready);
            }
            const size_t take = qMin<size_t>(m_queue.size(), 2048);
            batch.clear();
            for (size_t i = 0; i < take; ++i) {
                m_queuedBytes -= m_queue.front().text.size() + m_queue.front().site.size() + 64;
                batch.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            if (configVersion != m_configVersion) {
                configs = m_configs;
                configVersion = m_configVersion;
            }
            flushNow = m_flushRequested && m_queue.empty();
            if (flushNow)
                m_flushRequested = false;
            stopping = m_stopping && m_queue.empty();
        }
        if (!batch.empty())
            m_room.notify_all();

        for (Item& item : batch) {
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
                    continue;
                }
                const Config& config = *configs.value(item.sourceId, fallback);
                const char* reason = nullptr;
                if (!config.format.parse(
                        std::string_view(item.text.constData(), size_t(item.text.size())), record, &reason)) {
                    writer->reject(item.sourceId, item.text, QString::fromLatin1(reason));
                    ++done[item.sourceId].rejected;
                    continue;
                }
                const QByteArray& site = !item.site.isEmpty() ? item.site
                    : !config.site.isEmpty()                  ? config.site
                                                              : QByteArrayLiteral("default");
                writer->add(item.sourceId, site, record);
                ++done[item.sourceId].stored;
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
