#pragma once

#include "core/logs/agentclass.h"
#include "core/query/timerange.h"

#include <QString>

namespace activity {

class Database;

// downloads.csv (path,version,started,completed,bytes: per file, busiest first) and releases.csv
// (version,source,day,downloads: completed downloads per version and UTC day, source "site" for the site's own log)
// over the range, from DownloadQuery. People's downloads unless `scope` says otherwise.
namespace DownloadReport {
QString write(Database& db, const TimeRange& range, const QString& outDir, AgentScope scope = AgentScope::Humans);
} // namespace DownloadReport

} // namespace activity
