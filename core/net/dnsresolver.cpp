#include "core/net/dnsresolver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTimer>
#include <QUdpSocket>

namespace activity {

namespace {
constexpr quint16 kTypeA = 1;
constexpr quint16 kTypePtr = 12;
constexpr quint16 kTypeAaaa = 28;
constexpr int kHeader = 12;

struct DnsText {
    Q_DECLARE_TR_FUNCTIONS(DnsText)
};

qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

// The system's resolver: the first nameserver line of /etc/resolv.conf.
QString systemServer()
{
    QFile file(QStringLiteral("/etc/resolv.conf"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("127.0.0.1");
    while (!file.atEnd()) {
        const QList<QByteArray> words = file.readLine().simplified().split(' ');
        if (words.size() >= 2 && words[0] == "nameserver")
            return QString::fromLatin1(words[1]);
    }
    return QStringLiteral("127.0.0.1");
}

quint16 get16(const QByteArray& p, int at)
{
    return quint16(uchar(p[at]) << 8 | uchar(p[at + 1]));
}

// Reads a (possibly compressed) name at `at`; moves `at` past it. False on a malformed name.
bool readName(const QByteArray& p, int& at, QString* name)
{
    QStringList labels;
    int pos = at;
    bool jumped = false;
    for (int hops = 0; hops < 64; ++hops) {
        if (pos >= p.size())
            return false;
        const int len = uchar(p[pos]);
        if (len == 0) {
            if (!jumped)
                at = pos + 1;
            if (name)
                *name = labels.join(QLatin1Char('.'));
            return true;
        }
        if ((len & 0xC0) == 0xC0) {
            if (pos + 1 >= p.size())
                return false;
            if (!jumped)
                at = pos + 2;
            jumped = true;
            pos = (len & 0x3F) << 8 | uchar(p[pos + 1]);
            continue;
        }
        if (len > 63 || pos + 1 + len > p.size())
            return false;
        labels << QString::fromLatin1(p.constData() + pos + 1, len);
        pos += 1 + len;
    }
    return false; // a pointer loop
}
} // namespace

DnsResolver::DnsResolver(const QString& server, int timeoutMs, int attempts)
    : m_timeoutMs(timeoutMs)
    , m_attempts(attempts)
    , m_socket(std::make_unique<QUdpSocket>())
    , m_timer(std::make_unique<QTimer>())
    , m_nextId(quint16(QRandomGenerator::global()->generate()))
{
    QString text = server.trimmed().isEmpty() ? systemServer() : server.trimmed();
    QString host = text;
    int port = 53;
    if (text.startsWith(QLatin1Char('['))) { // [v6]:port
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        host = text.mid(1, close - 1);
        if (close > 0 && text.mid(close + 1).startsWith(QLatin1Char(':')))
            port = text.mid(close + 2).toInt();
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        port = text.section(QLatin1Char(':'), 1).toInt();
    }
    m_server = QHostAddress(host);
    if (m_server.isNull() || port < 1 || port > 65535) {
        m_error = DnsText::tr("the DNS server '%1' is not an address with an optional port (127.0.0.1:5353)").arg(text);
        return;
    }
    m_port = quint16(port);
    if (!m_socket->bind(
            m_server.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress::AnyIPv6 : QHostAddress::AnyIPv4, 0)) {
        m_error = DnsText::tr("cannot open a socket for DNS: %1").arg(m_socket->errorString());
        return;
    }
    QObject::connect(m_socket.get(), &QUdpSocket::readyRead, m_socket.get(), [this] { onReadyRead(); });
    m_timer->setInterval(100);
    QObject::connect(m_timer.get(), &QTimer::timeout, m_timer.get(), [this] { onTick(); });
}

DnsResolver::~DnsResolver() = default;

QString DnsResolver::server() const
{
    return m_server.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]:%2").arg(m_server.toString()).arg(m_port)
        : QStringLiteral("%1:%2").arg(m_server.toString()).arg(m_port);
}

QString DnsResolver::reverseName(const QHostAddress& address)
{
    QStringList parts;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        for (int i = 0; i < 4; ++i)
            parts << QString::number((v4 >> (8 * i)) & 0xff);
        return parts.join(QLatin1Char('.')) + QStringLiteral(".in-addr.arpa");
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    for (int i = 15; i >= 0; --i)
        parts << QString::number(v6[i] & 0xf, 16) << QString::number(v6[i] >> 4, 16);
    return parts.join(QLatin1Char('.')) + QStringLiteral(".ip6.arpa");
}

void DnsResolver::lookupPtr(const QHostAddress& address, Callback done)
{
    ask(reverseName(address), kTypePtr, std::move(done));
}

void DnsResolver::lookupAddresses(const QString& name, bool ipv6, Callback done)
{
    ask(name, ipv6 ? kTypeAaaa : kTypeA, std::move(done));
}

void DnsResolver::ask(const QString& name, quint16 type, Callback done)
{
    if (!m_error.isEmpty()) {
        Answer failed;
        failed.error = m_error;
        done(failed);
        return;
    }
    quint16 id = m_nextId++;
    while (m_pending.contains(id))
        id = m_nextId++;
    QByteArray q;
    q.reserve(64);
    q.append(char(id >> 8)).append(char(id & 0xff));
    q.append(char(0x01)).append(char(0x00)); // recursion desired
    q.append("\0\1\0\0\0\0\0\0", 8);
    for (const QString& label : name.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        const QByteArray l = label.toLatin1().left(63);
        q.append(char(l.size())).append(l);
    }
    q.append(char(0));
    q.append(char(type >> 8)).append(char(type & 0xff)).append(char(0)).append(char(1));
    Pending& p = m_pending[id];
    p.query = q;
    p.type = type;
    p.attemptsLeft = m_attempts - 1;
    p.deadlineMs = nowMs() + m_timeoutMs;
    p.done = std::move(done);
    m_socket->writeDatagram(q, m_server, m_port);
    if (!m_timer->isActive())
        m_timer->start();
}

DnsResolver::Answer DnsResolver::parse(const QByteArray& p, quint16 type)
{
    Answer a;
    if (p.size() < kHeader) {
        a.error = DnsText::tr("a DNS answer too short");
        return a;
    }
    const quint16 flags = get16(p, 2);
    const int rcode = flags & 0xF;
    if (!(flags & 0x8000)) {
        a.error = DnsText::tr("not a DNS answer");
        return a;
    }
    if (rcode != 0 && rcode != 3) {
        a.error = DnsText::tr("the DNS server answered with error code %1").arg(rcode);
        return a;
    }
    int at = kHeader;
    const int questions = get16(p, 4);
    const int answers = get16(p, 6);
    const int authority = get16(p, 8);
    for (int i = 0; i < questions; ++i) {
        if (!readName(p, at, nullptr) || at + 4 > p.size()) {
            a.error = DnsText::tr("a malformed DNS answer");
            return a;
        }
        at += 4;
    }
    qint64 ttl = -1;
    for (int i = 0; i < answers + authority; ++i) {
        if (!readName(p, at, nullptr) || at + 10 > p.size()) {
            a.error = DnsText::tr("a malformed DNS answer");
            return a;
        }
        const quint16 rtype = get16(p, at);
        const qint64 rttl = qint64(quint32(get16(p, at + 4)) << 16 | get16(p, at + 6));
        const int rdlength = get16(p, at + 8);
        at += 10;
        if (at + rdlength > p.size()) {
            a.error = DnsText::tr("a malformed DNS answer");
            return a;
        }
        const bool isAnswer = i < answers;
        if (isAnswer && rtype == type) {
            if (type == kTypePtr) {
                int nameAt = at;
                QString name;
                if (readName(p, nameAt, &name))
                    a.names << name;
            } else if (type == kTypeA && rdlength == 4) {
                const uchar* b = reinterpret_cast<const uchar*>(p.constData() + at);
                a.addresses << QHostAddress(quint32(b[0]) << 24 | quint32(b[1]) << 16 | quint32(b[2]) << 8 | b[3]);
            } else if (type == kTypeAaaa && rdlength == 16) {
                a.addresses << QHostAddress(reinterpret_cast<const quint8*>(p.constData() + at));
            }
            ttl = ttl < 0 ? rttl : qMin(ttl, rttl);
        } else if (!isAnswer && ttl < 0) {
            ttl = rttl; // the SOA's: how long "no such name" holds
        }
        at += rdlength;
    }
    a.ttlSecs = qMax<qint64>(0, ttl);
    a.outcome = rcode == 3 ? Answer::NoSuchName : Answer::Found;
    return a;
}

void DnsResolver::onReadyRead()
{
    while (m_socket->hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket->receiveDatagram(4096);
        const QByteArray data = d.data();
        // Only the server asked, and only an id waiting: a stray packet answers nothing.
        if (data.size() < kHeader || d.senderPort() != m_port || !d.senderAddress().isEqual(m_server))
            continue;
        const auto it = m_pending.find(get16(data, 0));
        if (it == m_pending.end())
            continue;
        Pending p = std::move(it.value());
        m_pending.erase(it);
        p.done(parse(data, p.type));
    }
    if (m_pending.isEmpty())
        m_timer->stop();
}

void DnsResolver::onTick()
{
    const qint64 now = nowMs();
    QList<Pending> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadlineMs > now) {
            ++it;
        } else if (it->attemptsLeft > 0) {
            --it->attemptsLeft;
            it->deadlineMs = now + m_timeoutMs;
            m_socket->writeDatagram(it->query, m_server, m_port);
            ++it;
        } else {
            expired.append(std::move(it.value()));
            it = m_pending.erase(it);
        }
    }
    if (m_pending.isEmpty())
        m_timer->stop();
    for (Pending& p : expired) {
        Answer failed;
        failed.error = DnsText::tr("no answer from the DNS server %1").arg(server());
        p.done(failed);
    }
}

} // namespace activity
