#pragma once

#include "ui/pages/dashboardpage.h"

class QTableView;

namespace activity {

class ChartView;
class RowsModel;

// Stands in for the world map until the map widget is installed: requests and visitors per country as bars
// and a table; clicking a country filters the Traffic page (through ViewState).
class CountriesPage : public DashboardPage {
    Q_OBJECT
public:
    CountriesPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    RowsModel* model() const { return m_model; }

protected:
    void reload() override;

private:
    ChartView* m_chart = nullptr;
    QTableView* m_table = nullptr;
    RowsModel* m_model = nullptr;
    QStringList m_codes;
    LatestTracker m_tracker;
};

} // namespace activity
