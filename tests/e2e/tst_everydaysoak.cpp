// The everyday set-up, as a user runs it, for a minute (ACTIVITY_SOAK_SECS): a GitHub organisation and a Docker
// Hub namespace (loopback stand-ins answering like the APIs, figures changing as they go), nginx lines over UDP
// and TCP syslog at a few hundred lines a second, a followed log file being appended to, and the CLI adding,
// pausing, resuming and removing sources and changing settings meanwhile. Once with `collect`, once with the
// window (offscreen) as the collector. Every line sent is stored, every API figure is stored, nothing aborts,
// every CLI command succeeds.
#include "core/storage/database.h"
#include "tests/support/collectprocess.h"
#include "tests/support/fakeapiserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <memory>

namespace activity {

namespace {
struct CliResult {
    int code = -1;
    qint64 ms = 0;
    QString output;
};

// Runs the CLI without blocking this thread's event loop: the fake APIs answer from it.
CliResult runCli(const QString& dataDir, const QStringList& args)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(ACTIVITY_BIN), QStringList { QStringLiteral("--data-dir"), dataDir } + args);
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    if (p.waitForStarted(10'000) && p.state() != QProcess::NotRunning)
        loop.exec();
    CliResult r;
    r.ms = t.elapsed();
    r.code = p.state() == QProcess::NotRunning && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed();
    return r;
}

QByteArray accessLine(const char* kind, qint64 seq)
{
    const QByteArray stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1();
    return "81.2.69." + QByteArray::number(seq % 250 + 1) + " - - [" + stamp + " +0000] \"GET /" + kind + "/"
        + QByteArray::number(seq) + " HTTP/1.1\" 200 " + QByteArray::number(100 + seq % 900)
        + " \"-\" \"Mozilla/5.0 (soak)\"";
}

int soakSeconds()
{
    const int secs = qEnvironmentVariableIntValue("ACTIVITY_SOAK_SECS");
    return secs > 0 ? secs : 60;
}
} // namespace

class TestEverydaySoak : public QObject {
    Q_OBJECT
private slots:
    void everydaySetUp_data();
    void everydaySetUp();
};

void TestEverydaySoak::everydaySetUp_data()
{
    QTest::addColumn<bool>("window");
    QTest::addRow("collect") << false;
    QTest::addRow("window") << true;
}

void TestEverydaySoak::everydaySetUp()
{
    QFETCH(bool, window);
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    FakeApis fake;
    fake.org = "acme";
    for (const char* name : { "acme/rocket", "acme/fuel", "acme/pad" }) {
        FakeGitHubRepo repo;
        repo.stars = 100;
        repo.forks = 3;
        repo.subscribers = 4;
        repo.contributors = 2;
        fake.github.insert(QString::fromLatin1(name), repo);
    }
    fake.dockerhub.insert("acme/rocket", { 5000, 7 });
    fake.dockerhub.insert("acme/fuel", { 9000, 2 });
    const QString api = fake.baseUrl();
    // A service's own JSON figure, polled beside the GitHub and Docker Hub sources.
    FakeHttpServer service;
    qint64 queue = 10;
    service.handler = [&queue](const FakeRequest& r) {
        if (r.url.path() == QLatin1String("/hook")) // an alert rule's webhook
            return FakeResponse { 200, {}, "ok" };
        return FakeResponse { 200, { { "Content-Type", "application/json" } },
            "{\"queue\": {\"length\": " + QByteArray::number(queue) + "}}" };
    };
    const quint16 udpPort = CollectProcess::freeUdpPort();
    const quint16 tcpPort = CollectProcess::freeTcpPort();
    const QString logPath = dir.filePath("access.log");
    QFile(logPath).open(QIODevice::WriteOnly);

    const QList<QStringList> setup {
        { "sources", "add", "github", "--org", "acme", "--api-url", api, "--interval", "5s" },
        { "sources", "add", "dockerhub", "--namespace", "acme", "--api-url", api, "--interval", "5s" },
        { "sources", "add", "syslog", "--listen", QStringLiteral("udp://127.0.0.1:%1").arg(udpPort), "--site", "udp" },
        { "sources", "add", "syslog", "--listen", QStringLiteral("tcp://127.0.0.1:%1").arg(tcpPort), "--site", "tcp" },
        { "sources", "add", "logfile", "--path", logPath, "--site", "file" },
        { "sources", "add", "http-json", "--url", service.baseUrl() + "/stats", "--field", "queue=/queue/length",
            "--interval", "5s" },
        // A rule on the traffic that flows, evaluated every second, posting to the service's webhook.
        { "settings", "set", "alerts.interval", "1" },
        { "alerts", "add", "--series", "traffic.requests{site=\"udp\"}", "--above", "0", "--window", "1m", "--name",
            "UDP traffic", "--webhook", service.baseUrl() + "/hook" },
    };
    for (const QStringList& args : setup) {
        const CliResult r = runCli(data, args);
        QVERIFY2(r.code == 0, qPrintable(args.join(' ') + ": " + r.output));
    }

    QProcess collector;
    collector.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList args
        = window ? QStringList { "--data-dir", data } : QStringList { "collect", "--data-dir", data };
    collector.start(ACTIVITY_BIN, args);
    QVERIFY(collector.waitForStarted(10'000));
    // Listeners are up once the TCP port accepts.
    QTcpSocket tcp;
    QTRY_VERIFY_WITH_TIMEOUT(
        (tcp.abort(), tcp.connectToHost(QHostAddress::LocalHost, tcpPort), tcp.waitForConnected(200)), 20'000);
    QUdpSocket udp;
    QFile log(logPath);
    QVERIFY(log.open(QIODevice::Append | QIODevice::Unbuffered));

    qint64 sentUdp = 0;
    qint64 sentTcp = 0;
    qint64 written = 0;
    const qint64 runMs = soakSeconds() * 1000LL;
    QElapsedTimer clock;
    clock.start();
    // Senders: 200 lines/s over UDP, 200/s over TCP (octet counting, as rsyslog relays), 100/s to the file.
    QTimer pace;
    pace.setInterval(20);
    connect(&pace, &QTimer::timeout, this, [&] {
        const qint64 t = qMin(clock.elapsed(), runMs);
        for (; sentUdp < t * 200 / 1000; ++sentUdp)
            udp.writeDatagram(
                "<190>Nov 25 05:32:29 web1 udp: " + accessLine("u", sentUdp), QHostAddress::LocalHost, udpPort);
        QByteArray frames;
        for (; sentTcp < t * 200 / 1000; ++sentTcp) {
            const QByteArray msg = "<190>Nov 25 05:32:29 web1 tcp: " + accessLine("t", sentTcp);
            frames += QByteArray::number(msg.size()) + ' ' + msg;
        }
        tcp.write(frames);
        QByteArray lines;
        for (; written < t * 100 / 1000; ++written)
            lines += accessLine("f", written) + '\n';
        log.write(lines);
    });
    pace.start();
    // Figures move while it runs: each API poll must store what it saw.
    QTimer figures;
    figures.setInterval(3000);
    connect(&figures, &QTimer::timeout, this, [&] {
        for (auto& repo : fake.github)
            repo.stars += 1;
        for (auto& repo : fake.dockerhub)
            repo.pulls += 250;
        queue += 3;
    });
    figures.start();

    // The CLI beside it, as a user does: add, pause, resume, remove a source; change settings; read.
    const quint16 extraPort = CollectProcess::freeUdpPort();
    const QList<QStringList> churn {
        { "sources", "add", "syslog", "--listen", QStringLiteral("udp://127.0.0.1:%1").arg(extraPort), "--site",
            "extra" },
        { "settings", "set", "retention.days", "30" },
        { "sources", "pause", "ADDED" },
        { "sources", "list", "--json" },
        { "sources", "resume", "ADDED" },
        { "stats" },
        { "sources", "remove", "ADDED" },
        { "settings", "unset", "retention.days" },
        { "alerts", "list", "--json" },
        { "series", "get", "traffic.requests{site=\"udp\"}", "--step", "1h" },
        { "alerts", "history" },
    };
    int commands = 0;
    qint64 slowestMs = 0;
    QString added; // the id `sources add` printed last
    while (clock.elapsed() < runMs) {
        QTest::qWait(1500);
        if (clock.elapsed() >= runMs)
            break;
        QStringList cmd = churn.at(commands % churn.size());
        cmd.replaceInStrings(QStringLiteral("ADDED"), added); // ids are never reused: each add gets a new one
        const CliResult r = runCli(data, cmd);
        if (const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("added source (\\d+)")).match(r.output);
            m.hasMatch())
            added = m.captured(1);
        ++commands;
        slowestMs = qMax(slowestMs, r.ms);
        QVERIFY2(r.code == 0,
            qPrintable(
                QStringLiteral("`%1` beside the collector: exit %2: %3").arg(cmd.join(' ')).arg(r.code).arg(r.output)));
        QVERIFY2(collector.state() == QProcess::Running,
            qPrintable("the collector stopped: " + QString::fromUtf8(collector.readAll())));
    }
    pace.stop();
    figures.stop();
    const auto lastStars = fake.github.value("acme/rocket").stars;
    const auto lastPulls = fake.dockerhub.value("acme/fuel").pulls;
    const qint64 lastQueue = queue;
    QVERIFY(tcp.waitForBytesWritten(5000) || tcp.bytesToWrite() == 0);
    qInfo("%lld UDP, %lld TCP, %lld file lines sent; %d CLI commands, slowest %lld ms", sentUdp, sentTcp, written,
        commands, slowestMs);

    // Every line sent is stored, per way in.
    Database db(data + "/activity.sqlite", Database::Mode::ReadOnly);
    const auto storedFor = [&db](const char* site) {
        Statement s = db.prepare("SELECT count(*) FROM requests r JOIN sites s ON s.id = r.site_id WHERE s.name = ?");
        s.bind(1, QString::fromLatin1(site));
        return s.step() ? s.int64(0) : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(storedFor("udp"), sentUdp, 15'000);
    QTRY_COMPARE_WITH_TIMEOUT(storedFor("tcp"), sentTcp, 15'000);
    QTRY_COMPARE_WITH_TIMEOUT(storedFor("file"), written, 15'000);
    // Every API figure: the last values served (a poll every 5 s sees them).
    const auto last = [&db](const char* provider, const char* repo, const char* metric) {
        Statement s = db.prepare("SELECT m.value FROM samples m JOIN series s ON s.id = m.series_id WHERE "
                                 "s.provider = ? AND s.repository = ? AND s.metric = ? ORDER BY m.ts DESC LIMIT 1");
        s.bind(1, QString::fromLatin1(provider))
            .bind(2, QString::fromLatin1(repo))
            .bind(3, QString::fromLatin1(metric));
        return s.step() ? s.real(0) : -1.0;
    };
    QTRY_COMPARE_WITH_TIMEOUT(last("github", "acme/rocket", "stars"), double(lastStars), 20'000);
    QTRY_COMPARE_WITH_TIMEOUT(last("dockerhub", "acme/fuel", "pulls"), double(lastPulls), 20'000);
    for (const char* repo : { "acme/fuel", "acme/pad" })
        QCOMPARE(last("github", repo, "stars"), double(lastStars));
    QCOMPARE(last("github", "acme/pad", "contributors"), 2.0);
    QCOMPARE(last("dockerhub", "acme/rocket", "stars"), 7.0);
    // The JSON source (id 6; its series are keyed by the source id) saw the last value served.
    QTRY_COMPARE_WITH_TIMEOUT(last("http-json", "6", "queue"), double(lastQueue), 20'000);
    // The alert rule fired once while the traffic flowed, and its webhook was posted and answered.
    int hooks = 0;
    for (const FakeRequest& r : service.requests)
        if (r.method == "POST" && r.url.path() == QLatin1String("/hook")
            && QJsonDocument::fromJson(r.body).object().value("rule").toObject().value("name") == "UDP traffic"
            && QJsonDocument::fromJson(r.body).object().value("event") == "firing")
            ++hooks;
    QCOMPARE(hooks, 1);
    Statement fired
        = db.prepare("SELECT count(*) FROM alert_events WHERE rule_name = 'UDP traffic' AND event = 'firing' "
                     "AND delivery LIKE 'sent%'");
    QVERIFY(fired.step());
    QCOMPARE(fired.int64(0), 1);
    // Each GitHub star change was seen: one value per change (snapshots of equal values are not stored twice).
    Statement changes
        = db.prepare("SELECT count(DISTINCT m.value) FROM samples m JOIN series s ON s.id = m.series_id "
                     "WHERE s.provider = 'github' AND s.repository = 'acme/rocket' AND s.metric = 'stars'");
    QVERIFY(changes.step());
    QVERIFY2(changes.int64(0) >= (lastStars - 100) / 2,
        qPrintable(QStringLiteral("%1 star values stored for %2 changes").arg(changes.int64(0)).arg(lastStars - 100)));

    QVERIFY2(collector.state() == QProcess::Running, qPrintable(QString::fromUtf8(collector.readAll())));
    QCOMPARE(CollectProcess::stop(collector), 0); // SIGTERM: flushed, saved, exit 0
    QLockFile lock(data + "/collect.lock");
    QVERIFY2(lock.tryLock(0), "the collect lock was not released");
    const QString output = QString::fromUtf8(collector.readAll());
    for (const char* bad : { "locked", "terminate", "internal error", "cannot write" })
        QVERIFY2(!output.contains(QLatin1String(bad)), qPrintable(output));
    // Nothing dropped or failed on the way, and the counters agree with the rows.
    Statement dropped = db.prepare("SELECT coalesce(sum(value), 0) FROM ingest_counters WHERE name = 'dropped'");
    QVERIFY(dropped.step());
    QCOMPARE(dropped.int64(0), 0);
    Statement stored = db.prepare("SELECT coalesce(sum(value), 0) FROM ingest_counters WHERE name = 'stored'");
    QVERIFY(stored.step());
    QCOMPARE(stored.int64(0), sentUdp + sentTcp + written);
    // `stats` says the same per source (3: UDP, 4: TCP, 5: the file).
    const CliResult stats = runCli(data, { "stats", "--json" });
    QCOMPARE(stats.code, 0);
    QHash<qint64, QJsonObject> bySource;
    for (const QJsonValue& v : QJsonDocument::fromJson(stats.output.toUtf8()).object().value("sources").toArray())
        bySource.insert(v.toObject().value("id").toInteger(), v.toObject());
    for (const auto& [id, sent] : { std::pair { 3, sentUdp }, std::pair { 4, sentTcp }, std::pair { 5, written } }) {
        QCOMPARE(bySource.value(id).value("received").toInteger(), sent);
        QCOMPARE(bySource.value(id).value("stored").toInteger(), sent);
        QCOMPARE(bySource.value(id).value("rejected").toInteger(), 0);
        QCOMPARE(bySource.value(id).value("dropped").toInteger(), 0);
    }
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestEverydaySoak)
#include "tst_everydaysoak.moc"
