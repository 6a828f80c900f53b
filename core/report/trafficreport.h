#pragma once

#include <QString>

class Database;

// The traffic CSV files of `report`, computed from rollups (so a year reads a few thousand rows):
// summary.csv, status.csv, countries.csv, paths.csv, requests.csv. Over [fromSecs, toSecs), widened to whole
// minutes. Paths have no minute rollups: the minutes at the range's edges come from the raw rows.
// requests.csv has hour buckets for ranges up to 7 days, else day buckets (UTC). `rejected` in summary.csv counts
// the lines rejected while receiving in the range (an unparsable line has no time of its own), from the rejected
// lines kept per source: exact while a source rejected no more lines since `fromSecs` than it keeps (the last 100);
// beyond that it counts the kept ones. An exact count for any range needs the writer to count rejections per day.
namespace TrafficReport {
QString write(Database& db, qint64 fromSecs, qint64 toSecs, const QString& outDir);
}
