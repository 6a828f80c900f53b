#include "ui/pages/dashboardpage.h"

#include "core/query/eventquery.h"
#include "core/sources/syslog/syslogtype.h"
#include "ui/charts/chartview.h"
#include "ui/viewstate.h"
#include "ui/widgets/emptystate.h"

#include <QDateTime>
#include <QLabel>
#include <QPalette>
#include <QWindow>

namespace activity {

DashboardPage::DashboardPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_state(state)
{
    m_reloadTimer.setSingleShot(true);
    m_paintHold.setSingleShot(true);
    m_paintHold.setInterval(kPaintHoldMs);
    connect(&m_paintHold, &QTimer::timeout, this, &DashboardPage::releasePaint);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] {
        if (m_eager || isVisible())
            reloadNow();
        else
            m_dirty = true;
    });
    // A range change answers at once; new data in the database is coalesced over a second.
    setFollowsViewState(true);
    connect(&runner, &QueryRunner::dataChanged, this, [this] { scheduleReload(1000); });
}

void DashboardPage::setEagerLoading(bool eager)
{
    m_eager = eager;
}

void DashboardPage::setFollowsViewState(bool follows)
{
    disconnect(m_stateConnection);
    if (follows)
        m_stateConnection = connect(&m_state, &ViewState::changed, this, [this] { scheduleReload(0); });
}

void DashboardPage::scheduleReload(int delayMs)
{
    m_dirty = true;
    // A range change or a page shown asks at once: through a timer, the window would first repaint the page with
    // its old data (tens of ms) before the question even reached the worker.
    if (delayMs == 0 && (m_eager || isVisible())) {
        reloadNow();
        return;
    }
    if (!m_reloadTimer.isActive() || delayMs < m_reloadTimer.remainingTime())
        m_reloadTimer.start(delayMs);
}

void DashboardPage::reloadNow()
{
    m_reloadTimer.stop(); // a scheduled reload is answered by this one
    m_dirty = false;
    ++m_generation;
    m_pending = 0;
    m_failure.clear();
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    // The period before comes with its own answer: until then (or with the toggle off) the charts draw none.
    for (ChartView* view : charts())
        view->clearPreviousSeries();
    reload();
    if (m_state.comparePrevious())
        reloadPrevious(m_state.previousRange());
    loadEvents();
    if (m_pending == 0)
        finishLoad();
}

// Every page's time charts mark the range's events; asked with the page's own questions, so a report waits for them.
void DashboardPage::loadEvents()
{
    const QList<ChartView*> views = charts();
    if (views.isEmpty())
        return;
    for (ChartView* view : views)
        connect(view, &ChartView::noteRequested, this, &DashboardPage::noteRequested, Qt::UniqueConnection);
    const TimeRange range = m_state.range();
    query<QList<ProjectEvent>>(
        m_events, [range](Database& db) { return EventQuery::inRange(db, range); },
        [this](QList<ProjectEvent> events) {
            for (ChartView* view : charts())
                view->setEvents(events);
        });
}

void DashboardPage::finishOne()
{
    if (m_pending > 0 && --m_pending == 0) {
        m_lastLoadMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
        finishLoad();
    }
}

void DashboardPage::finishLoad()
{
    releasePaint();
    if (m_failure.isEmpty() && m_failureBanner)
        m_failureBanner->hide();
    emit loaded();
}

// The failed question's answer will never come: the page says why and stops waiting for it. Other pages sharing
// the runner are not concerned.
void DashboardPage::fail(const QString& message)
{
    m_failure = message;
    if (!m_failureBanner) {
        m_failureBanner = new QLabel(this);
        m_failureBanner->setObjectName(QStringLiteral("pageFailure"));
        m_failureBanner->setTextFormat(Qt::PlainText);
        m_failureBanner->setWordWrap(true);
        m_failureBanner->setMargin(8);
        m_failureBanner->setAutoFillBackground(true);
        QPalette p = m_failureBanner->palette();
        p.setColor(QPalette::Window, QColor(0xb0, 0x20, 0x20));
        p.setColor(QPalette::WindowText, Qt::white);
        m_failureBanner->setPalette(p);
        m_failureBanner->setAccessibleName(tr("Page error"));
    }
    m_failureBanner->setText(tr("This page could not be read from the database: %1").arg(message));
    m_failureBanner->setAccessibleDescription(m_failureBanner->text());
    placeFailureBanner();
    m_failureBanner->show();
    m_failureBanner->raise();
    finishOne();
}

void DashboardPage::placeFailureBanner()
{
    if (!m_failureBanner)
        return;
    const int h = m_failureBanner->heightForWidth(width());
    m_failureBanner->setGeometry(0, 0, width(), h > 0 ? h : m_failureBanner->sizeHint().height());
}

void DashboardPage::showEmptyState(
    const QString& title, const QString& detail, const QString& sourceType, const QString& buttonText)
{
    if (!m_emptyState) {
        m_emptyState = new EmptyState(this);
        connect(m_emptyState, &EmptyState::addSourceRequested, this, &DashboardPage::addSourceRequested);
    }
    m_emptyState->show(title, detail, sourceType, buttonText);
    placeEmptyState();
}

void DashboardPage::hideEmptyState()
{
    if (m_emptyState)
        m_emptyState->hide();
}

void DashboardPage::showTrafficPresence(qint64 requestsInRange, const SourceQuery::LogPresence& presence)
{
    if (requestsInRange > 0)
        hideEmptyState();
    else if (presence.logSources == 0 && !presence.anyRequestEver)
        showEmptyState(tr("No web server logs yet"),
            tr("Receive nginx's access log over syslog, follow a log file (on this machine or on a server over ssh), "
               "or import one with: activity-dashboard import FILE"),
            syslogTypeName(), tr("Add a log source"));
    else if (!presence.anyRequestEver)
        showEmptyState(tr("Waiting for the first request"),
            tr("%n log source(s) set up; requests appear here as they are stored. Health shows what each source "
               "received and rejected.",
                nullptr, presence.logSources));
    else
        showEmptyState(tr("No requests in this range"), tr("Pick a longer range, or another site or country."));
}

// Centred over the page's charts, as wide as its text needs up to half the page.
void DashboardPage::placeEmptyState()
{
    if (!m_emptyState || m_emptyState->isHidden())
        return;
    const int w = qBound(qMin(width(), 360), width() / 2, qMax(360, width() - 40));
    const int h
        = m_emptyState->heightForWidth(w) > 0 ? m_emptyState->heightForWidth(w) : m_emptyState->sizeHint().height();
    m_emptyState->setGeometry((width() - w) / 2, qMax(0, (height() - h) / 3), w, h);
}

void DashboardPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeFailureBanner();
    placeEmptyState();
}

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty) {
        // Painting the old range's data first cost a page switch tens of milliseconds on a small machine, taken
        // from the queries answering it, only to be painted over.
        holdPaint();
        scheduleReload(0);
    }
}

void DashboardPage::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    releasePaint();
}

void DashboardPage::holdPaint()
{
    // Only over a page already on screen: a window's first paint shows the page's frame at once.
    if (const QWindow* w = window()->windowHandle(); w && w->isExposed())
        setUpdatesEnabled(false);
    m_paintHold.start();
}

void DashboardPage::releasePaint()
{
    m_paintHold.stop();
    if (!updatesEnabled())
        setUpdatesEnabled(true); // repaints the page
}

QList<ChartView*> DashboardPage::charts() const
{
    return findChildren<ChartView*>();
}

QLabel* DashboardPage::sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

qint64 DashboardPage::sinceLoadStartMs() const
{
    return QDateTime::currentMSecsSinceEpoch() - m_startedMs;
}

} // namespace activity
