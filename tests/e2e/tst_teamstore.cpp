// The team store as a team runs it: a real PostgreSQL 15, `store init`, two `collect` processes sharing it (one
// owning the syslog listener, both able to poll the same GitHub source), PostgreSQL restarted mid-stream, a
// collector killed with SIGKILL, `report` from a third process, and `store migrate` from SQLite and back.
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "tests/support/collectprocess.h"
#include "tests/support/fakeapiserver.h"
#include "tests/support/postgresserver.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace activity {

namespace {
// Runs the program with `args` (and --store STORE unless empty); the exit status and what it printed.
QString run(const QStringList& args, int* status, const QString& store = {}, const QString& dataDir = {})
{
    QProcess p;
    QStringList all = args;
    if (!store.isEmpty())
        all << QStringLiteral("--store") << store;
    if (!dataDir.isEmpty())
        all << QStringLiteral("--data-dir") << dataDir;
    p.start(QStringLiteral(ACTIVITY_BIN), all);
    p.waitForFinished(120'000);
    *status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

bool startCollector(QProcess& p, const QString& store, const QString& name, const QString& dataDir)
{
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(ACTIVITY_BIN),
        { QStringLiteral("collect"), QStringLiteral("--store"), store, QStringLiteral("--name"), name,
            QStringLiteral("--data-dir"), dataDir });
    return p.waitForStarted(10'000);
}

qint64 scalar(const QString& store, const char* sql)
{
    Database db(store, Database::Mode::ReadOnly);
    return db.queryInt(sql).value_or(-1);
}

QString leaseHolder(const QString& store)
{
    Database db(store, Database::Mode::ReadOnly);
    Statement st = db.prepare("SELECT collector FROM source_leases WHERE source_id = 1");
    return st.step() ? st.text(0) : QString();
}

QByteArray line(int i)
{
    const QByteArray stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1();
    const QByteArray msg = "<190>Nov 25 05:32:29 web1 nginx: 81.2.69." + QByteArray::number(i % 250 + 1) + " - - ["
        + stamp + " +0000] \"GET /team/" + QByteArray::number(i)
        + " HTTP/1.1\" 200 5 \"https://ref.example/\" \"team\"";
    return QByteArray::number(msg.size()) + ' ' + msg;
}

int repoPolls(const FakeApis& fake)
{
    int n = 0;
    for (const FakeRequest& r : fake.server.requests)
        n += r.url.path() == QLatin1String("/repos/acme/rocket") ? 1 : 0;
    return n;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestTeamStore : public QObject {
    Q_OBJECT
private slots:
    void init();
    void twoCollectorsThroughARestart();
    void aKilledCollectorsSourceIsTakenOver();
    void migrateFromSqliteAndBack();
    void hostileLinesGiveTheSameFiguresOnBothEngines();
    void aViewerLoginIsRefusedWrites();
    void tlsIsVerified();
    void aReaderTellsWhenTheStoreIsAwayAndBack();
    void badStoresAreNamed();

private:
    std::unique_ptr<PostgresServer> m_pg;
    QString m_url;
};

void TestTeamStore::init()
{
    m_pg = std::make_unique<PostgresServer>();
    QVERIFY2(m_pg->ok(), qPrintable(m_pg->error()));
    int status = -1;
    // A database of its own, made by the server's superuser (what an administrator does once).
    m_url = m_pg->url(QStringLiteral("activity"));
    Database admin(m_pg->url());
    admin.exec("CREATE DATABASE activity");
    const QString said = run({ "store", "init", m_url }, &status);
    QVERIFY2(status == 0, qPrintable(said));
    QVERIFY2(said.contains("created the schema"), qPrintable(said));
}

void TestTeamStore::twoCollectorsThroughARestart()
{
    QTemporaryDir dir;
    FakeApis fake;
    fake.github["acme/rocket"].stars = 120;
    const quint16 port = CollectProcess::freeTcpPort();
    int status = -1;
    QString said
        = run({ "sources", "add", "github", "--repo", "acme/rocket", "--api-url", fake.baseUrl(), "--interval", "10s" },
            &status, m_url, dir.filePath("a"));
    QVERIFY2(status == 0, qPrintable(said));
    said = run({ "sources", "add", "syslog", "--listen", QStringLiteral("tcp://127.0.0.1:%1").arg(port), "--site",
                   "team", "--collector", "alpha" },
        &status, m_url, dir.filePath("a"));
    QVERIFY2(status == 0, qPrintable(said));
    // Beta's own listener, on another port of the same machine (two web servers' streams at once).
    quint16 port2 = CollectProcess::freeTcpPort();
    while (port2 == port)
        port2 = CollectProcess::freeTcpPort();
    said = run({ "sources", "add", "syslog", "--listen", QStringLiteral("tcp://127.0.0.1:%1").arg(port2), "--site",
                   "team", "--collector", "beta" },
        &status, m_url, dir.filePath("b"));
    QVERIFY2(status == 0, qPrintable(said));

    QProcess alpha, beta;
    QVERIFY(startCollector(alpha, m_url, "alpha", dir.filePath("a")));
    QVERIFY(startCollector(beta, m_url, "beta", dir.filePath("b")));
    QTcpSocket tcp, tcp2;
    QTRY_VERIFY_WITH_TIMEOUT(
        (tcp.abort(), tcp.connectToHost(QHostAddress::LocalHost, port), tcp.waitForConnected(200)), 20'000);
    QTRY_VERIFY_WITH_TIMEOUT(
        (tcp2.abort(), tcp2.connectToHost(QHostAddress::LocalHost, port2), tcp2.waitForConnected(200)), 20'000);
    // 3,000 lines at 200 a second, alternately to alpha and beta, which write into the store at the same time;
    // PostgreSQL is stopped for 3 s in the middle.
    QElapsedTimer clock;
    clock.start();
    const int total = 3000;
    bool restarted = false;
    for (int i = 0; i < total; ++i) {
        (i % 2 ? tcp2 : tcp).write(line(i));
        if (i % 20 == 19) {
            tcp.flush();
            tcp2.flush();
            QTest::qWait(100);
        }
        if (i == total / 3) {
            QVERIFY(m_pg->stop());
            QTest::qWait(3000);
            QVERIFY(m_pg->start());
            restarted = true;
        }
    }
    QVERIFY(restarted);
    tcp.disconnectFromHost();
    tcp2.disconnectFromHost();
    QTest::qWait(4000); // the backlog is written
    const qint64 seconds = clock.elapsed() / 1000;
    QCOMPARE(alpha.state(), QProcess::Running);
    QCOMPARE(beta.state(), QProcess::Running);
    const int alphaStatus = CollectProcess::stop(alpha);
    const int betaStatus = CollectProcess::stop(beta);
    const QByteArray alphaSaid = alpha.readAll();
    const QByteArray betaSaid = beta.readAll();
    QVERIFY2(alphaStatus == 0, alphaSaid.right(1500).constData());
    QVERIFY2(betaStatus == 0, betaSaid.right(1500).constData());
    qInfo("alpha said: %s", alphaSaid.right(600).constData());
    QVERIFY2(alphaSaid.contains("writing again"), alphaSaid.right(600).constData());
    // Each opened its own listener only (the other would have failed to bind the same port).
    QVERIFY2(!betaSaid.contains("source 2"), betaSaid.constData());
    QVERIFY2(!alphaSaid.contains("source 3"), alphaSaid.constData());

    // A third process, with a data folder of its own, reports from the store.
    said = run({ "report", "--out", dir.filePath("r"), "--from", QDate::currentDate().addDays(-1).toString(Qt::ISODate),
                   "--to", QDate::currentDate().addDays(1).toString(Qt::ISODate) },
        &status, m_url, dir.filePath("v"));
    QVERIFY2(status == 0, qPrintable(said));
    const QByteArray summary = readAll(dir.filePath("r/summary.csv"));
    QVERIFY2(summary.contains(QByteArray("requests," + QByteArray::number(total) + "\r\n")), summary.constData());
    QCOMPARE(scalar(m_url, "SELECT count(*) FROM requests"), qint64(total));
    // The GitHub source was polled by one collector at a time: at most one poll per interval (and one at start).
    const int polls = repoPolls(fake);
    qInfo("%d polls of the repository in %lld s", polls, seconds);
    QVERIFY(polls >= 1);
    QVERIFY2(polls <= seconds / 10 + 2, qPrintable(QString::number(polls)));
    QCOMPARE(scalar(m_url, "SELECT count(*) FROM collectors"), 2);
}

void TestTeamStore::aKilledCollectorsSourceIsTakenOver()
{
    QTemporaryDir dir;
    FakeApis fake;
    fake.github["acme/rocket"].stars = 7;
    int status = -1;
    const QString said
        = run({ "sources", "add", "github", "--repo", "acme/rocket", "--api-url", fake.baseUrl(), "--interval", "10s" },
            &status, m_url, dir.filePath("a"));
    QVERIFY2(status == 0, qPrintable(said));
    QProcess alpha, beta;
    QVERIFY(startCollector(alpha, m_url, "alpha", dir.filePath("a")));
    QVERIFY(startCollector(beta, m_url, "beta", dir.filePath("b")));
    QTRY_VERIFY_WITH_TIMEOUT(!leaseHolder(m_url).isEmpty() && repoPolls(fake) >= 1, 20'000);
    const QString first = leaseHolder(m_url);
    QProcess& holder = first == QLatin1String("alpha") ? alpha : beta;
    QProcess& other = first == QLatin1String("alpha") ? beta : alpha;
    ::kill(pid_t(holder.processId()), SIGKILL);
    holder.waitForFinished(5000);
    const int before = repoPolls(fake);
    QElapsedTimer took;
    took.start();
    // Within two intervals the other holds the lease and polls.
    QTRY_VERIFY_WITH_TIMEOUT(repoPolls(fake) > before && leaseHolder(m_url) != first, 22'000);
    qInfo("%s took the source over from %s in %lld ms", qPrintable(leaseHolder(m_url)), qPrintable(first),
        took.elapsed());
    QCOMPARE(CollectProcess::stop(other), 0);
}

void TestTeamStore::migrateFromSqliteAndBack()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("laptop");
    // A laptop's history: an imported log (with downloads: whole 200s and 206 ranges), a source, an alert rule, a
    // download's size given.
    QFile log(dir.filePath("access.log"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 2000; ++i) {
        const QDateTime at = now.addSecs(-i * 60);
        const QByteArray path = i % 10 == 3 ? QByteArray("/dl/app-1." + QByteArray::number(i % 3) + ".0.tar.gz")
                                            : QByteArray("/p/" + QByteArray::number(i % 37));
        const QByteArray status = i % 9 == 0 ? "404" : i % 20 == 3 ? "206" : "200";
        log.write("81.2.69." + QByteArray::number(i % 200 + 1) + " - - ["
            + at.toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1() + " +0000] \"GET " + path + " HTTP/1.1\" "
            + status + " " + QByteArray::number(100 + i) + " \"https://news.example/" + QByteArray::number(i % 5)
            + "\" \"Mozilla/5.0 'quoted' \\\"agent\\\"\"\n");
    }
    log.close();
    int status = -1;
    QString said = run({ "import", log.fileName() }, &status, {}, data);
    QVERIFY2(status == 0, qPrintable(said));
    said = run(
        { "sources", "add", "github", "--repo", "acme/rocket", "--api-url", "http://127.0.0.1:9" }, &status, {}, data);
    QVERIFY2(status == 0, qPrintable(said));
    said = run({ "alerts", "add", "--series", "traffic.requests", "--above", "100" }, &status, {}, data);
    QVERIFY2(status == 0, qPrintable(said));
    said = run({ "downloads", "size", "/dl/app-1.1.0.tar.gz", "1000" }, &status, {}, data);
    QVERIFY2(status == 0, qPrintable(said));

    const QString sqlite = QStringLiteral("sqlite:") + data + QStringLiteral("/activity.sqlite");
    said = run({ "store", "migrate", "--from", sqlite, "--to", m_url }, &status);
    QVERIFY2(status == 0, qPrintable(said));
    QVERIFY2(said.contains("every table's rows counted the same"), qPrintable(said));
    // Again: nothing left to copy, nothing doubled.
    said = run({ "store", "migrate", "--from", sqlite, "--to", m_url }, &status);
    QVERIFY2(status == 0, qPrintable(said));
    QCOMPARE(scalar(m_url, "SELECT count(*) FROM requests"), 2000);

    const QString back = QStringLiteral("sqlite:") + dir.filePath("back.sqlite");
    said = run({ "store", "migrate", "--from", m_url, "--to", back }, &status);
    QVERIFY2(status == 0, qPrintable(said));

    // The same report, byte for byte, from each of the three: over whole days, and over a range whose ends fall
    // inside hours (top lists read raw rows there).
    const QDateTime hourly(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
    const QStringList ranges[] = {
        { "--from", now.date().addDays(-3).toString(Qt::ISODate), "--to", now.date().addDays(1).toString(Qt::ISODate) },
        { "--from", hourly.addSecs(-20 * 3600 - 17 * 60).toString(Qt::ISODate), "--to",
            hourly.addSecs(-2 * 3600 + 43 * 60).toString(Qt::ISODate) },
    };
    for (const QStringList& range : ranges) {
        QStringList outs;
        for (const QString& store : { sqlite, m_url, back }) {
            const QString out = dir.filePath(QStringLiteral("report%1").arg(outs.size()) + range[1]);
            said = run(QStringList { "report", "--out", out } + range, &status, store, dir.filePath("viewer"));
            QVERIFY2(status == 0, qPrintable(range.join(' ') + ": " + said));
            outs << out;
        }
        const QStringList csvs = QDir(outs.first()).entryList({ "*.csv" }, QDir::Files);
        QVERIFY(csvs.contains("summary.csv"));
        QVERIFY(csvs.size() >= 5);
        for (const QString& csv : csvs) {
            const QByteArray original = readAll(outs[0] + "/" + csv);
            QVERIFY2(original == readAll(outs[1] + "/" + csv), qPrintable("PostgreSQL differs in " + csv));
            QVERIFY2(original == readAll(outs[2] + "/" + csv), qPrintable("the copy back differs in " + csv));
        }
        // The log has a line a minute back from now: count those in [from, to).
        const QDateTime from = QDateTime::fromString(range[1], Qt::ISODate);
        const QDateTime to = QDateTime::fromString(range[3], Qt::ISODate);
        int inRange = 0;
        for (int i = 0; i < 2000; ++i) {
            const qint64 at = now.toSecsSinceEpoch() - i * 60;
            inRange += at >= from.toSecsSinceEpoch() && at < to.toSecsSinceEpoch();
        }
        QVERIFY(inRange > 0);
        QVERIFY(csvs.contains("downloads.csv") && csvs.contains("releases.csv"));
        if (&range == &ranges[0]) // three download files in the whole days
            QVERIFY2(
                readAll(outs[0] + "/downloads.csv").count('\n') == 4, readAll(outs[0] + "/downloads.csv").constData());
        const QByteArray summary = readAll(outs[0] + "/summary.csv");
        QVERIFY2(summary.contains(QByteArray("requests," + QByteArray::number(inRange) + "\r\n")), summary.constData());
    }
    QCOMPARE(scalar(m_url, "SELECT bytes FROM download_sizes WHERE path = '/dl/app-1.1.0.tar.gz'"), qint64(1000));
    // The copy goes on where the originals left: a new source gets the next id.
    said = run({ "sources", "add", "github", "--repo", "acme/other", "--api-url", "http://127.0.0.1:9" }, &status,
        m_url, dir.filePath("viewer"));
    QVERIFY2(status == 0 && said.contains("added source 2"), qPrintable(said));
}

// What a scanner sends (bytes that are not UTF-8, NUL, quotes, backslashes, tabs) imported into a SQLite file and
// into the team store: every line stored on both, and the same report, byte for byte.
void TestTeamStore::hostileLinesGiveTheSameFiguresOnBothEngines()
{
    QTemporaryDir dir;
    QFile log(dir.filePath("hostile.log"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<QByteArray> paths { "/a\\xC3\\x28b", "/nul\\x00z", "/tab\\x09x", "/back\\\\slash", "/\\xFF\\xFE",
        "/quote\\x22q", "/ok", "/caf\\xC3\\xA9" };
    const QList<QByteArray> agents { "curl/8", "bad\\xC3", "Mozilla/5.0 \\x00\\x01", "\\xE2\\x82" };
    constexpr int kLines = 1200;
    for (int i = 0; i < kLines; ++i) {
        const QDateTime at = now.addSecs(-i * 97);
        log.write("81.2.69." + QByteArray::number(i % 50 + 1) + " - - ["
            + at.toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1() + " +0000] \"GET "
            + paths[i % paths.size()] + " HTTP/1.1\" 200 " + QByteArray::number(10 + i) + " \"https://r.example/\\xFF"
            + QByteArray::number(i % 3) + "\" \"" + agents[i % agents.size()] + "\"\n");
    }
    log.close();
    int status = -1;
    QString said = run({ "import", log.fileName() }, &status, {}, dir.filePath("laptop"));
    QVERIFY2(status == 0 && said.contains(QStringLiteral("stored %1,").arg(kLines)), qPrintable(said));
    said = run({ "import", log.fileName() }, &status, m_url, dir.filePath("team"));
    QVERIFY2(status == 0 && said.contains(QStringLiteral("stored %1,").arg(kLines)), qPrintable(said));
    QCOMPARE(scalar(m_url, "SELECT count(*) FROM requests"), kLines);

    const QStringList range = { "--from", now.date().addDays(-3).toString(Qt::ISODate), "--to",
        now.date().addDays(1).toString(Qt::ISODate) };
    const QString sqlite = QStringLiteral("sqlite:") + dir.filePath("laptop/activity.sqlite");
    QStringList outs;
    for (const QString& store : { sqlite, m_url }) {
        const QString out = dir.filePath(QStringLiteral("report%1").arg(outs.size()));
        said = run(QStringList { "report", "--out", out } + range, &status, store, dir.filePath("viewer"));
        QVERIFY2(status == 0, qPrintable(said));
        outs << out;
    }
    const QStringList csvs = QDir(outs.first()).entryList({ "*.csv" }, QDir::Files);
    QVERIFY(csvs.contains("paths.csv"));
    for (const QString& csv : csvs)
        QVERIFY2(
            readAll(outs[0] + "/" + csv) == readAll(outs[1] + "/" + csv), qPrintable("PostgreSQL differs in " + csv));
    const QByteArray pathsCsv = readAll(outs[0] + "/paths.csv");
    QVERIFY2(
        pathsCsv.contains("/a\xEF\xBF\xBD(b,") && pathsCsv.contains("/nul\xEF\xBF\xBDz,") && !pathsCsv.contains('\0'),
        pathsCsv.constData());
    QVERIFY(readAll(outs[0] + "/summary.csv").contains(QStringLiteral("requests,%1").arg(kLines).toUtf8()));
}

void TestTeamStore::aViewerLoginIsRefusedWrites()
{
    {
        Database admin(m_url);
        admin.exec("CREATE ROLE alice LOGIN IN ROLE activity_viewer");
    }
    const QString viewer = QString(m_url).replace(QLatin1String("postgres@"), QLatin1String("alice@"));
    QTemporaryDir dir;
    int status = -1;
    // Reading works.
    QString said = run({ "sources", "list" }, &status, viewer, dir.path());
    QVERIFY2(status == 0, qPrintable(said));
    // Every write is refused with what it means, never half done.
    for (const QStringList& write : { QStringList { "sources", "add", "github", "--repo", "acme/x" },
             QStringList { "alerts", "add", "--series", "traffic.requests", "--above", "5" },
             QStringList { "settings", "set", "retention.days", "30" } }) {
        said = run(write, &status, viewer, dir.path());
        QVERIFY2(status != 0, qPrintable(write.join(' ') + ": " + said));
        QVERIFY2(said.contains("this login may only read"), qPrintable(said));
        QVERIFY2(said.contains("activity_collector"), qPrintable(said));
    }
    QCOMPARE(scalar(m_url, "SELECT count(*) FROM sources"), 0);
    QCOMPARE(scalar(m_url, "SELECT count(*) FROM alert_rules"), 0);
}

// TLS as a team on a network uses it: the server's certificate checked against the team's CA and the host name
// (sslmode=verify-full); a certificate from another CA, or for another name, is refused before a byte of data.
void TestTeamStore::tlsIsVerified()
{
    QTemporaryDir certs;
    QVERIFY(::chmod(certs.path().toLocal8Bit().constData(), 0755) == 0);
    const auto openssl = [&](const QStringList& args) {
        QProcess p;
        p.setWorkingDirectory(certs.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(60'000) && p.exitCode() == 0 ? QString() : QString::fromLocal8Bit(p.readAll());
    };
    for (const QString& ca : { QStringLiteral("ca"), QStringLiteral("other") }) {
        const QString error = openssl({ "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj",
            "/CN=Team " + ca + " CA", "-keyout", ca + ".key", "-out", ca + ".pem" });
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QFile ext(certs.filePath("san.ext"));
    QVERIFY(ext.open(QIODevice::WriteOnly));
    ext.write("subjectAltName=IP:127.0.0.1\n");
    ext.close();
    QString error = openssl({ "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
        "-out", "server.csr" });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = openssl({ "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "2", "-extfile", "san.ext", "-out", "server.pem" });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // PostgreSQL reads its key only when the key is its own and private.
    const QByteArray key = certs.filePath("server.key").toLocal8Bit();
    QVERIFY(::chmod(key.constData(), 0600) == 0);
    if (::geteuid() == 0) {
        const passwd* pw = ::getpwnam("postgres");
        QVERIFY(pw && ::chown(key.constData(), pw->pw_uid, pw->pw_gid) == 0);
    }
    PostgresServer tls(QStringLiteral("-c ssl=on -c ssl_cert_file=%1 -c ssl_key_file=%2")
                           .arg(certs.filePath("server.pem"), certs.filePath("server.key")));
    QVERIFY2(tls.ok(), qPrintable(tls.error()));
    const QString base = QStringLiteral("postgresql://postgres@%1:%2/postgres?sslmode=verify-full&sslrootcert=%3");
    int status = -1;
    QString said = run({ "sources", "list" }, &status,
        base.arg("127.0.0.1").arg(tls.port()).arg(certs.filePath("ca.pem")), certs.filePath("d1"));
    QVERIFY2(status == 0, qPrintable(said));
    {
        // The connection is encrypted, as the server sees it.
        Database db(base.arg("127.0.0.1").arg(tls.port()).arg(certs.filePath("ca.pem")));
        QCOMPARE(
            db.queryInt("SELECT ssl::int FROM pg_stat_ssl WHERE pid = pg_backend_pid()"), std::optional<qint64>(1));
    }
    said = run({ "sources", "list" }, &status, base.arg("127.0.0.1").arg(tls.port()).arg(certs.filePath("other.pem")),
        certs.filePath("d2"));
    QCOMPARE(status, 1);
    QVERIFY2(said.contains("certificate verify failed"), qPrintable(said));
    said = run({ "sources", "list" }, &status, base.arg("localhost").arg(tls.port()).arg(certs.filePath("ca.pem")),
        certs.filePath("d3"));
    QCOMPARE(status, 1);
    QVERIFY2(said.contains("does not match host name"), qPrintable(said));
}

// What the window's banner rests on: its reader says when the server stops answering and when it is back.
void TestTeamStore::aReaderTellsWhenTheStoreIsAwayAndBack()
{
    QueryRunner runner(m_url, 200);
    QList<bool> told;
    int changes = 0;
    connect(
        &runner, &QueryRunner::reachableChanged, this, [&told](bool reachable, const QString&) { told << reachable; });
    connect(&runner, &QueryRunner::dataChanged, this, [&changes] { ++changes; });
    QTest::qWait(500);
    QVERIFY(told.isEmpty());
    QVERIFY(m_pg->stop());
    QTRY_COMPARE_WITH_TIMEOUT(told, QList<bool>({ false }), 5000);
    QVERIFY(m_pg->start());
    QTRY_COMPARE_WITH_TIMEOUT(told, QList<bool>({ false, true }), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(changes > 0, 2000); // the pages read again
}

void TestTeamStore::badStoresAreNamed()
{
    int status = -1;
    QString said = run({ "sources", "list" }, &status, "mysql://x@127.0.0.1/db");
    QCOMPARE(status, 2);
    QVERIFY2(said.contains("--store: unknown store"), qPrintable(said));
    // A password in the URL is never shown, even when the connection fails.
    said = run({ "sources", "list" }, &status,
        QStringLiteral("postgresql://someone:hunter2secret@127.0.0.1:%1/nothere").arg(m_pg->port()),
        QDir::tempPath() + "/team-bad");
    QCOMPARE(status, 1);
    QVERIFY2(!said.contains("hunter2secret"), qPrintable(said));
    QVERIFY2(said.contains("nothere"), qPrintable(said));
    // A newer schema is refused by version.
    {
        Database db(m_url);
        db.exec("UPDATE activity_meta SET value = 99 WHERE key = 'user_version'");
    }
    said = run({ "sources", "list" }, &status, m_url, QDir::tempPath() + "/team-bad");
    QCOMPARE(status, 1);
    QVERIFY2(said.contains("schema version 99"), qPrintable(said));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestTeamStore)
#include "tst_teamstore.moc"
