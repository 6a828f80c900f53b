#include "core/ingest/allowlist.h"

#include "core/sources/validators.h"

#include <arpa/inet.h>
#include <cstring>
#include <netinet/in.h>

namespace activity {

namespace {
bool prefixEquals(const unsigned char* a, const unsigned char* b, int bits)
{
    const int whole = bits / 8;
    if (std::memcmp(a, b, size_t(whole)) != 0)
        return false;
    const int rest = bits % 8;
    if (rest == 0)
        return true;
    const unsigned char mask = static_cast<unsigned char>(0xFF << (8 - rest));
    return (a[whole] & mask) == (b[whole] & mask);
}

const unsigned char kMappedPrefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF };
} // namespace

std::optional<AllowList> AllowList::parse(const QString& cidrs)
{
    const auto parsed = Validators::parseCidrList(cidrs);
    if (!parsed)
        return std::nullopt;
    AllowList list;
    for (const auto& [address, prefix] : *parsed) {
        Network n;
        n.prefix = prefix;
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4 && address.protocol() == QAbstractSocket::IPv4Protocol) {
            const quint32 be = htonl(v4);
            std::memcpy(n.bytes.data(), &be, 4);
            n.prefix = std::min(prefix < 0 ? 32 : prefix, 32);
        } else {
            n.v6 = true;
            const Q_IPV6ADDR v6 = address.toIPv6Address();
            std::memcpy(n.bytes.data(), v6.c, 16);
            n.prefix = std::min(prefix < 0 ? 128 : prefix, 128);
        }
        list.m_networks.append(n);
    }
    return list;
}

bool AllowList::matches(bool v6, const unsigned char* bytes) const
{
    for (const Network& n : m_networks)
        if (n.v6 == v6 && prefixEquals(n.bytes.data(), bytes, n.prefix))
            return true;
    return false;
}

bool AllowList::allows(const sockaddr* address) const
{
    if (address->sa_family == AF_INET) {
        const auto* in = reinterpret_cast<const sockaddr_in*>(address);
        return matches(false, reinterpret_cast<const unsigned char*>(&in->sin_addr));
    }
    if (address->sa_family == AF_INET6) {
        const auto* in6 = reinterpret_cast<const sockaddr_in6*>(address);
        const auto* bytes = reinterpret_cast<const unsigned char*>(&in6->sin6_addr);
        if (std::memcmp(bytes, kMappedPrefix, 12) == 0 && matches(false, bytes + 12))
            return true;
        return matches(true, bytes);
    }
    return false;
}

bool AllowList::allows(const QString& address) const
{
    sockaddr_in in {};
    sockaddr_in6 in6 {};
    const QByteArray text = address.toLatin1();
    if (inet_pton(AF_INET, text.constData(), &in.sin_addr) == 1) {
        in.sin_family = AF_INET;
        return allows(reinterpret_cast<const sockaddr*>(&in));
    }
    if (inet_pton(AF_INET6, text.constData(), &in6.sin6_addr) == 1) {
        in6.sin6_family = AF_INET6;
        return allows(reinterpret_cast<const sockaddr*>(&in6));
    }
    return false;
}

} // namespace activity
