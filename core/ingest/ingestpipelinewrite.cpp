// IngestPipeline's writing thread: holds parsed batches until the commit interval or size, writes them in one
// transaction through IngestWriter, publishes counters only after the commit, and retries or gives up on errors.
#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline_p.h"
#include "core/ingest/ingestwriter.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/storeurl.h"

namespace activity {

using namespace IngestPipelineTiming;

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
                m_ingest->add(item.sourceId, item.site, record, batch->geo[i], batch->agents[i]);
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
                                    .arg(StoreUrl::shown(m_writer.databasePath()), QString::fromUtf8(e.what()));
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

} // namespace activity
