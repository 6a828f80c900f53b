#include "core/ingest/listenerworkers.h"

#include "core/ingest/sysloglistener.h"
#include "core/util/threadjoin.h"

#include <QCoreApplication>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace activity {

namespace {
struct ListenerText {
    Q_DECLARE_TR_FUNCTIONS(ListenerText)
};

constexpr int kBatch = 32;
constexpr size_t kDatagramSize = 64 * 1024; // larger than any UDP payload (65,527 bytes over IPv6)
constexpr int kBatchesPerWakeup = 64; // then let the event loop run (quit, timers)
constexpr size_t kTcpReadSize = 64 * 1024;
constexpr int kReadsPerWakeup = 16; // fairness between busy connections
constexpr int kRetryMs = 5; // a full sink is retried this often
} // namespace

UdpWorker::UdpWorker(int fd, SyslogListener& listener)
    : m_fd(fd)
    , m_listener(listener)
    , m_buffers(kBatch * kDatagramSize)
{ }

UdpWorker::~UdpWorker()
{
    // Datagrams already in the socket's buffer when collecting stops (nginx's last lines) are still delivered.
    drain();
    delete m_notifier;
    ::close(m_fd);
    markThreadEnd(QThread::currentThread()); // deleted on its thread after `finished`: the last of it
}

void UdpWorker::begin()
{
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &UdpWorker::drain);
    drain(); // datagrams that arrived between bind and now
}

void UdpWorker::drain()
{
    mmsghdr messages[kBatch];
    iovec vectors[kBatch];
    sockaddr_storage senders[kBatch];
    alignas(cmsghdr) char controls[kBatch][CMSG_SPACE(sizeof(quint32))];
    for (int round = 0; round < kBatchesPerWakeup; ++round) {
        for (int i = 0; i < kBatch; ++i) {
            vectors[i] = { m_buffers.data() + size_t(i) * kDatagramSize, kDatagramSize };
            messages[i] = {};
            messages[i].msg_hdr.msg_iov = &vectors[i];
            messages[i].msg_hdr.msg_iovlen = 1;
            messages[i].msg_hdr.msg_name = &senders[i];
            messages[i].msg_hdr.msg_namelen = sizeof senders[i];
            messages[i].msg_hdr.msg_control = controls[i];
            messages[i].msg_hdr.msg_controllen = sizeof controls[i];
        }
        const int count = ::recvmmsg(m_fd, messages, kBatch, MSG_DONTWAIT, nullptr);
        if (count <= 0)
            return; // EAGAIN: drained (errors such as ICMP reports are not fatal for a listener)
        ListenerCounters& counters = m_listener.mutableCounters();
        for (int i = 0; i < count; ++i) {
            for (cmsghdr* c = CMSG_FIRSTHDR(&messages[i].msg_hdr); c; c = CMSG_NXTHDR(&messages[i].msg_hdr, c)) {
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_RXQ_OVFL) {
                    quint32 drops = 0; // since the socket was opened
                    std::memcpy(&drops, CMSG_DATA(c), sizeof drops);
                    if (qint64(drops) > counters.kernelDropped.load(std::memory_order_relaxed))
                        counters.kernelDropped.store(drops, std::memory_order_relaxed);
                }
            }
            const auto* sender = reinterpret_cast<const sockaddr*>(&senders[i]);
            if (!m_listener.options().allow.allows(sender)) {
                counters.denied.fetch_add(1, std::memory_order_relaxed);
                continue;
            }
            const QByteArrayView data(static_cast<const char*>(vectors[i].iov_base), qsizetype(messages[i].msg_len));
            if (messages[i].msg_hdr.msg_flags & MSG_TRUNC) {
                counters.received.fetch_add(1, std::memory_order_relaxed);
                m_listener.rejectFrame(data, ListenerText::tr("datagram larger than 64 KiB"));
                continue;
            }
            m_listener.deliver(data);
        }
        if (count < kBatch)
            return;
    }
}

TcpWorker::TcpWorker(int fd, SyslogListener& listener)
    : m_fd(fd)
    , m_listener(listener)
    , m_readBuffer(kTcpReadSize)
{
    m_clock.start();
}

TcpWorker::~TcpWorker()
{
    // Frames cut by the shutdown are lost like on any closed connection; complete ones were delivered.
    m_connections.clear();
    m_listener.connections().store(0);
    delete m_notifier;
    ::close(m_fd);
    markThreadEnd(QThread::currentThread()); // deleted on its thread after `finished`: the last of it
}

TcpWorker::Connection::~Connection()
{
    notifier.reset(); // before the descriptor it watches
    if (fd >= 0)
        ::close(fd);
}

void TcpWorker::begin()
{
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TcpWorker::acceptAll);
    m_idleTimer = new QTimer(this);
    m_idleTimer->setInterval(std::clamp(m_listener.options().idleTimeoutMs / 4, 20, 5000));
    connect(m_idleTimer, &QTimer::timeout, this, &TcpWorker::closeIdle);
    m_idleTimer->start();
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setInterval(kRetryMs);
    connect(m_retryTimer, &QTimer::timeout, this, &TcpWorker::retryPending);
    acceptAll();
}

void TcpWorker::acceptAll()
{
    for (;;) {
        sockaddr_storage peer {};
        socklen_t length = sizeof peer;
        const int fd = ::accept4(m_fd, reinterpret_cast<sockaddr*>(&peer), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return; // EAGAIN, or out of descriptors (EMFILE): retried on the next readiness
        ListenerCounters& counters = m_listener.mutableCounters();
        if (!m_listener.options().allow.allows(reinterpret_cast<const sockaddr*>(&peer))) {
            counters.denied.fetch_add(1, std::memory_order_relaxed);
            ::close(fd);
            continue;
        }
        // At the cap a new sender takes the place of the connection idle longest: idle connections (a relay
        // that went quiet, or someone holding sockets open) must not lock real senders out until they time out.
        if (int(m_connections.size()) >= m_listener.options().maxConnections && !evictIdlest()) {
            counters.refusedConnections.fetch_add(1, std::memory_order_relaxed);
            ::close(fd);
            continue;
        }
        auto connection = std::make_unique<Connection>(m_listener.options().maxFrame);
        connection->fd = fd;
        connection->lastActivityMs = m_clock.elapsed();
        connection->notifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
        connect(connection->notifier.get(), &QSocketNotifier::activated, this, [this, fd] { readFrom(fd); });
        m_connections.emplace(fd, std::move(connection));
        m_listener.connections().store(int(m_connections.size()));
    }
}

void TcpWorker::readFrom(int fd)
{
    const auto it = m_connections.find(fd);
    if (it == m_connections.end())
        return;
    Connection& connection = *it->second;
    connection.lastActivityMs = m_clock.elapsed();
    const auto onFrame = [this, &connection](QByteArrayView frame) {
        std::optional<LogLine> line = m_listener.makeLine(frame);
        // Behind lines already waiting, to keep the order.
        if (line && (!connection.pending.empty() || !m_listener.offer(*line)))
            connection.pending.push_back(std::move(*line));
    };
    const auto onError = [this](SyslogStreamDecoder::Error error, QByteArrayView start) {
        switch (error) {
        case SyslogStreamDecoder::Error::TooLong:
            m_listener.mutableCounters().received.fetch_add(1, std::memory_order_relaxed);
            m_listener.rejectFrame(start, ListenerText::tr("message longer than 64 KiB"));
            break;
        case SyslogStreamDecoder::Error::BadLength:
            // The frame itself is still read (as newline-framed) and counted then.
            break;
        case SyslogStreamDecoder::Error::Truncated:
            m_listener.mutableCounters().received.fetch_add(1, std::memory_order_relaxed);
            m_listener.rejectFrame(start, ListenerText::tr("connection closed inside an octet-counted message"));
            break;
        }
    };
    for (int i = 0; i < kReadsPerWakeup; ++i) {
        const ssize_t n = ::recv(fd, m_readBuffer.data(), m_readBuffer.size(), 0);
        if (n > 0) {
            connection.decoder.feed(QByteArrayView(m_readBuffer.data(), n), onFrame, onError);
            if (!connection.pending.empty()) {
                connection.notifier->setEnabled(false);
                m_retryTimer->start();
                return;
            }
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        connection.decoder.finish(onFrame, onError); // EOF or reset
        close(fd);
        return;
    }
}

void TcpWorker::close(int fd)
{
    const auto it = m_connections.find(fd);
    if (it == m_connections.end())
        return;
    m_connections.erase(it); // closes the descriptor
    m_listener.connections().store(int(m_connections.size()));
}

bool TcpWorker::evictIdlest()
{
    const qint64 now = m_clock.elapsed();
    int idlest = -1;
    qint64 since = now - m_listener.options().evictIdleAfterMs;
    for (const auto& [fd, connection] : m_connections) {
        // Only one without lines waiting, and with no frame half received: nothing of it is lost.
        if (connection->pending.empty() && connection->decoder.atFrameBoundary()
            && connection->lastActivityMs <= since) {
            since = connection->lastActivityMs;
            idlest = fd;
        }
    }
    if (idlest < 0)
        return false;
    close(idlest);
    m_listener.mutableCounters().evictedConnections.fetch_add(1, std::memory_order_relaxed);
    return true;
}

void TcpWorker::closeIdle()
{
    const qint64 now = m_clock.elapsed();
    std::vector<int> idle;
    for (const auto& [fd, connection] : m_connections)
        if (connection->pending.empty() && now - connection->lastActivityMs >= m_listener.options().idleTimeoutMs)
            idle.push_back(fd);
    for (int fd : idle)
        close(fd);
}

void TcpWorker::retryPending()
{
    bool waiting = false;
    std::vector<int> resumed;
    for (auto& [fd, connection] : m_connections) {
        auto& pending = connection->pending;
        while (!pending.empty() && m_listener.offer(pending.front()))
            pending.pop_front();
        if (!pending.empty())
            waiting = true;
        else if (!connection->notifier->isEnabled())
            resumed.push_back(fd);
    }
    for (int fd : resumed) {
        m_connections[fd]->notifier->setEnabled(true);
        m_connections[fd]->lastActivityMs = m_clock.elapsed();
    }
    if (waiting)
        m_retryTimer->start();
}

} // namespace activity
