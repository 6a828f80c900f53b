#pragma once

#include "core/dashboards/dashboard.h"
#include "core/logs/agentclass.h"
#include "core/query/seriescatalogue.h"

#include <QHash>

namespace activity {

class Database;

struct PanelSeries {
    CatalogueEntry entry;
    QList<Sample> points;
    std::optional<double> figure; // over the range: a count's total, a share of the whole range, a figure's last value
    QString error; // the series cannot be read (mistyped, or its source not polled yet)
};

// What one panel of a custom page draws.
struct PanelData {
    TimeRange range;
    qint64 step = 0;
    QList<PanelSeries> series;
    QHash<QString, qint64> requestsByCountry; // map panels
};

namespace PanelQuery {
// The panel's range: its own preset at `now`, or the page's.
TimeRange rangeOf(const PanelSpec& panel, const TimeRange& pageRange, qint64 now);
// `agents`: the header's Humans / Bots switch. It narrows the traffic series that name no country, path or agents
// of their own (those the rollups cannot split twice keep their meaning), and map panels.
PanelData read(
    Database& db, const PanelSpec& panel, const TimeRange& pageRange, qint64 now, AgentScope agents = AgentScope::All);
} // namespace PanelQuery

} // namespace activity
