#include "ui/dashboardpage.h"

#include "ui/chartview.h"
#include "ui/viewstate.h"

#include <QDateTime>
#include <QLabel>

DashboardPage::DashboardPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_state(state)
{
    m_reloadTimer.setSingleShot(true);
    connect(&m_reloadTimer, &QTimer::timeout, this, [this] {
        if (m_eager || isVisible())
            reloadNow();
        else
            m_dirty = true;
    });
    // A range change answers at once; new data in the database is coalesced over a second.
    setFollowsViewState(true);
    connect(&runner, &QueryRunner::dataChanged, this, [this] { scheduleReload(1000); });
    connect(&runner, &QueryRunner::failed, this, [this](const QString&) {
        // The failed job's answer will never come: do not wait for it forever.
        if (m_pending > 0) {
            m_pending = 0;
            emit loaded();
        }
    });
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
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    reload();
    if (m_pending == 0)
        emit loaded();
}

void DashboardPage::finishOne()
{
    if (m_pending > 0 && --m_pending == 0) {
        m_lastLoadMs = QDateTime::currentMSecsSinceEpoch() - m_startedMs;
        emit loaded();
    }
}

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        scheduleReload(0);
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
