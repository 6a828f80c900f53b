#pragma once

#include "core/dashboards/dashboard.h"

#include <optional>

namespace activity {

class Database;

// The dashboards table (one row per page, its panels as the JSON of Dashboards::toJson), read and written only
// here; calls run in the caller's transaction.
class DashboardStore {
public:
    explicit DashboardStore(Database& db)
        : m_db(db)
    { }

    QList<DashboardSpec> list(); // in the order made
    std::optional<DashboardSpec> get(qint64 id);
    std::optional<DashboardSpec> byName(const QString& name);
    // Returns the new id; throws DatabaseError (a name already used is one: names are unique).
    qint64 add(const DashboardSpec& spec, qint64 now);
    void update(const DashboardSpec& spec, qint64 now);
    bool remove(qint64 id);

private:
    Database& m_db;
};

} // namespace activity
