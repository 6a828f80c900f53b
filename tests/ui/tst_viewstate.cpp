#include "core/util/clock.h"
#include "ui/viewstate.h"

#include <QSignalSpy>
#include <QTest>

namespace activity {

class TestViewState : public QObject {
    Q_OBJECT
private slots:
    void presetsSlideWithTheClock()
    {
        ManualClock clock(1795591815000); // 2026-11-25 07:30:15 UTC
        ViewState state(clock);
        QCOMPARE(state.preset(), RangePreset::Last30Days);
        QCOMPARE(state.range().toSecs, qint64(1795591860));
        QCOMPARE(state.range().length(), qint64(30 * 86400));
        clock.advanceSecs(3600);
        QCOMPARE(state.range().toSecs, qint64(1795591860 + 3600));
    }
    void changesAreSignalledOnce()
    {
        ManualClock clock(1795591815000);
        ViewState state(clock);
        QSignalSpy changed(&state, &ViewState::changed);
        QSignalSpy range(&state, &ViewState::rangeChanged);
        state.setPreset(RangePreset::Last7Days);
        state.setPreset(RangePreset::Last7Days);
        QCOMPARE(range.count(), 1);
        state.setSite(QStringLiteral("docs"));
        state.setSite(QStringLiteral("docs"));
        state.setCountry(QStringLiteral("FR"));
        QCOMPARE(changed.count(), 3);
        QCOMPARE(state.site(), QStringLiteral("docs"));
        QCOMPARE(state.country(), QStringLiteral("FR"));
    }
    void customRange()
    {
        ManualClock clock(1795591815000);
        ViewState state(clock);
        // Custom without bounds is refused: there is nothing to show.
        state.setPreset(RangePreset::Custom);
        QCOMPARE(state.preset(), RangePreset::Last30Days);
        state.setCustomRange({ 2000, 1000 });
        QCOMPARE(state.preset(), RangePreset::Last30Days);
        state.setCustomRange({ 1000, 2000 });
        QCOMPARE(state.preset(), RangePreset::Custom);
        QCOMPARE(state.range(), (TimeRange { 1000, 2000 }));
        clock.advanceSecs(86400);
        QCOMPARE(state.range(), (TimeRange { 1000, 2000 }));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestViewState)
#include "tst_viewstate.moc"
