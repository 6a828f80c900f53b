#include "core/report/csvwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace activity {

namespace {
struct CsvText {
    Q_DECLARE_TR_FUNCTIONS(CsvText)
};
} // namespace

CsvWriter::CsvWriter(const QString& path)
    : m_file(path)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        m_failed = true;
}

QByteArray CsvWriter::escape(const QString& field)
{
    QByteArray utf8 = field.toUtf8();
    // A NUL from a hostile log line ends the field in many readers: shown as the window shows a bad byte.
    utf8.replace('\0', "\xEF\xBF\xBD");
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QString CsvWriter::timestamp(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

void CsvWriter::row(const QStringList& fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            m_buffer += ',';
        m_buffer += escape(fields[i]);
    }
    m_buffer += "\r\n";
    if (m_buffer.size() > (1 << 16)) {
        if (m_file.write(m_buffer) != m_buffer.size())
            m_failed = true;
        m_buffer.clear();
    }
}

QString CsvWriter::finish()
{
    if (m_file.isOpen()) {
        if (m_file.write(m_buffer) != m_buffer.size() || !m_file.flush())
            m_failed = true;
        m_file.close();
    }
    m_buffer.clear();
    if (m_failed)
        return CsvText::tr("cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
    return {};
}

} // namespace activity
