#pragma once

#include "core/ingest/allowlist.h"
#include "core/ingest/linesink.h"
#include "core/sources/validators.h"
#include "core/util/ownedthread.h"

#include <QByteArray>
#include <QByteArrayView>
#include <atomic>
#include <optional>

namespace activity {

class LineSink;

// What a listener saw, for the source's counters. Written by the I/O thread, read by anyone.
struct ListenerCounters {
    std::atomic<qint64> received { 0 }; // messages from allowed senders (datagrams or TCP frames)
    std::atomic<qint64> rejected { 0 }; // not a syslog message, bad framing, too long (also given to LineSink::reject)
    std::atomic<qint64> dropped { 0 }; // the sink's queue was full (UDP; the sink counts these too)
    std::atomic<qint64> kernelDropped { 0 }; // UDP datagrams the kernel dropped, its socket buffer full (SO_RXQ_OVFL)
    std::atomic<qint64> refusedConnections { 0 }; // TCP connections over the cap while every other one was busy
    std::atomic<qint64> evictedConnections { 0 }; // idle TCP connections closed to make room for a new sender
    std::atomic<qint64> denied { 0 }; // datagrams or connections from senders outside the allow-list
};

// A `syslog` source: one UDP or TCP socket on its own address and port, served by its own I/O thread.
// Every message becomes a LogLine offered to the sink; nothing is buffered beyond one frame per TCP
// connection (at most maxFrame bytes each) and a bounded number of connections.
class SyslogListener {
public:
    struct Options {
        qint64 sourceId = 0;
        Validators::ListenAddress listen;
        AllowList allow;
        QByteArray site; // the source's --site: names the site when the tag is absent or nginx's default
        qsizetype maxFrame = qsizetype(64) * 1024;
        int maxConnections = 256; // each may hold one 64 KiB frame and one read of pending lines
        int evictIdleAfterMs = 1000; // at the cap, the connection idle longest (at least this long) makes room
        int idleTimeoutMs = 5 * 60 * 1000;
        int receiveBufferBytes = 8 * 1024 * 1024;
    };

    SyslogListener(Options options, LineSink& sink);
    ~SyslogListener();
    SyslogListener(const SyslogListener&) = delete;
    SyslogListener& operator=(const SyslogListener&) = delete;

    // Binds (in the caller's thread, so errors are known at once) and starts the I/O thread.
    // Returns an error message a user can act on, or an empty string.
    QString start();
    quint16 port() const { return m_port; } // the bound port (useful with port 0)
    // Stops the I/O thread (joined); counters stay readable. Also done by the destructor.
    void stop() { m_thread.reset(); }
    const Options& options() const { return m_options; }
    const ListenerCounters& counters() const { return m_counters; }
    // Open TCP connections (for tests and the status line).
    int connectionCount() const { return m_connections.load(); }

    // Called on the I/O thread; public so both socket kinds share them.
    // Turns one received message into a LogLine, counting it; a bad one is rejected (nullopt).
    std::optional<LogLine> makeLine(QByteArrayView raw);
    // makeLine, then offer; a full sink drops the line (counted). For UDP.
    void deliver(QByteArrayView raw);
    // Offers a line; when the sink is full the line stays with the caller (TCP back-pressure).
    bool offer(const LogLine& line);
    void rejectFrame(QByteArrayView raw, const QString& reason);
    ListenerCounters& mutableCounters() { return m_counters; }
    std::atomic<int>& connections() { return m_connections; }

private:
    Options m_options;
    LineSink& m_sink;
    ListenerCounters m_counters;
    std::atomic<int> m_connections { 0 };
    quint16 m_port = 0;
    OwnedThread m_thread;
};

} // namespace activity
