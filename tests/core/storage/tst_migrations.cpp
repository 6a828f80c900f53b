#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <sqlite3.h>

namespace activity {

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void fromEmpty()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("a.sqlite")));
        Migrations::migrate(db);
        QCOMPARE(db.userVersion(), Migrations::latestVersion());
        QCOMPARE(db.queryInt("PRAGMA application_id").value_or(0), Migrations::kApplicationId);
        QCOMPARE(db.queryInt("PRAGMA foreign_keys").value_or(0), 1);
        Statement mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
        for (const char* table : { "sources", "fetch_state", "http_cache", "series", "samples", "strings", "sites",
                 "requests", "rollups", "visitors", "ingest_counters", "rejected_lines" }) {
            Statement s = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
            s.bind(1, QString::fromLatin1(table));
            QVERIFY(s.step());
            QVERIFY2(s.int64(0) == 1, table);
        }
        // Running again changes nothing.
        Migrations::migrate(db);
        QCOMPARE(db.userVersion(), Migrations::latestVersion());
    }

    void fromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("start");
        for (int v = 1; v < Migrations::latestVersion(); ++v)
            QTest::addRow("v%d", v) << v;
        if (Migrations::latestVersion() == 1)
            QTest::addRow("v1-reopened") << 1;
    }
    void fromEveryEarlierVersion()
    {
        QFETCH(int, start);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        {
            Database db(path);
            Migrations::migrateTo(db, start);
            QCOMPARE(db.userVersion(), start);
            db.exec("INSERT INTO sources(type, name, settings, created_at) VALUES('github', 'a/b', "
                    "'{\"repo\":\"a/b\"}', 1)");
        }
        Database db(path);
        Migrations::migrate(db);
        QCOMPARE(db.userVersion(), Migrations::latestVersion());
        QCOMPARE(db.queryInt("SELECT count(*) FROM sources WHERE name = 'a/b'").value_or(0), 1);
    }

    // Before version 9, 404 paths, referrers and agents had day rollups only: their hour rollups are complete from
    // the day after the last day written (from the start in a new database).
    void hourlyTextRollupsStartAfterTheUpgrade()
    {
        QTemporaryDir dir;
        Database fresh(dir.filePath(QStringLiteral("new.sqlite")));
        Migrations::migrate(fresh);
        QCOMPARE(AppSettings::hourlyTextRollupsFrom(fresh), 0);

        Database db(dir.filePath(QStringLiteral("old.sqlite")));
        Migrations::migrateTo(db, 8);
        db.exec("INSERT INTO rollups(period, bucket, site_id, dim, key, requests) VALUES "
                "(86400, 1795564800, 1, '', '', 5), (86400, 1795478400, 1, 'agent', 'curl', 3), "
                "(3600, 1795575600, 1, '', '', 5)");
        Migrations::migrate(db);
        QCOMPARE(AppSettings::hourlyTextRollupsFrom(db), 1795564800 + 86400);
    }

    void newerSchemaIsRefusedAndUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.sqlite"));
        {
            Database db(path);
            Migrations::migrate(db);
            db.setUserVersion(Migrations::latestVersion() + 5);
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        const auto hash = [&] {
            QFile f(path);
            f.open(QIODevice::ReadOnly);
            return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
        };
        const QByteArray before = hash();
        Database db(path);
        try {
            Migrations::migrate(db);
            QFAIL("a newer schema was accepted");
        } catch (const DatabaseError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("newer than this program knows")), qPrintable(e.message()));
            QVERIFY(e.message().contains(QString::number(Migrations::latestVersion() + 5)));
        }
        QCOMPARE(db.userVersion(), Migrations::latestVersion() + 5);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        QCOMPARE(hash(), before);
    }

    void foreignDatabaseIsRefused()
    {
        QTemporaryDir dir;
        Database db(dir.filePath(QStringLiteral("other.sqlite")));
        db.exec("CREATE TABLE notes(x)");
        QVERIFY_THROWS_EXCEPTION(DatabaseError, Migrations::migrate(db));
        QCOMPARE(db.userVersion(), 0);
    }

    void foreignFileIsLeftByteForByte()
    {
        // Another program's database in rollback-journal mode, made without our Database class.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("activity.sqlite"));
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1)", nullptr, nullptr, nullptr),
            SQLITE_OK);
        sqlite3_close(raw);
        const auto bytes = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray before = bytes();
        QCOMPARE(before.at(18), char(1)); // file format "legacy": not WAL
        try {
            Database db(path);
            QFAIL("another program's database was opened for writing");
        } catch (const DatabaseError& e) {
            QVERIFY2(e.message().contains(path) && e.message().contains(QStringLiteral("refusing to change it")),
                qPrintable(e.message()));
        }
        QCOMPARE(bytes(), before); // still not WAL, nothing written
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void notADatabaseIsAClearError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        try {
            Database db(path);
            QFAIL("junk opened as a database");
        } catch (const DatabaseError& e) {
            QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        }
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestMigrations)
#include "tst_migrations.moc"
