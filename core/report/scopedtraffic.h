#pragma once

#include "core/logs/agentclass.h"

#include <QByteArray>
#include <QHash>
#include <QtGlobal>

namespace activity {

class Database;

// The report's status, country and path figures for people only or bots only. Rollups split those dimensions by
// nothing else, so they are summed from the range's raw rows (requests.agent_class): exact within the retention
// (retention.days); rows stored before schema version 12 have no class and count in neither.
namespace ScopedTraffic {
struct Sum {
    qint64 requests = 0;
    qint64 visitors = 0; // as the rollups count them: in the row of a visitor's first request of the day
    qint64 bytes = 0;
};
struct Sums {
    QHash<int, Sum> status;
    QHash<QByteArray, Sum> countries; // two letters, '' unknown
    QHash<QByteArray, Sum> paths; // the path as logged ('' for texts past a day's budget: "other")
};
// Over [fromSecs, toSecs); `scope` is Humans or Bots.
Sums sum(Database& db, qint64 fromSecs, qint64 toSecs, AgentScope scope);
// The SQL condition on requests.agent_class that keeps `scope`'s rows ("" for All).
const char* classCondition(AgentScope scope);
} // namespace ScopedTraffic

} // namespace activity
