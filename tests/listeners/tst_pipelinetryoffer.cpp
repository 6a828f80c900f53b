#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"

#include <QTemporaryDir>
#include <QTest>

// The pipeline side of receiver back-pressure: a line refused by tryOffer() is the receiver's to retry,
// so it counts neither as received nor as dropped; offer() refusals are drops.
class TestPipelineTryOffer : public QObject {
    Q_OBJECT
private slots:
    void refusedTryOfferIsNotADrop();
};

void TestPipelineTryOffer::refusedTryOfferIsNotADrop()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.sqlite");
    {
        Database db(path);
        Migrations::migrate(db);
    }
    ManualClock clock(1'764'000'000'000);
    IngestPipeline pipeline(path, nullptr, clock);
    const QByteArray text = R"(81.2.69.142 - - [25/Nov/2026:05:32:29 +0000] "GET / HTTP/1.1" 200 612 "-" "curl")";
    QVERIFY(pipeline.tryOffer(LogLine { 4, "site", text }));
    pipeline.flush();
    QCOMPARE(pipeline.counters(4).received, 1);
    QCOMPARE(pipeline.counters(4).stored, 1);
    pipeline.stop(); // from now on every line is refused
    QVERIFY(!pipeline.tryOffer(LogLine { 4, "site", text }));
    QCOMPARE(pipeline.counters(4).received, 1);
    QCOMPARE(pipeline.counters(4).dropped, 0);
    QVERIFY(!pipeline.offer(LogLine { 4, "site", text }));
    QCOMPARE(pipeline.counters(4).dropped, 1);
}

QTEST_GUILESS_MAIN(TestPipelineTryOffer)
#include "tst_pipelinetryoffer.moc"
