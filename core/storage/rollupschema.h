#pragma once

#include <QtGlobal>

namespace activity {

// The rollups table's contract, declared once: its dimensions with their stored names, the periods each is kept
// at, how the writer packs a row's identity in memory, and the limits on what is kept. The ingest writer, the
// queries, the report and the demo use these; no dimension name is written anywhere else.
//
// A row: (period secs, dim name, bucket start, site id, key text) -> requests, visitors, bytes.
// Keys: '' for Total; the status code as text; the 2-letter country code ('' unknown); a path, referrer, agent or
// city key text for the text dimensions (kept to the busiest N per bucket, the rest summed under '' = "other");
// the source id as text for Rejected (lines that could not be parsed), Received and Dropped (lines received, and
// lost before they could be stored), all by hour of receipt; "class/verification/name" for Agents (who made the
// requests: "human//" for people, e.g. "ai-crawler//ClaudeBot" for a bot, see AgentMatch; since schema version 12).
namespace Rollup {
enum class Dim : int {
    Total = 0,
    Status,
    Country,
    Path,
    Path404,
    Referrer,
    Agent,
    City,
    Rejected,
    Received,
    Dropped,
    Agents,
};
inline constexpr int kDimCount = 12;

enum class Period : int { Minute = 1, Hour = 2, Day = 3 };

constexpr const char* name(Dim d)
{
    constexpr const char* kNames[kDimCount] = { "", "status", "country", "path", "path404", "referrer", "agent", "city",
        "rejected", "received", "dropped", "agents" };
    return kNames[int(d)];
}

constexpr qint64 secs(Period p)
{
    return p == Period::Minute ? 60 : p == Period::Hour ? 3600 : 86400;
}

// The finest period a dimension is written at (coarser ones are summed from it).
constexpr Period finest(Dim d)
{
    switch (d) {
    case Dim::Total:
    case Dim::Status:
    case Dim::Country:
    case Dim::Agents:
        return Period::Minute;
    case Dim::Path:
    case Dim::Path404:
    case Dim::Referrer:
    case Dim::Agent:
    case Dim::City:
    case Dim::Rejected:
    case Dim::Received:
    case Dim::Dropped:
        return Period::Hour;
    }
    return Period::Day;
}

// Keys are texts kept to the busiest N per bucket (TextRollups), the rest under "other" ('').
constexpr bool isText(Dim d)
{
    return d == Dim::Path || d == Dim::Path404 || d == Dim::Referrer || d == Dim::Agent || d == Dim::City;
}

// In memory, the writer names a row by two words. a: period (2 bits) | dim (4) | site (26) | bucket in minutes
// (32); b: the dimension's key (a status code, a packed country, a text key).
constexpr quint64 packKey(Period period, Dim dim, qint64 site, qint64 bucketSecs)
{
    return quint64(period) << 62 | quint64(dim) << 58 | (quint64(site) & 0x3FFFFFF) << 32
        | (quint64(bucketSecs / 60) & 0xFFFFFFFF);
}
constexpr Period periodOf(quint64 a)
{
    return Period(int(a >> 62));
}
constexpr Dim dimOf(quint64 a)
{
    return Dim(int((a >> 58) & 0xF));
}
constexpr qint64 siteOf(quint64 a)
{
    return qint64((a >> 32) & 0x3FFFFFF);
}
constexpr qint64 bucketOf(quint64 a)
{
    return qint64(a & 0xFFFFFFFF) * 60;
}
constexpr quint64 packCountry(const char code[2])
{
    return quint64(uchar(code[0])) << 8 | uchar(code[1]);
}
} // namespace Rollup

namespace IngestLimits {
// Bytes of a rejected line kept to show the user (receivers cut it there too).
inline constexpr int kRejectedLineBytes = 8192;
} // namespace IngestLimits

} // namespace activity
