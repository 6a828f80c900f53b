#pragma once

#include "ui/pages/dashboardpage.h"

#include <QElapsedTimer>
#include <memory>

class QLabel;
class QTableView;

namespace activity {

class EventLog;
class RowsModel;

// The program watching itself: per log receiver lines received, stored, rejected (with the last rejected
// lines, as plain text) and dropped; per API source last success, last error, next run, remaining rate limit;
// the database's size and row counts; the program's own last warnings and errors.
class HealthPage : public DashboardPage {
    Q_OBJECT
public:
    HealthPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    RowsModel* listenersModel() const { return m_listeners; }
    RowsModel* rejectedModel() const { return m_rejected; }
    RowsModel* apiModel() const { return m_api; }
    RowsModel* collectorsModel() const { return m_collectors; }
    RowsModel* databaseModel() const { return m_database; }
    QString databaseText() const;
    // Shown above everything until the next successful write clears it (an empty message).
    void setWriteError(const QString& message);
    QString writeErrorText() const;
    // The program log shown beside the rejected lines (newest first); updated as entries come.
    void setEventLog(const EventLog* log);
    RowsModel* logModel() const { return m_log; }

protected:
    void reload() override;

private:
    RowsModel* m_listeners = nullptr;
    RowsModel* m_rejected = nullptr;
    RowsModel* m_collectors = nullptr;
    QLabel* m_collectorsLabel = nullptr;
    RowsModel* m_api = nullptr;
    RowsModel* m_database = nullptr;
    RowsModel* m_log = nullptr;
    const EventLog* m_eventLog = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_logLabel = nullptr;
    QLabel* m_writeError = nullptr;
    LatestTracker m_tracker;
    // Row counts scan whole tables (a second over 10 million requests): their own worker so neither this page nor
    // another waits behind them, and at most every few minutes, not at each new batch of data.
    std::unique_ptr<QueryRunner> m_countRunner;
    LatestTracker m_countTracker;
    QElapsedTimer m_sinceCount;
};

} // namespace activity
