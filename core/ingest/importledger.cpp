#include "core/ingest/importledger.h"

#include "core/storage/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <functional>
#include <string_view>
#include <sys/stat.h>
#include <zlib.h>

namespace activity {

ImportLedger::Identity ImportLedger::identify(const QString& path)
{
    Identity id;
    const QByteArray local = QFile::encodeName(path);
    struct stat st { };
    if (::stat(local.constData(), &st) == 0) {
        id.device = qint64(st.st_dev);
        id.inode = qint64(st.st_ino);
    }
    gzFile file = gzopen(local.constData(), "rb");
    if (!file)
        return id;
    id.head.resize(kHeadBytes);
    const int n = gzread(file, id.head.data(), unsigned(kHeadBytes));
    gzclose(file);
    id.head.resize(qMax(0, n));
    return id;
}

QByteArray ImportLedger::hash(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

QByteArray ImportLedger::lineCheck(const QByteArray& line)
{
    const QByteArray tail = line.right(4000);
    const quint64 h = quint64(std::hash<std::string_view>()(std::string_view(tail.constData(), size_t(tail.size()))));
    return QByteArray(reinterpret_cast<const char*>(&h), sizeof h);
}

std::optional<ImportLedger::Entry> ImportLedger::find(Database& db, const Identity& identity)
{
    if (identity.head.isEmpty())
        return std::nullopt;
    // The most advanced entry whose head is a prefix of this file's (a file imported while short has grown).
    Statement st = db.prepare("SELECT id, head_bytes, head_hash, \"offset\", lines, tail_hash FROM imports ORDER BY "
                              "\"offset\" DESC, id DESC");
    while (st.step()) {
        const qint64 headBytes = st.int64(1);
        if (headBytes > identity.head.size() || hash(identity.head.left(headBytes)) != st.blob(2))
            continue;
        return Entry { st.int64(0), st.int64(3), st.int64(4), st.blob(5) };
    }
    return std::nullopt;
}

qint64 ImportLedger::record(Database& db, qint64 entryId, const QString& path, const Identity& identity, qint64 offset,
    qint64 lines, const QByteArray& lastLineCheck, qint64 now)
{
    if (entryId > 0) {
        Statement st = db.prepare("UPDATE imports SET path = ?, device = ?, inode = ?, \"offset\" = ?, lines = ?, "
                                  "tail_hash = ?, last_at = ? WHERE id = ?");
        st.bind(1, path).bind(2, identity.device).bind(3, identity.inode).bind(4, offset).bind(5, lines);
        st.bind(6, lastLineCheck).bind(7, now).bind(8, entryId).exec();
        if (db.changes() > 0)
            return entryId;
    }
    Statement st = db.prepare("INSERT INTO imports(path, device, inode, head_bytes, head_hash, \"offset\", lines, "
                              "tail_hash, first_at, last_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bind(1, path).bind(2, identity.device).bind(3, identity.inode).bind(4, qint64(identity.head.size()));
    st.bind(5, hash(identity.head)).bind(6, offset).bind(7, lines).bind(8, lastLineCheck).bind(9, now).bind(10, now);
    st.exec();
    return db.lastInsertId();
}

} // namespace activity
