#pragma once

#include "core/query/movers.h"
#include "core/query/timerange.h"

#include <QList>

namespace activity {

class Database;

// A day stars were gained, and the referrers that rose that day against the day before: the GitHub page shows
// them side by side, as things that happened at the same time.
struct StarDay {
    qint64 day = 0; // the UTC day's start
    qint64 stars = 0; // gained that day, every repository together
    // Risen beyond chance (Movers) and at least twice a usual day, most significant first: dimension "referrer" (the
    // site's own logs, against the day before) or "github-referrer" (GitHub's traffic referrers: its 14-day count of
    // that day against the day before's, grown by at least a 14th).
    QList<Mover> referrers;
};

namespace StarReferrers {
inline constexpr int kDays = 10;
inline constexpr char kGitHubReferrer[] = "github-referrer";
// The days of `range` with the most stars gained, most first (ties: the later day first), at most kDays.
QList<StarDay> days(Database& db, const TimeRange& range);
} // namespace StarReferrers

} // namespace activity
