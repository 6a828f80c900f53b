#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace activity {

// One syslog message split into the parts the log pipeline needs.
struct SyslogMessage {
    int priority = -1; // facility * 8 + severity; -1 when the message had no <PRI>
    QByteArray hostname; // empty when absent (nginx `nohostname`) or "-"
    QByteArray tag; // RFC 3164 tag without [pid], or RFC 5424 APP-NAME; names the site
    QByteArray message; // the payload: for nginx, one access-log line
};

namespace Syslog {
// Parses RFC 3164 (`<190>Nov 25 05:32:29 host nginx: LINE`, hostname optional, tag with optional
// [pid]) and RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG`, BOM stripped). Lenient like a
// relay: a message without <PRI> is kept whole as the payload. Trailing CR/LF/NUL are removed.
// Returns false only for input that is not a message at all (empty, or a header with nothing after).
bool parse(QByteArrayView raw, SyslogMessage& out);
} // namespace Syslog

} // namespace activity
