#pragma once

#include "ui/pages/dashboardpage.h"

#include <memory>

class QTabWidget;
class QTableView;

namespace activity {

class ChartView;
class MetricTile;
class RowsModel;
class TopListCache;
class WhatChangedPanel;
struct TopItem;
struct TrafficPageData;
struct TrafficPageLists;
struct TimeRange;

// Requests and visitors over time, bandwidth, status classes, requests by hour of day, and top lists
// (paths, 404s, referrers, browsers, operating systems, countries, status codes), for the site and country
// filters, and what rose or fell against the period before. Clicking a path, a country, a status code, a status band
// or a row of "What changed" narrows the page to it.
class TrafficPage : public DashboardPage {
    Q_OBJECT
public:
    TrafficPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);

    enum Table { Paths, NotFound, Referrers, Browsers, Systems, Countries, Statuses, TableCount };
    RowsModel* model(Table table) const { return m_models[table]; }
    QTableView* view(Table table) const { return m_views[table]; }
    MetricTile* tile(int index) const { return m_tiles.value(index); }
    ChartView* requestsChart() const { return m_requests; }
    ChartView* statusChart() const { return m_status; }
    ChartView* bandwidthChart() const { return m_bandwidth; }
    ChartView* hourChart() const { return m_hours; }
    // The "What changed" tab (after the top lists).
    WhatChangedPanel* whatChanged() const { return m_whatChanged; }
    // Milliseconds of the last rollup query (what the charts and tiles need), measured on the worker.
    qint64 lastRollupQueryMs() const { return m_rollupMs; }
    // Milliseconds from the request to painted charts and tiles (the top lists from raw rows come later).
    qint64 lastRollupPaintMs() const { return m_rollupPaintMs; }

protected:
    void reload() override;
    void reloadPrevious(const TimeRange& before) override;

private:
    // What reload() shows, by part: the three tiles, the four charts, the lists from the rollups (paths, status
    // codes, countries) and those from raw rows (404s, referrers, browsers, systems; a country's paths and codes).
    void showTiles(const TrafficPageData& d, const TimeRange& range, qint64 incomplete);
    void showCharts(const TrafficPageData& d, const TimeRange& range, qint64 incomplete, bool byCountry);
    void showRollupLists(const TrafficPageData& d, bool byCountry);
    void showRawLists(const TrafficPageLists& d, bool byCountry);
    void showErrors(qint64 errors, qint64 requests);
    void showStatusCodes(const QList<TopItem>& codes, qint64 requests);
    QList<MetricTile*> m_tiles;
    ChartView* m_requests = nullptr;
    ChartView* m_status = nullptr;
    ChartView* m_bandwidth = nullptr;
    ChartView* m_hours = nullptr;
    QTabWidget* m_tabs = nullptr;
    RowsModel* m_models[TableCount] = {};
    QTableView* m_views[TableCount] = {};
    QStringList m_countryCodes; // the Countries tab's rows
    QList<QByteArray> m_pathKeys; // the Paths tab's rows
    QList<int> m_statusCodes; // the Status tab's rows
    int m_firstBandClass = 1; // the status class of the status chart's first band (1xx is left out when absent)
    LatestTracker m_rollupTracker;
    LatestTracker m_rawTracker;
    LatestTracker m_previousTracker;
    LatestTracker m_moversTracker;
    WhatChangedPanel* m_whatChanged = nullptr;
    qint64 m_rollupMs = -1;
    qint64 m_rollupPaintMs = -1;
    // Top lists read raw rows (slow over long ranges): their own worker, so charts never wait behind them.
    std::unique_ptr<QueryRunner> m_rawRunner;
    // Hours of raw rows already summed for the top lists; only ever used on m_rawRunner's thread.
    std::shared_ptr<TopListCache> m_listCache;
};

} // namespace activity
