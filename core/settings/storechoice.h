#pragma once

#include "core/util/result.h"

#include <QString>

namespace activity {

// The store the window opens when neither --store nor ACTIVITY_STORE names one: a setting of the user's desktop
// (not of a store, since it says which store), chosen in the window's File > Store dialog. Empty: the data folder's
// SQLite file. Commands keep to --store and ACTIVITY_STORE, so a cron job never changes store behind its user.
namespace StoreChoice {
QString saved();
// Checks `store` (StoreUrl's forms; empty: the default) and keeps it for the window's next start.
Status save(const QString& store);
// Opens `store` read-only and says what it is ("PostgreSQL 15.18, schema version 11"), or why it cannot be used;
// a URL's password never appears in either.
Result<QString> test(const QString& store);
} // namespace StoreChoice

} // namespace activity
