#include "core/settings/appsettings.h"

#include "core/downloads/downloadattempts.h"
#include "core/geo/mmdbfile.h"
#include "core/logs/agentclass.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QSslCertificate>

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
        { "store.buffer", QString::number(kDefaultStoreBufferMiB),
            QT_TRANSLATE_NOOP("AppSettings",
                "MiB of received log lines a collector keeps in memory while the store cannot be written (a full "
                "disk, PostgreSQL restarting); lines past it are dropped and counted (16 to 65536)") },
        { "http.timeout", QString::number(kDefaultHttpTimeoutSecs),
            QT_TRANSLATE_NOOP("AppSettings",
                "seconds an API request may go without receiving a byte before it is abandoned (and retried)") },
        { "alerts.smtp.host", QString(),
            QT_TRANSLATE_NOOP("AppSettings", "the mail server alert emails go through (set with `alerts email`)") },
        { "alerts.smtp.port", QStringLiteral("587"), QT_TRANSLATE_NOOP("AppSettings", "its port") },
        { "alerts.smtp.tls", QStringLiteral("starttls"),
            QT_TRANSLATE_NOOP("AppSettings", "starttls (port 587) or tls (port 465): mail never goes in clear text") },
        { "alerts.smtp.user", QString(), QT_TRANSLATE_NOOP("AppSettings", "the user name for the mail server") },
        { "alerts.smtp.from", QString(), QT_TRANSLATE_NOOP("AppSettings", "the sender address of alert emails") },
        { "alerts.smtp.ca_file", QString(),
            QT_TRANSLATE_NOOP(
                "AppSettings", "a PEM file of certificates to trust beside the system's (a private CA)") },
        { "alerts.smtp.password", QString(),
            QT_TRANSLATE_NOOP("AppSettings",
                "where the mail password is kept: keyring or file (set with `alerts email --password-env VAR`)") },
        { "traffic.agents", QStringLiteral("all"),
            QT_TRANSLATE_NOOP("AppSettings",
                "whose requests the window's traffic figures count: all, humans or bots (classified at ingest by the "
                "agents file, agents.json)") },
        { "charts.previous", QStringLiteral("off"),
            QT_TRANSLATE_NOOP("AppSettings",
                "on or off: the window's time charts overlay the period before the range (the header's toggle)") },
        { "downloads.patterns", DownloadPatterns::defaultText(),
            QT_TRANSLATE_NOOP("AppSettings",
                "which requested files are downloads, whatever their case: file endings (.tar.gz) and path wildcards "
                "(/dl/*), separated by spaces") },
        { "downloads.window", QString::number(kDefaultDownloadWindowSecs),
            QT_TRANSLATE_NOOP("AppSettings",
                "seconds from a download's first request within which the same client's requests (206 ranges) for "
                "the same file make one download (60 to 86400)") },
        { "agents.verify", QStringLiteral("on"),
            QT_TRANSLATE_NOOP("AppSettings",
                "on or off: check crawlers whose owner publishes how (Googlebot, Bingbot, GPTBot...) by the published "
                "address ranges and by reverse DNS, so a spoofed one is not counted as the crawler it claims") },
        { "agents.dns_server", QString(),
            QT_TRANSLATE_NOOP("AppSettings",
                "the DNS server crawler checks ask, as address[:port]; default: the system's (/etc/resolv.conf)") },
        { "agents.verify_wait", QStringLiteral("15"),
            QT_TRANSLATE_NOOP("AppSettings",
                "seconds `import` waits at its end for crawler checks still running (0 to 600); those left stay "
                "unverified") },
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
    } else if (key == QLatin1String("store.buffer")) {
        bool ok = false;
        const int mib = value.toInt(&ok);
        if (!ok || mib < 16 || mib > 65536)
            return QCoreApplication::translate(
                "AppSettings", "store.buffer: must be a whole number of MiB from 16 to 65536, got '%1'")
                .arg(value);
        value = QString::number(mib);
    } else if (key == QLatin1String("http.timeout")) {
        bool ok = false;
        const int secs = value.toInt(&ok);
        if (!ok || secs < 1 || secs > 600)
            return QCoreApplication::translate(
                "AppSettings", "http.timeout: must be a whole number of seconds from 1 to 600, got '%1'")
                .arg(value);
        value = QString::number(secs);
    } else if (key == QLatin1String("alerts.smtp.port")) {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return QCoreApplication::translate(
                "AppSettings", "alerts.smtp.port: must be a port from 1 to 65535, got '%1'")
                .arg(value);
        value = QString::number(port);
    } else if (key == QLatin1String("traffic.agents")) {
        value = value.toLower();
        if (!agentScopeFromName(value))
            return QCoreApplication::translate("AppSettings", "traffic.agents: must be all, humans or bots, got '%1'")
                .arg(value);
    } else if (key == QLatin1String("charts.previous")) {
        value = value.toLower();
        if (value != QLatin1String("on") && value != QLatin1String("off"))
            return QCoreApplication::translate("AppSettings", "charts.previous: must be on or off, got '%1'")
                .arg(value);
    } else if (key == QLatin1String("downloads.patterns")) {
        if (QString error = DownloadPatterns::parse(value, nullptr); !error.isEmpty())
            return error;
    } else if (key == QLatin1String("downloads.window")) {
        bool ok = false;
        const int secs = value.toInt(&ok);
        if (!ok || secs < 60 || secs > 86400)
            return QCoreApplication::translate(
                "AppSettings", "downloads.window: must be a whole number of seconds from 60 to 86400, got '%1'")
                .arg(value);
        value = QString::number(secs);
    } else if (key == QLatin1String("agents.verify")) {
        value = value.toLower();
        if (value != QLatin1String("on") && value != QLatin1String("off"))
            return QCoreApplication::translate("AppSettings", "agents.verify: must be on or off, got '%1'").arg(value);
    } else if (key == QLatin1String("agents.dns_server")) {
        const QString host = value.startsWith(QLatin1Char('['))
            ? value.mid(1, value.indexOf(QLatin1Char(']')) - 1)
            : (value.count(QLatin1Char(':')) == 1 ? value.section(QLatin1Char(':'), 0, 0) : value);
        const QString port = value.startsWith(QLatin1Char('['))
            ? value.section(QLatin1String("]:"), 1)
            : (value.count(QLatin1Char(':')) == 1 ? value.section(QLatin1Char(':'), 1) : QString());
        bool portOk = true;
        const int portNumber = port.isEmpty() ? 53 : port.toInt(&portOk);
        if (!value.isEmpty() && (QHostAddress(host).isNull() || !portOk || portNumber < 1 || portNumber > 65535))
            return QCoreApplication::translate(
                "AppSettings", "agents.dns_server: must be an address with an optional port (127.0.0.1:5353), got '%1'")
                .arg(value);
    } else if (key == QLatin1String("agents.verify_wait")) {
        bool ok = false;
        const int secs = value.toInt(&ok);
        if (!ok || secs < 0 || secs > 600)
            return QCoreApplication::translate(
                "AppSettings", "agents.verify_wait: must be a whole number of seconds from 0 to 600, got '%1'")
                .arg(value);
        value = QString::number(secs);
    } else if (key == QLatin1String("alerts.smtp.tls")) {
        if (value != QLatin1String("starttls") && value != QLatin1String("tls"))
            return QCoreApplication::translate("AppSettings", "alerts.smtp.tls: must be starttls or tls, got '%1'")
                .arg(value);
    } else if (key == QLatin1String("alerts.smtp.password")) {
        if (value != QLatin1String("keyring") && value != QLatin1String("file"))
            return QCoreApplication::translate("AppSettings", "alerts.smtp.password: must be keyring or file, got '%1'")
                .arg(value);
    } else if (key == QLatin1String("alerts.smtp.host") || key == QLatin1String("alerts.smtp.user")) {
        for (const QChar ch : value)
            if (ch.isSpace() || ch.unicode() < 32)
                return QCoreApplication::translate("AppSettings", "%1: no spaces or line breaks, got '%2'")
                    .arg(key, value);
        if (value.isEmpty())
            return QCoreApplication::translate("AppSettings", "%1: must not be empty").arg(key);
    } else if (key == QLatin1String("alerts.smtp.from")) {
        if (const QString error = AppSettings::checkAddress(value); !error.isEmpty())
            return QStringLiteral("alerts.smtp.from: ") + error;
    } else if (key == QLatin1String("alerts.smtp.ca_file")) {
        const QFileInfo file(value);
        if (!file.isFile() || QSslCertificate::fromPath(file.absoluteFilePath()).isEmpty())
            return QCoreApplication::translate("AppSettings", "alerts.smtp.ca_file: no PEM certificate in '%1'")
                .arg(value);
        value = file.absoluteFilePath();
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

int AppSettings::httpTimeoutSecs(Database& db)
{
    return positiveInt(db, "http.timeout", kDefaultHttpTimeoutSecs);
}

int AppSettings::storeBufferMiB(Database& db)
{
    return positiveInt(db, "store.buffer", kDefaultStoreBufferMiB);
}

int AppSettings::alertIntervalSecs(Database& db)
{
    return positiveInt(db, "alerts.interval", kDefaultAlertIntervalSecs);
}

int AppSettings::downloadWindowSecs(Database& db)
{
    return positiveInt(db, "downloads.window", kDefaultDownloadWindowSecs);
}

QString AppSettings::downloadPatterns(Database& db)
{
    return get(db, QStringLiteral("downloads.patterns")).value_or(DownloadPatterns::defaultText());
}

QString AppSettings::checkAddress(const QString& address)
{
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    bool clean = at > 0 && at < address.size() - 1 && address.indexOf(QLatin1Char('@'), at + 1) < 0;
    for (const QChar ch : address)
        clean = clean && !ch.isSpace() && ch.unicode() >= 32 && ch != QLatin1Char('<') && ch != QLatin1Char('>')
            && ch != QLatin1Char(',');
    return clean
        ? QString()
        : QCoreApplication::translate("AppSettings", "must be an email address like name@example.org, got '%1'")
              .arg(address);
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

qint64 AppSettings::hourlyTextRollupsFrom(Database& db)
{
    return get(db, QStringLiteral("rollups.hourly_text_from")).value_or(QString()).toLongLong();
}

AppSettings::CrawlerCheckSettings AppSettings::crawlerChecks(Database& db)
{
    CrawlerCheckSettings s;
    s.enabled = get(db, QStringLiteral("agents.verify")).value_or(QStringLiteral("on")) != QLatin1String("off");
    s.dnsServer = get(db, QStringLiteral("agents.dns_server")).value_or(QString());
    s.waitSecs = get(db, QStringLiteral("agents.verify_wait")).value_or(QStringLiteral("15")).toInt();
    return s;
}

AgentScope AppSettings::trafficAgents(Database& db)
{
    return agentScopeFromName(get(db, QStringLiteral("traffic.agents")).value_or(QString())).value_or(AgentScope::All);
}

} // namespace activity
