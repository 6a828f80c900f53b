#pragma once

#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace activity {

class Database;

// The team store's schema on PostgreSQL: the same tables as the SQLite file's latest version (Migrations), in
// PostgreSQL's types, and two roles: activity_collector (reads and writes) and activity_viewer (reads only).
namespace PgSchema {

inline constexpr char kCollectorRole[] = "activity_collector";
inline constexpr char kViewerRole[] = "activity_viewer";

struct InitOutcome {
    int version = 0; // the schema's version now
    bool created = false; // false: it was there already, at this version
    bool rolesMade = false; // false: the user may not create roles; `grants` says what an administrator runs
    QStringList grants;
};

// Creates the schema (once, under an advisory lock, so processes starting together do it once) and the roles.
// Refuses a store whose schema is newer than this program knows, naming both versions.
Result<InitOutcome> init(Database& db);
// Creates or upgrades the schema only (what every process opening the store for writing does). Refuses a newer
// schema, naming both versions.
Result<int> upgrade(Database& db);
// The statements that make the roles and give them their rights (what init() runs, or prints).
QStringList roleStatements();
// The schema version of the store; 0 when it has none yet.
int version(Database& db);

} // namespace PgSchema

} // namespace activity
