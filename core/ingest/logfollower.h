#pragma once

#include "core/util/ownedthread.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <atomic>
#include <mutex>

namespace activity {

class LineSink;
class FollowWorker;

// Where a follower is in its file: the file's identity (inode) and the offset after the last line
// handed over. Saved in fetch_state.state so a restart neither repeats nor skips lines.
struct FollowPosition {
    qint64 inode = 0;
    qint64 offset = 0; // for .gz: in the uncompressed stream
    bool complete = false; // .gz: imported to the end
    QByteArray head; // ssh://: a hash of the file's first 4 KiB, to know it once rotated and compressed
    QJsonObject toJson() const;
    static FollowPosition fromJson(const QJsonObject& state);
    bool operator==(const FollowPosition&) const = default;
};

// A `logfile` source: follows one file like `tail -F`, on its own thread. A new source reads the
// file from the start (the user wants the lines already there), then follows appends. Rotation by
// rename (the old file is read to its end first) and truncation (copytruncate) are handled; a
// missing file is waited for. A `.gz` file is read once. When the sink is full the follower waits
// and retries: a file never loses lines to back-pressure. A path `ssh://USER@HOST[:PORT]/PATH` is a file on
// a server, followed through OpenSSH (RemoteFollowWorker).
class LogFollower {
public:
    struct Options {
        qint64 sourceId = 0;
        QString path;
        QByteArray site;
        FollowPosition start; // from fetch_state; default: the beginning of the file
        int pollMs = 250;
        qsizetype maxLine = qsizetype(64) * 1024;
    };
    LogFollower(Options options, LineSink& sink);
    ~LogFollower();
    LogFollower(const LogFollower&) = delete;
    LogFollower& operator=(const LogFollower&) = delete;

    void start();
    // Stops the I/O thread (joined); counters stay readable. Also done by the destructor.
    void stop()
    {
        if (m_thread)
            m_thread->requestInterruption(); // a remote read in progress is cut short
        m_thread.reset();
    }
    // Why the file cannot be read now (a server that does not answer), empty when it can.
    QString error() const;
    void setError(const QString& error);
    const Options& options() const { return m_options; }
    // Thread-safe; what to save in fetch_state.
    FollowPosition position() const;
    qint64 linesRead() const { return m_lines.load(); }
    qint64 linesRejected() const { return m_rejected.load(); }
    int polls() const { return m_polls.load(); } // how often the file was looked at (tests wait on it)

    // For the worker (on the follower's thread).
    void setPosition(const FollowPosition& position);
    std::atomic<qint64>& lineCounter() { return m_lines; }
    std::atomic<qint64>& rejectCounter() { return m_rejected; }
    std::atomic<int>& pollCounter() { return m_polls; }

private:
    Options m_options;
    LineSink& m_sink;
    mutable std::mutex m_mutex;
    FollowPosition m_position;
    QString m_error;
    std::atomic<qint64> m_lines { 0 };
    std::atomic<qint64> m_rejected { 0 };
    std::atomic<int> m_polls { 0 };
    OwnedThread m_thread;
};

} // namespace activity
