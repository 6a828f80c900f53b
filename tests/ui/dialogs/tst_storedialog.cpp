// File > Store: the user chooses which store the window opens, tests it against a real PostgreSQL and a real
// SQLite file, and the program's window (a real process) opens the chosen one at its next start.
#include "core/settings/storechoice.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/postgresserver.h"
#include "ui/dialogs/storedialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

class TestStoreDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("activity-dashboard-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_storedialog"));
    }
    void init() { QSettings().clear(); }

    void testSaysWhatTheStoreIs()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("team.sqlite"));
        {
            Database db(file);
            Migrations::migrate(db);
        }
        StoreDialog dialog(QStringLiteral("/home/me/.local/share/activity-dashboard/activity.sqlite"), {});
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("currentStore"))->text(),
            QStringLiteral("/home/me/.local/share/activity-dashboard/activity.sqlite"));
        QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("storeOverridden")));
        dialog.urlEdit()->setText(QStringLiteral("sqlite:") + file);
        dialog.test();
        QCOMPARE(dialog.resultLabel()->text(),
            QStringLiteral("Works: SQLite file, schema version %1").arg(Migrations::latestVersion()));

        PostgresServer server;
        QVERIFY2(server.ok(), qPrintable(server.error()));
        {
            Database admin(server.url());
            admin.exec("CREATE DATABASE team");
        }
        dialog.urlEdit()->setText(server.url(QStringLiteral("team")));
        dialog.test();
        QVERIFY2(dialog.resultLabel()->text().startsWith(QLatin1String("Works: PostgreSQL 15"))
                && dialog.resultLabel()->text().contains(QLatin1String("empty: run `activity-dashboard store init")),
            qPrintable(dialog.resultLabel()->text()));
        {
            Database team(server.url(QStringLiteral("team")));
            Migrations::migrate(team);
        }
        dialog.test();
        QVERIFY2(
            dialog.resultLabel()->text().endsWith(QStringLiteral("schema version %1").arg(Migrations::latestVersion())),
            qPrintable(dialog.resultLabel()->text()));

        // A server that does not answer, with a password in the URL: why, and never the password.
        dialog.urlEdit()->setText(QStringLiteral("postgresql://me:s3cr3tpw@127.0.0.1:1/team"));
        dialog.test();
        QVERIFY2(dialog.resultLabel()->text().startsWith(QLatin1String("Cannot be used: "))
                && !dialog.resultLabel()->text().contains(QLatin1String("s3cr3tpw")),
            qPrintable(dialog.resultLabel()->text()));
        dialog.urlEdit()->setText(QStringLiteral("mysql://db/x"));
        dialog.test();
        QVERIFY2(dialog.resultLabel()->text().contains(QLatin1String("mysql://db/x")),
            qPrintable(dialog.resultLabel()->text()));
    }

    void saveKeepsAStoreAndRefusesWhatIsNot()
    {
        StoreDialog dialog(QStringLiteral("x"), QStringLiteral("--store"));
        QVERIFY(
            dialog.findChild<QLabel*>(QStringLiteral("storeOverridden"))->text().contains(QLatin1String("--store")));
        dialog.urlEdit()->setText(QStringLiteral("mysql://db/x"));
        QVERIFY(!dialog.save());
        QVERIFY2(dialog.resultLabel()->text().startsWith(QLatin1String("Not saved: ")),
            qPrintable(dialog.resultLabel()->text()));
        QCOMPARE(StoreChoice::saved(), QString());
        // A password is never written to the settings file (plain text, copied by backups), nor shown back.
        dialog.urlEdit()->setText(QStringLiteral("postgresql://me:s3cr3tpw@db.example.org:5432/activity"));
        QVERIFY(!dialog.save());
        QVERIFY2(dialog.resultLabel()->text().contains(QLatin1String(".pgpass"))
                && !dialog.resultLabel()->text().contains(QLatin1String("s3cr3tpw")),
            qPrintable(dialog.resultLabel()->text()));
        QCOMPARE(StoreChoice::saved(), QString());
        dialog.urlEdit()->setText(QStringLiteral("  postgresql://me@db.example.org:5432/activity  "));
        QVERIFY(dialog.save());
        QCOMPARE(StoreChoice::saved(), QStringLiteral("postgresql://me@db.example.org:5432/activity"));
        // Opened again, the dialog shows the choice; emptied, the window goes back to its own file.
        StoreDialog again(QStringLiteral("x"), {});
        QCOMPARE(again.urlEdit()->text(), QStringLiteral("postgresql://me@db.example.org:5432/activity"));
        again.urlEdit()->clear();
        QVERIFY(again.save());
        QCOMPARE(StoreChoice::saved(), QString());
    }

    // The program's window, started with nothing on its command line, opens the store chosen in the dialog; with
    // --data-dir it keeps to that folder's file.
    void theWindowOpensTheChosenStore()
    {
        QTemporaryDir home;
        const QString chosen = home.filePath(QStringLiteral("chosen.sqlite"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.remove(QStringLiteral("ACTIVITY_STORE"));
        {
            QSettings settings(home.filePath(QStringLiteral("config/activity-dashboard/activity-dashboard.conf")),
                QSettings::IniFormat);
            settings.setValue(QStringLiteral("store/url"), QString(QStringLiteral("sqlite:") + chosen));
        }
        const auto runWindow = [&](const QStringList& args, const QString& expectFile) {
            QProcess window;
            window.setProcessEnvironment(env);
            window.start(QStringLiteral(ACTIVITY_BIN), args);
            QVERIFY(window.waitForStarted());
            // The window makes its store when it opens it.
            QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(expectFile), 20000);
            window.terminate();
            QVERIFY(window.waitForFinished(20000));
        };
        runWindow({}, chosen);
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("data/activity-dashboard/activity.sqlite"))));
        const QString own = home.filePath(QStringLiteral("own"));
        runWindow({ QStringLiteral("--data-dir"), own }, own + QStringLiteral("/activity.sqlite"));
    }
};

} // namespace activity

QTEST_MAIN(activity::TestStoreDialog)
#include "tst_storedialog.moc"
