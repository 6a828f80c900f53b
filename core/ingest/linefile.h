#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

// Reads a log file line by line: a path, or "-" for standard input; gzip-compressed input is recognised by its
// content (zlib reads plain files transparently), so rotated ".gz" files need nothing special.
class LineFile {
public:
    explicit LineFile(const QString& path);
    ~LineFile();
    LineFile(const LineFile&) = delete;
    LineFile& operator=(const LineFile&) = delete;

    bool isOpen() const { return m_file != nullptr; }
    QString error() const { return m_error; }

    // Appends the next complete lines (without their newline; the last line may lack one) to `lines`.
    // Returns false at the end of the input or on a read error (then error() says why).
    bool read(std::vector<QByteArray>& lines);
    // Fraction of the input read, 0..1, or -1 when the size is unknown (standard input).
    double progress() const;

private:
    void* m_file = nullptr; // gzFile
    QString m_path;
    QString m_error;
    qint64 m_size = -1;
    QByteArray m_buffer;
    QByteArray m_carry;
    bool m_eof = false;
};
