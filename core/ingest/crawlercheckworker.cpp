#include "core/ingest/crawlercheckworker.h"

#include "core/net/dnsresolver.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"
#include "core/util/logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTimer>

namespace activity {

namespace {
struct VerifierText {
    Q_DECLARE_TR_FUNCTIONS(VerifierText)
};
const QString kVerified = QStringLiteral("verified");
const QString kSpoofed = QStringLiteral("spoofed");
} // namespace

CrawlerCheckWorker::CrawlerCheckWorker(std::shared_ptr<CrawlerCheckState> state)
    : m_state(std::move(state))
    , m_tokens(m_state->options.lookupsPerSecond)
{ }

CrawlerCheckWorker::~CrawlerCheckWorker() = default;

// On the checking thread, first: the resolver's socket and the timers belong to it.
void CrawlerCheckWorker::begin()
{
    m_dns = std::make_unique<DnsResolver>(m_state->options.dnsServer);
    m_retry = new QTimer(this);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &CrawlerCheckWorker::pump);
    CrawlerCheckState& s = *m_state;
    std::lock_guard lock(s.mutex);
    s.error = m_dns->error();
    s.started = true;
    s.changed.notify_all();
}

void CrawlerCheckWorker::pump()
{
    CrawlerCheckState& s = *m_state;
    const qint64 nowMs = QDeadlineTimer::current().deadline();
    m_tokens = qMin<double>(
        s.options.lookupsPerSecond, m_tokens + double(nowMs - m_tokensAtMs) * s.options.lookupsPerSecond / 1000.0);
    m_tokensAtMs = nowMs;
    for (;;) {
        Job job;
        {
            std::lock_guard lock(s.mutex);
            s.pumpScheduled = false;
            if (s.queue.empty())
                return;
            job = s.queue.front();
            const CrawlerChecks::Owner* owner = s.checks->owner(job.owner);
            const bool needsDns
                = owner && !CrawlerChecks::inRanges(*owner, job.address) && !owner->dnsDomains.isEmpty();
            if (needsDns && (m_inFlight >= s.options.maxInFlight || m_tokens < 1)) {
                s.pumpScheduled = true; // the retry timer or a finished lookup pumps again
                if (!m_retry->isActive())
                    m_retry->start(100);
                return;
            }
            s.queue.pop_front();
        }
        const CrawlerChecks::Owner* owner = s.checks->owner(job.owner);
        if (!owner)
            finish(job, {}, {}, VerifierText::tr("no check is known for '%1'").arg(job.owner), 0);
        else if (CrawlerChecks::inRanges(*owner, job.address))
            finish(job, kVerified, QStringLiteral("ranges"), {}, s.options.rangesTtlSecs);
        else if (owner->dnsDomains.isEmpty())
            finish(job, kSpoofed, QStringLiteral("ranges"), VerifierText::tr("not in the published ranges"),
                s.options.rangesTtlSecs);
        else {
            m_tokens -= 1;
            ++m_inFlight;
            checkByDns(job);
        }
    }
}

// The resolver's callbacks run on this thread, and never after the worker (it owns the resolver).
void CrawlerCheckWorker::checkByDns(const Job& job)
{
    const QStringList domains = m_state->checks->owner(job.owner)->dnsDomains;
    const auto done = [this](const Job& j, const QString& verdict, const QString& detail, qint64 ttl) {
        --m_inFlight;
        finish(j, verdict, QStringLiteral("dns"), detail, ttl);
        pump();
    };
    m_dns->lookupPtr(job.address, [this, job, domains, done](const DnsResolver::Answer& ptr) {
        if (ptr.outcome == DnsResolver::Answer::Failed)
            return done(job, {}, ptr.error, 0);
        QString name;
        for (const QString& n : ptr.names)
            if (CrawlerChecks::inDomains(n, domains)) {
                name = n;
                break;
            }
        if (name.isEmpty())
            return done(job, kSpoofed,
                ptr.names.isEmpty() ? VerifierText::tr("no reverse DNS name")
                                    : VerifierText::tr("reverse DNS name %1 is not the owner's").arg(ptr.names.first()),
                ptr.ttlSecs);
        const bool v6 = job.address.protocol() == QAbstractSocket::IPv6Protocol;
        const qint64 ptrTtl = ptr.ttlSecs;
        m_dns->lookupAddresses(name, v6, [job, name, ptrTtl, done](const DnsResolver::Answer& forward) {
            if (forward.outcome == DnsResolver::Answer::Failed)
                return done(job, {}, forward.error, 0);
            const qint64 ttl = qMin(ptrTtl, forward.ttlSecs);
            for (const QHostAddress& a : forward.addresses)
                if (a.isEqual(job.address))
                    return done(job, kVerified, name, ttl);
            done(job, kSpoofed, VerifierText::tr("%1 does not point back to the address").arg(name), ttl);
        });
    });
}

// A verdict (or none: unverified) for a job; written, then the claim is done. The writer's callback runs on the
// writer's thread, possibly after the verifier: it holds the shared state and touches it under its mutex only.
void CrawlerCheckWorker::finish(
    const Job& job, const QString& verdict, const QString& method, const QString& detail, qint64 ttl)
{
    const CrawlerCheckState& s = *m_state;
    const qint64 now = s.clock->nowSecs();
    const qint64 until
        = verdict.isEmpty() ? now + s.options.retrySecs : now + qBound(s.options.minTtlSecs, ttl, s.options.maxTtlSecs);
    const auto settle = [state = m_state, key = job.key, until, verdict] {
        std::lock_guard lock(state->mutex);
        CrawlerCheckState::Entry& e = state->known[key];
        e.pending = false;
        e.until = until;
        if (verdict == kVerified)
            ++state->counts.verified;
        else if (verdict == kSpoofed)
            ++state->counts.spoofed;
        else
            ++state->counts.unverified;
        --state->outstanding;
        state->changed.notify_all();
    };
    if (verdict.isEmpty()) {
        qCDebug(lcIngest).noquote() << "crawler check of" << job.address.toString() << "failed:" << detail;
        settle();
        return;
    }
    CrawlerVerdict v { job.address.toString(), job.owner, verdict, method, detail, now, until };
    s.writer->post([v](Database& db) { CrawlerVerdictStore(db).put(v); },
        [settle, v](const QString& error) {
            if (!error.isEmpty())
                qCWarning(lcIngest).noquote() << "crawler verdict of" << v.addr << "not stored:" << error;
            settle();
        });
}

} // namespace activity
