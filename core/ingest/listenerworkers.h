#pragma once

#include "core/ingest/linesink.h"
#include "core/logs/syslogstreamdecoder.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSocketNotifier>
#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

class QTimer;

namespace activity {

class SyslogListener;

// The I/O side of a SyslogListener, living on its thread. Each owns its socket descriptor.
class UdpWorker final : public QObject {
public:
    UdpWorker(int fd, SyslogListener& listener);
    ~UdpWorker() override;
    void begin();

private:
    void drain();
    int m_fd;
    SyslogListener& m_listener;
    QSocketNotifier* m_notifier = nullptr;
    std::vector<char> m_buffers; // kBatch datagrams of 64 KiB, filled by one recvmmsg
};

class TcpWorker final : public QObject {
public:
    TcpWorker(int fd, SyslogListener& listener);
    ~TcpWorker() override;
    void begin();

private:
    struct Connection {
        int fd = -1;
        std::unique_ptr<QSocketNotifier> notifier;
        SyslogStreamDecoder decoder;
        qint64 lastActivityMs = 0;
        // Lines the full sink refused, in order; while any wait, the socket is not read, so TCP flow
        // control slows the sender down instead of lines being lost. At most one read's worth.
        std::deque<LogLine> pending;
        explicit Connection(qsizetype maxFrame)
            : decoder(maxFrame)
        { }
        ~Connection();
        Connection(const Connection&) = delete;
        Connection& operator=(const Connection&) = delete;
    };
    void acceptAll();
    void readFrom(int fd);
    void close(int fd);
    void closeIdle();
    bool evictIdlest();
    void retryPending();

    int m_fd;
    SyslogListener& m_listener;
    QSocketNotifier* m_notifier = nullptr;
    QTimer* m_idleTimer = nullptr;
    QTimer* m_retryTimer = nullptr;
    QElapsedTimer m_clock;
    std::unordered_map<int, std::unique_ptr<Connection>> m_connections;
    std::vector<char> m_readBuffer;
};

} // namespace activity
