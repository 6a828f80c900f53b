// The traffic report's files (core/report/trafficreport.h).
#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/report/trafficreport.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/teststore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC

QByteArray summary(const QString& dir)
{
    QFile f(dir + QStringLiteral("/summary.csv"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestTrafficReport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_path = TestStore::location(m_dir, QStringLiteral("tst_trafficreport"));
        ManualClock clock(0);
        IngestPipeline pipeline(m_path, nullptr, clock);
        // Garbage received at known times: 130 lines the day before (more than the 100 kept for display), split
        // over two hours, and 3 on the day, from two sources.
        auto receive = [&](qint64 at, qint64 source, int count) {
            clock.setMs(at * 1000);
            for (int i = 0; i < count; ++i)
                pipeline.push({ source, {}, "not an access log line " + QByteArray::number(i) });
            pipeline.flush();
        };
        receive(kDay - 86400 + 60, 0, 100);
        receive(kDay - 3600, 3, 30);
        receive(kDay + 10, 0, 1);
        receive(kDay + 7200, 3, 1);
        receive(kDay + 86399, 3, 1);
    }

    // summary.csv's `rejected` counts every line rejected within the report's range (by hour of receipt), not every
    // line ever rejected, and not only the last 100 lines a source keeps for display.
    void rejectedWithinTheRange_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<int>("rejected");
        QTest::addRow("the day before") << kDay - 86400 << kDay << 130;
        QTest::addRow("the day") << kDay << kDay + 86400 << 3;
        QTest::addRow("both days") << kDay - 86400 << kDay + 86400 << 133;
        QTest::addRow("to is exclusive") << kDay - 86400 << kDay - 3600 << 100;
        QTest::addRow("a week before") << kDay - 8 * 86400 << kDay - 7 * 86400 << 0;
    }
    void rejectedWithinTheRange()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(int, rejected);
        QTemporaryDir out;
        {
            Database db(m_path);
            QCOMPARE(db.queryInt("SELECT count(*) FROM rejected_lines WHERE source_id = 0").value_or(-1), 100);
            QCOMPARE(TrafficReport::write(db, from, to, out.path()), QString());
        }
        QCOMPARE(summary(out.path()),
            QByteArray("metric,value\r\nrequests,0\r\nvisitors,0\r\nbytes,0\r\nrejected,")
                + QByteArray::number(rejected)
                + "\r\nhuman_requests,0\r\nhuman_visitors,0\r\nbot_requests,0\r\nbot_bytes,0\r\n");
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestTrafficReport)
#include "tst_trafficreport.moc"
