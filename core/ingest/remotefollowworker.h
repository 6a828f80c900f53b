#pragma once

#include "core/ingest/linesink.h"
#include "core/ingest/logfollower.h"
#include "core/ingest/remotelog.h"

#include <QObject>

class QTimer;

namespace activity {

// The I/O side of a LogFollower whose file is on a server (ssh://): on the follower's thread, polls through the
// system's OpenSSH client (ACTIVITY_SSH names another client program, for tests) what is new, reads it in chunks
// and hands complete lines over; catches up through rotated copies after a pause (see RemoteLog::next).
class RemoteFollowWorker final : public QObject {
public:
    RemoteFollowWorker(LogFollower& follower, LineSink& sink);
    void begin();

private:
    void tick();
    // Runs `command` on the server; nullopt (and the error recorded) when ssh failed.
    std::optional<QByteArray> run(const QString& command);
    // Hands the complete lines of `bytes` (read at `read`) over. Returns false when the sink is full (the rest
    // is handed over by retryPending()).
    bool handOver(const RemoteLog::Read& read, const QByteArray& bytes, bool endOfFile);
    bool retryPending();
    void publish();

    LogFollower& m_follower;
    LineSink& m_sink;
    const LogFollower::Options& m_options;
    std::optional<RemoteLog::Target> m_target;
    QString m_controlPath;
    QTimer* m_timer = nullptr;
    RemoteLog::Position m_position; // end of the last line handed over
    QList<RemoteLog::File> m_files; // the server's last listing
    bool m_catchingUp = false; // more to read than the last listing's poll found: no new listing yet
    // The last chunk read, handed over line by line (the sink may refuse some: retried from m_chunkPos).
    QByteArray m_chunk;
    qint64 m_chunkStart = 0; // its offset in the file
    qsizetype m_chunkPos = 0;
    bool m_chunkComplete = false; // the end of a rotated file: its last line is whole without a newline
};

} // namespace activity
