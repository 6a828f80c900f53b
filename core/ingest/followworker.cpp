#include "core/ingest/followworker.h"

#include "core/storage/rollupschema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace activity {

namespace {
struct FollowerText {
    Q_DECLARE_TR_FUNCTIONS(FollowerText)
};

constexpr qsizetype kChunk = 64 * 1024;
constexpr qint64 kBudgetPerTick = 8 * 1024 * 1024; // then yield to the event loop (quit, timers)
constexpr int kRetryMs = 20; // the sink was full, or the budget ran out
constexpr qsizetype kRejectedKeep = IngestLimits::kRejectedLineBytes; // enough of a bad message to show the user
} // namespace

FollowWorker::FollowWorker(LogFollower& follower, LineSink& sink)
    : m_follower(follower)
    , m_sink(sink)
    , m_options(follower.options())
    , m_position(follower.options().start)
{ }

FollowWorker::~FollowWorker()
{
    closeFile();
}

void FollowWorker::begin()
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &FollowWorker::tick);
    tick();
}

FollowWorker::Read FollowWorker::readAvailable()
{
    Read result = Read::More;
    for (qint64 budget = kBudgetPerTick; budget > 0;) {
        if (!pump()) {
            result = Read::SinkFull;
            break;
        }
        QByteArray chunk(kChunk, Qt::Uninitialized);
        const qint64 n = m_isGz ? gzread(static_cast<gzFile>(m_gz), chunk.data(), unsigned(kChunk))
                                : ::read(m_fd, chunk.data(), size_t(kChunk));
        if (n <= 0) {
            result = Read::End;
            break;
        }
        chunk.truncate(n);
        m_carry = std::move(chunk);
        budget -= n;
    }
    publish();
    return result;
}

void FollowWorker::tick()
{
    m_follower.pollCounter().fetch_add(1);
    int next = m_options.pollMs;
    [&] {
        if (m_pending) {
            auto [line, end] = std::move(*m_pending);
            m_pending.reset();
            if (!handOver(std::move(line), end)) {
                next = kRetryMs;
                return;
            }
        }
        if (m_fd < 0 && !openFile())
            return; // not there (yet): waited for, like tail -F
        if (m_isGz && m_position.complete) {
            if (replaced())
                closeFile(); // a new file at that path: imported on the next tick
            return;
        }
        if (!m_isGz) {
            struct stat st { };
            if (::fstat(m_fd, &st) == 0 && st.st_size < m_readOffset) {
                // Truncated in place (copytruncate): start again from the top.
                ::lseek(m_fd, 0, SEEK_SET);
                m_readOffset = 0;
                m_position.offset = 0;
                m_partial.clear();
                m_skipping = false;
                publish();
            }
        }
        const Read result = readAvailable();
        if (result != Read::End) {
            next = kRetryMs;
            return;
        }
        if (m_isGz) {
            m_position.complete = true;
            publish();
            return;
        }
        if (replaced()) {
            // Renamed away and a new file is in its place. The old one was followed while the path
            // stayed empty (nginx writes to it until it reopens its logs); read what came last.
            if (readAvailable() != Read::End) {
                next = kRetryMs;
                return;
            }
            if (!m_partial.isEmpty() && !m_skipping && !handOver(std::exchange(m_partial, {}), m_readOffset)) {
                next = kRetryMs;
                return;
            }
            closeFile();
            m_position = FollowPosition();
            m_readOffset = 0;
            publish();
            next = 0;
        }
    }();
    m_timer->start(next);
}

QString FollowWorker::rotatedCopy() const
{
    // Rotated while nobody followed it (collect was stopped): the old file keeps its inode under a new name in
    // the same folder (access.log.1, access.log-20261201; logrotate's delaycompress leaves it uncompressed).
    const QFileInfo info(m_options.path);
    const QDir dir = info.dir();
    for (const QString& name : dir.entryList({ info.fileName() + QLatin1Char('*') }, QDir::Files)) {
        if (name == info.fileName() || name.endsWith(QLatin1String(".gz")))
            continue;
        struct stat st { };
        if (::stat(QFile::encodeName(dir.filePath(name)).constData(), &st) == 0 && qint64(st.st_ino) == m_position.inode
            && st.st_size >= m_position.offset)
            return dir.filePath(name);
    }
    return {};
}

bool FollowWorker::openFile()
{
    QByteArray path = QFile::encodeName(m_options.path);
    struct stat current { };
    const bool exists = ::stat(path.constData(), &current) == 0;
    if (!m_options.path.endsWith(QLatin1String(".gz")) && m_position.inode != 0
        && (!exists || qint64(current.st_ino) != m_position.inode)) {
        // The rest of the old file first; once it is read, replaced() moves on to the new one at the path.
        if (const QString rotated = rotatedCopy(); !rotated.isEmpty())
            path = QFile::encodeName(rotated);
    }
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st { };
    ::fstat(fd, &st);
    m_fd = fd;
    m_isGz = m_options.path.endsWith(QLatin1String(".gz"));
    const bool same = qint64(st.st_ino) == m_position.inode;
    if (!same || (!m_isGz && st.st_size < m_position.offset))
        m_position = FollowPosition { qint64(st.st_ino), 0, false, {} };
    m_partial.clear();
    m_carry.clear();
    m_skipping = false;
    m_readOffset = m_position.offset;
    if (m_isGz) {
        m_gz = gzdopen(::dup(fd), "rb");
        if (m_gz && m_position.offset > 0 && !m_position.complete)
            gzseek(static_cast<gzFile>(m_gz), z_off_t(m_position.offset), SEEK_SET);
        if (!m_gz) // not readable as gzip: treated as imported, nothing to read
            m_position.complete = true;
    } else {
        ::lseek(fd, m_position.offset, SEEK_SET);
    }
    publish();
    return true;
}

void FollowWorker::closeFile()
{
    if (m_gz)
        gzclose(static_cast<gzFile>(m_gz));
    m_gz = nullptr;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_carry.clear();
}

bool FollowWorker::pump()
{
    const QByteArrayView data(m_carry);
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype nl = data.indexOf('\n', start);
        if (nl < 0) {
            const QByteArrayView rest = data.sliced(start);
            m_readOffset += rest.size();
            if (!m_skipping) {
                m_partial.append(rest);
                if (m_partial.size() > m_options.maxLine) {
                    m_follower.rejectCounter().fetch_add(1);
                    m_sink.reject(m_options.sourceId, m_partial.first(kRejectedKeep),
                        FollowerText::tr("line longer than 64 KiB"));
                    m_partial = QByteArray();
                    m_skipping = true;
                }
            }
            start = data.size();
            break;
        }
        m_readOffset += nl - start + 1;
        QByteArray line = std::exchange(m_partial, {});
        line.append(data.sliced(start, nl - start));
        start = nl + 1;
        if (m_skipping) {
            m_skipping = false;
            m_position.offset = m_readOffset;
            continue;
        }
        if (line.size() > m_options.maxLine) {
            m_follower.rejectCounter().fetch_add(1);
            m_sink.reject(m_options.sourceId, line.first(kRejectedKeep), FollowerText::tr("line longer than 64 KiB"));
            m_position.offset = m_readOffset;
            continue;
        }
        if (!handOver(std::move(line), m_readOffset)) {
            m_carry = m_carry.mid(start);
            return false;
        }
    }
    m_carry.clear();
    return true;
}

bool FollowWorker::handOver(QByteArray line, qint64 endOffset)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        m_position.offset = endOffset;
        return true;
    }
    LogLine logLine;
    logLine.sourceId = m_options.sourceId;
    logLine.site = m_options.site;
    logLine.text = line;
    if (!m_sink.tryOffer(logLine)) {
        m_pending.emplace(std::move(line), endOffset);
        return false;
    }
    m_follower.lineCounter().fetch_add(1);
    m_position.offset = endOffset;
    return true;
}

bool FollowWorker::replaced() const
{
    struct stat st { };
    const QByteArray path = QFile::encodeName(m_options.path);
    return ::stat(path.constData(), &st) == 0 && qint64(st.st_ino) != m_position.inode;
}

void FollowWorker::publish()
{
    m_follower.setPosition(m_position);
}

} // namespace activity
