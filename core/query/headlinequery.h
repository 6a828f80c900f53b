#pragma once

#include <QtGlobal>
#include <optional>

namespace activity {

class Database;

// The tray's one-line summary: requests today, stars, alerts firing.
struct Headline {
    std::optional<qint64> requestsToday; // empty: no traffic data at all
    std::optional<double> stars; // empty: no GitHub source has reported yet
    int firingAlerts = 0;
};

namespace HeadlineQuery {
Headline read(Database& db, qint64 nowSecs);
} // namespace HeadlineQuery

} // namespace activity
