#include "core/ingest/crawlerverifier.h"

#include "core/ingest/crawlercheckworker.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"
#include "core/util/logging.h"

#include <string>

namespace activity {

namespace {
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

CrawlerVerifier::CrawlerVerifier(
    DbWriter& writer, std::shared_ptr<const CrawlerChecks> checks, const Clock& clock, const Options& options)
    : m_state(std::make_shared<CrawlerCheckState>())
{
    CrawlerCheckState& s = *m_state;
    s.writer = &writer;
    s.checks = checks ? std::move(checks) : CrawlerChecks::shipped();
    s.clock = &clock;
    s.options = options;
    // Verdicts still valid from earlier runs: those addresses are not checked again until they expire.
    try {
        writer.query([&s](Database& db) {
            Statement st = db.prepare("SELECT addr, vendor, expires_at FROM crawler_verdicts WHERE expires_at > ? "
                                      "LIMIT ?");
            st.bind(1, s.clock->nowSecs()).bind(2, qint64(kKnownLimit / 2));
            std::lock_guard lock(s.mutex);
            while (st.step()) {
                const QHostAddress address(st.text(0));
                std::string key = addressKey(address);
                if (key.empty())
                    continue;
                key += st.text(1).toStdString();
                s.known[key] = CrawlerCheckState::Entry { false, st.int64(2) };
            }
        });
    } catch (const std::exception& e) { // not fatal: every address is checked again
        qCWarning(lcIngest).noquote() << "crawler checks: earlier verdicts not read:" << e.what();
    }
    // Everything the worker reads is set above, before the thread starts; from then on the state passes under its
    // mutex only.
    m_thread = makeOwnedThread(QStringLiteral("crawler-checks"));
    m_worker = new CrawlerCheckWorker(m_state);
    m_worker->moveToThread(m_thread.get());
    QObject::connect(m_thread.get(), &QThread::started, m_worker, &CrawlerCheckWorker::begin);
    QObject::connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
    std::unique_lock lock(s.mutex);
    s.changed.wait(lock, [&s] { return s.started; });
    if (!s.error.isEmpty())
        qCWarning(lcIngest).noquote() << "crawler checks:" << s.error;
}

// The thread quits and waits (m_thread), and deletes the worker, its resolver and its timer there.
CrawlerVerifier::~CrawlerVerifier() = default;

QString CrawlerVerifier::error() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->error;
}

void CrawlerVerifier::claim(const unsigned char* addr, int len, std::string_view owner)
{
    if (len != 4 && len != 16)
        return;
    std::string key(reinterpret_cast<const char*>(addr), size_t(len));
    key.append(owner);
    CrawlerCheckState& s = *m_state;
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
        s.known.emplace(key, CrawlerCheckState::Entry {});
    }
    s.queue.push_back(
        { std::move(key), crawlerAddress(addr, len), QString::fromUtf8(owner.data(), qsizetype(owner.size())) });
    ++s.outstanding;
    if (!s.pumpScheduled) {
        s.pumpScheduled = true;
        // By name, with no argument: the queued call carries nothing of ours across (the queue is under the mutex).
        QMetaObject::invokeMethod(m_worker, "pump", Qt::QueuedConnection);
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
    CrawlerCheckState& s = *m_state;
    std::unique_lock lock(s.mutex);
    return s.changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&s] { return s.outstanding == 0; });
}

CrawlerVerifier::Counts CrawlerVerifier::counts() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->counts;
}

} // namespace activity
