#include "core/logs/syslogmessage.h"

namespace activity {

namespace {
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads `<PRI>` (1-3 digits, at most 191). Returns the bytes consumed, or 0 when there is none.
qsizetype readPriority(QByteArrayView s, int& priority)
{
    if (s.size() < 3 || s[0] != '<')
        return 0;
    int value = 0;
    qsizetype i = 1;
    while (i < s.size() && i <= 4 && isDigit(s[i]))
        value = value * 10 + (s[i++] - '0');
    if (i == 1 || i > 4 || i >= s.size() || s[i] != '>' || value > 191)
        return 0;
    priority = value;
    return i + 1;
}

// RFC 3164 timestamp: "Mmm dd hh:mm:ss" (day space-padded). Returns its length, or 0.
qsizetype readBsdTimestamp(QByteArrayView s)
{
    static const char* const months[]
        = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    if (s.size() < 15)
        return 0;
    bool month = false;
    for (const char* m : months)
        month = month || s.first(3) == QByteArrayView(m, 3);
    if (!month || s[3] != ' ' || (s[4] != ' ' && !isDigit(s[4])) || !isDigit(s[5]) || s[6] != ' ')
        return 0;
    for (int i : { 7, 8, 10, 11, 13, 14 })
        if (!isDigit(s[i]))
            return 0;
    if (s[9] != ':' || s[12] != ':')
        return 0;
    // Some senders add the year or milliseconds: "Nov 25 2026 05:32:29" is rare, ".123" is not.
    qsizetype n = 15;
    if (n < s.size() && s[n] == '.') {
        ++n;
        while (n < s.size() && isDigit(s[n]))
            ++n;
    }
    return n;
}

// RFC 3339 timestamp where RFC 3164 has its own (rsyslog's RSYSLOG_ForwardFormat, syslog-ng's ISO dates):
// "2026-12-01T05:21:54+00:00", "2026-12-01T05:21:54.123456Z". Returns its length, or 0.
qsizetype readRfc3339Timestamp(QByteArrayView s)
{
    if (s.size() < 20)
        return 0;
    for (int i : { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 })
        if (!isDigit(s[i]))
            return 0;
    if (s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        return 0;
    qsizetype n = 19;
    if (n < s.size() && s[n] == '.') {
        ++n;
        while (n < s.size() && isDigit(s[n]))
            ++n;
    }
    if (n < s.size() && (s[n] == 'Z' || s[n] == 'z'))
        return n + 1;
    if (n + 6 <= s.size() && (s[n] == '+' || s[n] == '-') && isDigit(s[n + 1]) && isDigit(s[n + 2]) && s[n + 3] == ':'
        && isDigit(s[n + 4]) && isDigit(s[n + 5]))
        return n + 6;
    return 0;
}

// Relays keep the space that separated an RFC 3164 tag from its message (rsyslog's %msg% starts with it), and
// an access-log line never starts with one.
QByteArrayView withoutLeadingSpaces(QByteArrayView s)
{
    while (!s.isEmpty() && s.front() == ' ')
        s = s.sliced(1);
    return s;
}

QByteArrayView nextToken(QByteArrayView s, qsizetype& pos)
{
    const qsizetype start = pos;
    while (pos < s.size() && s[pos] != ' ')
        ++pos;
    QByteArrayView token = s.sliced(start, pos - start);
    if (pos < s.size())
        ++pos; // the separating space
    return token;
}

// "nginx:" or "nginx[123]:" -> "nginx". Returns false when the token is not a tag.
bool tagOf(QByteArrayView token, QByteArrayView& tag)
{
    if (token.isEmpty() || token.back() != ':')
        return false;
    token.chop(1);
    const qsizetype bracket = token.indexOf('[');
    if (bracket >= 0) {
        if (token.back() != ']')
            return false;
        token.truncate(bracket);
    }
    if (token.isEmpty() || token.size() > 48)
        return false;
    tag = token;
    return true;
}

QByteArray nilToEmpty(QByteArrayView v)
{
    return v == "-" ? QByteArray() : v.toByteArray();
}

// RFC 5424 structured data: "-" or one or more [ID PARAM="VALUE" ...] with \" \] \\ escapes.
bool skipStructuredData(QByteArrayView s, qsizetype& pos)
{
    if (pos < s.size() && s[pos] == '-') {
        ++pos;
        return true;
    }
    if (pos >= s.size() || s[pos] != '[')
        return false;
    while (pos < s.size() && s[pos] == '[') {
        bool quoted = false;
        for (++pos; pos < s.size(); ++pos) {
            const char c = s[pos];
            if (quoted && c == '\\') {
                ++pos;
                continue;
            }
            if (c == '"')
                quoted = !quoted;
            else if (c == ']' && !quoted)
                break;
        }
        if (pos >= s.size())
            return false;
        ++pos; // ']'
    }
    return true;
}

bool parse5424(QByteArrayView s, qsizetype pos, SyslogMessage& out)
{
    nextToken(s, pos); // timestamp: the request time comes from the log line itself
    out.hostname = nilToEmpty(nextToken(s, pos));
    out.tag = nilToEmpty(nextToken(s, pos));
    nextToken(s, pos); // procid
    nextToken(s, pos); // msgid
    if (!skipStructuredData(s, pos))
        return false;
    QByteArrayView msg = withoutLeadingSpaces(s.sliced(pos));
    if (msg.startsWith("\xEF\xBB\xBF"))
        msg = withoutLeadingSpaces(msg.sliced(3));
    out.message = msg.toByteArray();
    return true;
}
} // namespace

bool Syslog::parse(QByteArrayView raw, SyslogMessage& out)
{
    out = SyslogMessage();
    while (!raw.isEmpty() && (raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\0'))
        raw.chop(1);
    if (raw.isEmpty())
        return false;
    qsizetype pos = readPriority(raw, out.priority);
    if (pos == 0) {
        out.message = raw.toByteArray();
        return true;
    }
    if (pos + 1 < raw.size() && raw[pos] == '1' && raw[pos + 1] == ' ')
        return parse5424(raw, pos + 2, out);

    const qsizetype bsd = readBsdTimestamp(raw.sliced(pos));
    pos += bsd ? bsd : readRfc3339Timestamp(raw.sliced(pos));
    if (pos < raw.size() && raw[pos] == ' ')
        ++pos;
    // Next comes "HOST TAG: MSG" or, without hostname, "TAG: MSG". A token ending in ':' is a tag.
    qsizetype after = pos;
    QByteArrayView tag;
    const QByteArrayView first = nextToken(raw, after);
    if (tagOf(first, tag)) {
        out.tag = tag.toByteArray();
        pos = after;
    } else {
        qsizetype afterSecond = after;
        const QByteArrayView second = nextToken(raw, afterSecond);
        if (tagOf(second, tag)) {
            out.hostname = first.toByteArray();
            out.tag = tag.toByteArray();
            pos = afterSecond;
        }
        // else: no recognisable tag; the rest is the message (RFC 3164 allows that).
    }
    QByteArrayView msg = withoutLeadingSpaces(raw.sliced(pos));
    if (msg.startsWith("\xEF\xBB\xBF"))
        msg = withoutLeadingSpaces(msg.sliced(3));
    out.message = msg.toByteArray();
    return !out.message.isEmpty() || !out.tag.isEmpty();
}

} // namespace activity
