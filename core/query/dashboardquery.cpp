#include "core/query/dashboardquery.h"

#include "core/dashboards/dashboardstore.h"

namespace activity {

QList<DashboardSpec> DashboardQuery::list(Database& db)
{
    return DashboardStore(db).list();
}

} // namespace activity
