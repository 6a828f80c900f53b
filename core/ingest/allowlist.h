#pragma once

#include <QList>
#include <QString>
#include <array>
#include <optional>

struct sockaddr;

namespace activity {

// Sender networks allowed to talk to a listener. Checked on raw socket addresses for every datagram,
// so it compares bytes instead of building QHostAddress objects. IPv4-mapped IPv6 senders
// (::ffff:a.b.c.d on a dual-stack socket) match IPv4 networks.
class AllowList {
public:
    // "127.0.0.0/8,::1/128"; an address without /N is one host. nullopt when a network is malformed.
    static std::optional<AllowList> parse(const QString& cidrs);

    bool allows(const sockaddr* address) const;
    bool allows(const QString& address) const; // for tests and messages
    bool isEmpty() const { return m_networks.isEmpty(); }

private:
    struct Network {
        bool v6 = false;
        std::array<unsigned char, 16> bytes {};
        int prefix = 0;
    };
    bool matches(bool v6, const unsigned char* bytes) const;
    QList<Network> m_networks;
};

} // namespace activity
