#include "core/storage/database.h"
#include "core/storage/maintenance.h"
#include "core/storage/migrations.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <thread>

namespace activity {

namespace {
void seed(const QString& path, int rows)
{
    Database db(path);
    Migrations::migrate(db);
    Transaction tx(db);
    Statement s = db.prepare("INSERT INTO sources(type, name, settings, created_at) VALUES('syslog', ?, '{}', ?)");
    for (int i = 0; i < rows; ++i)
        s.bind(1, QStringLiteral("source %1").arg(i)).bind(2, qint64(i)).exec();
    tx.commit();
}

qint64 count(const QString& path, const char* sql = "SELECT count(*) FROM sources")
{
    Database db(path, Database::Mode::ReadOnly);
    return db.queryInt(sql).value_or(-1);
}
} // namespace

class TestMaintenance : public QObject {
    Q_OBJECT
private slots:
    void backupWhileAnotherConnectionWrites()
    {
        QTemporaryDir dir;
        const QString live = dir.filePath(QStringLiteral("activity.sqlite"));
        seed(live, 2000);
        std::atomic<bool> stop { false };
        std::atomic<int> written { 0 };
        std::thread writer([&] {
            Database db(live);
            Statement s
                = db.prepare("INSERT INTO sources(type, name, settings, created_at) VALUES('github', 'w', '{}', 0)");
            while (!stop.load()) {
                s.exec();
                written.fetch_add(1);
            }
        });
        while (written.load() < 50)
            std::this_thread::yield();
        const QString backupFile = dir.filePath(QStringLiteral("backup.sqlite"));
        const QString error = Maintenance::backup(live, backupFile);
        stop = true;
        writer.join();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(written.load() > 50);

        const qint64 inBackup = count(backupFile);
        QVERIFY(inBackup >= 2050);
        QVERIFY(inBackup <= 2000 + written.load());
        QCOMPARE(count(backupFile, "PRAGMA user_version"), Migrations::latestVersion());

        // Restore into another data dir: the same rows come back.
        const QString other = dir.filePath(QStringLiteral("other.sqlite"));
        seed(other, 3);
        const QString restoreError = Maintenance::restore(other, backupFile);
        QVERIFY2(restoreError.isEmpty(), qPrintable(restoreError));
        QCOMPARE(count(other), inBackup);
        QCOMPARE(count(other, "SELECT count(*) FROM sources WHERE name = 'source 1999'"), 1);
    }

    void restoreRefusesForeignFilesAndKeepsOldData_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addRow("text file") << QByteArray("text");
        QTest::addRow("other sqlite") << QByteArray("sqlite");
        QTest::addRow("newer schema") << QByteArray("newer");
    }
    void restoreRefusesForeignFilesAndKeepsOldData()
    {
        QFETCH(QByteArray, kind);
        QTemporaryDir dir;
        const QString live = dir.filePath(QStringLiteral("activity.sqlite"));
        seed(live, 7);
        const QString candidate = dir.filePath(QStringLiteral("candidate"));
        if (kind == "text") {
            QFile f(candidate);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hello, this is not a database\n");
        } else if (kind == "sqlite") {
            Database db(candidate);
            db.exec("CREATE TABLE sources(x); INSERT INTO sources VALUES(1)");
        } else {
            seed(candidate, 1);
            Database db(candidate);
            db.setUserVersion(Migrations::latestVersion() + 1);
        }
        const QString error = Maintenance::restore(live, candidate);
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("nothing was changed")) || error.contains(candidate), qPrintable(error));
        QCOMPARE(count(live), 7);
    }

    void statsCountsRows()
    {
        QTemporaryDir dir;
        const QString live = dir.filePath(QStringLiteral("activity.sqlite"));
        seed(live, 12);
        const Maintenance::Stats stats = Maintenance::stats(live);
        QCOMPARE(stats.schemaVersion, Migrations::latestVersion());
        QVERIFY(stats.databaseBytes > 0);
        bool found = false;
        for (const auto& [name, rows] : stats.rowCounts)
            if (name == QLatin1String("sources")) {
                QCOMPARE(rows, 12);
                found = true;
            }
        QVERIFY(found);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestMaintenance)
#include "tst_maintenance.moc"
