#pragma once

#include "core/query/timerange.h"
#include "ui/pageid.h"

#include <QMainWindow>
#include <array>
#include <functional>
#include <memory>

class QButtonGroup;
class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolBar;
class QToolButton;

namespace activity {

class Clock;
class ViewState;

// The window: a page list, one stacked page per PageId, and the shared time range / site filter bar.
// Other parts (map, sources, kiosk) install their pages with setPage() and read viewState().
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QString databasePath, QWidget* parent = nullptr);
    MainWindow(QString databasePath, const Clock& clock, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Replaces the page's widget (the window takes ownership and deletes the previous one).
    void setPage(PageId id, QWidget* page);
    QWidget* page(PageId id) const;
    void showPage(PageId id);
    void showPage(int index) { showPage(PageId(index)); }
    PageId currentPage() const;
    QStringList pageNames() const;
    static QString pageTitle(PageId id);
    // Stable names for settings and --pages ("overview", "github", "dockerhub", "metrics", "traffic", "map",
    // "sources", "health", "alerts").
    static QString pageKey(PageId id);
    static std::optional<PageId> pageFromKey(const QString& key);

    // Pages the user built, listed after the fixed ones; `key` ("custom-ID") names one in settings.
    void addExtraPage(const QString& key, const QString& title, QWidget* page);
    void renameExtraPage(const QString& key, const QString& title);
    void removeExtraPage(const QString& key);
    QWidget* extraPage(const QString& key) const;
    void showExtraPage(const QString& key);
    QStringList extraPageKeys() const { return m_extraKeys; }
    // The "New page" button under the page list, which emits newPageRequested; hidden unless enabled.
    QPushButton* newPageButton() const { return m_newPage; }
    void setNewPageEnabled(bool enabled);
    // A login that may only read the store (a team's viewer): said in the status bar, and nothing offers to
    // change it (New page hidden, Add buttons disabled with the reason). Empty: writable.
    void setReadOnly(const QString& reason);
    QString readOnlyReason() const { return m_readOnly; }
    // The store cannot be reached (a team's server away): a banner over the pages says so until it answers again
    // (empty clears it). The pages keep what they last showed, never zeros.
    void setStoreProblem(const QString& message);
    QString storeProblem() const;

    ViewState* viewState() const { return m_state; }
    QString databasePath() const { return m_databasePath; }
    // Site names offered by the site filter (besides "All sites").
    void setSites(const QStringList& sites);
    QStringList sites() const;
    // File > Export report...: writes what `report` writes into a folder for a range; returns an error or "".
    using ReportExporter = std::function<QString(const QString& folder, const TimeRange& range)>;
    void setReportExporter(ReportExporter exporter) { m_exporter = std::move(exporter); }
    // What File > Store shows: the store in use (password masked) and "--store"/"ACTIVITY_STORE" when one of them
    // chose it.
    void setStoreInfo(const QString& shown, const QString& overriddenBy)
    {
        m_storeShown = shown;
        m_storeOverriddenBy = overriddenBy;
    }
    // The current page as an image (File > Save page as PNG).
    QImage pageImage(qreal scale = 1.0) const;
    // A long task's progress in the status bar (the demo filling its database); hidden from 100 on.
    void showProgress(const QString& text, int percent);
    int progress() const; // -1 when none is shown
    // Kiosk: hides the page list, the filter bar and the menus.
    void setChromeVisible(bool visible);

signals:
    void currentPageChanged(PageId id);
    void newPageRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    MainWindow(QString databasePath, std::unique_ptr<Clock> ownClock, const Clock* clock, QWidget* parent);
    void buildFilterBar();
    void buildMenus();
    void syncFilterBar();
    void restoreSettings();
    void saveSettings() const;

    QString m_databasePath;
    std::unique_ptr<Clock> m_ownClock;
    ViewState* m_state = nullptr;
    QListWidget* m_pageList = nullptr;
    QStackedWidget* m_pages = nullptr;
    std::array<QWidget*, kPageCount> m_pageWidgets {};
    QStringList m_extraKeys; // rows kPageCount and after
    QPushButton* m_newPage = nullptr;
    bool m_newPageWanted = false;
    QString m_readOnly;
    QLabel* m_storeProblem = nullptr;
    QToolBar* m_filterBar = nullptr;
    QComboBox* m_rangeBox = nullptr;
    QDateEdit* m_fromEdit = nullptr;
    QDateEdit* m_toEdit = nullptr;
    QComboBox* m_siteBox = nullptr;
    QButtonGroup* m_agentsGroup = nullptr; // All / Humans / Bots, ids: int(AgentScope)
    QToolButton* m_previousButton = nullptr; // the header's "Period before" toggle (ViewState::comparePrevious)
    QToolButton* m_referrerChip = nullptr;
    QToolButton* m_userAgentChip = nullptr;
    QToolButton* m_countryChip = nullptr; // the country filter; clicking it removes the filter
    QToolButton* m_pathChip = nullptr; // the Traffic page's path, then status: the same
    QToolButton* m_statusChip = nullptr;
    bool m_syncing = false;
    ReportExporter m_exporter;
    QString m_storeShown;
    QString m_storeOverriddenBy;
    QProgressBar* m_progress = nullptr;
};

} // namespace activity
