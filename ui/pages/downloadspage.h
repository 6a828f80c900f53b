#pragma once

#include "ui/pages/dashboardpage.h"

class QLabel;
class QTableView;

namespace activity {

class RowsModel;

// Completed downloads: per release and day, per file and per country over the range (DownloadQuery). People's
// downloads unless the header's switch says Bots. Beside the site's, GitHub's release-asset downloads of each
// release (AssetDownloadQuery: whoever made them, GitHub does not say).
class DownloadsPage : public DashboardPage {
    Q_OBJECT
public:
    DownloadsPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);
    RowsModel* releasesModel() const { return m_releases; }
    RowsModel* versionsModel() const { return m_versions; }
    RowsModel* filesModel() const { return m_files; }
    RowsModel* countriesModel() const { return m_countries; }
    QString summary() const;

protected:
    void reload() override;

private:
    QLabel* m_summary = nullptr;
    RowsModel* m_releases = nullptr;
    RowsModel* m_versions = nullptr;
    RowsModel* m_files = nullptr;
    RowsModel* m_countries = nullptr;
    LatestTracker m_tracker;
};

} // namespace activity
