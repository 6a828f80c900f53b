#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace activity {

class Database;

// What `import` has stored of each file (table imports), so importing a file again, or the same file grown,
// or its rotated .gz copy, stores only what was not stored before. A file is known by its first bytes (4 KiB
// of its uncompressed content: a .gz of a file starts like the file); where it left off is checked by the
// last line before that point, so a different file that merely starts alike is imported whole.
class ImportLedger {
public:
    static constexpr int kHeadBytes = 4096;

    struct Identity {
        QByteArray head; // the first (up to) kHeadBytes bytes of the uncompressed content
        qint64 device = -1;
        qint64 inode = -1;
    };
    struct Entry {
        qint64 id = 0;
        qint64 offset = 0; // bytes of the uncompressed content stored (whole lines)
        qint64 lines = 0; // lines up to offset
        QByteArray lastLine; // lineCheck() of the line that ends at offset
    };

    // Reads a file's identity (empty head: unreadable or empty file).
    static Identity identify(const QString& path);
    static QByteArray hash(const QByteArray& bytes);
    // A short fingerprint of a line (its last 4000 bytes, as LineFile::lastLine() reads them back).
    static QByteArray lineCheck(const QByteArray& line);

    // The entry for a file that starts like `identity` (its recorded head is a prefix of this one's).
    static std::optional<Entry> find(Database& db, const Identity& identity);
    // Records (inside the caller's transaction) that `path` is stored up to `offset`, `lines` lines.
    // entryId 0 makes a new entry; returns the entry's id.
    static qint64 record(Database& db, qint64 entryId, const QString& path, const Identity& identity, qint64 offset,
        qint64 lines, const QByteArray& lastLineCheck, qint64 now);
};

} // namespace activity
