#include "ui/tray/traycontroller.h"

#include "core/query/queryrunner.h"
#include "core/util/clock.h"
#include "ui/mainwindow.h"
#include "ui/viewstate.h"
#include "ui/widgets/format.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

namespace activity {

namespace {
const QString kKeepKey = QStringLiteral("tray/keepCollecting");
constexpr int kHeadlineMs = 15000; // new data marks the headline stale; it is re-read at most this often
} // namespace

TrayController::TrayController(MainWindow& window, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_trayAvailable(&QSystemTrayIcon::isSystemTrayAvailable)
{
    m_menu = new QMenu;
    m_show = m_menu->addAction(tr("Hide"), this, &TrayController::toggleWindow);
    m_pause = m_menu->addAction(tr("Pause collecting"), this, [this] { setCollecting(!m_collecting); });
    m_menu->addSeparator();
    m_keep = m_menu->addAction(tr("Keep collecting in the tray when the window is closed"));
    m_keep->setCheckable(true);
    m_keep->setChecked(keepInTray());
    connect(m_keep, &QAction::toggled, this, &TrayController::setKeepInTray);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit"), this, [this] {
        m_quitting = true; // closing the window now really closes it
        emit quitRequested();
    });
    m_pause->setVisible(false);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayController::refreshActions);

    // The same choices in the window's File menu, before Quit: a desktop without a tray still has them.
    if (auto* file = m_window.menuBar()->findChild<QMenu*>(QStringLiteral("fileMenu"))) {
        const QList<QAction*> actions = file->actions();
        QAction* before = actions.isEmpty() ? nullptr : actions.last();
        m_filePause = new QAction(tr("Pause collecting"), file);
        m_filePause->setObjectName(QStringLiteral("pauseCollecting"));
        m_filePause->setVisible(false);
        connect(m_filePause, &QAction::triggered, this, [this] { setCollecting(!m_collecting); });
        file->insertAction(before, m_filePause);
        file->insertAction(before, m_keep);
        file->insertSeparator(before);
    }
    m_window.installEventFilter(this);
    m_headlineTimer = new QTimer(this);
    m_headlineTimer->setInterval(kHeadlineMs);
    connect(m_headlineTimer, &QTimer::timeout, this, [this] {
        if (m_dirty)
            refreshHeadline();
    });
    refreshActions();
}

TrayController::~TrayController()
{
    m_window.removeEventFilter(this);
    delete m_icon;
    delete m_menu;
}

void TrayController::setCollectSwitch(CollectSwitch collectSwitch, bool collecting)
{
    m_switch = std::move(collectSwitch);
    m_collecting = collecting && m_switch;
    refreshActions();
}

void TrayController::start(QueryRunner* runner)
{
    m_runner = runner;
    if (runner) {
        connect(runner, &QueryRunner::dataChanged, this, [this] { m_dirty = true; });
        connect(runner, &QueryRunner::reachableChanged, this,
            [this](bool reachable, const QString& why) { showStoreProblem(reachable ? QString() : why); });
        refreshHeadline();
        m_headlineTimer->start();
    }
    if (!trayAvailable())
        return;
    m_icon = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/activity-dashboard.svg")));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            toggleWindow();
    });
    refreshActions();
    m_icon->show();
}

QString TrayController::setCollecting(bool collect)
{
    if (!m_switch || collect == m_collecting)
        return {};
    // What could not start is told in the tooltip; what could start runs.
    const CollectState state = m_switch(collect);
    m_problem = state.problem;
    m_collecting = state.collecting;
    refreshActions();
    emit collectingChanged(m_collecting);
    return m_problem;
}

bool TrayController::keepInTray() const
{
    return QSettings().value(kKeepKey, false).toBool();
}

void TrayController::setKeepInTray(bool keep)
{
    QSettings().setValue(kKeepKey, keep);
    if (m_keep->isChecked() != keep)
        m_keep->setChecked(keep);
}

void TrayController::setHeadline(const TrayHeadline& headline)
{
    m_headline = headline;
    refreshActions();
}

void TrayController::showWriteError(const QString& message)
{
    const bool first = m_writeError != message;
    m_writeError = message;
    refreshActions();
    if (m_icon && first && !message.isEmpty())
        m_icon->showMessage(tr("Activity Dashboard: data is not being saved"), message, QSystemTrayIcon::Critical);
}

void TrayController::showStoreProblem(const QString& message)
{
    const bool first = m_storeProblem.isEmpty() && !message.isEmpty();
    m_storeProblem = message;
    refreshActions();
    if (m_icon && first)
        m_icon->showMessage(tr("Activity Dashboard: the store cannot be reached"),
            tr("%1\nThe figures shown are the last ones read; they are read again when it answers.").arg(message),
            QSystemTrayIcon::Warning);
}

QString TrayController::toolTip() const
{
    QStringList problems;
    if (!m_storeProblem.isEmpty())
        problems << tr("The store cannot be reached (figures as last read): %1").arg(m_storeProblem);
    for (const QString& p : { m_problem, m_writeError })
        if (!p.isEmpty())
            problems << p;
    return toolTipText(m_headline, m_collecting, bool(m_switch), problems.join(QLatin1Char('\n')));
}

QString TrayController::toolTipText(
    const TrayHeadline& headline, bool collecting, bool canCollect, const QString& problem)
{
    QStringList lines { tr("Activity Dashboard") };
    QStringList figures;
    if (headline.requestsToday)
        figures.append(tr("%1 requests today").arg(Format::count(double(*headline.requestsToday))));
    if (headline.stars)
        figures.append(tr("%1 stars").arg(Format::count(*headline.stars)));
    if (!figures.isEmpty())
        lines.append(figures.join(QStringLiteral(" · ")));
    if (headline.firingAlerts > 0)
        lines.append(
            headline.firingAlerts == 1 ? tr("1 alert firing") : tr("%1 alerts firing").arg(headline.firingAlerts));
    if (canCollect)
        lines.append(collecting ? tr("Collecting") : tr("Collecting paused"));
    if (!problem.isEmpty())
        lines.append(problem);
    return lines.join(QLatin1Char('\n'));
}

void TrayController::refreshHeadline()
{
    if (!m_runner)
        return;
    m_dirty = false;
    const qint64 now = m_window.viewState()->clock().nowSecs();
    m_runner->post<TrayHeadline>(
        this, [now](Database& db) { return HeadlineQuery::read(db, now); },
        [this](TrayHeadline headline) { setHeadline(headline); });
}

void TrayController::toggleWindow()
{
    if (m_window.isVisible() && !m_window.isMinimized()) {
        m_window.hide();
    } else {
        m_window.showNormal();
        m_window.raise();
        m_window.activateWindow();
    }
    refreshActions();
}

void TrayController::refreshActions()
{
    const bool shown = m_window.isVisible() && !m_window.isMinimized();
    m_show->setText(shown ? tr("Hide") : tr("Show"));
    const QString pauseText = m_collecting ? tr("Pause collecting") : tr("Resume collecting");
    m_pause->setText(pauseText);
    m_pause->setVisible(bool(m_switch));
    if (m_filePause) {
        m_filePause->setText(pauseText);
        m_filePause->setVisible(bool(m_switch));
    }
    const bool tray = trayAvailable();
    m_keep->setEnabled(tray);
    m_keep->setToolTip(tray ? QString() : tr("This desktop has no system tray: closing the window quits."));
    if (m_icon)
        m_icon->setToolTip(toolTip());
}

bool TrayController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_window && event->type() == QEvent::Close && !m_quitting && keepInTray() && trayAvailable()) {
        event->ignore();
        m_window.hide();
        refreshActions();
        if (m_icon && !m_toldOnce) {
            m_toldOnce = true;
            m_icon->showMessage(tr("Activity Dashboard"),
                m_collecting ? tr("Still collecting in the tray. Quit from the tray menu.")
                             : tr("Still running in the tray. Quit from the tray menu."));
        }
        return true;
    }
    if (watched == &m_window && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
        refreshActions();
    return QObject::eventFilter(watched, event);
}

} // namespace activity
