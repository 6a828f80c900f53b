#pragma once

#include "core/dashboards/dashboard.h"

#include <optional>

namespace activity {

class Database;

// The dashboards table (one row per page, its panels as the JSON of Dashboards::toJson), read and written only
// here; calls run in the caller's transaction.
namespace DashboardStore {
QList<DashboardSpec> list(Database& db); // in the order made
std::optional<DashboardSpec> get(Database& db, qint64 id);
std::optional<DashboardSpec> byName(Database& db, const QString& name);
// Returns the new id; throws DatabaseError (a name already used is one: names are unique).
qint64 add(Database& db, const DashboardSpec& spec, qint64 now);
void update(Database& db, const DashboardSpec& spec, qint64 now);
bool remove(Database& db, qint64 id);
} // namespace DashboardStore

} // namespace activity
