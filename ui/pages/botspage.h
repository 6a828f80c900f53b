#pragma once

#include "core/query/botsquery.h"
#include "ui/pages/dashboardpage.h"

class QLabel;
class QTableView;

namespace activity {

class RowsModel;

// Who the bots are and what they took over the range (BotsQuery): requests and bandwidth per class over time, the
// named agents with their verification (a spoofed crawler is a row of its own), what the AI crawlers took, and who
// fetched robots.txt. Clicking an agent narrows the Traffic page to its user agent. Bots whatever the header's
// switch says (it is about people or machines: this page is the machines').
class BotsPage : public DashboardPage {
    Q_OBJECT
public:
    BotsPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    RowsModel* agentsModel() const { return m_agents; }
    RowsModel* robotsModel() const { return m_robots; }
    QTableView* agentsTable() const { return m_agentsTable; }
    ChartView* requestsChart() const { return m_requestsChart; }
    ChartView* bandwidthChart() const { return m_bandwidthChart; }
    QString summary() const;
    QString aiLine() const;
    // Narrows the Traffic page to the agent of row `row` of the agents table (what a click does): asks for the
    // agent's busiest user agent, then sets it in the view state and emits narrowed().
    void narrowToAgent(int row);

signals:
    // An agent's row narrowed the view: the window shows the Traffic page.
    void narrowed();

protected:
    void reload() override;

private:
    void display(const BotsData& d, const TimeRange& range);

    QLabel* m_summary = nullptr;
    QLabel* m_ai = nullptr;
    QLabel* m_hint = nullptr;
    ChartView* m_requestsChart = nullptr;
    ChartView* m_bandwidthChart = nullptr;
    RowsModel* m_agents = nullptr;
    RowsModel* m_robots = nullptr;
    QTableView* m_agentsTable = nullptr;
    QList<BotAgent> m_shown; // the agents table's rows
    LatestTracker m_tracker;
    LatestTracker m_narrowTracker;
};

} // namespace activity
