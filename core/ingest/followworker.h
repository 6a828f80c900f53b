#pragma once

#include "core/ingest/linesink.h"
#include "core/ingest/logfollower.h"

#include <QFile>
#include <QObject>
#include <optional>

class QTimer;

namespace activity {

// The I/O side of a LogFollower: polls the file on the follower's thread.
class FollowWorker final : public QObject {
public:
    FollowWorker(LogFollower& follower, LineSink& sink);
    ~FollowWorker() override;
    void begin();

private:
    enum class Read { End, SinkFull, More };
    void tick();
    Read readAvailable(); // up to a budget, so quitting stays quick
    bool openFile();
    QString rotatedCopy() const;
    void closeFile();
    // Reads what is there and hands complete lines over. Returns false when the sink is full.
    bool pump();
    bool handOver(QByteArray line, qint64 endOffset);
    bool replaced() const; // another file now has the path
    void publish();

    LogFollower& m_follower;
    LineSink& m_sink;
    const LogFollower::Options& m_options;
    QTimer* m_timer = nullptr;
    int m_fd = -1;
    void* m_gz = nullptr; // gzFile for .gz sources
    bool m_isGz = false;
    FollowPosition m_position; // offset = end of the last line handed over
    qint64 m_readOffset = 0; // bytes consumed from the file (or the uncompressed stream)
    QByteArray m_partial; // a line not yet ended by '\n'
    QByteArray m_carry; // read but not yet split into lines (the sink was full)
    bool m_skipping = false; // inside a line over the limit: drop bytes to the next '\n'
    std::optional<std::pair<QByteArray, qint64>> m_pending; // refused by a full sink: retried first
};

} // namespace activity
