#pragma once

#include <QFile>
#include <QStringList>

namespace activity {

// Writes one RFC 4180 CSV file: UTF-8, CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF
// (quotes doubled). Text from logs goes through here as data, never as markup.
class CsvWriter {
public:
    explicit CsvWriter(const QString& path);
    bool isOpen() const { return m_file.isOpen(); }
    void row(const QStringList& fields);
    // Flushes and closes; returns an empty string or the reason the file could not be written.
    QString finish();

    static QByteArray escape(const QString& field);
    // ISO 8601 in UTC with a Z, the one timestamp form of every CSV file: 2026-12-01T10:00:00Z.
    static QString timestamp(qint64 secs);

private:
    QFile m_file;
    QByteArray m_buffer;
    bool m_failed = false;
};

} // namespace activity
