#pragma once

#include <QtGlobal>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace activity {

// One parsed access-log line. Views point into the line or into `scratch` (decoded \xNN text), so a record is
// only valid while the line it was parsed from lives; reuse one record per thread to avoid allocations.
struct AccessRecord {
    unsigned char addr[16] {}; // network order; 4 bytes for IPv4, 16 for IPv6, 0 when the format has none
    int addrLen = 0;
    qint64 ts = -1; // seconds since the epoch, UTC; -1 when the format has no time
    int status = 0;
    qint64 bodyBytes = 0;
    qint64 bytesSent = -1;
    double requestTime = -1;
    double upstreamTime = -1;
    bool requestParsed = false; // false: `request` is "-" or garbage, kept whole in `path`
    std::string_view user, method, path, query, protocol, referrer, agent, host, forwardedFor;
    // Variables the parser has no field for, by name (without '$'), values decoded.
    std::vector<std::pair<std::string_view, std::string_view>> extra;
    std::string scratch;

    void clear()
    {
        addrLen = 0;
        ts = -1;
        status = 0;
        bodyBytes = 0;
        bytesSent = -1;
        requestTime = upstreamTime = -1;
        requestParsed = false;
        user = method = path = query = protocol = referrer = agent = host = forwardedFor = {};
        extra.clear();
        scratch.clear();
    }
};

} // namespace activity
