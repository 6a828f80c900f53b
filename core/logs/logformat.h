#pragma once

#include "core/logs/accessrecord.h"

#include <QByteArray>
#include <QString>
#include <string_view>
#include <vector>

namespace activity {

// An nginx log_format compiled once into a sequence of literals and typed fields, then matched against lines
// from a byte span: no regex, no allocation per line once the record's buffers have grown.
class LogFormat {
public:
    // `combined` (or an empty string) gives nginx's predefined format; anything else is a log_format string.
    static LogFormat compile(const QByteArray& format, QString* error = nullptr);
    static QByteArray combinedFormat();

    bool isValid() const { return !m_tokens.empty(); }
    QByteArray text() const { return m_text; }
    bool hasTime() const { return m_hasTime; }

    // Parses one line (a trailing CR/LF is ignored). Returns false and sets `reason` when the line is not an
    // access-log line of this format.
    bool parse(std::string_view line, AccessRecord& out, const char** reason) const;

    enum class Field {
        Literal,
        RemoteAddr,
        RemoteUser,
        TimeLocal,
        TimeIso8601,
        Request,
        Status,
        BodyBytesSent,
        BytesSent,
        HttpReferer,
        HttpUserAgent,
        RequestTime,
        Host,
        UpstreamResponseTime,
        HttpXForwardedFor,
        RequestMethod,
        RequestUri,
        ServerProtocol,
        Other,
    };
    struct Token {
        Field field = Field::Literal;
        std::string text; // the literal, or the variable name for Other
    };

private:
    bool store(const Token& token, std::string_view value, AccessRecord& out, const char** reason) const;

    std::vector<Token> m_tokens;
    QByteArray m_text;
    bool m_hasTime = false;
};

// Pure helpers, exposed for tests.
namespace LogParse {
// "25/Nov/2026:05:32:29 +0100" -> seconds since the epoch (UTC), or -1.
qint64 parseTimeLocal(std::string_view s);
// "2026-11-25T05:32:29+01:00" -> seconds since the epoch (UTC), or -1.
qint64 parseTimeIso8601(std::string_view s);
// Decodes nginx's \xNN escapes. Returns `in` itself when there is none, else a view into `buffer` (appended).
std::string_view decodeEscapes(std::string_view in, std::string& buffer);
// Parses an IPv4 or IPv6 address text into network-order bytes; returns the length (4 or 16) or 0.
int parseAddress(std::string_view text, unsigned char out[16]);
} // namespace LogParse

} // namespace activity
