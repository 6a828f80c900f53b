#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/ingestcounters.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/teststore.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

class TestSourceStore : public QObject {
    Q_OBJECT
private slots:
    void addListPauseRemove()
    {
        QTemporaryDir dir;
        Database db(TestStore::location(dir, QStringLiteral("tst_sourcestore")));
        Migrations::migrate(db);
        ManualClock clock(1'750'000'000'000);
        SourceStore store(db, clock);
        const qint64 a = store.add(QStringLiteral("github"), QStringLiteral("a/b"), QJsonObject { { "repo", "a/b" } });
        const qint64 b = store.add(QStringLiteral("syslog"), QStringLiteral("udp://127.0.0.1:5514"), {});
        auto all = store.list();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all[0].id, a);
        QCOMPARE(all[0].settings.value("repo").toString(), QStringLiteral("a/b"));
        QCOMPARE(all[0].createdAt, 1'750'000'000);
        QVERIFY(all[0].enabled);

        QVERIFY(store.setEnabled(a, false));
        QVERIFY(!store.get(a)->enabled);
        QVERIFY(store.setEnabled(a, true));
        QVERIFY(store.get(a)->enabled);
        QVERIFY(!store.setEnabled(999, false));

        // History survives a plain remove and goes with --purge.
        db.exec(
            "INSERT INTO series(id, source_id, provider, repository, metric) VALUES(1, 1, 'github', 'a/b', 'stars')");
        db.exec("INSERT INTO samples(series_id, ts, value) VALUES(1, 100, 5)");
        db.exec("INSERT INTO sites(id, name) VALUES(1, 'site')");
        db.roomForRequests(1); // as the ingest writer does (a team store's month partition)
        db.exec("INSERT INTO requests(id, site_id, source_id, addr, status, bytes) VALUES(1 << 20, 1, 2, x'7f000001', "
                "200, 10)");
        QVERIFY(store.remove(a, false));
        QCOMPARE(db.queryInt("SELECT count(*) FROM samples").value_or(0), 1);
        QCOMPARE(db.queryInt("SELECT count(*) FROM series WHERE source_id IS NULL").value_or(0), 1);
        QVERIFY(store.remove(b, true));
        QCOMPARE(db.queryInt("SELECT count(*) FROM requests").value_or(-1), 0);
        QVERIFY(store.list().isEmpty());
        QVERIFY(!store.remove(b, false));
    }

    // A removed source's history stays under its id: a source added later never takes that id, or Health would
    // show the old source's lines as the new one's.
    void idsAreNeverReused()
    {
        QTemporaryDir dir;
        Database db(TestStore::location(dir, QStringLiteral("tst_sourcestore")));
        Migrations::migrate(db);
        ManualClock clock(1'750'000'000'000);
        SourceStore store(db, clock);
        const qint64 a = store.add(QStringLiteral("github"), QStringLiteral("a/b"), {});
        const qint64 syslog = store.add(QStringLiteral("syslog"), QStringLiteral("udp://127.0.0.1:5514"), {});
        IngestCounters(db).add(syslog, QStringLiteral("received"), 184000);
        IngestCounters(db).setLatest(syslog, QStringLiteral("last_received_at"), 1'749'999'000);
        QVERIFY(store.remove(syslog, false));
        const qint64 next = store.add(QStringLiteral("syslog"), QStringLiteral("udp://127.0.0.1:5515"), {});
        QVERIFY(next != syslog);
        QVERIFY(next > a);
        QCOMPARE(store.get(next)->lastReceived, 0); // not the removed source's 184,000 lines

        // Purged too: the id is not given again.
        QVERIFY(store.remove(next, true));
        const qint64 after = store.add(QStringLiteral("github"), QStringLiteral("c/d"), {});
        QVERIFY(after > next);

        // A database from before ids were remembered: what removed sources left (rejected lines, hourly
        // received counts) keeps their ids taken.
        db.exec("DELETE FROM settings WHERE key = 'last_source_id'");
        QVERIFY(store.remove(after, true));
        db.exec("INSERT INTO rejected_lines(source_id, ts, reason, line) VALUES(40, 1, 'bad', x'00')");
        db.exec("INSERT INTO rollups(period, dim, bucket, site_id, key, requests, visitors, bytes) "
                "VALUES(3600, 'received', 0, 0, '57', 3, 0, 0)");
        QCOMPARE(store.add(QStringLiteral("github"), QStringLiteral("e/f"), {}), 58);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSourceStore)
#include "tst_sourcestore.moc"
