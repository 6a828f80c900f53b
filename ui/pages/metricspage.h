#pragma once

#include "ui/pages/dashboardpage.h"

class QComboBox;
class QTableView;

namespace activity {

class ChartView;
class RowsModel;

// The figures of JSON (and later) sources: a source picker, its series over the range and their latest values.
class MetricsPage : public DashboardPage {
    Q_OBJECT
public:
    MetricsPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    QComboBox* sourcePicker() const { return m_picker; }
    ChartView* chart() const { return m_chart; }
    ChartView* perDayChart() const { return m_perDay; }
    RowsModel* model() const { return m_model; }

protected:
    void reload() override;
    void reloadPrevious(const TimeRange& before) override;

private:
    QComboBox* m_picker = nullptr;
    ChartView* m_chart = nullptr;
    ChartView* m_perDay = nullptr; // totals' change per day; hidden when no series is a total
    RowsModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    qint64 m_sourceId = 0; // the source picked; 0: the first
    LatestTracker m_tracker;
    LatestTracker m_previousTracker;
};

} // namespace activity
