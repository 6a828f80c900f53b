#pragma once

#include "core/dashboards/dashboard.h"
#include "core/query/panelquery.h"
#include "ui/pages/dashboardpage.h"

#include <memory>

class QGridLayout;
class QLabel;
class QPushButton;

namespace activity {

class DashboardService;
class WorldShapes;

// A page the user builds: panels on a grid of four columns, each a line, area or bar chart, a figure with its
// sparkline, a table or a map of catalogue series. With a service the page can be edited: add, edit, remove,
// widen or heighten a panel, drag one onto another to reorder, rename or delete the page; every change is saved.
class CustomPage : public DashboardPage {
    Q_OBJECT
public:
    CustomPage(QueryRunner& runner, ViewState& state, DashboardSpec spec, DashboardService* service,
        QWidget* parent = nullptr);
    ~CustomPage() override;
    const DashboardSpec& spec() const { return m_spec; }
    QList<QWidget*> panelWidgets() const { return m_panels; }
    // The figures drawn, as CSV (panel,series,timestamp,value): report's custom-NAME.csv.
    QByteArray csv() const;
    // Saves and redraws with `spec` (the window's editor, tests); returns the error, empty on success.
    QString apply(const DashboardSpec& spec);
    void movePanel(int from, int to);
    // Redraws with `spec` as saved elsewhere (the command line, another window), without saving it again.
    void redraw(const DashboardSpec& spec);

signals:
    void renamed(qint64 id, const QString& name);
    void removed(qint64 id);

protected:
    void reload() override;
    void reloadPrevious(const TimeRange& before) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void rebuild();
    QWidget* makePanel(int index, const PanelSpec& panel);
    void showData(const QList<PanelData>& loaded);
    void editPanel(int index);
    void rename();
    void askRemove();

    DashboardSpec m_spec;
    DashboardService* m_service = nullptr;
    std::shared_ptr<const WorldShapes> m_shapes;
    QLabel* m_title = nullptr;
    QLabel* m_error = nullptr;
    QGridLayout* m_grid = nullptr;
    QList<QWidget*> m_panels;
    QList<QWidget*> m_contents; // what each panel draws into
    QList<PanelData> m_data;
    QPoint m_dragStart;
    LatestTracker m_tracker;
    LatestTracker m_previousTracker;
};

} // namespace activity
