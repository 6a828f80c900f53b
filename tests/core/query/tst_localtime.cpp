// What the window calls "today" and "hour of day" is the user's clock, not UTC; and every chart bucket of a range
// is a point, zeros where nothing was logged. Runs in Tokyo (UTC+9) so a UTC-day answer cannot pass.
#include "core/demo/demotraffic.h"
#include "core/query/buckets.h"
#include "core/query/overviewquery.h"
#include "core/query/trafficquery.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/localhours.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <ctime>
#include <numeric>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC = 09:00 in Tokyo
constexpr qint64 kHour = 3600;

DemoRequest req(qint64 ts, int status = 200)
{
    DemoRequest r;
    r.ts = ts;
    r.site = "www";
    r.addr = QByteArray("\x51\x02\x45\x01", 4);
    r.country = "JP";
    r.method = "GET";
    r.path = "/";
    r.status = status;
    r.bytes = 100;
    r.agent = "Firefox/132.0";
    return r;
}
} // namespace

class TestLocalTime : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QCOMPARE(QDateTime::fromSecsSinceEpoch(kDay).time().hour(), 9); // the zone is in effect
        m_path = m_dir.filePath(QStringLiteral("t.sqlite"));
        Database db(m_path);
        Migrations::migrate(db);
        Transaction tx(db);
        DemoTrafficWriter w(db);
        w.add(req(kDay - 30 * kHour)); // 24 Nov 03:00 Tokyo: yesterday, before this time of day
        w.add(req(kDay - 10 * kHour)); // 24 Nov 23:00 Tokyo: yesterday, after this time of day
        w.add(req(kDay - 2 * kHour, 404)); // 25 Nov 07:00 Tokyo: today (still 24 Nov in UTC)
        w.add(req(kDay + 1 * kHour, 500)); // 25 Nov 10:00 Tokyo: today
        w.finish();
        tx.commit();
    }

    void localDayStartIsMidnightOnTheUsersClock()
    {
        QCOMPARE(OverviewQuery::localDayStart(kDay + 12 * kHour), kDay - 9 * kHour);
        QCOMPARE(OverviewQuery::localDayStart(kDay - 9 * kHour), kDay - 9 * kHour);
        QCOMPARE(OverviewQuery::localDayStart(kDay - 9 * kHour - 1), kDay - 33 * kHour);
    }

    void overviewTodayIsTheLocalDay()
    {
        Database db(m_path, Database::Mode::ReadOnly);
        const qint64 now = kDay + 12 * kHour; // 21:00 in Tokyo
        const OverviewData d = OverviewQuery::read(db, { kDay - 7 * 86400, now }, QString(), now);
        QCOMPARE(d.today.requests, 2);
        QCOMPARE(d.yesterdaySoFar.requests, 1); // 03:00 counts, 23:00 is later in the day than now
        QCOMPARE(d.rangeRequests, 4);
        QCOMPARE(d.topCountry, QStringLiteral("JP"));
    }

    void hourOfDayIsTheLocalHour()
    {
        Database db(m_path, Database::Mode::ReadOnly);
        const QList<qint64> hours = TrafficQuery::hourOfDay(db, { { kDay - 2 * 86400, kDay + 86400 }, {}, {} });
        QCOMPARE(hours.size(), 24);
        QCOMPARE(hours[3], 1);
        QCOMPARE(hours[23], 1);
        QCOMPARE(hours[7], 1);
        QCOMPARE(hours[10], 1);
        QCOMPARE(std::accumulate(hours.cbegin(), hours.cend(), qint64(0)), 4);
    }

    // The cached offsets give QDateTime's local hour for every hour of a year, across daylight-saving changes
    // (half-hour ones on Lord Howe, Morocco's around Ramadan, Newfoundland's -3:30).
    void localHoursFollowTheZonesChanges_data()
    {
        QTest::addColumn<QByteArray>("zone");
        for (const char* zone : { "Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "Africa/Casablanca",
                 "America/Santiago", "Asia/Tokyo" })
            QTest::newRow(zone) << QByteArray(zone);
    }
    void localHoursFollowTheZonesChanges()
    {
        QFETCH(QByteArray, zone);
        qputenv("TZ", zone);
        tzset();
        const auto restore = qScopeGuard([] {
            qputenv("TZ", "Asia/Tokyo");
            tzset();
        });
        LocalHours local;
        int checked = 0;
        // Every hour and a few minutes past it, from 2025-12-29 on (changes at 30 minutes past land in them).
        for (qint64 t = 1766966400; t < 1766966400 + 370 * 86400; t += 1800) {
            for (const qint64 secs : { t, t + 1799 }) {
                const int expected = QDateTime::fromSecsSinceEpoch(secs).time().hour();
                if (local.hourOf(secs) != expected)
                    QFAIL(qPrintable(QStringLiteral("%1 at %2: %3, expected %4")
                                         .arg(QString::fromLatin1(zone))
                                         .arg(secs)
                                         .arg(local.hourOf(secs))
                                         .arg(expected)));
                ++checked;
            }
        }
        QCOMPARE(checked, 370 * 48 * 2);
        // Backwards, and far from the last span asked.
        QCOMPARE(local.hourOf(0), QDateTime::fromSecsSinceEpoch(0).time().hour());
        QCOMPARE(local.hourOf(-86400 * 365 - 1), QDateTime::fromSecsSinceEpoch(-86400 * 365 - 1).time().hour());
    }

    void everyBucketOfTheRangeIsAPoint()
    {
        Database db(m_path, Database::Mode::ReadOnly);
        const TimeRange range { kDay - 12 * kHour + 1234, kDay + 12 * kHour };
        QCOMPARE(Buckets::stepFor(range), 600);
        const TrafficFilter filter { range, {}, {} };
        const FilledTraffic f = Buckets::fill(
            range, 600, TrafficQuery::buckets(db, filter, 600), TrafficQuery::statusClasses(db, filter, 600));
        // From the 10 minutes holding the start (aligned down to 1200 s past) to the end: 144 - 2 buckets.
        QCOMPARE(f.requests.size(), 142);
        QCOMPARE(f.requests.first().x(), double(kDay - 12 * kHour + 1200));
        QCOMPARE(f.requests.last().x(), double(kDay + 12 * kHour - 600));
        double sum = 0;
        int nonZero = 0;
        for (const QPointF& p : f.requests) {
            sum += p.y();
            nonZero += p.y() > 0 ? 1 : 0;
        }
        QCOMPARE(sum, 3.0);
        QCOMPARE(nonZero, 3);
        QCOMPARE(f.visitors.size(), f.requests.size());
        QCOMPARE(f.bytes.size(), f.requests.size());
        for (const auto& cls : f.statusClasses)
            QCOMPARE(cls.size(), f.requests.size());
        const auto at = [&f](int cls, qint64 t) {
            for (const QPointF& p : f.statusClasses[size_t(cls)])
                if (p.x() == double(t))
                    return p.y();
            return -1.0;
        };
        QCOMPARE(at(3, kDay - 2 * kHour), 1.0); // 4xx
        QCOMPARE(at(4, kDay + kHour), 1.0); // 5xx
        QCOMPARE(at(1, kDay - 10 * kHour), 1.0); // 2xx
        QVERIFY(!f.hasInformational());
        // No status buckets asked: no status series.
        QVERIFY(Buckets::fill(range, 600, {}).statusClasses[1].isEmpty());
        QVERIFY(Buckets::fill({ 10, 10 }, 600, {}).requests.isEmpty());
    }

    // The first bucket drawn that ends after the range or after now: what the charts draw dashed.
    void incompleteBuckets_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("expected");
        const qint64 h = 3600;
        QTest::addRow("now inside the range") << 0ll << 10 * h << 5 * h + 1800 << 5 * h;
        QTest::addRow("now on a bucket's start") << 0ll << 10 * h << 5 * h << 5 * h;
        QTest::addRow("range ends on a bucket's end") << 0ll << 10 * h << 20 * h << -1ll;
        QTest::addRow("range ends inside a bucket") << 0ll << 10 * h + 1800 << 20 * h << 10 * h;
        QTest::addRow("range starts inside a bucket") << 1800ll << 2 * h << 20 * h << -1ll;
        QTest::addRow("now before the range") << 2 * h << 10 * h << 0ll << 2 * h;
    }
    void incompleteBuckets()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(qint64, now);
        QFETCH(qint64, expected);
        QCOMPARE(Buckets::incompleteFrom({ from, to }, 3600, now), expected);
    }

    // Where the bucket not over yet lands in a series and in its thinned sparkline.
    void partialIndexes()
    {
        const QList<QPointF> points { { 0, 1 }, { 10, 1 }, { 20, 1 }, { 30, 1 } };
        QCOMPARE(Buckets::indexFrom(points, 20), 2);
        QCOMPARE(Buckets::indexFrom(points, 15), 2);
        QCOMPARE(Buckets::indexFrom(points, 0), 0);
        QCOMPARE(Buckets::indexFrom(points, 31), -1);
        QCOMPARE(Buckets::indexFrom(points, -1), -1);
        QCOMPARE(Buckets::thinnedIndex(2, 4, 80), 2); // not thinned
        QCOMPARE(Buckets::thinnedIndex(999, 1000, 60), 59); // the last value stays last
        QCOMPARE(Buckets::thinnedIndex(-1, 1000, 60), -1);
        // The first picked value at or after index 500: thin() picks values[i * 999 / 59].
        const qsizetype i = Buckets::thinnedIndex(500, 1000, 60);
        QVERIFY(qsizetype(double(i) * 999.0 / 59.0) >= 500);
        QVERIFY(qsizetype(double(i - 1) * 999.0 / 59.0) < 500);
    }

    void thinKeepsTheEnds()
    {
        QList<double> values;
        for (int i = 0; i < 1000; ++i)
            values.append(i);
        const QList<double> thin = Buckets::thin(values, 60);
        QCOMPARE(thin.size(), 60);
        QCOMPARE(thin.first(), 0.0);
        QCOMPARE(thin.last(), 999.0);
        QCOMPARE(Buckets::thin({ 1, 2 }, 60), QList<double>({ 1, 2 }));
        QCOMPARE(Buckets::trend(1, 2), 1);
        QCOMPARE(Buckets::trend(2, 1), -1);
        QCOMPARE(Buckets::trend(2, 2), 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

int main(int argc, char** argv)
{
    qputenv("TZ", "Asia/Tokyo");
    tzset();
    QCoreApplication app(argc, argv);
    activity::TestLocalTime test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_localtime.moc"
