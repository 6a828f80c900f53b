#pragma once

#include "core/query/queryrunner.h"
#include "core/query/sourcequery.h"
#include "core/query/timerange.h"

#include <QTimer>
#include <QWidget>

class QLabel;

namespace activity {

class ChartView;
class EmptyState;
class ViewState;

// Base of the data pages: asks core/query on the worker, repaints when the range/site changes or new data
// is committed (coalesced), and loads only while visible unless told to load eagerly (reports, kiosk).
class DashboardPage : public QWidget {
    Q_OBJECT
public:
    // How long a page just shown may keep the screen as it was while its answers come (as browsers hold the old
    // page until the new one has something to paint): a quick load paints once, a slow one shows what it has.
    static constexpr int kPaintHoldMs = 150;
    DashboardPage(QueryRunner& runner, ViewState& state, QWidget* parent = nullptr);

    // Load even while hidden: for report rendering and kiosk rotation.
    void setEagerLoading(bool eager);
    // Starts a load now (drops any stale one in flight).
    void reloadNow();
    bool isLoading() const { return m_pending > 0; }
    // A reload is scheduled (range or data changed) but not started yet.
    bool hasReloadPending() const { return m_reloadTimer.isActive(); }
    // Milliseconds the last load took from request to painted data.
    qint64 lastLoadMs() const { return m_lastLoadMs; }
    QList<ChartView*> charts() const;
    // Why the last load of this page failed (shown on the page); empty when it did not.
    QString failure() const { return m_failure; }

    // The card saying what this page misses (null until a page first had nothing to show).
    EmptyState* emptyState() const { return m_emptyState; }

signals:
    void loaded();
    // The user asked to add a source of this type from the page's empty state.
    void addSourceRequested(const QString& type);
    // A time chart's "Add a note here": the time clicked.
    void noteRequested(qint64 secs);

protected:
    // Submits the page's queries with query().
    virtual void reload() = 0;
    // While the header's "Period before" is on: submits the questions whose answers the page's time charts overlay
    // as the period before (ChartView::setPreviousSeries), over `before` (ViewState::previousRange()).
    virtual void reloadPrevious(const TimeRange& before) { Q_UNUSED(before); }
    template <class R> void query(LatestTracker& tracker, std::function<R(Database&)> job, std::function<void(R)> done)
    {
        query<R>(m_runner, tracker, std::move(job), std::move(done));
    }
    // The same on another runner (a page's second worker for slow questions).
    template <class R>
    void query(
        QueryRunner& runner, LatestTracker& tracker, std::function<R(Database&)> job, std::function<void(R)> done)
    {
        ++m_pending;
        const quint64 generation = m_generation;
        tracker.submit<R>(
            runner, this, std::move(job),
            [this, generation, done = std::move(done)](R result) {
                done(std::move(result));
                if (generation == m_generation)
                    finishOne();
            },
            [this, generation](const QString& message) {
                if (generation == m_generation)
                    fail(message);
            });
    }
    QueryRunner& runner() const { return m_runner; }
    // Milliseconds since the current load started.
    qint64 sinceLoadStartMs() const;
    ViewState& state() const { return m_state; }
    void showEvent(QShowEvent* event) override;
    // Pages that show nothing of the range, site or country (Health) skip the reload when those change.
    void setFollowsViewState(bool follows);
    // Nothing to show: say what is missing over the page, with a button adding a source of `sourceType`
    // (none when empty). Hidden again by hideEmptyState().
    void showEmptyState(
        const QString& title, const QString& detail, const QString& sourceType = {}, const QString& buttonText = {});
    void hideEmptyState();
    // The traffic pages' case: no log source and no request ever (offer to add one), sources but nothing stored
    // yet, or only nothing in this range; hidden when the range has requests.
    void showTrafficPresence(qint64 requestsInRange, const SourceQuery::LogPresence& presence);
    // A title row for sections.
    static QLabel* sectionLabel(const QString& text, QWidget* parent);

private:
    void scheduleReload(int delayMs);
    void finishOne();
    void finishLoad();
    void fail(const QString& message);
    void placeFailureBanner();
    void placeEmptyState();
    void resizeEvent(QResizeEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void holdPaint();
    void loadEvents();
    void releasePaint();

    QueryRunner& m_runner;
    ViewState& m_state;
    QTimer m_reloadTimer;
    QTimer m_paintHold; // while it runs, the page shown keeps the old pixels rather than paint stale data
    QMetaObject::Connection m_stateConnection;
    bool m_dirty = true;
    bool m_eager = false;
    int m_pending = 0;
    quint64 m_generation = 0;
    qint64 m_startedMs = 0;
    qint64 m_lastLoadMs = -1;
    QString m_failure;
    QLabel* m_failureBanner = nullptr;
    LatestTracker m_events; // the markers of the page's time charts
    EmptyState* m_emptyState = nullptr;
};

} // namespace activity
