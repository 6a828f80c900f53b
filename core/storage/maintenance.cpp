#include "core/storage/maintenance.h"

#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/sqlite/sqliteconnection.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <sqlite3.h>

namespace activity {

namespace {
struct MaintenanceText {
    Q_DECLARE_TR_FUNCTIONS(MaintenanceText)
};

QString copyDatabase(sqlite3* from, sqlite3* to)
{
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return QString::fromUtf8(sqlite3_errmsg(to));
    int rc;
    // Copy in steps so a busy writer elsewhere is retried rather than failing the whole backup.
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    return rc == SQLITE_DONE ? QString() : QString::fromUtf8(sqlite3_errstr(rc));
}
} // namespace

QString Maintenance::backup(const QString& databasePath, const QString& target)
{
    if (!QFileInfo::exists(databasePath))
        return MaintenanceText::tr("there is no database at %1 to back up").arg(databasePath);
    if (QFileInfo(target).absoluteFilePath() == QFileInfo(databasePath).absoluteFilePath())
        return MaintenanceText::tr("the backup file must not be the database itself");
    try {
        Database source(databasePath, Database::Mode::ReadOnly);
        sqlite3* out = nullptr;
        if (sqlite3_open_v2(target.toUtf8().constData(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
            != SQLITE_OK) {
            const QString message = QString::fromUtf8(sqlite3_errmsg(out));
            sqlite3_close(out);
            return MaintenanceText::tr("cannot write %1: %2").arg(target, message);
        }
        const QString error = copyDatabase(source.sqlite()->handle(), out);
        // A backup file stands alone: no WAL beside it.
        sqlite3_exec(out, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
        sqlite3_close(out);
        return error.isEmpty() ? QString() : MaintenanceText::tr("backup to %1 failed: %2").arg(target, error);
    } catch (const DatabaseError& e) {
        return e.message();
    }
}

QString Maintenance::restore(const QString& databasePath, const QString& source)
{
    if (!QFileInfo(source).isFile())
        return MaintenanceText::tr("%1 is not a file").arg(source);
    try {
        Database candidate(source, Database::Mode::ReadOnly);
        if (candidate.queryInt("PRAGMA application_id").value_or(0) != Migrations::kApplicationId)
            return MaintenanceText::tr("%1 is not an Activity Dashboard database; nothing was changed").arg(source);
        const int version = candidate.userVersion();
        if (version > Migrations::latestVersion())
            return MaintenanceText::tr(
                "%1 has schema version %2, newer than this program knows (%3); nothing was changed")
                .arg(source)
                .arg(version)
                .arg(Migrations::latestVersion());
        const QString integrity = [&] {
            Statement s = candidate.prepare("PRAGMA quick_check");
            return s.step() ? s.text(0) : QString();
        }();
        if (integrity != QLatin1String("ok"))
            return MaintenanceText::tr("%1 is damaged (%2); nothing was changed").arg(source, integrity);

        Database live(databasePath);
        const QString error = copyDatabase(candidate.sqlite()->handle(), live.sqlite()->handle());
        if (!error.isEmpty())
            return MaintenanceText::tr("restore from %1 failed, the old database is unchanged: %2").arg(source, error);
        live.exec("PRAGMA journal_mode = WAL");
        Migrations::migrate(live);
        return {};
    } catch (const DatabaseError& e) {
        return e.message();
    }
}

Maintenance::Stats Maintenance::stats(const QString& databasePath)
{
    Database db(databasePath, Database::Mode::ReadOnly);
    Stats out;
    out.schemaVersion = db.userVersion();
    if (db.isPostgres()) // the database's size on the server (tables, indexes, TOAST)
        out.databaseBytes = db.sizeBytes();
    else
        out.databaseBytes = QFileInfo(databasePath).size() + QFileInfo(databasePath + QStringLiteral("-wal")).size();
    Statement tables = db.prepare(db.isPostgres()
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND "
              "table_type = 'BASE TABLE' AND table_name <> 'activity_meta' ORDER BY table_name"
            : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (tables.step()) {
        const QString name = tables.text(0);
        // Table names come from sqlite_schema, not from input; quoting keeps odd names safe anyway.
        const QString sql = QStringLiteral("SELECT count(*) FROM \"%1\"")
                                .arg(QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")));
        out.rowCounts.append({ name, db.queryInt(sql.toUtf8().constData()).value_or(0) });
    }
    return out;
}

} // namespace activity
