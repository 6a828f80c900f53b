#pragma once

#include "ui/pages/dashboardpage.h"

#include <memory>

class QComboBox;
class QLabel;

namespace activity {

class ViewState;
class WorldMapWidget;
class WorldShapes;

// The World map page: the map over the shared time range and site, a requests/visitors switch and
// the attribution DB-IP's licence asks for. Clicking a country sets the shared country filter.
class MapPage : public DashboardPage {
    Q_OBJECT
public:
    MapPage(
        QueryRunner& runner, ViewState& state, std::shared_ptr<const WorldShapes> shapes, QWidget* parent = nullptr);
    // With the built-in shapes and the system's country names.
    MapPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);

    WorldMapWidget* map() const { return m_map; }

signals:
    // A country was clicked: the window shows the Traffic page filtered to it.
    void countryChosen(const QString& code);

protected:
    void reload() override;

private:
    LatestTracker m_tracker;
    WorldMapWidget* m_map = nullptr;
    QComboBox* m_metric = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace activity
