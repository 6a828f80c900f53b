#pragma once

#include <QString>

namespace activity {

// Where the data is: a SQLite file (`sqlite:PATH`, or a plain path) or a PostgreSQL store (a libpq URI,
// `postgresql://USER@HOST:PORT/DB?sslmode=...`). What Database opens and every command's --store names.
namespace StoreUrl {
// True for a PostgreSQL URI (postgresql:// or postgres://).
bool isPostgres(const QString& store);
// The SQLite file's path of `store` (`sqlite:` taken off); empty for a PostgreSQL store.
QString sqlitePath(const QString& store);
// Empty when `store` can be opened, else what is wrong with it (for `--store` and ACTIVITY_STORE).
QString problem(const QString& store);
// The store as it may be shown: a URL's password masked.
QString shown(const QString& store);
} // namespace StoreUrl

} // namespace activity
