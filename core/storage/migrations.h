#pragma once

#include <QString>

namespace activity {

class Database;

namespace Migrations {
// 'ACTD': marks a SQLite file as ours, so restore can refuse foreign databases.
inline constexpr int kApplicationId = 0x41435444;

// The schema version this build knows.
int latestVersion();

// Brings the database up to latestVersion(), each step in its own transaction.
// Throws DatabaseError if the file holds a newer schema than this program knows (it is left untouched)
// or belongs to another application.
void migrate(Database& db);

// Runs migrations only up to `version` (tests use it to build every earlier schema).
void migrateTo(Database& db, int version);

// True if the database was created by this program (application_id matches, or an empty new file).
bool isOurs(Database& db);
} // namespace Migrations

} // namespace activity
