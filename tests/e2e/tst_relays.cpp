// Real relays between nginx and `collect`: Debian's rsyslog and syslog-ng, each run as a private process with
// its own configuration and ports, receiving what nginx sends (one RFC 3164 datagram per request, tagged with
// the site) and forwarding it over TCP in their RFC 5424 and traditional formats, octet-counted and newline
// framed. Every line is stored, under the right site, with the request's own time.
#include "core/storage/database.h"
#include "tests/support/collectprocess.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace activity {

namespace {
constexpr int kLines = 3000;
constexpr qint64 kFirst = 1795584000; // 2026-11-25T00:00:00Z: the request times, one a second

// Where install-deps.sh unpacks syslog-ng (its package conflicts with rsyslog's, so it is not installed).
const char kSyslogNg[] = "/opt/activity-dashboard-test/syslog-ng";

QByteArray datagram(int i)
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(kFirst + i, Qt::UTC);
    const QByteArray time = QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1();
    // Exactly nginx's: `access_log syslog:server=...,tag=mysite combined;` (the relay adds nothing nginx lacks).
    const QByteArray bsd = QLocale::c().toString(t, QStringLiteral("MMM ")).toLatin1()
        + QByteArray::number(t.date().day()).rightJustified(2, ' ') + ' '
        + t.time().toString(QStringLiteral("hh:mm:ss")).toLatin1();
    return "<190>" + bsd + " web1 mysite: 81.2.69." + QByteArray::number(i % 250 + 1) + " - - [" + time
        + " +0000] \"GET /relay/" + QByteArray::number(i) + " HTTP/1.1\" 200 " + QByteArray::number(100 + i)
        + " \"-\" \"relay-test\"";
}

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}
} // namespace

class TestRelays : public QObject {
    Q_OBJECT
private slots:
    void relayToCollect_data();
    void relayToCollect();
};

void TestRelays::relayToCollect_data()
{
    QTest::addColumn<QString>("relay");
    QTest::addColumn<QString>("format"); // rsyslog template, or syslog-ng destination driver
    QTest::addColumn<QString>("framing");
    QTest::addRow("rsyslog RFC 5424 octet-counted") << "rsyslog"
                                                    << "RSYSLOG_SyslogProtocol23Format"
                                                    << "octet-counted";
    QTest::addRow("rsyslog RFC 5424 newline") << "rsyslog"
                                              << "RSYSLOG_SyslogProtocol23Format"
                                              << "traditional";
    QTest::addRow("rsyslog ForwardFormat octet-counted") << "rsyslog"
                                                         << "RSYSLOG_ForwardFormat"
                                                         << "octet-counted";
    QTest::addRow("rsyslog traditional newline") << "rsyslog"
                                                 << "RSYSLOG_TraditionalForwardFormat"
                                                 << "traditional";
    QTest::addRow("syslog-ng syslog() RFC 5424") << "syslog-ng"
                                                 << "syslog"
                                                 << "octet-counted";
    QTest::addRow("syslog-ng network() RFC 3164") << "syslog-ng"
                                                  << "network"
                                                  << "traditional";
}

void TestRelays::relayToCollect()
{
    QFETCH(QString, relay);
    QFETCH(QString, format);
    QFETCH(QString, framing);
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    const quint16 collectPort = CollectProcess::freeTcpPort();
    const quint16 relayPort = CollectProcess::freeUdpPort();
    int status = -1;
    CollectProcess::cli(data,
        { "sources", "add", "syslog", "--listen", QStringLiteral("tcp://127.0.0.1:%1").arg(collectPort) }, &status);
    QCOMPARE(status, 0);
    QProcess collect;
    QVERIFY(CollectProcess::start(collect, data));

    QProcess relayProcess;
    relayProcess.setProcessChannelMode(QProcess::MergedChannels);
    QVERIFY(QDir().mkpath(dir.filePath("work")));
    if (relay == "rsyslog") {
        const QString rsyslogd = QStringLiteral("/usr/sbin/rsyslogd");
        QVERIFY2(QFile::exists(rsyslogd), "rsyslog is not installed (packaging/install-deps.sh installs it)");
        const QByteArray conf = QStringLiteral(R"(global(workDirectory="%1")
module(load="imudp")
input(type="imudp" address="127.0.0.1" port="%2" ruleset="forward")
ruleset(name="forward") {
  action(type="omfwd" target="127.0.0.1" port="%3" protocol="tcp" TCP_Framing="%4" template="%5"
         action.resumeRetryCount="-1" action.resumeInterval="1")
}
)")
                                    .arg(dir.filePath("work"))
                                    .arg(relayPort)
                                    .arg(collectPort)
                                    .arg(framing, format)
                                    .toUtf8();
        QVERIFY(writeFile(dir.filePath("rsyslog.conf"), conf));
        relayProcess.start(rsyslogd, { "-n", "-f", dir.filePath("rsyslog.conf"), "-i", dir.filePath("rsyslog.pid") });
    } else {
        const QString root = QString::fromLatin1(kSyslogNg);
        if (!QFile::exists(root + "/usr/sbin/syslog-ng"))
            QSKIP("syslog-ng is not unpacked in /opt/activity-dashboard-test (packaging/install-deps.sh does it)");
        const QByteArray conf = QStringLiteral(R"(@version: 3.38
options { keep-hostname(yes); time-reopen(1); };
source s_nginx { network(ip("127.0.0.1") port(%1) transport("udp")); };
destination d_collect { %2("127.0.0.1" port(%3) transport("tcp")); };
log { source(s_nginx); destination(d_collect); };
)")
                                    .arg(relayPort)
                                    .arg(format)
                                    .arg(collectPort)
                                    .toUtf8();
        QVERIFY(writeFile(dir.filePath("syslog-ng.conf"), conf));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("LD_LIBRARY_PATH", root + "/usr/lib/x86_64-linux-gnu:" + root + "/usr/lib/syslog-ng");
        relayProcess.setProcessEnvironment(env);
        relayProcess.start(root + "/usr/sbin/syslog-ng",
            { "-F", "-e", "-f", dir.filePath("syslog-ng.conf"), "--module-path=" + root + "/usr/lib/syslog-ng/3.38",
                "--persist-file=" + dir.filePath("work/persist"), "--pidfile=" + dir.filePath("work/pid"),
                "--control=" + dir.filePath("work/ctl") });
    }
    QVERIFY(relayProcess.waitForStarted(10'000));
    QTest::qWait(1500); // the relay binds its UDP port and connects to collect
    QVERIFY2(relayProcess.state() == QProcess::Running, relayProcess.readAll().constData());

    // What nginx sends, paced like a busy site (a relay's UDP input is no better than ours).
    QUdpSocket nginx;
    for (int i = 0; i < kLines; ++i) {
        nginx.writeDatagram(datagram(i), QHostAddress::LocalHost, relayPort);
        if (i % 50 == 49)
            QTest::qWait(10);
    }
    Database db(data + "/activity.sqlite", Database::Mode::ReadOnly);
    const auto stored = [&db] {
        return db.queryInt("SELECT count(*) FROM requests r JOIN sites s ON s.id = r.site_id WHERE s.name = 'mysite'")
            .value_or(0);
    };
    QTRY_COMPARE_WITH_TIMEOUT(stored(), kLines, 30'000);
    // Each with the request's own time (not the relay's), its own path, nothing rejected.
    QCOMPARE(db.queryInt("SELECT min(ts) FROM requests"), kFirst);
    QCOMPARE(db.queryInt("SELECT max(ts) FROM requests"), kFirst + kLines - 1);
    QCOMPARE(db.queryInt("SELECT count(DISTINCT path_id) FROM requests"), kLines);
    QCOMPARE(db.queryInt("SELECT sum(bytes) FROM requests"), qint64(kLines) * 100 + qint64(kLines) * (kLines - 1) / 2);
    QCOMPARE(db.queryInt("SELECT count(*) FROM requests").value_or(0), kLines);
    relayProcess.terminate();
    relayProcess.waitForFinished(10'000);
    QCOMPARE(CollectProcess::stop(collect), 0);
    QCOMPARE(db.queryInt("SELECT coalesce(sum(value), 0) FROM ingest_counters WHERE name = 'rejected'"), 0);
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestRelays)
#include "tst_relays.moc"
