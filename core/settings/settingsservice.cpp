#include "core/settings/settingsservice.h"

#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/logging.h"

#include <QLoggingCategory>

namespace activity {

SettingsService::SettingsService(DbWriter& writer)
    : m_writer(writer)
{ }

Status SettingsService::set(const QString& key, QString value)
{
    if (const QString error = AppSettings::validate(key, value); !error.isEmpty())
        return Error { error };
    try {
        m_writer.run([&](Database& db) { AppSettings::set(db, key, value); });
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
    return {};
}

Status SettingsService::unset(const QString& key)
{
    try {
        m_writer.run([&](Database& db) { AppSettings::unset(db, key); });
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
    return {};
}

std::optional<QString> SettingsService::get(const QString& key)
{
    return m_writer.queryValue([&](Database& db) { return AppSettings::get(db, key); });
}

QString SettingsService::firstRunState()
{
    return m_writer.queryValue([](Database& db) { return AppSettings::firstRunState(db); });
}

void SettingsService::rememberFirstRun(const QString& state)
{
    m_writer.post([state](Database& db) { AppSettings::setFirstRunState(db, state); },
        [](const QString& error) {
            if (!error.isEmpty())
                qCWarning(lcSettings) << "the first-run set-up could not be remembered:" << error;
        });
}

} // namespace activity
