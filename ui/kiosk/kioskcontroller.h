#pragma once

#include "core/query/queryrunner.h"
#include "ui/pageid.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>

class QLabel;
class QTimer;

namespace activity {

class Clock;
class MainWindow;
class ScreenSaverInhibitor;

// Kiosk mode: full screen, no editing controls or menus, a page playlist rotating on a clock tests can
// set, the cursor hidden when idle, the screen saver inhibited, stale sources marked with their age, and
// an exit only on a deliberate key chord (shown for a few seconds at start).
class KioskController : public QObject {
    Q_OBJECT
public:
    KioskController(MainWindow& window, QueryRunner& runner, const Clock& clock, QList<PageId> pages, int rotateSecs,
        QObject* parent = nullptr);
    ~KioskController() override;

    // Shows the window full screen and starts rotating. `inhibitScreenSaver` false in tests.
    void start(bool inhibitScreenSaver = true);
    // Called every second by a timer; tests call it after moving the clock.
    void tick();
    PageId currentPage() const;
    QList<PageId> pages() const { return m_pages; }
    // The key chord that leaves kiosk mode.
    static QKeySequence exitChord();
    QString staleText() const;
    bool isCursorHidden() const { return m_cursorHidden; }
    // Asks the sources' state now (also done every 30 s).
    void checkStale();

    // Parses --pages ("overview,traffic,map"); on error returns the bad name in `bad`. With `others`, names that
    // are no fixed page go there instead (the user's own pages, known once the database is open).
    static QList<PageId> parsePages(const QString& list, QString* bad, QStringList* others = nullptr);
    // The user's pages in the playlist (MainWindow::extraPageKeys), after the fixed ones; `only`: none of those.
    void setExtraPages(const QStringList& keys, bool only);
    QStringList extraPages() const { return m_extra; }
    // The playlist's position (fixed pages first, then the user's).
    int currentIndex() const { return m_index; }

signals:
    void exitRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showPage(int index);
    void setCursorHidden(bool hidden);
    void placeOverlays();

    MainWindow& m_window;
    QueryRunner& m_runner;
    const Clock& m_clock;
    QList<PageId> m_pages;
    QStringList m_extra;
    qint64 m_rotateMs;
    int m_index = 0;
    qint64 m_nextSwitchMs = 0;
    qint64 m_lastInputMs = 0;
    qint64 m_hintUntilMs = 0;
    qint64 m_nextStaleCheckMs = 0;
    bool m_cursorHidden = false;
    QTimer* m_timer = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_stale = nullptr;
    LatestTracker m_staleTracker;
    std::unique_ptr<ScreenSaverInhibitor> m_inhibitor;
};

} // namespace activity
