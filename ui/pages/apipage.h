#pragma once

#include "ui/pages/dashboardpage.h"

class QComboBox;
class QTableView;
class QPushButton;

namespace activity {

class ChartView;
class RowsModel;
class StarReferrersPanel;

// The GitHub and Docker Hub pages: one metric over time per repository (or stacked across repositories),
// its per-day delta beside it, and a table of each repository's latest figures.
class ApiPage : public DashboardPage {
    Q_OBJECT
public:
    struct Metric {
        QString key; // as stored in series.metric
        QString label;
        bool perDay = false; // already a per-day figure (GitHub traffic): no delta view
    };
    ApiPage(QString provider, QList<Metric> metrics, QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    static ApiPage* createGitHub(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    static ApiPage* createDockerHub(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);

    void setMetric(const QString& key);
    void setStacked(bool stacked);
    // Draw these repositories on their own and sum the rest; empty: the busiest kTopShown.
    void setShownRepositories(const QStringList& repositories);
    static constexpr int kTopShown = 7;
    ChartView* totalChart() const { return m_total; }
    ChartView* deltaChart() const { return m_delta; }
    RowsModel* tableModel() const { return m_model; }
    // GitHub's page only: the days stars were gained beside the referrers that rose then (else null).
    StarReferrersPanel* starReferrers() const { return m_starReferrers; }

protected:
    void reload() override;
    void reloadPrevious(const TimeRange& before) override;

private:
    void showWhatIsMissing(bool empty, int sources, bool anyFigure, const QString& metricLabel);
    void updatePicker(int othersCount);
    void fillPicker();
    void loadStarReferrers();
    QString m_provider;
    QList<Metric> m_metrics;
    QComboBox* m_metricBox = nullptr;
    QComboBox* m_viewBox = nullptr;
    QPushButton* m_picker = nullptr;
    QStringList m_ranking; // every repository of the metric, busiest first
    QStringList m_pinned;
    ChartView* m_total = nullptr;
    ChartView* m_delta = nullptr;
    QTableView* m_table = nullptr;
    RowsModel* m_model = nullptr;
    StarReferrersPanel* m_starReferrers = nullptr;
    LatestTracker m_chartTracker;
    LatestTracker m_starsTracker;
    LatestTracker m_tableTracker;
    LatestTracker m_previousTracker;
};

} // namespace activity
