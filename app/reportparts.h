#pragma once

#include "core/logs/agentclass.h"
#include "core/query/timerange.h"

#include <QSize>
#include <QString>

namespace activity {

class Database;

// What `report` writes, one function per owner so each part evolves in its own file.

// Each returns an empty string on success, else the reason. They write into `outDir`.
// The whole report: traffic CSV files, API CSV files and page images, read from the database at `databasePath`.
// `agents`: whose requests the traffic CSV files count (TrafficReport); `compare`: the CSVs that can add the period
// before the range do (requests.csv); `downloads`: whose downloads downloads.csv and releases.csv count
// (DownloadReport; people unless asked).
QString writeReport(const QString& databasePath, const TimeRange& range, QSize size, const QString& outDir,
    AgentScope agents = AgentScope::All, bool compare = false, AgentScope downloads = AgentScope::Humans);
// *.png; `compare`: the time charts overlay the period before (ViewState::comparePrevious); `agents`: the header's
// Humans / Bots / All switch the pages are drawn under.
QString writePageImages(const QString& databasePath, const TimeRange& range, QSize size, const QString& outDir,
    bool compare = false, AgentScope agents = AgentScope::All);

} // namespace activity
