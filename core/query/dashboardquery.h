#pragma once

#include "core/dashboards/dashboard.h"

#include <QList>

namespace activity {

class Database;

// The user's pages as the window reads them (written by the dashboard service only).
namespace DashboardQuery {
QList<DashboardSpec> list(Database& db); // in the order made
} // namespace DashboardQuery

} // namespace activity
