#include "core/settings/appsettings.h"

#include "core/geo/mmdbfile.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace activity {

const QList<AppSettings::Key>& AppSettings::keys()
{
    static const QList<Key> list = {
        { "retention.days", QString::number(kDefaultRetentionDays),
            QT_TRANSLATE_NOOP("AppSettings",
                "days raw request rows are kept (rollups are kept for ever); applied within the hour by a running "
                "collector") },
        { "rollups.top_keys", QString::number(kDefaultTopKeys),
            QT_TRANSLATE_NOOP("AppSettings",
                "paths, 404 paths, referrers and user agents kept per hour and per day in the rollups (the rest is "
                "summed as other, so totals stay exact), and 10 times as many new ones a day in raw rows: a URL "
                "scanner cannot grow the database past this") },
        { "alerts.interval", QString::number(kDefaultAlertIntervalSecs),
            QT_TRANSLATE_NOOP("AppSettings",
                "seconds between evaluations of the alert rules by a running collector or window (1 to 3600)") },
        { "geoip.city_db", QString(),
            QT_TRANSLATE_NOOP("AppSettings",
                "a City .mmdb file (GeoLite2-City, DB-IP City Lite) for city bubbles; default: the first City "
                "database in /usr/share/GeoIP") },
    };
    return list;
}

bool AppSettings::isKnown(const QString& key)
{
    for (const Key& k : keys())
        if (key == QLatin1String(k.name))
            return true;
    return false;
}

QString AppSettings::validate(const QString& key, QString& value)
{
    if (!isKnown(key))
        return QCoreApplication::translate("AppSettings", "unknown setting '%1'").arg(key);
    value = value.trimmed();
    if (key == QLatin1String("retention.days")) {
        bool ok = false;
        const int days = value.toInt(&ok);
        if (!ok || days < 1 || days > 36500)
            return QCoreApplication::translate("AppSettings",
                "retention.days: must be a whole number of days from 1 "
                "to 36500, got '%1'")
                .arg(value);
        value = QString::number(days);
    } else if (key == QLatin1String("rollups.top_keys")) {
        bool ok = false;
        const int keys = value.toInt(&ok);
        if (!ok || keys < 10 || keys > 1'000'000)
            return QCoreApplication::translate(
                "AppSettings", "rollups.top_keys: must be a whole number from 10 to 1000000, got '%1'")
                .arg(value);
        value = QString::number(keys);
    } else if (key == QLatin1String("alerts.interval")) {
        bool ok = false;
        const int secs = value.toInt(&ok);
        if (!ok || secs < 1 || secs > 3600)
            return QCoreApplication::translate(
                "AppSettings", "alerts.interval: must be a whole number of seconds from 1 to 3600, got '%1'")
                .arg(value);
        value = QString::number(secs);
    } else if (key == QLatin1String("geoip.city_db")) {
        const QFileInfo file(value);
        if (!file.isFile())
            return QCoreApplication::translate("AppSettings", "geoip.city_db: no such file '%1'").arg(value);
        MmdbFile db(file.absoluteFilePath());
        if (!db.isOpen())
            return QStringLiteral("geoip.city_db: ") + db.error();
        value = file.absoluteFilePath();
    }
    return {};
}

std::optional<QString> AppSettings::get(Database& db, const QString& key)
{
    Statement st = db.prepare("SELECT value FROM settings WHERE key = ?");
    st.bind(1, key);
    if (st.step())
        return st.text(0);
    return std::nullopt;
}

void AppSettings::set(Database& db, const QString& key, const QString& value)
{
    Statement st = db.prepare(
        "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value).exec();
}

void AppSettings::unset(Database& db, const QString& key)
{
    Statement st = db.prepare("DELETE FROM settings WHERE key = ?");
    st.bind(1, key).exec();
}

namespace {
int positiveInt(Database& db, const char* key, int fallback)
{
    bool ok = false;
    const int v = AppSettings::get(db, QString::fromLatin1(key)).value_or(QString()).toInt(&ok);
    return ok && v > 0 ? v : fallback;
}
const QString kFirstRunKey = QStringLiteral("firstrun.state");
} // namespace

int AppSettings::retentionDays(Database& db)
{
    return positiveInt(db, "retention.days", kDefaultRetentionDays);
}

int AppSettings::topKeys(Database& db)
{
    return positiveInt(db, "rollups.top_keys", kDefaultTopKeys);
}

int AppSettings::alertIntervalSecs(Database& db)
{
    return positiveInt(db, "alerts.interval", kDefaultAlertIntervalSecs);
}

QString AppSettings::cityDatabase(Database& db)
{
    return get(db, QStringLiteral("geoip.city_db")).value_or(QString());
}

QString AppSettings::firstRunState(Database& db)
{
    return get(db, kFirstRunKey).value_or(QString());
}

void AppSettings::setFirstRunState(Database& db, const QString& state)
{
    set(db, kFirstRunKey, state);
}

} // namespace activity
