#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

class QTimer;
class QUdpSocket;

namespace activity {

// A small asynchronous DNS client over UDP for the few questions crawler checks ask (PTR, A, AAAA), to a server of
// the user's choice (host:port; tests start their own on loopback) or the system's (the first nameserver of
// /etc/resolv.conf). Qt 6.4's QDnsLookup can name a server but not its port. Lives on one thread with an event loop;
// callbacks run there.
class DnsResolver {
public:
    struct Answer {
        enum Outcome { Found, NoSuchName, Failed };
        Outcome outcome = Failed;
        QStringList names; // PTR answers
        QList<QHostAddress> addresses; // A/AAAA answers
        qint64 ttlSecs = 0; // the smallest TTL of the answers (of the SOA when there is no such name)
        QString error; // Failed: why (timeout, refused...)
    };
    using Callback = std::function<void(const Answer&)>;

    // `server`: "127.0.0.1:5353", "[::1]:53", "192.0.2.1" (port 53), or empty for the system's. Check error().
    explicit DnsResolver(const QString& server, int timeoutMs = 2000, int attempts = 2);
    ~DnsResolver();
    QString error() const { return m_error; }
    QString server() const;

    void lookupPtr(const QHostAddress& address, Callback done);
    void lookupAddresses(const QString& name, bool ipv6, Callback done);
    int pending() const { return int(m_pending.size()); }

    // The reverse name of an address: 4.3.2.1.in-addr.arpa, or the ip6.arpa nibbles.
    static QString reverseName(const QHostAddress& address);
    // Parses an answer to query `id` (exposed for tests of hostile answers).
    static Answer parse(const QByteArray& packet, quint16 type);

private:
    struct Pending {
        QByteArray query;
        quint16 type = 0;
        int attemptsLeft = 0;
        qint64 deadlineMs = 0;
        Callback done;
    };
    void ask(const QString& name, quint16 type, Callback done);
    void onReadyRead();
    void onTick();

    QHostAddress m_server;
    quint16 m_port = 53;
    QString m_error;
    int m_timeoutMs;
    int m_attempts;
    std::unique_ptr<QUdpSocket> m_socket;
    std::unique_ptr<QTimer> m_timer;
    QHash<quint16, Pending> m_pending;
    quint16 m_nextId;
};

} // namespace activity
