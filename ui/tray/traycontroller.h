#pragma once

#include "core/query/headlinequery.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace activity {

class MainWindow;
class QueryRunner;

// The headline figures the tray's tooltip shows.
using TrayHeadline = Headline;

// The tray icon and what goes with it: Show/Hide, Pause/Resume collecting, Quit, and the setting "Keep
// collecting in the tray when the window is closed". When that setting is on and a system tray exists,
// closing the window hides it and collection goes on; without a tray, closing quits as before. The same
// actions sit in the window's File menu, for desktops without a tray.
class TrayController : public QObject {
    Q_OBJECT
public:
    // Switches the window's collection on or off: whether it now collects, and what could not start.
    struct CollectState {
        bool collecting = false;
        QString problem;
    };
    using CollectSwitch = std::function<CollectState(bool collect)>;

    explicit TrayController(MainWindow& window, QObject* parent = nullptr);
    ~TrayController() override;

    // Without a switch the Pause item is hidden (e.g. the demo, which collects nothing).
    void setCollectSwitch(CollectSwitch collectSwitch, bool collecting);
    // Tests replace QSystemTrayIcon::isSystemTrayAvailable.
    void setTrayAvailability(std::function<bool()> available) { m_trayAvailable = std::move(available); }
    bool trayAvailable() const { return m_trayAvailable(); }
    // Shows the icon when a tray exists, and keeps the headline fresh from `runner` (may be null).
    void start(QueryRunner* runner);

    bool isCollecting() const { return m_collecting; }
    QString setCollecting(bool collect);
    bool keepInTray() const;
    void setKeepInTray(bool keep);

    void setHeadline(const TrayHeadline& headline);
    // What was collected cannot be written: said at once (a tray message) and kept in the tooltip; an empty
    // message: written again, the tooltip says nothing more of it.
    void showWriteError(const QString& message);
    // The team store cannot be reached (the reader's reachableChanged): said once as a tray message and kept first
    // in the tooltip, whose figures are the last ones read; an empty message: it answers again.
    void showStoreProblem(const QString& message);
    QString toolTip() const;
    static QString toolTipText(const TrayHeadline& headline, bool collecting, bool canCollect, const QString& problem);

    QMenu* menu() const { return m_menu; }
    QAction* showAction() const { return m_show; }
    QAction* pauseAction() const { return m_pause; }
    QAction* keepAction() const { return m_keep; }
    QAction* quitAction() const { return m_quit; }
    QSystemTrayIcon* icon() const { return m_icon; }

signals:
    void quitRequested();
    void collectingChanged(bool collecting);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshActions();
    void refreshHeadline();
    void toggleWindow();

    MainWindow& m_window;
    std::function<bool()> m_trayAvailable;
    CollectSwitch m_switch;
    bool m_collecting = false;
    bool m_quitting = false;
    bool m_toldOnce = false;
    QString m_problem;
    QString m_writeError;
    QString m_storeProblem;
    TrayHeadline m_headline;
    QPointer<QueryRunner> m_runner;
    bool m_dirty = false;
    QMenu* m_menu = nullptr;
    QAction* m_show = nullptr;
    QAction* m_pause = nullptr;
    QAction* m_keep = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_filePause = nullptr;
    QSystemTrayIcon* m_icon = nullptr;
    QTimer* m_headlineTimer = nullptr;
};

} // namespace activity
