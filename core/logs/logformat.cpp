#include "core/logs/logformat.h"

#include <QCoreApplication>
#include <arpa/inet.h>
#include <charconv>
#include <cstring>

namespace activity {

namespace {
struct LogFormatText {
    Q_DECLARE_TR_FUNCTIONS(LogFormatText)
};

const char kCombined[]
    = R"($remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent")";

LogFormat::Field fieldFor(std::string_view name)
{
    using F = LogFormat::Field;
    static const std::pair<std::string_view, F> known[] = {
        { "remote_addr", F::RemoteAddr },
        { "remote_user", F::RemoteUser },
        { "time_local", F::TimeLocal },
        { "time_iso8601", F::TimeIso8601 },
        { "request", F::Request },
        { "status", F::Status },
        { "body_bytes_sent", F::BodyBytesSent },
        { "bytes_sent", F::BytesSent },
        { "http_referer", F::HttpReferer },
        { "http_user_agent", F::HttpUserAgent },
        { "request_time", F::RequestTime },
        { "host", F::Host },
        { "server_name", F::Host },
        { "upstream_response_time", F::UpstreamResponseTime },
        { "http_x_forwarded_for", F::HttpXForwardedFor },
        { "request_method", F::RequestMethod },
        { "request_uri", F::RequestUri },
        { "server_protocol", F::ServerProtocol },
    };
    for (const auto& [n, f] : known)
        if (n == name)
            return f;
    return F::Other;
}

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool parseInt(std::string_view s, qint64& out)
{
    if (s.empty())
        return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && out >= 0;
}

// nginx writes times like "0.005"; several upstreams give "0.004, 0.001" (the first one is kept).
double parseSeconds(std::string_view s)
{
    const size_t comma = s.find_first_of(", :");
    if (comma != std::string_view::npos)
        s = s.substr(0, comma);
    double v = -1;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return (ec == std::errc() && end == s.data() + s.size() && v >= 0) ? v : -1;
}

bool compactField(LogFormat::Field f)
{
    using F = LogFormat::Field;
    return f == F::RemoteAddr || f == F::Status || f == F::BodyBytesSent || f == F::BytesSent || f == F::RequestTime
        || f == F::TimeIso8601;
}

std::string_view dashToEmpty(std::string_view v)
{
    return v == "-" ? std::string_view() : v;
}

int digits(std::string_view s, size_t at, size_t n)
{
    if (at + n > s.size())
        return -1;
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

qint64 toEpoch(int y, int mo, int d, int h, int mi, int s, int offsetSecs)
{
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
        return -1;
    return daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + s - offsetSecs;
}

// "+0100" or "+01:00"
bool parseOffset(std::string_view s, int& out)
{
    if (s.size() != 5 && s.size() != 6)
        return false;
    if (s[0] != '+' && s[0] != '-')
        return false;
    const int hh = digits(s, 1, 2);
    const int mm = digits(s, s.size() == 6 ? 4 : 3, 2);
    if (hh < 0 || mm < 0 || (s.size() == 6 && s[3] != ':'))
        return false;
    out = (hh * 3600 + mm * 60) * (s[0] == '-' ? -1 : 1);
    return true;
}
} // namespace

namespace LogParse {
qint64 parseTimeLocal(std::string_view s)
{
    // 25/Nov/2026:05:32:29 +0000
    if (s.size() != 26 || s[2] != '/' || s[6] != '/' || s[11] != ':' || s[14] != ':' || s[17] != ':' || s[20] != ' ')
        return -1;
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    int month = 0;
    for (int i = 0; i < 12; ++i)
        if (std::memcmp(months + i * 3, s.data() + 3, 3) == 0)
            month = i + 1;
    int offset = 0;
    if (month == 0 || !parseOffset(s.substr(21), offset))
        return -1;
    const int d = digits(s, 0, 2), y = digits(s, 7, 4), h = digits(s, 12, 2), mi = digits(s, 15, 2),
              sec = digits(s, 18, 2);
    if (d < 0 || y < 0 || h < 0 || mi < 0 || sec < 0)
        return -1;
    return toEpoch(y, month, d, h, mi, sec, offset);
}

qint64 parseTimeIso8601(std::string_view s)
{
    // 2026-11-25T05:32:29+00:00 (nginx) or ...Z
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        return -1;
    int offset = 0;
    const std::string_view zone = s.substr(19);
    if (zone != "Z" && !parseOffset(zone, offset))
        return -1;
    const int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2), h = digits(s, 11, 2),
              mi = digits(s, 14, 2), sec = digits(s, 17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0)
        return -1;
    return toEpoch(y, mo, d, h, mi, sec, offset);
}

std::string_view decodeEscapes(std::string_view in, std::string& buffer)
{
    size_t at = in.find("\\x");
    if (at == std::string_view::npos)
        return in;
    const size_t start = buffer.size();
    size_t from = 0;
    while (at != std::string_view::npos) {
        if (at + 3 < in.size() && hexValue(in[at + 2]) >= 0 && hexValue(in[at + 3]) >= 0) {
            buffer.append(in.data() + from, at - from);
            buffer.push_back(char(hexValue(in[at + 2]) * 16 + hexValue(in[at + 3])));
            from = at + 4;
            at = in.find("\\x", from);
        } else {
            at = in.find("\\x", at + 1);
        }
    }
    buffer.append(in.data() + from, in.size() - from);
    return std::string_view(buffer.data() + start, buffer.size() - start);
}

int parseAddress(std::string_view text, unsigned char out[16])
{
    char buf[64];
    if (text.empty() || text.size() >= sizeof buf)
        return 0;
    std::memcpy(buf, text.data(), text.size());
    buf[text.size()] = '\0';
    if (text.find(':') == std::string_view::npos)
        return inet_pton(AF_INET, buf, out) == 1 ? 4 : 0;
    if (inet_pton(AF_INET6, buf, out) != 1)
        return 0;
    // IPv4-mapped IPv6 (::ffff:a.b.c.d, what dual-stack sockets report) is the IPv4 address.
    static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    if (std::memcmp(out, mapped, 12) == 0) {
        std::memmove(out, out + 12, 4);
        return 4;
    }
    return 16;
}
} // namespace LogParse

QByteArray LogFormat::combinedFormat()
{
    return QByteArray(kCombined);
}

LogFormat LogFormat::compile(const QByteArray& format, QString* error)
{
    LogFormat f;
    const QByteArray text = (format.isEmpty() || format == "combined") ? combinedFormat() : format;
    f.m_text = text;
    std::string literal;
    const std::string_view s(text.constData(), size_t(text.size()));
    for (size_t i = 0; i < s.size();) {
        if (s[i] != '$') {
            literal.push_back(s[i++]);
            continue;
        }
        size_t nameStart = i + 1;
        size_t nameEnd = nameStart;
        bool braced = nameStart < s.size() && s[nameStart] == '{';
        if (braced)
            nameEnd = ++nameStart;
        while (nameEnd < s.size() && isNameChar(s[nameEnd]))
            ++nameEnd;
        if (nameEnd == nameStart || (braced && (nameEnd >= s.size() || s[nameEnd] != '}'))) {
            if (error)
                *error = LogFormatText::tr("log format: '$' without a variable name at position %1").arg(i + 1);
            return LogFormat();
        }
        if (!literal.empty()) {
            f.m_tokens.push_back({ Field::Literal, literal });
            literal.clear();
        }
        const std::string_view name = s.substr(nameStart, nameEnd - nameStart);
        const Field field = fieldFor(name);
        if (field == Field::TimeLocal || field == Field::TimeIso8601)
            f.m_hasTime = true;
        f.m_tokens.push_back({ field, std::string(name) });
        i = nameEnd + (braced ? 1 : 0);
    }
    if (!literal.empty())
        f.m_tokens.push_back({ Field::Literal, literal });
    if (f.m_tokens.empty() && error)
        *error = LogFormatText::tr("log format: empty");
    return f;
}

bool LogFormat::parse(std::string_view line, AccessRecord& out, const char** reason) const
{
    out.clear();
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    if (line.empty()) {
        *reason = "empty line";
        return false;
    }
    // Decoded text is never longer than its source: reserving once keeps the views into scratch valid.
    out.scratch.reserve(line.size() * 2 + 16);
    size_t pos = 0;
    const size_t count = m_tokens.size();
    for (size_t t = 0; t < count; ++t) {
        const Token& token = m_tokens[t];
        if (token.field == Field::Literal) {
            if (line.size() - pos < token.text.size()) {
                *reason = "line cut short";
                return false;
            }
            if (std::memcmp(line.data() + pos, token.text.data(), token.text.size()) != 0) {
                *reason = "does not match the log format";
                return false;
            }
            pos += token.text.size();
            continue;
        }
        size_t end;
        if (t + 1 == count) {
            end = line.size();
        } else if (m_tokens[t + 1].field != Field::Literal) {
            end = line.find(' ', pos);
        } else if (t + 2 == count) {
            // The last literal closes the line: take everything up to it (a quoted agent may hold anything).
            const std::string& last = m_tokens[t + 1].text;
            if (line.size() < pos + last.size()
                || std::memcmp(line.data() + line.size() - last.size(), last.data(), last.size()) != 0) {
                *reason = "line cut short";
                return false;
            }
            end = line.size() - last.size();
        } else {
            // Fields that never hold the next literal's first byte end there (so an error message fails on its
            // first word); the others (quoted text, upstream lists "0.1, 0.2") run to the next whole literal.
            const std::string& next = m_tokens[t + 1].text;
            end = (next.size() == 1 || compactField(token.field)) ? line.find(next[0], pos) : line.find(next, pos);
        }
        if (end == std::string_view::npos) {
            *reason = "line cut short";
            return false;
        }
        if (!store(token, line.substr(pos, end - pos), out, reason))
            return false;
        pos = end;
    }
    if (pos != line.size()) {
        *reason = "unexpected text after the last field";
        return false;
    }
    return true;
}

namespace {
// "GET /a?b HTTP/1.1" -> method, path, query, protocol; anything else stays whole in path.
void splitRequest(std::string_view request, AccessRecord& out)
{
    out.path = request;
    const size_t sp1 = request.find(' ');
    if (sp1 == std::string_view::npos || sp1 == 0)
        return;
    for (size_t i = 0; i < sp1; ++i)
        if (request[i] < 'A' || request[i] > 'Z')
            return;
    std::string_view uri = request.substr(sp1 + 1);
    std::string_view protocol;
    const size_t sp2 = uri.rfind(' ');
    if (sp2 != std::string_view::npos && uri.substr(sp2 + 1).substr(0, 5) == "HTTP/") {
        protocol = uri.substr(sp2 + 1);
        uri = uri.substr(0, sp2);
    }
    if (uri.empty() || uri.find(' ') != std::string_view::npos)
        return;
    out.method = request.substr(0, sp1);
    out.protocol = protocol;
    const size_t q = uri.find('?');
    out.path = uri.substr(0, q);
    out.query = q == std::string_view::npos ? std::string_view() : uri.substr(q + 1);
    out.requestParsed = true;
}
} // namespace

bool LogFormat::store(const Token& token, std::string_view value, AccessRecord& out, const char** reason) const
{
    switch (token.field) {
    case Field::Literal:
        break;
    case Field::RemoteAddr:
        out.addrLen = LogParse::parseAddress(value, out.addr);
        if (out.addrLen == 0) {
            *reason = "bad client address";
            return false;
        }
        break;
    case Field::RemoteUser:
        out.user = dashToEmpty(LogParse::decodeEscapes(value, out.scratch));
        break;
    case Field::TimeLocal:
        out.ts = LogParse::parseTimeLocal(value);
        if (out.ts < 0) {
            *reason = "bad time";
            return false;
        }
        break;
    case Field::TimeIso8601:
        out.ts = LogParse::parseTimeIso8601(value);
        if (out.ts < 0) {
            *reason = "bad time";
            return false;
        }
        break;
    case Field::Request:
        splitRequest(LogParse::decodeEscapes(value, out.scratch), out);
        break;
    case Field::Status: {
        qint64 v = 0;
        if (!parseInt(value, v) || value.size() != 3) {
            *reason = "bad status";
            return false;
        }
        out.status = int(v);
        break;
    }
    case Field::BodyBytesSent:
    case Field::BytesSent: {
        qint64 v = 0;
        if (value != "-" && !parseInt(value, v)) {
            *reason = "bad byte count";
            return false;
        }
        (token.field == Field::BodyBytesSent ? out.bodyBytes : out.bytesSent) = v;
        break;
    }
    case Field::HttpReferer:
        out.referrer = dashToEmpty(LogParse::decodeEscapes(value, out.scratch));
        break;
    case Field::HttpUserAgent:
        out.agent = dashToEmpty(LogParse::decodeEscapes(value, out.scratch));
        break;
    case Field::RequestTime:
        out.requestTime = parseSeconds(value);
        break;
    case Field::UpstreamResponseTime:
        out.upstreamTime = parseSeconds(value);
        break;
    case Field::Host:
        out.host = dashToEmpty(value);
        break;
    case Field::HttpXForwardedFor:
        out.forwardedFor = dashToEmpty(value);
        break;
    case Field::RequestMethod:
        out.method = value;
        break;
    case Field::RequestUri: {
        const std::string_view uri = LogParse::decodeEscapes(value, out.scratch);
        const size_t q = uri.find('?');
        out.path = uri.substr(0, q);
        out.query = q == std::string_view::npos ? std::string_view() : uri.substr(q + 1);
        out.requestParsed = true;
        break;
    }
    case Field::ServerProtocol:
        out.protocol = value;
        break;
    case Field::Other:
        out.extra.emplace_back(token.text, LogParse::decodeEscapes(value, out.scratch));
        break;
    }
    return true;
}

} // namespace activity
