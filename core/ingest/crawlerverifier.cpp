#include "core/ingest/crawlerverifier.h"

#include "core/net/dnsresolver.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"
#include "core/util/logging.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>
#include <QTimer>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace activity {

namespace {
struct VerifierText {
    Q_DECLARE_TR_FUNCTIONS(VerifierText)
};
const QString kVerified = QStringLiteral("verified");
const QString kSpoofed = QStringLiteral("spoofed");
constexpr size_t kKnownLimit = 500'000; // addresses whose verdict is remembered in memory

// The address's bytes in network order (4 or 16), as claim() keys them; empty for no address.
std::string addressKey(const QHostAddress& address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        const char bytes[4] = { char(v4 >> 24), char(v4 >> 16), char(v4 >> 8), char(v4) };
        return std::string(bytes, 4);
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        return std::string(reinterpret_cast<const char*>(v6.c), 16);
    }
    return {};
}
} // namespace

CrawlerVerdictStore::CrawlerVerdictStore(Database& db)
    : m_db(db)
{ }

void CrawlerVerdictStore::put(const CrawlerVerdict& v)
{
    Statement st = m_db.prepare("INSERT OR REPLACE INTO crawler_verdicts(addr, vendor, verdict, method, detail, "
                                "checked_at, expires_at) VALUES(?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, v.addr).bind(2, v.owner).bind(3, v.verdict).bind(4, v.method);
    if (v.detail.isEmpty())
        st.bindText(5, "", 0); // text, never NULL (a null QString binds NULL on PostgreSQL)
    else
        st.bind(5, v.detail);
    st.bind(6, v.checkedAt).bind(7, v.expiresAt).exec();
}

QList<QPair<QHostAddress, QString>> CrawlerVerdictStore::unchecked(qint64 now)
{
    Statement st = m_db.prepare("SELECT DISTINCT c.addr, c.vendor FROM crawler_claims c LEFT JOIN crawler_verdicts v "
                                "ON v.addr = c.addr AND v.vendor = c.vendor WHERE v.addr IS NULL OR v.expires_at <= ?");
    st.bind(1, now);
    QList<QPair<QHostAddress, QString>> out;
    while (st.step())
        out.append({ QHostAddress(st.text(0)), st.text(1) });
    return out;
}

struct CrawlerVerifier::Job {
    std::string key;
    QHostAddress address;
    QString owner;
};

// What the claiming threads, the checking thread and the writer's callbacks share (the callbacks may outlive the
// verifier: they hold this, not it).
struct CrawlerVerifier::Shared {
    std::mutex mutex;
    std::condition_variable idle;
    struct Entry {
        bool pending = true;
        qint64 until = 0; // decided: checked again after this
    };
    std::unordered_map<std::string, Entry> known;
    std::deque<Job> queue;
    qint64 outstanding = 0; // claims queued, being checked or being written
    bool pumpScheduled = false;
    Counts counts;

    // On the checking thread only.
    DbWriter* writer = nullptr;
    std::shared_ptr<const CrawlerChecks> checks;
    const Clock* clock = nullptr;
    Options options;
    QThread thread;
    QObject* context = nullptr; // lives on `thread`
    std::unique_ptr<DnsResolver> dns;
    std::unique_ptr<QTimer> retry;
    QString error;
    int inFlight = 0;
    double tokens = 0;
    qint64 tokensAtMs = 0;
};

CrawlerVerifier::CrawlerVerifier(
    DbWriter& writer, std::shared_ptr<const CrawlerChecks> checks, const Clock& clock, const Options& options)
    : m_shared(std::make_shared<Shared>())
{
    Shared& s = *m_shared;
    s.writer = &writer;
    s.checks = checks ? std::move(checks) : CrawlerChecks::shipped();
    s.clock = &clock;
    s.options = options;
    s.tokens = options.lookupsPerSecond;
    // Verdicts still valid from earlier runs: those addresses are not checked again until they expire.
    try {
        writer.query([&s](Database& db) {
            Statement st = db.prepare("SELECT addr, vendor, expires_at FROM crawler_verdicts WHERE expires_at > ? "
                                      "LIMIT ?");
            st.bind(1, s.clock->nowSecs()).bind(2, qint64(kKnownLimit / 2));
            while (st.step()) {
                const QHostAddress address(st.text(0));
                std::string key = addressKey(address);
                if (key.empty())
                    continue;
                key += st.text(1).toStdString();
                s.known[key] = Shared::Entry { false, st.int64(2) };
            }
        });
    } catch (const std::exception& e) { // not fatal: every address is checked again
        qCWarning(lcIngest).noquote() << "crawler checks: earlier verdicts not read:" << e.what();
    }
    s.thread.setObjectName(QStringLiteral("crawler-checks"));
    s.context = new QObject();
    s.context->moveToThread(&s.thread);
    s.thread.start();
    // The resolver and its timers belong to the checking thread.
    QMetaObject::invokeMethod(
        s.context,
        [&s] {
            s.dns = std::make_unique<DnsResolver>(s.options.dnsServer);
            s.retry = std::make_unique<QTimer>();
            s.retry->setSingleShot(true);
            s.error = s.dns->error();
        },
        Qt::BlockingQueuedConnection);
    QObject::connect(s.retry.get(), &QTimer::timeout, s.context, [this] { pump(); });
    if (!s.error.isEmpty())
        qCWarning(lcIngest).noquote() << "crawler checks:" << s.error;
}

CrawlerVerifier::~CrawlerVerifier()
{
    Shared& s = *m_shared;
    QMetaObject::invokeMethod(
        s.context,
        [&s] {
            s.retry.reset();
            s.dns.reset();
            delete s.context;
            s.context = nullptr;
        },
        Qt::BlockingQueuedConnection);
    s.thread.quit();
    s.thread.wait();
}

QString CrawlerVerifier::error() const
{
    return m_shared->error;
}

void CrawlerVerifier::claim(const unsigned char* addr, int len, std::string_view owner)
{
    if (len != 4 && len != 16)
        return;
    std::string key(reinterpret_cast<const char*>(addr), size_t(len));
    key.append(owner);
    Shared& s = *m_shared;
    std::lock_guard lock(s.mutex);
    if (const auto it = s.known.find(key); it != s.known.end()) {
        if (it->second.pending || it->second.until > s.clock->nowSecs())
            return;
        it->second.pending = true;
    } else if (s.queue.size() >= size_t(s.options.maxQueued)) {
        ++s.counts.unverified;
        return;
    } else {
        if (s.known.size() >= kKnownLimit) // a flood of addresses: forget the decided ones (checked again if seen)
            std::erase_if(s.known, [](const auto& e) { return !e.second.pending; });
        s.known.emplace(key, Shared::Entry {});
    }
    s.queue.push_back(
        { std::move(key), crawlerAddress(addr, len), QString::fromUtf8(owner.data(), qsizetype(owner.size())) });
    ++s.outstanding;
    if (!s.pumpScheduled) {
        s.pumpScheduled = true;
        QMetaObject::invokeMethod(
            s.context, [this] { pump(); }, Qt::QueuedConnection);
    }
}

void CrawlerVerifier::claim(const QHostAddress& address, const QString& owner)
{
    const std::string key = addressKey(address);
    const QByteArray name = owner.toUtf8();
    claim(reinterpret_cast<const unsigned char*>(key.data()), int(key.size()),
        std::string_view(name.constData(), size_t(name.size())));
}

bool CrawlerVerifier::waitIdle(int timeoutMs)
{
    Shared& s = *m_shared;
    std::unique_lock lock(s.mutex);
    return s.idle.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&s] { return s.outstanding == 0; });
}

CrawlerVerifier::Counts CrawlerVerifier::counts() const
{
    std::lock_guard lock(m_shared->mutex);
    return m_shared->counts;
}

// On the checking thread: decides what the ranges decide, starts DNS checks within the rate and in-flight limits.
void CrawlerVerifier::pump()
{
    Shared& s = *m_shared;
    const qint64 nowMs = QDeadlineTimer::current().deadline();
    s.tokens = qMin<double>(
        s.options.lookupsPerSecond, s.tokens + double(nowMs - s.tokensAtMs) * s.options.lookupsPerSecond / 1000.0);
    s.tokensAtMs = nowMs;
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
            if (needsDns && (s.inFlight >= s.options.maxInFlight || s.tokens < 1)) {
                s.pumpScheduled = true; // the retry timer or a finished lookup pumps again
                if (!s.retry->isActive())
                    s.retry->start(100);
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
            s.tokens -= 1;
            ++s.inFlight;
            checkByDns(job);
        }
    }
}

void CrawlerVerifier::checkByDns(const Job& job)
{
    Shared& s = *m_shared;
    const QStringList domains = s.checks->owner(job.owner)->dnsDomains;
    const auto done = [this, &s](const Job& j, const QString& verdict, const QString& detail, qint64 ttl) {
        --s.inFlight;
        finish(j, verdict, QStringLiteral("dns"), detail, ttl);
        pump();
    };
    s.dns->lookupPtr(job.address, [this, &s, job, domains, done](const DnsResolver::Answer& ptr) {
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
        s.dns->lookupAddresses(name, v6, [job, name, ptrTtl, done](const DnsResolver::Answer& forward) {
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

// A verdict (or none: unverified) for a job; written, then the claim is done.
void CrawlerVerifier::finish(
    const Job& job, const QString& verdict, const QString& method, const QString& detail, qint64 ttl)
{
    std::shared_ptr<Shared> shared = m_shared;
    Shared& s = *shared;
    const qint64 now = s.clock->nowSecs();
    const qint64 until
        = verdict.isEmpty() ? now + s.options.retrySecs : now + qBound(s.options.minTtlSecs, ttl, s.options.maxTtlSecs);
    const auto settle = [shared, key = job.key, until, verdict] {
        std::lock_guard lock(shared->mutex);
        Shared::Entry& e = shared->known[key];
        e.pending = false;
        e.until = until;
        if (verdict == kVerified)
            ++shared->counts.verified;
        else if (verdict == kSpoofed)
            ++shared->counts.spoofed;
        else
            ++shared->counts.unverified;
        --shared->outstanding;
        shared->idle.notify_all();
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
