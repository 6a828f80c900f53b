// summary.csv's `rejected` counts the lines rejected within the report's range, not every line ever rejected.
#include "core/report/trafficreport.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC

QByteArray summary(const QString& dir)
{
    QFile f(dir + QStringLiteral("/summary.csv"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestReportRejected : public QObject {
    Q_OBJECT
private slots:
    void rejectedWithinTheRange_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<int>("rejected");
        QTest::addRow("the day before") << kDay - 86400 << kDay << 2;
        QTest::addRow("the day") << kDay << kDay + 86400 << 3;
        QTest::addRow("both days") << kDay - 86400 << kDay + 86400 << 5;
        QTest::addRow("to is exclusive") << kDay - 86400 << kDay - 3600 << 1;
        QTest::addRow("a week before") << kDay - 8 * 86400 << kDay - 7 * 86400 << 0;
    }
    void rejectedWithinTheRange()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(int, rejected);
        QTemporaryDir dir;
        {
            Database db(dir.filePath(QStringLiteral("a.sqlite")));
            Migrations::migrate(db);
            // Two sources; the counters say 40 rejected in all (older lines were not kept).
            db.exec(
                "INSERT INTO ingest_counters(source_id, name, value) VALUES (0, 'rejected', 30), (3, 'rejected', 10)");
            Statement st
                = db.prepare("INSERT INTO rejected_lines(source_id, ts, reason, line) VALUES(?, ?, 'bad', 'x')");
            for (const auto& [source, ts] : { std::pair<int, qint64> { 0, kDay - 86400 + 60 }, { 3, kDay - 3600 },
                     { 0, kDay + 10 }, { 3, kDay + 7200 }, { 3, kDay + 86399 } })
                st.bind(1, source).bind(2, ts).exec();
            QCOMPARE(TrafficReport::write(db, from, to, dir.path()), QString());
        }
        QCOMPARE(summary(dir.path()),
            QByteArray("metric,value\r\nrequests,0\r\nvisitors,0\r\nbytes,0\r\nrejected,")
                + QByteArray::number(rejected) + "\r\n");
    }
};

QTEST_GUILESS_MAIN(TestReportRejected)
#include "tst_reportrejected.moc"
