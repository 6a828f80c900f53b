// Runs the real activity-dashboard binary as a user would and checks what it prints and stores.
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
struct Result {
    int status = -1;
    QString out;
    QString err;
};

Result run(const QStringList& args, const QString& dataDir = QString())
{
    QProcess p;
    QStringList all;
    if (!dataDir.isEmpty())
        all << QStringLiteral("--data-dir") << dataDir;
    all << args;
    p.start(QStringLiteral(ACTIVITY_BIN), all);
    if (!p.waitForFinished(60000))
        return {};
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError()) };
}
} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void unknownCommandIsNamed()
    {
        QTemporaryDir dir;
        const Result r = run({ QStringLiteral("frobnicate") }, dir.path());
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains(QStringLiteral("frobnicate")), qPrintable(r.err));
    }

    void unknownOptionIsNamed_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("named");
        QTest::addRow("window") << QStringList { "--colour" } << "--colour";
        QTest::addRow("stats") << QStringList { "stats", "--yaml" } << "--yaml";
        QTest::addRow("sources list") << QStringList { "sources", "list", "--xml" } << "--xml";
        QTest::addRow("sources add") << QStringList { "sources", "add", "github", "--repo", "a/b", "--branch", "x" }
                                     << "--branch";
        QTest::addRow("sources sub") << QStringList { "sources", "explode" } << "explode";
        QTest::addRow("sources type") << QStringList { "sources", "add", "gitlab" } << "gitlab";
        QTest::addRow("missing value") << QStringList { "sources", "add", "github", "--repo" } << "--repo";
        QTest::addRow("data-dir value") << QStringList { "stats", "--data-dir" } << "--data-dir";
    }
    void unknownOptionIsNamed()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const Result r = run(args, args.contains(QStringLiteral("--data-dir")) ? QString() : dir.path());
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
    }

    void sourcesAddValidation_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("hint");
        QTest::addRow("repo shape") << QStringList { "github", "--repo", "linux" } << "--repo"
                                    << "owner/name";
        QTest::addRow("repo and org") << QStringList { "github", "--repo", "a/b", "--org", "c" } << "--repo"
                                      << "exactly one";
        QTest::addRow("interval") << QStringList { "github", "--org", "kde", "--interval", "fortnightly" }
                                  << "--interval"
                                  << "15m";
        QTest::addRow("api url") << QStringList { "github", "--org", "kde", "--api-url", "git://x" } << "--api-url"
                                 << "http";
        QTest::addRow("token env") << QStringList { "github", "--org", "kde", "--token-env", "my token" }
                                   << "--token-env"
                                   << "GITHUB_TOKEN";
        QTest::addRow("docker namespace") << QStringList { "dockerhub" } << "--namespace"
                                          << "required";
        QTest::addRow("docker interval") << QStringList { "dockerhub", "--namespace", "x", "--interval", "0s" }
                                         << "--interval"
                                         << "duration";
        QTest::addRow("listen scheme") << QStringList { "syslog", "--listen", "http://127.0.0.1:5514" } << "--listen"
                                       << "udp://";
        QTest::addRow("listen port") << QStringList { "syslog", "--listen", "udp://127.0.0.1:0" } << "--listen"
                                     << "65535";
        QTest::addRow("listen port big") << QStringList { "syslog", "--listen", "tcp://127.0.0.1:65536" } << "--listen"
                                         << "65535";
        QTest::addRow("listen no port") << QStringList { "syslog", "--listen", "udp://127.0.0.1" } << "--listen"
                                        << "PORT";
        QTest::addRow("allow") << QStringList { "syslog", "--allow", "10.0.0.0/99" } << "--allow"
                               << "networks";
        QTest::addRow("site") << QStringList { "syslog", "--site", "a b" } << "--site"
                              << "letters";
        QTest::addRow("logfile path") << QStringList { "logfile" } << "--path"
                                      << "required";
    }
    void sourcesAddValidation()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        QFETCH(QString, hint);
        QTemporaryDir dir;
        const Result r = run(QStringList { "sources", "add" } + args, dir.path());
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains(field), qPrintable(r.err));
        QVERIFY2(r.err.contains(hint), qPrintable(r.err));
        // Nothing was stored.
        const Result list = run({ "sources", "list", "--json" }, dir.path());
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void sourcesLifecycle()
    {
        QTemporaryDir dir;
        qputenv("SECRET_FOR_TEST", "ghp_supersecret");
        Result r = run(
            { "sources", "add", "github", "--repo", "torvalds/linux", "--token-env", "SECRET_FOR_TEST" }, dir.path());
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("torvalds/linux")));
        QCOMPARE(run({ "sources", "add", "dockerhub", "--namespace", "library", "--repo", "nginx", "--interval", "2h" },
                     dir.path())
                     .status,
            0);
        QCOMPARE(
            run({ "sources", "add", "syslog", "--listen", "tcp://[::1]:6514", "--site", "www" }, dir.path()).status, 0);
        QCOMPARE(run({ "sources", "add", "logfile", "--path", "/var/log/nginx/access.log" }, dir.path()).status, 0);

        r = run({ "sources", "list", "--json" }, dir.path());
        QCOMPARE(r.status, 0);
        QJsonParseError error;
        const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8(), &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(array.size(), 4);
        const QJsonObject gh = array[0].toObject();
        QCOMPARE(gh.value("type").toString(), QStringLiteral("github"));
        QCOMPARE(gh.value("name").toString(), QStringLiteral("torvalds/linux"));
        QCOMPARE(gh.value("enabled").toBool(), true);
        QCOMPARE(gh.value("repo").toString(), QStringLiteral("torvalds/linux"));
        QCOMPARE(gh.value("interval").toString(), QStringLiteral("15m"));
        QCOMPARE(array[1].toObject().value("name").toString(), QStringLiteral("library/nginx"));
        QCOMPARE(array[1].toObject().value("interval").toString(), QStringLiteral("2h"));
        QCOMPARE(array[2].toObject().value("listen").toString(), QStringLiteral("tcp://[::1]:6514"));
        QCOMPARE(array[2].toObject().value("allow").toString(), QStringLiteral("127.0.0.0/8,::1/128"));
        QVERIFY(!r.out.contains(QStringLiteral("supersecret")));

        const QString id = QString::number(gh.value("id").toInteger());
        QCOMPARE(run({ "sources", "pause", id }, dir.path()).status, 0);
        r = run({ "sources", "list" }, dir.path());
        QVERIFY(r.out.contains(QStringLiteral("paused")));
        QCOMPARE(run({ "sources", "resume", id }, dir.path()).status, 0);
        r = run({ "sources", "list", "--json" }, dir.path());
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array()[0].toObject().value("enabled").toBool(), true);

        r = run({ "sources", "remove", "999" }, dir.path());
        QVERIFY(r.status != 0);
        QVERIFY(r.err.contains(QStringLiteral("999")));
        r = run({ "sources", "pause", "abc" }, dir.path());
        QCOMPARE(r.status, 2);
        QVERIFY(r.err.contains(QStringLiteral("abc")));

        QCOMPARE(run({ "sources", "remove", id, "--purge" }, dir.path()).status, 0);
        r = run({ "sources", "list", "--json" }, dir.path());
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 3);
    }

    void statsJsonParses()
    {
        QTemporaryDir dir;
        QCOMPARE(run({ "sources", "add", "syslog" }, dir.path()).status, 0);
        const Result r = run({ "stats", "--json" }, dir.path());
        QCOMPARE(r.status, 0);
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(o.value("schema_version").toInt() >= 1);
        QVERIFY(o.value("database_bytes").toInteger() > 0);
        QCOMPARE(o.value("tables").toObject().value("sources").toInteger(), 1);
        QCOMPARE(o.value("tables").toObject().value("requests").toInteger(), 0);
        QCOMPARE(o.value("sources").toArray().size(), 1); // the syslog source, nothing received yet
        QCOMPARE(o.value("sources").toArray().at(0).toObject().value("received").toInteger(), 0);

        // What Health shows per source, on the command line too.
        QFile log(dir.filePath("access.log"));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("81.2.69.142 - - [25/Nov/2026:05:32:29 +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"\n"
                  "not a log line\n"
                  "81.2.69.143 - - [25/Nov/2026:05:32:30 +0000] \"GET /a HTTP/1.1\" 404 5 \"-\" \"curl\"\n");
        log.close();
        QCOMPARE(run({ "import", log.fileName() }, dir.path()).status, 0);
        const QJsonArray sources = QJsonDocument::fromJson(run({ "stats", "--json" }, dir.path()).out.toUtf8())
                                       .object()
                                       .value("sources")
                                       .toArray();
        QCOMPARE(sources.size(), 2);
        const QJsonObject imported = sources.at(1).toObject();
        QCOMPARE(imported.value("id").toInteger(), 0);
        QCOMPARE(imported.value("type").toString(), QString("import"));
        QCOMPARE(imported.value("received").toInteger(), 3);
        QCOMPARE(imported.value("stored").toInteger(), 2);
        QCOMPARE(imported.value("rejected").toInteger(), 1);
        QCOMPARE(imported.value("dropped").toInteger(), 0);
        QCOMPARE(imported.value("denied").toInteger(), 0);
        const QString text = run({ "stats" }, dir.path()).out;
        QVERIFY2(text.contains("log sources:    received, stored, rejected, dropped, denied\n"), qPrintable(text));
        QVERIFY2(text.contains("  0 import (import): 3, 2, 1, 0, 0\n"), qPrintable(text));
    }

    void settingsAreValidatedAndRetentionApplies()
    {
        QTemporaryDir dir;
        Result r = run({ "settings" }, dir.path());
        QCOMPARE(r.status, 0);
        QVERIFY2(r.out.contains("retention.days = 90 (default)"), qPrintable(r.out));
        // Bad values and keys are refused, naming themselves.
        r = run({ "settings", "set", "retention.days", "soon" }, dir.path());
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("retention.days") && r.err.contains("'soon'"), qPrintable(r.err));
        r = run({ "settings", "set", "retention.weeks", "3" }, dir.path());
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("'retention.weeks'"), qPrintable(r.err));
        r = run({ "settings", "set", "geoip.city_db", dir.filePath("missing.mmdb") }, dir.path());
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("geoip.city_db") && r.err.contains("missing.mmdb"), qPrintable(r.err));
        QCOMPARE(run({ "settings", "set", "retention.days", " 30 " }, dir.path()).status, 0);
        QCOMPARE(run({ "settings", "get", "retention.days" }, dir.path()).out, QString("30\n"));

        // An import keeps rows within 30 days only; the rollups count both lines.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto line = [](const QDateTime& t) -> QByteArray {
            return "81.2.69.142 - - [" + QLocale::c().toString(t, "dd/MMM/yyyy:HH:mm:ss").toLatin1()
                + " +0000] \"GET / HTTP/1.1\" 200 5 \"-\" \"curl\"\n";
        };
        QFile log(dir.filePath("access.log"));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write(line(now.addDays(-40)) + line(now.addDays(-1)));
        log.close();
        QCOMPARE(run({ "import", log.fileName() }, dir.path()).status, 0);
        r = run({ "stats", "--json" }, dir.path());
        QCOMPARE(
            QJsonDocument::fromJson(r.out.toUtf8()).object().value("tables").toObject().value("requests").toInteger(),
            1);

        QCOMPARE(run({ "settings", "unset", "retention.days" }, dir.path()).status, 0);
        QVERIFY(run({ "settings" }, dir.path()).out.contains("retention.days = 90 (default)"));
    }

    void backupAndRestoreThroughTheCommandLine()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a"));
        const QString b = dir.filePath(QStringLiteral("b"));
        QCOMPARE(run({ "sources", "add", "github", "--org", "kde" }, a).status, 0);
        QCOMPARE(run({ "sources", "add", "syslog" }, a).status, 0);
        const QString file = dir.filePath(QStringLiteral("backup.sqlite"));
        Result r = run({ "backup", file }, a);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QCOMPARE(run({ "sources", "add", "logfile", "--path", "/x" }, b).status, 0);
        r = run({ "restore", file }, b);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = run({ "sources", "list", "--json" }, b);
        const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array[0].toObject().value("name").toString(), QStringLiteral("kde/*"));

        // Not ours: refused, named, nothing changed.
        const QString junk = dir.filePath(QStringLiteral("junk.txt"));
        QFile f(junk);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a database");
        f.close();
        r = run({ "restore", junk }, b);
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains(junk), qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(run({ "sources", "list", "--json" }, b).out.toUtf8()).array().size(), 2);
        r = run({ "backup" }, b);
        QCOMPARE(r.status, 2);
    }

    void unusableDataDirIsNamed()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("plainfile"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Result r = run({ "stats" }, file);
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains(file), qPrintable(r.err));
        if (geteuid() != 0) { // root can write anywhere
            const QString ro = dir.filePath(QStringLiteral("ro"));
            QDir().mkpath(ro);
            QFile::setPermissions(ro, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            r = run({ "stats" }, ro);
            QVERIFY(r.status != 0);
            QVERIFY2(r.err.contains(ro), qPrintable(r.err));
        }
        r = run({ "stats" }, file + QStringLiteral("/sub"));
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains(file + QStringLiteral("/sub")), qPrintable(r.err));
    }

    void newerDatabaseIsRefusedWithAClearMessage()
    {
        QTemporaryDir dir;
        QCOMPARE(run({ "stats" }, dir.path()).status, 0);
        {
            QProcess sqlite;
            sqlite.start(QStringLiteral("sqlite3"),
                { dir.filePath(QStringLiteral("activity.sqlite")), QStringLiteral("PRAGMA user_version = 999;") });
            QVERIFY(sqlite.waitForFinished());
            QCOMPARE(sqlite.exitCode(), 0);
        }
        const Result r = run({ "sources", "list" }, dir.path());
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains(QStringLiteral("newer than this program knows")), qPrintable(r.err));
    }

    void speaksTheUsersLanguage()
    {
        QTemporaryDir dir;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("fr_FR.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("fr_FR.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        p.setProcessEnvironment(env);
        p.start(
            QStringLiteral(ACTIVITY_BIN), { "--data-dir", dir.path(), "sources", "add", "github", "--repo", "linux" });
        QVERIFY(p.waitForFinished(60000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.contains(QStringLiteral("--repo")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("doit être propriétaire/nom")), qPrintable(err));
    }

    void helpListsTheCommands()
    {
        const Result r = run({ "--help" });
        QCOMPARE(r.status, 0);
        for (const char* c : { "collect", "import", "sources", "report", "geoip", "stats", "backup", "restore" })
            QVERIFY2(r.out.contains(QString::fromLatin1(c)), c);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCli)
#include "tst_cli.moc"
