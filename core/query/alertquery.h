#pragma once

#include "core/alerts/alertevent.h"
#include "core/alerts/alertrule.h"
#include "core/query/timerange.h"

#include <QList>

namespace activity {

class Database;

// What the Alerts page and the tray read of the alert tables (written by the alert service and evaluator only).
namespace AlertQuery {
struct RuleStanding {
    AlertRule rule;
    AlertState state;
};
struct Page {
    QList<RuleStanding> rules; // in the order made
    QList<AlertEvent> history; // in the range, newest first
};
Page page(Database& db, const TimeRange& range);
// Rules firing now.
int firingCount(Database& db);
} // namespace AlertQuery

} // namespace activity
