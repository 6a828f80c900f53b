#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

namespace activity {

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

    // Appends the next complete lines (without their newline; the last line may lack one) to `lines`, and
    // to `ends` (if given) the offset in the input just after each (its newline included).
    // Returns false at the end of the input or on a read error (then error() says why).
    bool read(std::vector<QByteArray>& lines, std::vector<qint64>* ends = nullptr);
    // Fraction of the input read, 0..1, or -1 when the size is unknown (standard input).
    double progress() const;
    // Bytes of the (uncompressed) input handed out so far as lines, their newlines included.
    qint64 consumed() const { return m_read - m_carry.size(); }
    // The last `n` bytes before consumed() (fewer at the start of the input).
    QByteArray tail(int n) const;
    // The line that ends at consumed(), read back from tail() (at most its last 4000 bytes).
    QByteArray lastLine() const;
    // Reads past the first `bytes` bytes without handing them out; false when the input is shorter.
    bool skip(qint64 bytes);

private:
    void* m_file = nullptr; // gzFile
    QString m_path;
    QString m_error;
    qint64 m_size = -1;
    QByteArray m_buffer;
    QByteArray m_carry;
    QByteArray m_recent; // the last bytes read (at least kTail more than the carry), for tail()
    qint64 m_read = 0; // bytes of the uncompressed input read
    bool m_eof = false;
};

} // namespace activity
