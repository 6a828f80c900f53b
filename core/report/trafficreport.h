#pragma once

#include "core/logs/agentclass.h"

#include <QString>

namespace activity {

class Database;

// The traffic CSV files of `report`, computed from rollups (so a year reads a few thousand rows):
// summary.csv, status.csv, countries.csv, paths.csv, requests.csv. Over [fromSecs, toSecs), widened to whole
// minutes. Paths have no minute rollups: the minutes at the range's edges come from the raw rows.
// requests.csv has hour buckets for ranges up to 7 days, else day buckets (UTC). `rejected` in summary.csv counts
// every line rejected while receiving in the range (an unparsable line has no time of its own), from the writer's
// hourly 'rejected' rollups: hours that start in [fromSecs rounded down to the hour, toSecs).
// Who made the requests: agents.csv (class, agent, verification, requests, bytes, visitors; people as one row of
// class `human`) and summary.csv's human_ and bot_ figures, from the 'agents' rollups. `scope` Humans or Bots makes
// the other files count those requests only: summary and requests.csv from the 'agents' rollups, status, countries
// and paths from the raw rows (ScopedTraffic).
namespace TrafficReport {
// `scope`: whose requests the files count (people, bots or all). `compare`: requests.csv also has
// requests_before,visitors_before,bytes_before, the period just before the range (as many whole buckets), aligned on
// each bucket's offset from the range's start.
QString write(Database& db, qint64 fromSecs, qint64 toSecs, const QString& outDir, AgentScope scope = AgentScope::All,
    bool compare = false);
} // namespace TrafficReport

} // namespace activity
