#include "core/ingest/remotefollowworker.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QThread>
#include <QTimer>
#include <unistd.h>

namespace activity {

namespace {
struct RemoteText {
    Q_DECLARE_TR_FUNCTIONS(RemoteText)
};

constexpr qint64 kChunkBytes = 32 * 1024 * 1024; // read per ssh call: each costs a session on the server
constexpr int kRoundsPerTick = 16; // then the event loop runs (quit, timers)
constexpr int kRetryMs = 5; // the sink was full
constexpr int kUnreachableMs = 10'000; // ssh failed: tried again after this long
constexpr int kSshTimeoutMs = 120'000;

QByteArray headOf(const RemoteLog::File& f)
{
    // The first 4 KiB of a file still shorter than that change as it grows: not a name to know it by.
    return f.gz || f.size >= 4096 ? f.head : QByteArray();
}
} // namespace

RemoteFollowWorker::RemoteFollowWorker(LogFollower& follower, LineSink& sink)
    : m_follower(follower)
    , m_sink(sink)
    , m_options(follower.options())
    , m_target(RemoteLog::parse(follower.options().path))
{
    const FollowPosition& start = follower.options().start;
    m_position = { start.inode, start.offset, start.head };
    // One ssh connection per server and local user, kept open a minute between polls (ssh's %C: a short hash).
    m_controlPath = QDir::tempPath() + QStringLiteral("/activity-ssh-%1-%C").arg(::getuid());
}

void RemoteFollowWorker::begin()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RemoteFollowWorker::tick);
    tick();
}

std::optional<QByteArray> RemoteFollowWorker::run(const QString& command)
{
    QProcess ssh;
    const QString program = qEnvironmentVariable("ACTIVITY_SSH", QStringLiteral("ssh"));
    ssh.start(program, RemoteLog::sshArguments(*m_target, m_controlPath, command));
    QString error;
    if (!ssh.waitForStarted(10'000)) {
        error = RemoteText::tr("cannot run %1: %2").arg(program, ssh.errorString());
    } else {
        // Quitting collect must not wait for a slow server.
        for (int waited = 0; !ssh.waitForFinished(100); waited += 100) {
            if (QThread::currentThread()->isInterruptionRequested() || waited >= kSshTimeoutMs) {
                ssh.kill();
                ssh.waitForFinished();
                return std::nullopt;
            }
        }
        if (ssh.exitStatus() != QProcess::NormalExit || ssh.exitCode() != 0) {
            const QString said
                = QString::fromLocal8Bit(ssh.readAllStandardError()).trimmed().section(QLatin1Char('\n'), -1);
            error = RemoteText::tr("ssh %1: exit %2: %3").arg(m_target->host).arg(ssh.exitCode()).arg(said);
        }
    }
    if (!error.isEmpty()) {
        m_follower.setError(error);
        return std::nullopt;
    }
    return ssh.readAllStandardOutput();
}

void RemoteFollowWorker::tick()
{
    m_follower.pollCounter().fetch_add(1);
    int next = m_options.pollMs;
    [&] {
        if (!m_target) {
            m_follower.setError(RemoteText::tr("not an ssh://USER@HOST[:PORT]/PATH address: %1").arg(m_options.path));
            next = kUnreachableMs;
            return;
        }
        if (!retryPending()) {
            next = kRetryMs;
            return;
        }
        // The server is asked what files there are once caught up (each poll); while catching up, the listing
        // of the last poll says what is left to read.
        if (!m_catchingUp) {
            const auto listing = run(RemoteLog::listCommand(m_target->path));
            if (!listing) {
                next = kUnreachableMs;
                return;
            }
            m_follower.setError({});
            m_files = RemoteLog::parseList(*listing, m_target->path);
        }
        m_catchingUp = true;
        const QList<RemoteLog::File>& files = m_files;
        for (int round = 0; round < kRoundsPerTick; ++round) {
            const auto read = RemoteLog::next(files, m_position);
            if (!read) {
                m_catchingUp = false;
                return; // all read: look again at the next poll
            }
            const auto bytes = run(RemoteLog::readCommand(read->file, read->offset, kChunkBytes));
            if (!bytes) {
                next = kUnreachableMs;
                return;
            }
            const bool more = bytes->size() >= kChunkBytes;
            if (bytes->isEmpty()) {
                if (read->file.current) {
                    m_catchingUp = false;
                    return;
                }
                // A rotated copy read to its end: on to the next newer one.
                const auto newer = RemoteLog::after(files, read->file);
                if (!newer) {
                    m_catchingUp = false;
                    return;
                }
                m_position = { newer->inode, 0, headOf(*newer) };
                publish();
                continue;
            }
            // A rotated copy is complete: its last line is whole even without a newline.
            if (!handOver(*read, *bytes, !more && !read->file.current)) {
                next = kRetryMs;
                return;
            }
            if (!more && read->file.current) {
                m_catchingUp = false;
                return;
            }
        }
        next = 0; // more to read: again at once
    }();
    m_timer->start(next);
}

bool RemoteFollowWorker::handOver(const RemoteLog::Read& read, const QByteArray& bytes, bool endOfFile)
{
    m_position = { read.file.inode, read.offset, headOf(read.file) };
    m_chunk = bytes;
    m_chunkStart = read.offset;
    m_chunkPos = 0;
    m_chunkComplete = endOfFile;
    return retryPending();
}

bool RemoteFollowWorker::retryPending()
{
    // The lines of the chunk read, one at a time from where the full sink stopped them: no copy of the rest.
    const qsizetype size = m_chunk.size();
    while (m_chunkPos < size) {
        qsizetype nl = m_chunk.indexOf('\n', m_chunkPos);
        if (nl < 0 && !m_chunkComplete)
            break; // a line not yet ended: read again, whole, next time
        const qsizetype end = nl < 0 ? size : nl + 1;
        QByteArray line = m_chunk.mid(m_chunkPos, (nl < 0 ? size : nl) - m_chunkPos);
        if (line.endsWith('\r'))
            line.chop(1);
        if (!line.isEmpty()) {
            if (!m_sink.tryOffer(LogLine { m_options.sourceId, m_options.site, std::move(line) })) {
                publish();
                return false;
            }
            m_follower.lineCounter().fetch_add(1);
        }
        m_chunkPos = end;
        m_position.offset = m_chunkStart + end;
    }
    // A line longer than a whole chunk is skipped, as a local follower rejects an over-long line.
    if (m_chunkPos == 0 && size >= kChunkBytes)
        m_position.offset = m_chunkStart + size;
    m_chunk.clear();
    m_chunkPos = 0;
    publish();
    return true;
}

void RemoteFollowWorker::publish()
{
    m_follower.setPosition(FollowPosition { m_position.inode, m_position.offset, false, m_position.head });
}

} // namespace activity
