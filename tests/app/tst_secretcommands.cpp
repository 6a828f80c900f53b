// Secrets a user types (webhook URLs, credential headers, API keys and passwords in URLs) as the program is used
// from a shell: they reach the servers they are for, and nothing else. Every output, report, backup and the
// database file itself are searched for each planted secret; a restored backup says what it needs again, and an
// old database holding secrets in plain text is upgraded without them.
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/fakeapiserver.h"
#include "tests/support/runprogram.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
const QByteArray kHeaderSecret = "hdrSECRET4711abc";
const QByteArray kQuerySecret = "qrySECRET0815xyz";
const QByteArray kPasswordSecret = "pwdSECRET2718pqr";
const QByteArray kWebhookSecret = "hookSECRET3141tuv";

// nginx combined lines a minute ago, for an alert on traffic to fire.
QByteArray logLines(int count)
{
    const QString when = QLocale::c().toString(
        QDateTime::currentDateTimeUtc().addSecs(-60), QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000"));
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += QStringLiteral("203.0.113.%1 - - [%2] \"GET /p%1 HTTP/1.1\" 200 100 \"-\" \"curl/8\"\n")
                   .arg(i + 1)
                   .arg(when)
                   .toUtf8();
    return out;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Every planted secret found in `bytes`, by name.
QStringList secretsIn(const QByteArray& bytes, const QList<QByteArray>& secrets)
{
    QStringList found;
    for (const QByteArray& s : secrets)
        if (bytes.contains(s))
            found.append(QString::fromLatin1(s));
    return found;
}
} // namespace

class TestSecretCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server.handler = [](const FakeRequest& r) {
            const QString path = r.url.path();
            if (path == QLatin1String("/stats"))
                return FakeResponse { 200, { { "Content-Type", "application/json" } }, R"({"count": 7})" };
            if (path == QLatin1String("/metrics"))
                return FakeResponse { 200, { { "Content-Type", "text/plain; version=0.0.4" } },
                    "# TYPE jobs gauge\njobs 3\n" };
            return FakeResponse { 200, {}, "ok" };
        };
        m_data = m_dir.filePath(QStringLiteral("data"));
        QDir().mkpath(m_data);
    }

    // The secrets are used where they belong, and found nowhere else: not in any output, report, backup, or in the
    // database's files.
    void plantedSecretsNeverLeave()
    {
        const QString base = m_server.baseUrl();
        ProgramResult r = run({ "sources", "add", "http-json", "--url",
            base + "/stats?api_key=" + QString::fromLatin1(kQuerySecret) + "&page=1", "--field", "count=/count",
            "--header", "X-Api-Key: " + QString::fromLatin1(kHeaderSecret), "--header", "Accept-Language: en" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains("added source 1"), qPrintable(r.out));
        const QString exporter = QStringLiteral("http://scraper:%1@127.0.0.1:%2/metrics")
                                     .arg(QString::fromLatin1(kPasswordSecret))
                                     .arg(m_server.port());
        r = run({ "sources", "add", "prometheus", "--url", exporter, "--select", "jobs" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        r = run({ "alerts", "add", "--series", "traffic.requests", "--above", "0", "--window", "30m", "--name",
            "Any traffic", "--webhook", base + "/services/T000/B000/" + QString::fromLatin1(kWebhookSecret) });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY(write("access.log", logLines(5)));
        r = run({ "import", m_dir.filePath("access.log") });
        QVERIFY2(r.code == 0, qPrintable(r.all()));

        r = run({ "collect", "--once" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        // The servers got the secrets.
        bool statsAsked = false;
        bool hookPosted = false;
        for (const FakeRequest& req : m_server.requests) {
            if (req.url.path() == QLatin1String("/stats")) {
                statsAsked = true;
                QCOMPARE(req.header("x-api-key"), kHeaderSecret);
                QVERIFY2(req.url.query().contains(QString::fromLatin1(kQuerySecret)), qPrintable(req.url.query()));
                QCOMPARE(req.header("accept-language"), QByteArray("en"));
            }
            if (req.url.path().endsWith(QString::fromLatin1(kWebhookSecret)) && req.method == "POST")
                hookPosted = true;
        }
        QVERIFY(statsAsked);
        QVERIFY(hookPosted);
        m_outputs += r.all().toUtf8();

        // Everything a user or a colleague may see or be sent.
        for (const QStringList& args : QList<QStringList> { { "sources", "list" }, { "sources", "list", "--json" },
                 { "alerts", "list" }, { "alerts", "list", "--json" }, { "alerts", "history", "--json" }, { "stats" },
                 { "stats", "--json" }, { "series", "list", "--json" }, { "dashboards", "list" } }) {
            const ProgramResult out = run(args);
            QVERIFY2(out.code == 0, qPrintable(args.join(' ') + ": " + out.all()));
            m_outputs += out.all().toUtf8();
        }
        // The masked forms say what is set.
        const ProgramResult listed = run({ "sources", "list", "--json" });
        QVERIFY2(listed.out.contains("X-Api-Key: ••••") && listed.out.contains("api_key=••••")
                && listed.out.contains("scraper:••••@127.0.0.1"),
            qPrintable(listed.out));
        const ProgramResult rules = run({ "alerts", "list" });
        QVERIFY2(rules.out.contains("127.0.0.1/… (generic)"), qPrintable(rules.out));

        const QString report = m_dir.filePath("report");
        r = run({ "report", "--out", report, "--size", "800x500" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QDirIterator files(report, QDir::Files, QDirIterator::Subdirectories);
        int reportFiles = 0;
        while (files.hasNext()) {
            const QString f = files.next();
            ++reportFiles;
            const QStringList found = secretsIn(fileBytes(f), allSecrets());
            QVERIFY2(found.isEmpty(), qPrintable(f + ": " + found.join(", ")));
        }
        QVERIFY(reportFiles > 3);

        m_backup = m_dir.filePath("backup.sqlite");
        r = run({ "backup", m_backup });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        m_outputs += r.all().toUtf8();

        QVERIFY(secretsIn(m_outputs, allSecrets()).isEmpty());
        QStringList found = secretsIn(fileBytes(m_backup), allSecrets());
        QVERIFY2(found.isEmpty(), qPrintable("backup: " + found.join(", ")));
        for (const char* suffix : { "", "-wal" }) {
            found = secretsIn(
                fileBytes(QDir(m_data).filePath("activity.sqlite") + QString::fromLatin1(suffix)), allSecrets());
            QVERIFY2(found.isEmpty(), qPrintable(QString("activity.sqlite") + suffix + ": " + found.join(", ")));
        }
        // They are kept where tokens are: the private file (no keyring answers here).
        const QString tokens = QDir(m_data).filePath("tokens.json");
        QCOMPARE(secretsIn(fileBytes(tokens), allSecrets()).size(), allSecrets().size());
        QCOMPARE(QFileInfo(tokens).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    // A header changed with `sources edit` replaces the secret; the masked value left as it is keeps it.
    void editKeepsOrReplacesSecrets()
    {
        ProgramResult r = run({ "sources", "edit", "1", "--interval", "30m" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        m_server.clearLog();
        r = run({ "collect", "--once" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY(statsHeader() == kHeaderSecret);

        const QByteArray replaced = "hdrNEWSECRET9999";
        r = run({ "sources", "edit", "1", "--header", "X-Api-Key: " + QString::fromLatin1(replaced) });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY(!r.all().toUtf8().contains(replaced));
        m_server.clearLog();
        r = run({ "collect", "--once" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QCOMPARE(statsHeader(), replaced);
        QVERIFY(!fileBytes(QDir(m_data).filePath("activity.sqlite") + "-wal").contains(replaced));
        // The query's key was left masked: still the one stored.
        QVERIFY(m_server.requests.first().url.query().contains(QString::fromLatin1(kQuerySecret)));
        // Back to the planted one for the next tests.
        r = run({ "sources", "edit", "1", "--header", "X-Api-Key: " + QString::fromLatin1(kHeaderSecret) });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        // A mask typed where no secret stands for it is refused, by option.
        r = run({ "sources", "edit", "2", "--url", "http://other:••••@127.0.0.1:1/metrics" });
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("--url") && r.err.contains("type the whole value again"), qPrintable(r.err));
    }

    // A backup restored on another machine (another data folder) holds no secret: `restore` says which sources and
    // rules need theirs, polls say so, and the user gives them again, or names variables that hold them.
    void restoredElsewhereAsksForSecrets()
    {
        const QString other = m_dir.filePath("elsewhere");
        QDir().mkpath(other);
        ProgramResult r = runIn(other, { "restore", m_backup });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY2(r.out.contains("source 1 (http-json") && r.out.contains("sources edit 1 --header ... --url ...")
                && r.out.contains("source 2 (prometheus") && r.out.contains("alerts edit 1 --webhook URL"),
            qPrintable(r.out));

        m_server.clearLog();
        r = runIn(other, { "collect", "--once" });
        QVERIFY2(r.code != 0 && r.err.contains("not on this machine"), qPrintable(r.all()));
        QVERIFY(secretsIn(r.all().toUtf8(), allSecrets()).isEmpty());

        r = runIn(other,
            { "sources", "edit", "1", "--url",
                m_server.baseUrl() + "/stats?api_key=" + QString::fromLatin1(kQuerySecret), "--header", "",
                "--header-env", "X-Api-Key=STATS_KEY" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        r = runIn(other, { "sources", "remove", "2" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        r = runIn(other, { "alerts", "edit", "1", "--webhook-env", "HOOK_URL" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        // Rule 1 fired before the backup (it is sent again in 4 hours): a new one shows the variable at work.
        r = runIn(other,
            { "alerts", "add", "--series", "traffic.requests", "--above", "0", "--window", "30m", "--name", "Env hook",
                "--webhook-env", "HOOK_URL" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QVERIFY(write("more.log", logLines(3)));
        QCOMPARE(runIn(other, { "import", m_dir.filePath("more.log") }).code, 0);
        m_server.clearLog();
        const QString hook = m_server.baseUrl() + "/hooks/from-env";
        r = runIn(other, { "collect", "--once" },
            { { "STATS_KEY", QString::fromLatin1(kHeaderSecret) }, { "HOOK_URL", hook } });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QCOMPARE(statsHeader(), kHeaderSecret);
        bool posted = false;
        for (const FakeRequest& req : m_server.requests)
            posted = posted || (req.method == "POST" && req.url.path() == QLatin1String("/hooks/from-env"));
        QVERIFY(posted);
        const ProgramResult listed = runIn(other, { "alerts", "list" });
        QVERIFY2(listed.out.contains("$HOOK_URL"), qPrintable(listed.out));
        QVERIFY(!fileBytes(QDir(other).filePath("activity.sqlite")).contains(kHeaderSecret));
    }

    // A database of the version before, holding its secrets in plain text: opened by this version, the secrets
    // move to the private file and leave the database's bytes, and polls and webhooks still use them.
    void upgradeMovesPlainSecretsOut()
    {
        const QString old = m_dir.filePath("old");
        QDir().mkpath(old);
        const QString path = QDir(old).filePath("activity.sqlite");
        const QString url = m_server.baseUrl() + "/stats?api_key=" + QString::fromLatin1(kQuerySecret);
        const QString hook = m_server.baseUrl() + "/services/T/B/" + QString::fromLatin1(kWebhookSecret);
        {
            Database db(path);
            Migrations::migrateTo(db, 9);
            QJsonObject settings;
            settings.insert("url", url);
            settings.insert("field", "count=/count");
            settings.insert("header", QString("X-Api-Key: " + QString::fromLatin1(kHeaderSecret)));
            settings.insert("interval", "15m");
            Statement source = db.prepare(
                "INSERT INTO sources(id, type, name, enabled, settings, created_at) VALUES (1, 'http-json', "
                "'127.0.0.1/stats', 1, ?, 0)");
            source.bind(1, QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact))).exec();
            Statement error
                = db.prepare("INSERT INTO fetch_state(source_id, last_error, last_error_at) VALUES (1, ?, 1)");
            error.bind(1, "GET /stats?api_key=" + QString::fromLatin1(kQuerySecret) + ": HTTP 500").exec();
            Statement cached = db.prepare(
                "INSERT INTO http_cache(source_id, url, etag, body, fetched_at) VALUES (1, ?, 'e', x'00', 1)");
            cached.bind(1, url).exec();
            Statement rule = db.prepare(
                "INSERT INTO alert_rules(id, name, series, kind, threshold, percent, span, window_secs, for_secs, "
                "severity, repeat_secs, webhook, webhook_format, created_at) VALUES (1, 'Any traffic', "
                "'traffic.requests', 'above', 0, 0, 0, 1800, 0, 'warning', 14400, ?, 'generic', 0)");
            rule.bind(1, hook).exec();
            Statement event = db.prepare(
                "INSERT INTO alert_events(rule_id, rule_name, series, severity, ts, event, message, delivery) VALUES "
                "(1, 'Any traffic', 'traffic.requests', 'warning', 1, 'firing', 'm', ?)");
            event.bind(1, "failed: Error transferring " + hook + " - server replied: Bad Gateway").exec();
        }
        QVERIFY(secretsIn(fileBytes(path) + fileBytes(path + "-wal"), allSecrets()).size() >= 3);

        const ProgramResult listed = runIn(old, { "sources", "list", "--json" });
        QVERIFY2(listed.code == 0, qPrintable(listed.all()));
        QVERIFY2(listed.out.contains("X-Api-Key: ••••") && listed.out.contains("api_key=••••"), qPrintable(listed.out));
        const QStringList found = secretsIn(fileBytes(path) + fileBytes(path + "-wal"), allSecrets());
        QVERIFY2(found.isEmpty(), qPrintable("upgraded database: " + found.join(", ")));
        QCOMPARE(secretsIn(fileBytes(QDir(old).filePath("tokens.json")), allSecrets()).size(), 3);
        const ProgramResult history = runIn(old, { "alerts", "history", "--json" });
        QVERIFY2(history.out.contains("127.0.0.1/…"), qPrintable(history.out));

        QVERIFY(write("old.log", logLines(2)));
        QCOMPARE(runIn(old, { "import", m_dir.filePath("old.log") }).code, 0);
        m_server.clearLog();
        const ProgramResult once = runIn(old, { "collect", "--once" });
        QVERIFY2(once.code == 0, qPrintable(once.all()));
        QCOMPARE(statsHeader(), kHeaderSecret);
        bool posted = false;
        for (const FakeRequest& req : m_server.requests)
            posted = posted || (req.method == "POST" && req.url.path().endsWith(QString::fromLatin1(kWebhookSecret)));
        QVERIFY(posted);
    }

private:
    ProgramResult run(const QStringList& args) { return runIn(m_data, args); }
    ProgramResult runIn(const QString& data, const QStringList& args, const QHash<QString, QString>& env = {})
    {
        const ProgramResult r = runProgram(args, data, env);
        m_outputs += r.all().toUtf8();
        return r;
    }
    bool write(const QString& name, const QByteArray& bytes)
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }
    QByteArray statsHeader() const
    {
        for (const FakeRequest& req : m_server.requests)
            if (req.url.path() == QLatin1String("/stats"))
                return req.header("x-api-key");
        return "(not asked)";
    }
    static QList<QByteArray> allSecrets() { return { kHeaderSecret, kQuerySecret, kPasswordSecret, kWebhookSecret }; }

    QTemporaryDir m_dir;
    QString m_data;
    QString m_backup;
    FakeHttpServer m_server;
    QByteArray m_outputs; // every output of every run
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSecretCommands)
#include "tst_secretcommands.moc"
