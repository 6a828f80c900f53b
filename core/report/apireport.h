#pragma once

#include "core/query/timerange.h"

#include <QString>

namespace activity {

class Database;

// github.csv and dockerhub.csv of `report`: every API sample in the range (timestamp,repository,metric,value);
// metrics.csv: every sample of the other API sources (timestamp,source,series,labels,value).
namespace ApiReport {
// Empty on success, else the reason.
QString write(Database& db, const TimeRange& range, const QString& outDir);
} // namespace ApiReport

} // namespace activity
