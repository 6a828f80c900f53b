#pragma once

#include "core/demo/demodata.h"

#include <cmath>
#include <random>

namespace activity {

class DemoTrafficWriter;

// The parts of DemoData::generate, each in the caller's transaction.
namespace DemoParts {
// The demo's four sources with their fetch states, ingest counters and rejected lines (Sources, Health).
void addSources(Database& db, qint64 nowSecs, DemoTrafficWriter& traffic);
// Three alert rules (5xx share, stars fell, the listener silent) and a few days of their history.
void addAlerts(Database& db, qint64 nowSecs);
// A page of the user's own, as one would build it: headline figures, requests per site, errors and the map.
void addDashboard(Database& db, qint64 nowSecs);
// GitHub and Docker Hub samples through ApiStore. Returns the count.
qint64 addApi(Database& db, const DemoOptions& options, std::mt19937& rng);

// Weekly rhythm: weekdays busier than weekends (1970-01-01 was a Thursday).
inline double weekFactor(qint64 ts)
{
    const int weekday = int((ts / 86400 + 3) % 7); // 0 = Monday
    return weekday >= 5 ? 0.55 : 1.0 + 0.05 * (2 - std::abs(weekday - 2));
}
// Daily rhythm in UTC: Europe's afternoon and America's morning overlap around 15:00.
inline double dayFactor(qint64 ts)
{
    const double hour = double(ts % 86400) / 3600.0;
    return 0.35 + 1.3 * std::pow(std::sin((hour - 3.0) / 24.0 * M_PI), 2);
}
} // namespace DemoParts

} // namespace activity
