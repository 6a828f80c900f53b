#include "ui/dashboardpage.h"

#include "ui/chartview.h"
#include "ui/viewstate.h"

#include <QDateTime>
#include <QLabel>
#include <QPalette>

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
    reload();
    if (m_pending == 0)
        finishLoad();
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

void DashboardPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    placeFailureBanner();
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
