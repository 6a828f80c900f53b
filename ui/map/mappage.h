#pragma once

#include "core/query/queryrunner.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QTimer;
class ViewState;
class WorldMapWidget;
class WorldShapes;

// The World map page: the map over the shared time range and site, a requests/visitors switch and
// the attribution DB-IP's licence asks for. Clicking a country sets the shared country filter.
class MapPage : public QWidget {
    Q_OBJECT
public:
    MapPage(
        QueryRunner& runner, ViewState& state, std::shared_ptr<const WorldShapes> shapes, QWidget* parent = nullptr);

    WorldMapWidget* map() const { return m_map; }
    // Asks the database again (also done on range/site changes and when new data is committed).
    void reload();
    // True once the first answer arrived (report rendering waits for it).
    bool isLoaded() const { return m_loaded; }

signals:
    // A country was clicked: the window shows the Traffic page filtered to it.
    void countryChosen(const QString& code);
    void loaded();

private:
    QueryRunner& m_runner;
    ViewState& m_state;
    LatestTracker m_tracker;
    WorldMapWidget* m_map = nullptr;
    QComboBox* m_metric = nullptr;
    QLabel* m_summary = nullptr;
    QTimer* m_reloadTimer = nullptr;
    bool m_loaded = false;
};
