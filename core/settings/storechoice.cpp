#include "core/settings/storechoice.h"

#include "core/storage/database.h"
#include "core/storage/databaseerror.h"
#include "core/storage/migrations.h"
#include "core/storage/storeurl.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace activity {

namespace {
const QString kKey = QStringLiteral("store/url");

QString tr(const char* text)
{
    return QCoreApplication::translate("StoreChoice", text);
}
} // namespace

QString StoreChoice::saved()
{
    return QSettings().value(kKey).toString();
}

Status StoreChoice::save(const QString& store)
{
    const QString trimmed = store.trimmed();
    if (!trimmed.isEmpty())
        if (const QString problem = StoreUrl::problem(trimmed); !problem.isEmpty())
            return Error { problem };
    // The settings file is plain text that backups copy: a password stays in ~/.pgpass (or PGPASSWORD).
    if (StoreUrl::shown(trimmed) != trimmed)
        return Error { tr("%1 carries a password; keep it in ~/.pgpass or PGPASSWORD and give the URL without it")
                           .arg(StoreUrl::shown(trimmed)) };
    QSettings settings;
    if (trimmed.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, trimmed);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Error { tr("the choice could not be saved in %1").arg(settings.fileName()) };
    return {};
}

Result<QString> StoreChoice::test(const QString& store)
{
    const QString trimmed = store.trimmed();
    if (trimmed.isEmpty())
        return Error { tr("no store given") };
    if (const QString problem = StoreUrl::problem(trimmed); !problem.isEmpty())
        return Error { problem };
    if (!StoreUrl::isPostgres(trimmed) && !QFileInfo::exists(StoreUrl::sqlitePath(trimmed)))
        return Error {
            tr("%1 does not exist yet; the window makes it when it starts on it").arg(StoreUrl::sqlitePath(trimmed))
        };
    try {
        Database db(trimmed, Database::Mode::ReadOnly);
        const int version = db.userVersion();
        QString engine = tr("SQLite file");
        if (db.isPostgres()) {
            Statement server = db.prepare("SELECT current_setting('server_version')");
            engine = QStringLiteral("PostgreSQL %1").arg(server.step() ? server.text(0) : QString());
        }
        if (version == 0)
            return db.isPostgres() ? tr("%1, empty: run `activity-dashboard store init URL` on it first").arg(engine)
                                   : tr("%1, empty: the window sets it up when it starts on it").arg(engine);
        if (version > Migrations::latestVersion())
            return Error { tr("%1 has schema version %2, newer than this program's %3: update the program first")
                               .arg(engine)
                               .arg(version)
                               .arg(Migrations::latestVersion()) };
        return tr("%1, schema version %2").arg(engine).arg(version);
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
}

} // namespace activity
