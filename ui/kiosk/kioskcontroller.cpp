#include "ui/kiosk/kioskcontroller.h"

#include "core/query/sourcequery.h"
#include "core/util/clock.h"
#include "ui/kiosk/screensaverinhibitor.h"
#include "ui/mainwindow.h"
#include "ui/pages/dashboardpage.h"
#include "ui/widgets/errorlabel.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QTimer>

namespace activity {

namespace {
constexpr qint64 kIdleCursorMs = 3000;
constexpr qint64 kHintMs = 8000;
constexpr qint64 kStaleCheckMs = 30000;

QString age(qint64 secs)
{
    if (secs < 3600)
        return KioskController::tr("%n min", nullptr, int(std::max<qint64>(1, secs / 60)));
    if (secs < 86400)
        return KioskController::tr("%n h", nullptr, int(secs / 3600));
    return KioskController::tr("%n d", nullptr, int(secs / 86400));
}
} // namespace

KioskController::KioskController(
    MainWindow& window, QueryRunner& runner, const Clock& clock, QList<PageId> pages, int rotateSecs, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_runner(runner)
    , m_clock(clock)
    , m_pages(pages.isEmpty() ? QList<PageId> { PageId::Overview, PageId::Traffic, PageId::Map } : std::move(pages))
    , m_rotateMs(qint64(std::max(5, rotateSecs)) * 1000)
{
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &KioskController::tick);
    m_hint = new QLabel(
        tr("Kiosk mode: press %1 to leave").arg(exitChord().toString(QKeySequence::NativeText)), &m_window);
    m_hint->setObjectName(QStringLiteral("kioskHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setStyleSheet(QStringLiteral(
        "background: rgba(20,20,20,200); color: white; padding: 10px 16px; border-radius: 6px; font-size: 16px"));
    m_hint->hide();
    m_stale = new QLabel(&m_window);
    m_stale->setObjectName(QStringLiteral("kioskStale"));
    m_stale->setTextFormat(Qt::PlainText); // source names come from the user and servers
    m_stale->setStyleSheet(
        QStringLiteral("background: %1; color: white; padding: 6px 12px; border-radius: 4px; font-weight: bold")
            .arg(ErrorLabel::bannerColour().name()));
    m_stale->hide();
}

KioskController::~KioskController()
{
    setCursorHidden(false);
    qApp->removeEventFilter(this);
}

QKeySequence KioskController::exitChord()
{
    return QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_Q);
}

QList<PageId> KioskController::parsePages(const QString& list, QString* bad, QStringList* others)
{
    QList<PageId> pages;
    for (const QString& name : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto id = MainWindow::pageFromKey(name.trimmed());
        if (!id && others) {
            others->append(name.trimmed());
            continue;
        }
        if (!id || *id == PageId::Sources) {
            if (bad)
                *bad = name.trimmed();
            return {};
        }
        pages.append(*id);
    }
    return pages;
}

void KioskController::setExtraPages(const QStringList& keys, bool only)
{
    m_extra = keys;
    if (only)
        m_pages.clear();
}

void KioskController::start(bool inhibitScreenSaver)
{
    m_window.setChromeVisible(false);
    // Pages in the playlist load in the background, so a rotation shows figures at once.
    for (PageId id : std::as_const(m_pages))
        if (auto* page = qobject_cast<DashboardPage*>(m_window.page(id)))
            page->setEagerLoading(true);
    for (const QString& key : std::as_const(m_extra))
        if (auto* page = qobject_cast<DashboardPage*>(m_window.extraPage(key)))
            page->setEagerLoading(true);
    if (QScreen* screen = QGuiApplication::primaryScreen())
        m_window.setGeometry(screen->geometry());
    m_window.showFullScreen();
    qApp->installEventFilter(this);
    if (inhibitScreenSaver)
        m_inhibitor = std::make_unique<ScreenSaverInhibitor>(tr("Activity Dashboard kiosk"));
    const qint64 now = m_clock.nowMs();
    m_lastInputMs = now;
    m_hintUntilMs = now + kHintMs;
    m_hint->show();
    m_hint->raise();
    m_index = 0;
    showPage(0);
    m_nextSwitchMs = now + m_rotateMs;
    placeOverlays();
    checkStale();
    m_timer->start();
}

void KioskController::tick()
{
    const qint64 now = m_clock.nowMs();
    const int count = int(m_pages.size() + m_extra.size());
    if (now >= m_nextSwitchMs && count > 1) {
        showPage((m_index + 1) % count);
        m_nextSwitchMs = now + m_rotateMs;
    }
    if (m_hint->isVisible() && now >= m_hintUntilMs)
        m_hint->hide();
    if (!m_cursorHidden && now - m_lastInputMs >= kIdleCursorMs)
        setCursorHidden(true);
    if (now >= m_nextStaleCheckMs)
        checkStale();
    placeOverlays();
}

PageId KioskController::currentPage() const
{
    return m_pages.value(m_index, PageId::Overview);
}

void KioskController::showPage(int index)
{
    m_index = index;
    if (index < m_pages.size())
        m_window.showPage(m_pages.value(index));
    else
        m_window.showExtraPage(m_extra.value(index - m_pages.size()));
}

void KioskController::setCursorHidden(bool hidden)
{
    if (hidden == m_cursorHidden)
        return;
    m_cursorHidden = hidden;
    if (hidden)
        QGuiApplication::setOverrideCursor(Qt::BlankCursor);
    else
        QGuiApplication::restoreOverrideCursor();
}

void KioskController::placeOverlays()
{
    m_hint->adjustSize();
    m_hint->move((m_window.width() - m_hint->width()) / 2, m_window.height() - m_hint->height() - 40);
    m_stale->adjustSize();
    m_stale->move((m_window.width() - m_stale->width()) / 2, 8);
    m_hint->raise();
    m_stale->raise();
}

void KioskController::checkStale()
{
    m_nextStaleCheckMs = m_clock.nowMs() + kStaleCheckMs;
    m_staleTracker.submit<QList<SourceRecord>>(
        m_runner, this, [](Database& db) { return SourceQuery::list(db); },
        [this](QList<SourceRecord> sources) {
            QStringList stale;
            const qint64 now = m_clock.nowSecs();
            for (const SourceRecord& s : std::as_const(sources)) {
                if (!s.enabled || s.lastError.isEmpty())
                    continue;
                stale.append(s.lastSuccess > 0 ? tr("%1: stale, updated %2 ago").arg(s.name, age(now - s.lastSuccess))
                                               : tr("%1: no data yet").arg(s.name));
            }
            m_stale->setText(stale.join(QLatin1Char('\n')));
            m_stale->setVisible(!stale.isEmpty());
            placeOverlays();
        });
}

QString KioskController::staleText() const
{
    return m_stale->isVisible() ? m_stale->text() : QString();
}

bool KioskController::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::MouseMove:
        m_lastInputMs = m_clock.nowMs();
        setCursorHidden(false);
        break;
    case QEvent::KeyPress: {
        auto* key = static_cast<QKeyEvent*>(event);
        if (QKeySequence(key->keyCombination()) == exitChord()) {
            emit exitRequested();
            return true;
        }
        // Every other key is swallowed: nothing can be edited in a kiosk.
        return true;
    }
    case QEvent::ContextMenu:
    case QEvent::MouseButtonDblClick:
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace activity
