#pragma once

#include <QHash>
#include <QString>

namespace activity {

class Database;

// File sizes the user gives for download paths (`downloads size PATH BYTES`), the download_sizes table, read and
// written only here. A size given wins over what the log tells. Calls run in the caller's transaction.
class DownloadSizeStore {
public:
    explicit DownloadSizeStore(Database& db)
        : m_db(db)
    { }

    void set(const QString& path, qint64 bytes, qint64 now);
    bool remove(const QString& path); // false: no size was given for it
    QHash<QString, qint64> all();

private:
    Database& m_db;
};

} // namespace activity
