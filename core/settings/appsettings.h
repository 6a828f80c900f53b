#pragma once

#include "core/logs/agentclass.h"

#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Database;

// The program-wide settings kept in the database's `settings` table, each declared once here with its meaning,
// default and validation (the `settings` command and any settings form use the same rules).
namespace AppSettings {
struct Key {
    const char* name;
    QString defaultValue; // empty when the default is computed (see the description)
    const char* description; // untranslated: translate with QCoreApplication::translate("AppSettings", ...)
};
const QList<Key>& keys();
bool isKnown(const QString& key);
// Empty when `value` is acceptable for `key`; else an error naming the key. `value` may be normalised.
QString validate(const QString& key, QString& value);
std::optional<QString> get(Database& db, const QString& key);
void set(Database& db, const QString& key, const QString& value);
void unset(Database& db, const QString& key);

// Typed reads, each with its default declared once (here and in keys()).
inline constexpr int kDefaultRetentionDays = 90;
inline constexpr int kDefaultTopKeys = 2000;
int retentionDays(Database& db);
int topKeys(Database& db);
inline constexpr int kDefaultAlertIntervalSecs = 60;
inline constexpr int kDefaultHttpTimeoutSecs = 30;
inline constexpr int kDefaultStoreBufferMiB = 256;
int storeBufferMiB(Database& db); // what a collector holds in memory while the store cannot be written
int httpTimeoutSecs(Database& db); // an API request without a byte for this long is abandoned
int alertIntervalSecs(Database& db); // how often alert rules are evaluated
inline constexpr int kDefaultDownloadWindowSecs = 600; // as mirrorbits
int downloadWindowSecs(Database& db); // a download's 206 ranges are merged within this
QString downloadPatterns(Database& db); // which paths are downloads (DownloadPatterns)
// Empty when `address` is one email address (name@host, nothing around it), else why not.
QString checkAddress(const QString& address);
QString cityDatabase(Database& db); // empty: not set
AgentScope trafficAgents(Database& db); // traffic.agents: whose requests the window counts (default all)
// How collected and imported crawlers are checked (see CrawlerVerifier).
struct CrawlerCheckSettings {
    bool enabled = true; // agents.verify
    QString dnsServer; // agents.dns_server, empty: the system's
    int waitSecs = 15; // agents.verify_wait: how long `import` waits for checks at its end
};
CrawlerCheckSettings crawlerChecks(Database& db);

// The program's own state, not a user setting (not listed by `settings`): whether the first-run set-up was
// done ("done"), skipped ("skipped") or not yet offered ("").
QString firstRunState(Database& db);
void setFirstRunState(Database& db, const QString& state);
// From when (secs) 404 paths, referrers and agents have hour rollups (schema version 9); earlier hours have day
// rollups only and are read from raw rows.
qint64 hourlyTextRollupsFrom(Database& db);
} // namespace AppSettings

} // namespace activity
