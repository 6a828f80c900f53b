#pragma once

#include "core/query/timerange.h"

#include <QString>

namespace activity {

class Database;

// events.csv: the events of the range (EventStore::between), oldest first: time,kind,source,title,url.
namespace EventReport {
QString write(Database& db, const TimeRange& range, const QString& outDir);
} // namespace EventReport

} // namespace activity
