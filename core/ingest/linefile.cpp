#include "core/ingest/linefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <zlib.h>

namespace {
struct LineFileText {
    Q_DECLARE_TR_FUNCTIONS(LineFileText)
};
constexpr int kChunk = 1 << 20;
constexpr qsizetype kMaxLine = 1 << 20; // a longer "line" is cut: no input makes memory grow without bound
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

bool LineFile::read(std::vector<QByteArray>& lines)
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
        }
        return !lines.empty();
    }
    const char* data = m_buffer.constData();
    const char* end = data + n;
    const char* start = data;
    while (start < end) {
        const char* nl = static_cast<const char*>(std::memchr(start, '\n', size_t(end - start)));
        if (!nl) {
            m_carry.append(start, qsizetype(end - start));
            if (m_carry.size() > kMaxLine) {
                lines.push_back(m_carry.left(kMaxLine));
                m_carry.clear();
            }
            break;
        }
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

double LineFile::progress() const
{
    if (!m_file || m_size <= 0)
        return -1;
    const qint64 at = gzoffset(static_cast<gzFile>(m_file));
    return qBound(0.0, double(at) / double(m_size), 1.0);
}
