#pragma once

#include "core/query/trafficquery.h"
#include "ui/pages/dashboardpage.h"

#include <optional>

namespace activity {

class ChartView;
class MetricTile;
struct CounterFigure;
struct OverviewData;

// Headline figures (stars, pulls, requests today, visitors today, top country, the bots' share) with sparklines and the
// change over the range, and the two charts a maintainer looks at first.
class WhatChangedPanel;

class OverviewPage : public DashboardPage {
    Q_OBJECT
public:
    OverviewPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    MetricTile* tile(int index) const { return m_tiles.value(index); }
    ChartView* trafficChart() const { return m_traffic; }
    ChartView* starsChart() const { return m_stars; }
    WhatChangedPanel* whatChanged() const { return m_whatChanged; }

signals:
    // A row of "What changed" narrowed the view: the window shows the Traffic page.
    void narrowed();

protected:
    void reload() override;
    void reloadPrevious(const TimeRange& before) override;

private:
    void loadMovers();
    void showCounter(MetricTile* tile, const CounterFigure& f, int sources);
    void showWhatIsMissing(const OverviewData& d);
    void showBotShare(const TrafficQuery::AgentTotals& agents, bool noLogs, const QString& logsMissing);
    void showTopCountry(const QString& code, qint64 requests, qint64 rangeRequests);
    void loadTopCountry(const TimeRange& range, const QString& site, AgentScope agents);
    static QString changeText(double change, std::optional<double> previous);

    QList<MetricTile*> m_tiles;
    ChartView* m_traffic = nullptr;
    ChartView* m_stars = nullptr;
    WhatChangedPanel* m_whatChanged = nullptr;
    LatestTracker m_moversTracker;
    LatestTracker m_tracker;
    LatestTracker m_previousTracker;
    LatestTracker m_countryTracker;
    bool m_noLogs = false; // as the last load found it (the top country, asked apart, says nothing then)
};

} // namespace activity
