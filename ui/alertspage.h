#pragma once

#include "ui/dashboardpage.h"

class QLabel;
class QTableView;

namespace activity {

class RowsModel;

// The alert rules and where each stands, and the history of the range: when each fired, was sent again and
// resolved, with the values and what became of its webhook.
class AlertsPage : public DashboardPage {
    Q_OBJECT
public:
    AlertsPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    QLabel* summary() const { return m_summary; }
    RowsModel* rulesModel() const { return m_rules; }
    RowsModel* historyModel() const { return m_history; }

protected:
    void reload() override;

private:
    QLabel* m_summary = nullptr;
    RowsModel* m_rules = nullptr;
    RowsModel* m_history = nullptr;
    LatestTracker m_tracker;
};

} // namespace activity
