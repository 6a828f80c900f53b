#include "core/query/eventquery.h"

#include "core/events/eventstore.h"

namespace activity {

QList<ProjectEvent> EventQuery::inRange(Database& db, const TimeRange& range)
{
    return EventStore(db).between(range.fromSecs, range.toSecs);
}

} // namespace activity
