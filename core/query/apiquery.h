#pragma once

#include "core/query/timerange.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace activity {

class Database;

// What the GitHub, Docker Hub and Overview pages ask about API samples (series/samples tables).
struct Sample {
    qint64 ts = 0;
    double value = 0;
    friend bool operator==(const Sample&, const Sample&) = default;
};

struct RepoSeries {
    QString repository;
    QList<Sample> samples; // oldest first; includes the last sample before the range, if any, as a baseline
};

// GitHub's per-asset download counts (metric asset_downloads, GitHubAssets) are not a repository's figures: the
// listings, the values and the report's samples here leave them out; AssetDownloadQuery reads them.
namespace ApiQuery {
// provider is "github" or "dockerhub".
QStringList repositories(Database& db, const QString& provider);
// Every sample of a provider in the range, in time order then repository and metric (report's CSV).
struct ReportRow {
    qint64 ts = 0;
    QString repository;
    QString metric;
    double value = 0;
};
void forEachSample(
    Database& db, const QString& provider, const TimeRange& range, const std::function<void(const ReportRow&)>& row);
// Every sample of the sources that are not GitHub or Docker Hub (http-json and later types), in time order:
// the source's name (or "#ID" once removed with its history kept), the series' metric and its repository column.
struct MetricRow {
    qint64 ts = 0;
    QString source;
    QString provider;
    QString repository;
    QString metric;
    double value = 0;
};
void forEachMetricSample(Database& db, const TimeRange& range, const std::function<void(const MetricRow&)>& row);
QStringList metrics(Database& db, const QString& provider);
QList<RepoSeries> series(Database& db, const QString& provider, const QString& metric, const TimeRange& range);
// Every series' last value before `at`, keyed by (repository, metric): one statement for a whole organisation.
QHash<std::pair<QString, QString>, double> valuesBefore(Database& db, const QString& provider, qint64 at);
// Each series of `metric` whose first sample in [from, to) has a later one in it too: that first sample, keyed by
// repository (the baseline of a change over the range when none is before it).
struct FirstSample {
    qint64 ts = 0;
    double value = 0;
};
QHash<QString, FirstSample> firstOfTwoIn(
    Database& db, const QString& provider, const QString& metric, qint64 from, qint64 to);
// Sum over repositories of each one's last value at or before `at` (repositories without one count 0).
double totalAt(Database& db, const QString& provider, const QString& metric, qint64 at);
} // namespace ApiQuery

namespace SeriesMath {
// For a cumulative counter: per UTC day, the last value of that day minus the last value before that day
// (the first day with no earlier value gives no delta). Points are at the day's start.
QList<Sample> dailyDelta(const QList<Sample>& samples);
// Each series' value carried forward and summed at every distinct timestamp of any series, from the
// first timestamp where at least one series has a value.
QList<Sample> summed(const QList<QList<Sample>>& series);
// The values inside [from, to) only (drops the baseline).
QList<Sample> within(const QList<Sample>& samples, const TimeRange& range);
// The values inside [from, to), after the baseline (the last value before the range) moved to the range's start:
// what the counter was when the range began.
QList<Sample> fromRangeStart(const QList<Sample>& samples, const TimeRange& range);
} // namespace SeriesMath

} // namespace activity
