#pragma once

#include <QList>
#include <QString>
#include <utility>

namespace activity {

// Backup, restore and statistics over the application database.
namespace Maintenance {
// Copies the live database at `databasePath` to `target` with SQLite's online backup; other
// connections may keep writing. Returns an empty string on success, else the reason.
QString backup(const QString& databasePath, const QString& target);

// Replaces the contents of the database at `databasePath` with `source`, after checking that
// `source` is a database of this program with a schema this build can read. The old contents
// stay until the copy has completed in one transaction. Returns an empty string on success.
QString restore(const QString& databasePath, const QString& source);

struct Stats {
    int schemaVersion = 0;
    qint64 databaseBytes = 0; // main file plus WAL
    QList<std::pair<QString, qint64>> rowCounts; // table -> rows
};
Stats stats(const QString& databasePath);
} // namespace Maintenance

} // namespace activity
