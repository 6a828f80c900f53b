#pragma once

#include "core/events/projectevent.h"
#include "core/query/timerange.h"

namespace activity {

class Database;

// The events a page's time charts mark (releases, notes, alert firings): those of the range, oldest first.
namespace EventQuery {
QList<ProjectEvent> inRange(Database& db, const TimeRange& range);
} // namespace EventQuery

} // namespace activity
