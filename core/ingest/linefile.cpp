#include "core/ingest/linefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <zlib.h>

namespace activity {

namespace {
struct LineFileText {
    Q_DECLARE_TR_FUNCTIONS(LineFileText)
};
constexpr int kChunk = 1 << 20;
constexpr qsizetype kMaxLine = 1 << 20; // a longer "line" is cut: no input makes memory grow without bound
constexpr qsizetype kRecent = 8192; // tail() answers up to this many bytes before the carry
} // namespace

LineFile::LineFile(const QString& path)
    : m_path(path)
{
    gzFile file = nullptr;
    if (path == QLatin1String("-")) {
        file = gzdopen(dup(STDIN_FILENO), "rb");
    } else {
        const QFileInfo info(path);
        if (!info.isFile()) {
            m_error = LineFileText::tr("%1: no such file").arg(path);
            return;
        }
        m_size = info.size();
        file = gzopen(QFile::encodeName(path).constData(), "rb");
    }
    if (!file) {
        m_error = LineFileText::tr("%1: cannot open: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    gzbuffer(file, 256 * 1024);
    m_file = file;
    m_buffer.resize(kChunk);
}

LineFile::~LineFile()
{
    if (m_file)
        gzclose(static_cast<gzFile>(m_file));
}

bool LineFile::read(std::vector<QByteArray>& lines, std::vector<qint64>* ends)
{
    if (!m_file || m_eof)
        return false;
    const int n = gzread(static_cast<gzFile>(m_file), m_buffer.data(), unsigned(m_buffer.size()));
    if (n < 0) {
        int code = 0;
        m_error = LineFileText::tr("%1: read error: %2")
                      .arg(m_path, QString::fromUtf8(gzerror(static_cast<gzFile>(m_file), &code)));
        m_eof = true;
        return false;
    }
    if (n == 0) {
        m_eof = true;
        if (!m_carry.isEmpty()) {
            lines.push_back(std::move(m_carry));
            m_carry = QByteArray();
            if (ends)
                ends->push_back(m_read);
        }
        return !lines.empty();
    }
    m_read += n;
    const char* data = m_buffer.constData();
    // What tail() needs: the carry plus kRecent bytes before it, from this read and the ones before.
    m_recent.append(data, n);
    if (m_recent.size() > kRecent + kMaxLine + n)
        m_recent.remove(0, m_recent.size() - (kRecent + kMaxLine));
    const char* end = data + n;
    const char* start = data;
    const qint64 base = m_read - n; // the input offset of data[0]
    while (start < end) {
        const char* nl = static_cast<const char*>(std::memchr(start, '\n', size_t(end - start)));
        if (!nl) {
            m_carry.append(start, qsizetype(end - start));
            if (m_carry.size() > kMaxLine) {
                lines.push_back(m_carry.left(kMaxLine));
                m_carry.clear();
                if (ends)
                    ends->push_back(m_read);
            }
            break;
        }
        if (ends)
            ends->push_back(base + (nl - data) + 1);
        if (m_carry.isEmpty()) {
            lines.emplace_back(start, qsizetype(nl - start));
        } else {
            m_carry.append(start, qsizetype(nl - start));
            lines.push_back(std::move(m_carry));
            m_carry = QByteArray();
        }
        start = nl + 1;
    }
    return true;
}

QByteArray LineFile::tail(int n) const
{
    const QByteArray before = m_recent.left(m_recent.size() - m_carry.size());
    return before.right(n);
}

QByteArray LineFile::lastLine() const
{
    QByteArray bytes = tail(4097);
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    const qsizetype nl = bytes.lastIndexOf('\n');
    return (nl >= 0 ? bytes.mid(nl + 1) : bytes).right(4000);
}

bool LineFile::skip(qint64 bytes)
{
    if (!m_file)
        return false;
    while (m_read < bytes) {
        const int want = int(qMin<qint64>(m_buffer.size(), bytes - m_read));
        const int n = gzread(static_cast<gzFile>(m_file), m_buffer.data(), unsigned(want));
        if (n <= 0)
            return false;
        m_read += n;
        m_recent.append(m_buffer.constData(), n);
        if (m_recent.size() > 2 * kRecent)
            m_recent.remove(0, m_recent.size() - kRecent);
    }
    return true;
}

double LineFile::progress() const
{
    if (!m_file || m_size <= 0)
        return -1;
    const qint64 at = gzoffset(static_cast<gzFile>(m_file));
    return qBound(0.0, double(at) / double(m_size), 1.0);
}

} // namespace activity
