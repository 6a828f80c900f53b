#pragma once

#include "core/query/timerange.h"

#include <QString>

namespace activity {

class Database;

// alerts.csv: the alert history of the range, oldest first:
// timestamp,rule,series,severity,event,value,message,delivery (text from logs escaped as any CSV field).
namespace AlertReport {
QString write(Database& db, const TimeRange& range, const QString& outDir);
} // namespace AlertReport

} // namespace activity
