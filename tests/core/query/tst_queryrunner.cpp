#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace activity {

class TestQueryRunner : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("q.sqlite"));
        Database db(m_path);
        Migrations::migrate(db);
    }

    void resultsArriveOnTheCallersThread()
    {
        QueryRunner runner(m_path, 0);
        QThread* worker = nullptr;
        qint64 result = -1;
        runner.post<qint64>(
            this,
            [&worker](Database& db) {
                worker = QThread::currentThread();
                return db.queryInt("SELECT count(*) FROM sources").value_or(-2);
            },
            [&result, this](qint64 value) {
                QCOMPARE(QThread::currentThread(), thread());
                result = value;
            });
        QTRY_COMPARE(result, 0);
        QVERIFY(worker != QThread::currentThread());
    }

    void latestWins()
    {
        QueryRunner runner(m_path, 0);
        LatestTracker tracker;
        QList<int> painted;
        QList<int> ran;
        QSemaphore gate;
        // The first job blocks the worker; three more are queued behind it. Only the newest may run and paint.
        runner.enqueue([&gate](Database&) { gate.acquire(); });
        for (int i = 1; i <= 3; ++i) {
            tracker.submit<int>(
                runner, this,
                [i, &ran](Database&) {
                    ran.append(i);
                    return i;
                },
                [&painted](int v) { painted.append(v); });
        }
        gate.release();
        QTRY_COMPARE(painted, QList<int>({ 3 }));
        runner.waitForIdle();
        QCOMPARE(ran, QList<int>({ 3 }));

        // A result that arrives after a newer request is dropped even if its job had started.
        tracker.submit<int>(
            runner, this, [](Database&) { return 4; }, [&painted](int v) { painted.append(v); });
        runner.waitForIdle();
        tracker.submit<int>(
            runner, this, [](Database&) { return 5; }, [&painted](int v) { painted.append(v); });
        QTRY_COMPARE(painted, QList<int>({ 3, 5 }));
    }

    void noticesCommitsFromOtherConnections()
    {
        QueryRunner runner(m_path, 20);
        QSignalSpy changed(&runner, &QueryRunner::dataChanged);
        runner.waitForIdle();
        // Let the worker open its connection and read the first data_version.
        runner.post<int>(
            this, [](Database& db) { return int(db.queryInt("SELECT 1").value_or(0)); }, [](int) {});
        runner.waitForIdle();
        Database writer(m_path);
        writer.exec("INSERT INTO settings(key, value) VALUES('x', 'y')");
        QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
    }

    void errorsAreReported()
    {
        QueryRunner runner(m_path, 0);
        QSignalSpy failed(&runner, &QueryRunner::failed);
        bool called = false;
        runner.post<int>(
            this, [](Database& db) { return int(db.queryInt("SELECT nope FROM nothing").value_or(0)); },
            [&called](int) { called = true; });
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(!called);

        // The asker hears its own failure, with SQLite's text; a stale request's failure is not reported.
        LatestTracker tracker;
        QStringList failures;
        QSemaphore gate;
        runner.enqueue([&gate](Database&) { gate.acquire(); });
        for (const char* table : { "first_missing", "second_missing" }) {
            tracker.submit<int>(
                runner, this,
                [table](Database& db) {
                    const QByteArray sql = QByteArray("SELECT 1 FROM ") + table;
                    return int(db.queryInt(sql.constData()).value_or(0));
                },
                [&called](int) { called = true; }, [&failures](const QString& m) { failures.append(m); });
        }
        gate.release();
        QTRY_COMPARE(failures.size(), 1);
        QVERIFY2(failures[0].contains(QStringLiteral("second_missing")), qPrintable(failures[0]));
        runner.waitForIdle();
        QCoreApplication::processEvents();
        QCOMPARE(failures.size(), 1);
        QVERIFY(!called);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestQueryRunner)
#include "tst_queryrunner.moc"
