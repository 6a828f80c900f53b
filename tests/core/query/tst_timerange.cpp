#include "core/query/timerange.h"

#include <QTest>

namespace activity {

class TestTimeRange : public QObject {
    Q_OBJECT
private slots:
    void presets_data()
    {
        QTest::addColumn<int>("preset");
        QTest::addColumn<qint64>("length");
        QTest::addRow("24h") << int(RangePreset::Last24Hours) << qint64(86400);
        QTest::addRow("7d") << int(RangePreset::Last7Days) << qint64(7 * 86400);
        QTest::addRow("30d") << int(RangePreset::Last30Days) << qint64(30 * 86400);
        QTest::addRow("90d") << int(RangePreset::Last90Days) << qint64(90 * 86400);
        QTest::addRow("1y") << int(RangePreset::LastYear) << qint64(365 * 86400);
    }
    void presets()
    {
        QFETCH(int, preset);
        QFETCH(qint64, length);
        // 2026-11-25 07:30:15 UTC: the range ends at the next whole minute, 07:31:00.
        const qint64 now = 1795591815;
        const TimeRange range = TimeRanges::forPreset(RangePreset(preset), now);
        QCOMPARE(range.toSecs, qint64(1795591860));
        QCOMPARE(range.length(), length);
        QCOMPARE(TimeRanges::presetFromKey(TimeRanges::presetKey(RangePreset(preset)), RangePreset::Custom),
            RangePreset(preset));
    }
    void customHasNoImplicitBounds()
    {
        QVERIFY(!TimeRanges::forPreset(RangePreset::Custom, 1795591815).isValid());
        QCOMPARE(TimeRanges::presetFromKey("nonsense", RangePreset::Last7Days), RangePreset::Last7Days);
    }
    void periodFollowsLength_data()
    {
        QTest::addColumn<qint64>("length");
        QTest::addColumn<qint64>("period");
        QTest::addRow("1 day: minutes") << qint64(86400) << qint64(60);
        QTest::addRow("7 days: hours") << qint64(7 * 86400) << qint64(3600);
        QTest::addRow("30 days: hours") << qint64(30 * 86400) << qint64(3600);
        QTest::addRow("90 days: days") << qint64(90 * 86400) << qint64(86400);
    }
    void periodFollowsLength()
    {
        QFETCH(qint64, length);
        QFETCH(qint64, period);
        QCOMPARE(TimeRanges::periodFor({ 1000, 1000 + length }), period);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestTimeRange)
#include "tst_timerange.moc"
