#include "core/sources/apischeduler.h"

#include "core/net/httpcache.h"
#include "core/sources/apistore.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourcestore.h"
#include "core/sources/validators.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"
#include "core/util/logging.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSet>

namespace activity {

ApiScheduler::ApiScheduler(Database& db, DbWriter& writer, const Clock& clock, const SourceRegistry& registry,
    HttpClient& http, QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_registry(registry)
    , m_http(http)
    , m_store(std::make_unique<ApiStore>(writer))
    , m_cache(std::make_unique<HttpCache>(writer))
{
    connect(&m_timer, &QTimer::timeout, this, &ApiScheduler::tick);
}

ApiScheduler::ApiScheduler(
    Database& db, const Clock& clock, const SourceRegistry& registry, HttpClient& http, QObject* parent)
    : ApiScheduler(db, *new DbWriter(db), clock, registry, http, parent)
{
    m_ownWriter.reset(&m_store->writer());
}

ApiScheduler::~ApiScheduler() = default;

void ApiScheduler::start(int tickMs)
{
    tick();
    m_timer.start(tickMs);
}

void ApiScheduler::stop()
{
    m_timer.stop();
    m_entries.clear(); // polls in flight are dropped: their figures were not complete anyway
}

bool ApiScheduler::isIdle() const
{
    for (const auto& [id, e] : m_entries)
        if (e.collector->isPolling())
            return false;
    return true;
}

std::unique_ptr<ApiCollector> ApiScheduler::create(qint64 id, const QString& type, const QJsonObject& settings)
{
    const SourceTypeSpec* spec = m_registry.find(type);
    if (!spec || !spec->createCollector)
        return nullptr;
    return spec->createCollector(id, settings, { *m_store, *m_cache, m_http, m_clock, m_tokens });
}

void ApiScheduler::sync(bool forceDue)
{
    const qint64 now = m_clock.nowSecs();
    SourceStore sources(m_db, m_clock);
    QSet<qint64> seen;
    for (const SourceRecord& r : sources.list()) {
        if (!m_registry.polls(r.type))
            continue;
        if (!r.enabled) {
            m_paused.insert(r.id);
            continue;
        }
        seen.insert(r.id);
        auto it = m_entries.find(r.id);
        if (it != m_entries.end() && it->second.settings == r.settings) {
            if (forceDue)
                it->second.due = now;
            continue;
        }
        // New, resumed (a paused source has no entry) or changed: poll at once unless a recorded next run
        // says to wait (a restart must not spend the rate limit again).
        Entry e;
        e.collector = create(r.id, r.type, r.settings);
        e.settings = r.settings;
        e.name = r.name;
        const bool changed = it != m_entries.end();
        const bool resumed = m_paused.remove(r.id);
        e.due = (forceDue || changed || resumed || r.nextRun <= 0) ? now : r.nextRun;
        connect(e.collector.get(), &ApiCollector::finished, this,
            [this, id = r.id](const PollOutcome& outcome) { onFinished(id, outcome); });
        m_entries.insert_or_assign(r.id, std::move(e));
    }
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (seen.contains(it->first)) {
            ++it;
        } else {
            it = m_entries.erase(it);
        }
    }
}

void ApiScheduler::tick()
{
    try {
        sync(false);
    } catch (const std::exception& e) {
        // The sources could not be read this time (a damaged or vanished file): keep what runs, try next tick.
        qCWarning(lcScheduler) << "cannot read the sources:" << e.what();
    }
    const qint64 now = m_clock.nowSecs();
    for (auto& [id, e] : m_entries) {
        if (e.collector->isPolling() || e.due > now)
            continue;
        if (m_mayPoll && !mayPollNow(id, e, now))
            continue;
        e.collector->poll();
    }
}

bool ApiScheduler::mayPollNow(qint64 id, Entry& e, qint64 now)
{
    const qint64 interval
        = Validators::parseDurationSecs(e.settings.value(QLatin1String("interval")).toString()).value_or(900);
    bool mine = false;
    try {
        mine = m_mayPoll(id, interval);
    } catch (const std::exception& ex) { // the store is away: nobody can claim it, ask again soon
        qCInfo(lcScheduler) << "cannot claim source" << id << ":" << ex.what();
    }
    if (!mine) {
        e.due = now + kLeaseRetrySecs;
        return false;
    }
    // Taken over from another collector: its recorded next run (a rate limit's end) still holds.
    try {
        if (const auto next = m_store->nextRun(id); next && *next > now) {
            e.due = *next;
            return false;
        }
    } catch (const std::exception&) { }
    return true;
}

void ApiScheduler::pollAllNow()
{
    try {
        sync(true);
    } catch (const std::exception& e) {
        qCWarning(lcScheduler) << "cannot read the sources:" << e.what();
    }
    m_starting = true;
    for (auto& [id, e] : m_entries)
        e.collector->poll();
    m_starting = false;
    if (isIdle())
        Q_EMIT idle();
}

void ApiScheduler::onFinished(qint64 sourceId, const PollOutcome& outcome)
{
    const qint64 now = m_clock.nowSecs();
    auto it = m_entries.find(sourceId);
    qint64 next = outcome.retryAt;
    if (next == 0) {
        const QJsonObject settings = it != m_entries.end() ? it->second.settings : QJsonObject();
        const qint64 interval
            = Validators::parseDurationSecs(settings.value(QLatin1String("interval")).toString()).value_or(900);
        const qint64 maxJitter = qMin<qint64>(60, qint64(interval * m_jitterFraction));
        next = now + interval + (maxJitter > 0 ? QRandomGenerator::global()->bounded(maxJitter + 1) : 0);
    }
    try {
        m_store->transaction([&] {
            if (outcome.ok)
                m_store->recordSuccess(sourceId, now);
            else
                m_store->recordError(sourceId, now, outcome.error, outcome.httpStatus);
            m_store->setNextRun(sourceId, next);
        });
    } catch (const std::exception& e) {
        // Not fatal: the next run is kept in memory, and the poll's own outcome is still reported.
        qCWarning(lcScheduler) << "cannot record the outcome of source" << sourceId << ":" << e.what();
    }
    if (it != m_entries.end())
        it->second.due = next;
    Q_EMIT pollFinished(sourceId, outcome);
    if (!m_starting && isIdle())
        Q_EMIT idle();
}

} // namespace activity
