#include "core/query/alertquery.h"

#include "core/alerts/alertstore.h"

namespace activity {

AlertQuery::Page AlertQuery::page(Database& db, const TimeRange& range)
{
    AlertStore store(db);
    Page p;
    for (const AlertRule& r : store.rules())
        p.rules.append({ r, store.state(r.id) });
    p.history = store.historyBetween(range.fromSecs, range.toSecs);
    return p;
}

int AlertQuery::firingCount(Database& db)
{
    return AlertStore(db).firingCount();
}

} // namespace activity
