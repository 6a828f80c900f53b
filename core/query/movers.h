#pragma once

#include "core/query/timerange.h"
#include "core/query/trafficquery.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Database;

// What rose or fell between the span just before a range and the range: referrers, paths, countries and agents.
struct Mover {
    QString dimension; // "referrer", "path", "country", "agent"
    QString key;
    qint64 before = 0;
    qint64 now = 0;
    qint64 change() const { return now - before; }
    // The relative change, only from a base large enough to mean something (no "+35,000%" from 1 to 351).
    std::optional<double> changePercent() const;
    // How unlikely the change is if the rate had not moved (both spans are as long): (now - before) / sqrt(now +
    // before), the normal approximation of the test of two Poisson counts. 2,000 -> 5,000 scores 35.9, 2 -> 9 2.1.
    double score() const;
};

namespace Movers {
inline constexpr qint64 kMinimumVolume = 20; // before + now: fewer requests say nothing
inline constexpr qint64 kMinimumBase = 10; // a percentage needs at least this many before
inline constexpr double kMinimumScore = 1.96; // a change a steady rate gives less than one time in twenty
inline constexpr int kRowsPerDimension = 20;
// The significant ones of `before` and `now` (requests per key), most significant first (ties by key), at most
// `limit`. Keys that are empty (the rollups' "other") are left out.
QList<Mover> rank(const QString& dimension, const QHash<QString, qint64>& before, const QHash<QString, qint64>& now,
    int limit = kRowsPerDimension);
// Every dimension's movers between [from - length, from) and `range`.
QList<Mover> between(Database& db, const TimeRange& range);
// The referrers of every site's logs between two spans as long as each other (the GitHub page's days).
QList<Mover> referrersBetween(Database& db, const TimeRange& before, const TimeRange& now);
// The same for the requests of `filter`'s site and country (its other parts are not read), over filter.range.
QList<Mover> between(Database& db, const TrafficFilter& filter);
} // namespace Movers

} // namespace activity
