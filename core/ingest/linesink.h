#pragma once

#include <QByteArray>
#include <QString>

namespace activity {

// One access-log line as received, before parsing. Produced by listeners, file followers and import.
struct LogLine {
    qint64 sourceId = 0; // 0 for `import`
    QByteArray site; // the syslog tag or the source's --site; empty means the source's default
    QByteArray text; // the access-log line without syslog header and without trailing newline
};

// Where receivers hand lines over. Implementations are thread-safe and never block the caller.
class LineSink {
public:
    virtual ~LineSink() = default;
    // Returns false when the bounded queue is full: the line is dropped and the caller need not count it
    // (the sink counts drops per source).
    virtual bool offer(LogLine line) = 0;
    // Like offer(), for receivers that can wait (TCP connections stop reading, file followers pause): a
    // refused line stays with the caller, who offers it again later, so it is not a drop and a sink
    // should not count it as one. The default counts it like offer() does.
    virtual bool tryOffer(const LogLine& line) { return offer(line); }
    // A message that never became a log line (bad framing, bad syslog header): counted as rejected for
    // the source and kept among its last rejected lines.
    virtual void reject(qint64 sourceId, QByteArray raw, QString reason) = 0;
    // Waits until every line offered so far is stored (or rejected), at most timeoutMs: false when it was not.
    // Receivers call it before saving a position, so a saved position never runs ahead of the stored lines.
    virtual bool commitOffered(int timeoutMs)
    {
        Q_UNUSED(timeoutMs);
        return true;
    }
};

} // namespace activity
