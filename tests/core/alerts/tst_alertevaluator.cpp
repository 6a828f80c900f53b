#include "core/alerts/alertevaluator.h"
#include "core/alerts/alertstore.h"
#include "core/demo/demotraffic.h"
#include "core/query/apiquery.h"
#include "core/sources/apistore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/teststore.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kT0 = 1795564800; // 2026-11-25 00:00 UTC

DemoRequest req(qint64 ts, int status)
{
    DemoRequest r;
    r.ts = ts;
    r.site = "www";
    r.addr = QByteArray("\x51\x02\x45\x01", 4);
    r.country = "FR";
    r.method = "GET";
    r.path = "/";
    r.status = status;
    r.bytes = 100;
    r.agent = "Firefox/132.0";
    r.referrer = "-";
    return r;
}

QStringList events(const QList<AlertNotice>& notices)
{
    QStringList out;
    for (const AlertNotice& n : notices)
        out.append(QStringLiteral("%1@%2").arg(n.event.event).arg(n.event.ts - kT0));
    return out;
}
} // namespace

// Rules driven by a settable clock through fire, repeat, resolve and no-data, over series written by the real
// ingest writer and API store, with state and history in a real SQLite file.
class TestAlertEvaluator : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = TestStore::open(*m_dir, QStringLiteral("tst_alertevaluator"));
        Migrations::migrate(*m_db);
        m_writer = std::make_unique<DbWriter>(*m_db);
        m_db->exec("INSERT INTO sources(id, type, name, settings, created_at) VALUES (1, 'github', 'acme', '{}', 0)");
        m_clock.setMs(kT0 * 1000);
    }

    void errorShareFiresRepeatsAndResolvesOnce()
    {
        // 10 requests a minute for 30 minutes; one in ten answered 500 for the first 20 minutes (10%).
        {
            Transaction tx(*m_db);
            DemoTrafficWriter w(*m_db);
            for (int minute = 0; minute < 30; ++minute)
                for (int i = 0; i < 10; ++i)
                    w.add(req(kT0 + minute * 60 + i, minute < 20 && i == 0 ? 500 : 200));
            w.finish();
            tx.commit();
        }
        AlertRule rule = makeRule("traffic.share.5xx", AlertRule::Kind::Above, 5);
        rule.forSecs = 600;
        rule.repeatSecs = 300;
        addRule(rule);
        QStringList all;
        for (int step = 1; step <= 40; ++step) {
            m_clock.setMs((kT0 + step * 60) * 1000);
            all += events(AlertEvaluator::evaluate(*m_writer, m_clock.nowSecs(), 60));
        }
        // Pending from 00:01, fired 10 minutes later, sent again every 5 minutes, resolved at 00:23 when the
        // 5-minute window holds 2 of its 5 minutes of errors (4%).
        QCOMPARE(all, QStringList({ "firing@660", "repeat@960", "repeat@1260", "resolved@1380" }));
        const QList<AlertEvent> history = AlertStore(*m_db).history();
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.first().event, QString("resolved"));
        QVERIFY2(history.last().message.contains("10%, above 5%"), qPrintable(history.last().message));
        QCOMPARE(*history.last().value, 10.0);
        QCOMPARE(AlertStore(*m_db).firingCount(), 0);
    }

    // A traffic rule's notification: its window against the one before, then what moved, counts grouped.
    void notificationSaysTheRatioAndTheMovers()
    {
        {
            Transaction tx(*m_db);
            DemoTrafficWriter w(*m_db);
            for (int i = 0; i < 1000; ++i) { // every hour: 1,000 from a steady referrer
                for (const qint64 hour : { kT0, kT0 + 3600 }) {
                    DemoRequest r = req(hour + i * 3, 200);
                    r.referrer = "https://steady.example/";
                    w.add(r);
                }
            }
            for (int i = 0; i < 4812; ++i) { // the second hour: 4,812 more from Hacker News, to the release post
                DemoRequest r = req(kT0 + 3600 + i * 3600 / 4812, 200);
                r.referrer = "news.ycombinator.com";
                r.path = "/blog/release-2.0";
                w.add(r);
            }
            w.finish();
            tx.commit();
        }
        AlertRule rule = makeRule("traffic.requests", AlertRule::Kind::Above, 2000);
        rule.window = 3600;
        const qint64 now = kT0 + 7200;
        const AlertCheck c = AlertEvaluator::check(*m_db, rule, now);
        QVERIFY(c.matches);
        const QString message = AlertEvaluator::withMovers(*m_db, rule, now, c.text);
        // 5,812 against 1,000: x5.8.
        QVERIFY2(message.startsWith(QStringLiteral("requests ×5.8 in 1 h: referrer news.ycombinator.com +4,812, path "
                                                   "/blog/release-2.0 +4,812")),
            qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral("(Requests is 5812, above 2000)")), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("steady.example")), qPrintable(message));
    }

    void evaluatedOncePerIntervalWhoeverAsks()
    {
        recordStars({ { kT0, 10 } });
        addRule(makeRule("github.stars{repo=\"acme/rocket\"}", AlertRule::Kind::Above, 5));
        QCOMPARE(events(AlertEvaluator::evaluate(*m_writer, kT0 + 60, 60)), QStringList({ "firing@60" }));
        const qint64 evaluated = AlertStore(*m_db).state(1).lastEval;
        // A second process on the same file, 10 s later: the rule is not due again.
        DbWriter other(m_db->path());
        QVERIFY(other.openError().isEmpty());
        QVERIFY(AlertEvaluator::evaluate(other, kT0 + 70, 60).isEmpty());
        QCOMPARE(AlertStore(*m_db).state(1).lastEval, evaluated);
        // A minute on, it is.
        recordStars({ { kT0 + 100, 1 } });
        QCOMPARE(events(AlertEvaluator::evaluate(other, kT0 + 120, 60)), QStringList({ "resolved@120" }));
    }

    void noDataFiresAndResolvesWhenThePollComesBack()
    {
        recordStars({ { kT0, 10 } });
        AlertRule rule = makeRule("github.stars{repo=\"acme/rocket\"}", AlertRule::Kind::NoData, 0);
        rule.span = 3600;
        addRule(rule);
        QVERIFY(AlertEvaluator::evaluate(*m_writer, kT0 + 1800, 60).isEmpty());
        const QList<AlertNotice> fired = AlertEvaluator::evaluate(*m_writer, kT0 + 3700, 60);
        QCOMPARE(events(fired), QStringList({ "firing@3700" }));
        QVERIFY2(fired.first().event.message.contains("no data for 1h"), qPrintable(fired.first().event.message));
        // A poll that finds the same value stores no sample, but the source did answer.
        ApiStore(*m_db).recordSuccess(1, kT0 + 5000);
        QCOMPARE(events(AlertEvaluator::evaluate(*m_writer, kT0 + 5100, 60)), QStringList({ "resolved@5100" }));
    }

    void changeOverADay_data()
    {
        QTest::addColumn<double>("by");
        QTest::addColumn<bool>("percent");
        QTest::addColumn<bool>("fires");
        QTest::addRow("fell by any amount") << -1.0 << false << true;
        QTest::addRow("fell by 10 or more") << -10.0 << false << false;
        QTest::addRow("fell by 2 percent or more") << -2.0 << true << true;
        QTest::addRow("fell by 5 percent or more") << -5.0 << true << false;
        QTest::addRow("rose") << 1.0 << false << false;
    }
    void changeOverADay()
    {
        QFETCH(double, by);
        QFETCH(bool, percent);
        QFETCH(bool, fires);
        recordStars({ { kT0, 100 }, { kT0 + 86400 + 3600, 97 } });
        AlertRule rule = makeRule("github.stars{repo=\"acme/rocket\"}", AlertRule::Kind::Change, by);
        rule.percent = percent;
        rule.span = 86400;
        addRule(rule);
        const QList<AlertNotice> n = AlertEvaluator::evaluate(*m_writer, kT0 + 86400 + 7200, 60);
        QCOMPARE(n.size(), fires ? 1 : 0);
        if (fires)
            QVERIFY2(n.first().event.message.contains("97") && n.first().event.message.contains("100"),
                qPrintable(n.first().event.message));
    }

    void unknownSeriesNeitherFiresNorResolves()
    {
        addRule(makeRule("github.stars{repo=\"not/yet\"}", AlertRule::Kind::Below, 1));
        QVERIFY(AlertEvaluator::evaluate(*m_writer, kT0 + 60, 60).isEmpty());
        QVERIFY2(AlertStore(*m_db).state(1).error.contains("not/yet"), qPrintable(AlertStore(*m_db).state(1).error));
        // It appears with its source's first poll, and the rule works from then on.
        ApiStore store(*m_db);
        store.recordPoint(store.seriesId(1, "github", "not/yet", "stars"), kT0 + 100, 0);
        QCOMPARE(events(AlertEvaluator::evaluate(*m_writer, kT0 + 200, 60)), QStringList({ "firing@200" }));
        QVERIFY(AlertStore(*m_db).state(1).error.isEmpty());
    }

    void removedRuleKeepsItsHistory()
    {
        recordStars({ { kT0, 10 } });
        addRule(makeRule("github.stars{repo=\"acme/rocket\"}", AlertRule::Kind::Above, 5));
        QCOMPARE(AlertEvaluator::evaluate(*m_writer, kT0 + 60, 60).size(), 1);
        QVERIFY(m_writer->call([](Database& db) { return AlertStore(db).remove(1); }));
        QVERIFY(AlertEvaluator::evaluate(*m_writer, kT0 + 200, 60).isEmpty());
        QCOMPARE(AlertStore(*m_db).history().size(), 1);
        QCOMPARE(AlertStore(*m_db).history().first().ruleName, QString("stars"));
    }

private:
    AlertRule makeRule(const QString& series, AlertRule::Kind kind, double threshold)
    {
        AlertRule r;
        r.name = QStringLiteral("stars");
        r.series = series;
        r.kind = kind;
        r.threshold = threshold;
        r.createdAt = kT0;
        return r;
    }
    void addRule(const AlertRule& r)
    {
        m_writer->run([&](Database& db) { AlertStore(db).add(r); });
    }
    void recordStars(const QList<Sample>& points)
    {
        ApiStore store(*m_db);
        const qint64 id = store.seriesId(1, "github", "acme/rocket", "stars");
        for (const Sample& p : points)
            store.recordPoint(id, p.ts, p.value);
    }

    ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DbWriter> m_writer;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestAlertEvaluator)
#include "tst_alertevaluator.moc"
