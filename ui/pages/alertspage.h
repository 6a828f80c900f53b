#pragma once

#include "core/alerts/alertrule.h"
#include "ui/pages/dashboardpage.h"

class QLabel;
class QPushButton;
class QTableView;

namespace activity {

class AlertService;
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
    // With a service, rules can be added (a dialog) and removed (the selected row) from the page.
    void setService(AlertService* service);
    QTableView* rulesView() const { return m_rulesView; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }
    // Adds `rule` as the dialog's OK does; returns the error shown, empty on success.
    QString addRule(AlertRule rule);

protected:
    void reload() override;

private:
    QLabel* m_summary = nullptr;
    RowsModel* m_rules = nullptr;
    RowsModel* m_history = nullptr;
    QTableView* m_rulesView = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_error = nullptr;
    AlertService* m_service = nullptr;
    QList<qint64> m_ruleIds; // per row of the rules table
    LatestTracker m_tracker;
};

} // namespace activity
