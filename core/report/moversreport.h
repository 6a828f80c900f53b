#pragma once

#include "core/query/timerange.h"

#include <QString>

namespace activity {

class Database;

// movers.csv: what rose or fell most between the span just before the range and the range (Movers::between):
// dimension,key,before,now,change,change_percent; most significant first within each dimension (referrer, path,
// country, agent), at most 20 rows each; change_percent is empty from a base under 10 requests.
namespace MoversReport {
QString write(Database& db, const TimeRange& range, const QString& outDir);
} // namespace MoversReport

} // namespace activity
