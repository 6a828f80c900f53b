#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

// The pipeline side of receiver back-pressure: a line refused by tryOffer() is the receiver's to retry,
// so it counts neither as received nor as dropped; offer() refusals are drops.
class TestPipelineTryOffer : public QObject {
    Q_OBJECT
private slots:
    void refusedTryOfferIsNotADrop();
    void datagramsKeepHalfTheQueue();
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

void TestPipelineTryOffer::datagramsKeepHalfTheQueue()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("a.sqlite");
    Database blocker(path);
    Migrations::migrate(blocker);
    ManualClock clock(1'764'000'000'000);
    IngestPipeline::Options options;
    options.queueLines = 100;
    options.batchLines = 100; // backs up sooner
    IngestPipeline pipeline(path, nullptr, clock, options);
    const QByteArray text = R"(81.2.69.142 - - [25/Nov/2026:05:32:29 +0000] "GET / HTTP/1.1" 200 612 "-" "curl")";
    // Another process holds the write lock: nothing commits, the pipeline backs up to its queue.
    blocker.exec("BEGIN IMMEDIATE");
    // A TCP sender (tryOffer) fills what it may: the queue stays refused to it once only its half is taken.
    qint64 tcp = 0;
    for (int settled = 0; settled < 10 && tcp < 100'000;) {
        if (pipeline.tryOffer(LogLine { 1, "site", text })) {
            ++tcp;
            settled = 0;
        } else {
            ++settled;
            QTest::qWait(20); // the parser may still take some
        }
    }
    QVERIFY(tcp < 100'000);
    // UDP (offer) still finds the other half: exactly half of the queue.
    int udp = 0;
    while (pipeline.offer(LogLine { 2, "site", text }))
        ++udp;
    QCOMPARE(udp, options.queueLines / 2);
    QCOMPARE(pipeline.counters(2).dropped, 1);
    QCOMPARE(pipeline.counters(1).dropped, 0);
    blocker.exec("COMMIT");
    pipeline.flush();
    QCOMPARE(pipeline.counters(1).stored, tcp);
    QCOMPARE(pipeline.counters(2).stored, udp);
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestPipelineTryOffer)
#include "tst_pipelinetryoffer.moc"
