#include "core/ingest/sysloglistener.h"

#include "core/ingest/listenerworkers.h"
#include "core/logs/syslogmessage.h"
#include "core/storage/rollupschema.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <arpa/inet.h>
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

constexpr qsizetype kRejectedKeep = IngestLimits::kRejectedLineBytes; // enough of a bad message to show the user

QString listenText(const Validators::ListenAddress& listen)
{
    const QString scheme
        = listen.protocol == Validators::ListenAddress::Protocol::Udp ? QStringLiteral("udp") : QStringLiteral("tcp");
    const QString host = listen.address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(listen.address.toString())
        : listen.address.toString();
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(listen.port);
}

// Creates, configures and binds the socket; returns the descriptor or -1 with `error` set.
int bindSocket(const SyslogListener::Options& options, QString& error, quint16& boundPort)
{
    const bool udp = options.listen.protocol == Validators::ListenAddress::Protocol::Udp;
    const bool v6 = options.listen.address.protocol() == QAbstractSocket::IPv6Protocol;
    sockaddr_storage address {};
    socklen_t length = 0;
    if (v6) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&address);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(options.listen.port);
        const Q_IPV6ADDR bytes = options.listen.address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, 16);
        in6->sin6_scope_id = options.listen.address.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
    } else {
        auto* in = reinterpret_cast<sockaddr_in*>(&address);
        in->sin_family = AF_INET;
        in->sin_port = htons(options.listen.port);
        in->sin_addr.s_addr = htonl(options.listen.address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int fd
        = ::socket(v6 ? AF_INET6 : AF_INET, (udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error = ListenerText::tr("cannot create a socket for %1: %2")
                    .arg(listenText(options.listen), QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
    const int on = 1;
    if (udp) {
        // A burst of datagrams must wait in the kernel while the thread is busy: ask for a large
        // buffer (FORCE works with CAP_NET_ADMIN; otherwise the kernel caps it at rmem_max).
        const int size = options.receiveBufferBytes;
        if (::setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) != 0)
            ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
        // The kernel then says, with each datagram, how many it had to drop: counted, shown on Health.
        ::setsockopt(fd, SOL_SOCKET, SO_RXQ_OVFL, &on, sizeof on);
    } else {
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    }
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), length) != 0 || (!udp && ::listen(fd, SOMAXCONN) != 0)) {
        error = ListenerText::tr("cannot listen on %1: %2")
                    .arg(listenText(options.listen), QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return -1;
    }
    sockaddr_storage bound {};
    socklen_t boundLength = sizeof bound;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &boundLength);
    boundPort = ntohs(
        v6 ? reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port : reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
    return fd;
}
} // namespace

SyslogListener::SyslogListener(Options options, LineSink& sink)
    : m_options(std::move(options))
    , m_sink(sink)
{ }

SyslogListener::~SyslogListener() = default; // the thread quits and deletes its worker first

QString SyslogListener::start()
{
    if (m_thread)
        return {};
    QString error;
    const int fd = bindSocket(m_options, error, m_port);
    if (fd < 0)
        return error;
    m_thread = makeOwnedThread(QStringLiteral("syslog %1").arg(m_port));
    QObject* worker = nullptr;
    if (m_options.listen.protocol == Validators::ListenAddress::Protocol::Udp) {
        auto* udp = new UdpWorker(fd, *this);
        udp->moveToThread(m_thread.get());
        QObject::connect(m_thread.get(), &QThread::started, udp, &UdpWorker::begin);
        worker = udp;
    } else {
        auto* tcp = new TcpWorker(fd, *this);
        tcp->moveToThread(m_thread.get());
        QObject::connect(m_thread.get(), &QThread::started, tcp, &TcpWorker::begin);
        worker = tcp;
    }
    // Deleted on its own thread when the event loop ends, before wait() returns.
    QObject::connect(m_thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    m_thread->start();
    return {};
}

std::optional<LogLine> SyslogListener::makeLine(QByteArrayView raw)
{
    m_counters.received.fetch_add(1, std::memory_order_relaxed);
    SyslogMessage message;
    if (!Syslog::parse(raw, message)) {
        rejectFrame(raw, ListenerText::tr("empty syslog message"));
        return std::nullopt;
    }
    LogLine line;
    line.sourceId = m_options.sourceId;
    // The tag names the site, except nginx's default tag when the user named the site.
    line.site
        = (message.tag.isEmpty() || message.tag == "nginx") && !m_options.site.isEmpty() ? m_options.site : message.tag;
    line.text = std::move(message.message);
    return line;
}

void SyslogListener::deliver(QByteArrayView raw)
{
    std::optional<LogLine> line = makeLine(raw);
    if (line && !m_sink.offer(std::move(*line)))
        m_counters.dropped.fetch_add(1, std::memory_order_relaxed);
}

bool SyslogListener::offer(const LogLine& line)
{
    return m_sink.tryOffer(line);
}

void SyslogListener::rejectFrame(QByteArrayView raw, const QString& reason)
{
    m_counters.rejected.fetch_add(1, std::memory_order_relaxed);
    m_sink.reject(m_options.sourceId, raw.first(std::min(raw.size(), kRejectedKeep)).toByteArray(), reason);
}

} // namespace activity
