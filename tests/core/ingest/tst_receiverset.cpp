#include "core/ingest/receiverset.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/recordingsink.h"

#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace activity {

class TestReceiverSet : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void addPauseResumeChangeRemove();
    void followerPositionSurvivesRestart();
    void countersReachTheDatabase();
    void busyPortIsReportedAndRetried();
    void sinkConfiguredPerSource();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock { 1'750'000'000'000 };
    SourceRegistry m_registry;
};

namespace {
const QByteArray kLine = R"(81.2.69.142 - - [25/Nov/2026:05:32:29 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/7.88")";

quint16 freeTcpPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

// Two distinct free ports: both probes stay open until both are known, so the kernel cannot hand
// the same port out twice (which made the "open" listener fail to bind now and then).
std::pair<quint16, quint16> twoFreeTcpPorts()
{
    QTcpServer a;
    QTcpServer b;
    a.listen(QHostAddress::LocalHost, 0);
    b.listen(QHostAddress::LocalHost, 0);
    return { a.serverPort(), b.serverPort() };
}

bool sendTcp(quint16 port, const QByteArray& data)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return false;
    socket.write(data);
    while (socket.bytesToWrite() > 0)
        if (!socket.waitForBytesWritten(3000))
            return false;
    return true;
}

QJsonObject syslogSettings(quint16 port, const QString& allow = QStringLiteral("127.0.0.0/8,::1/128"))
{
    return QJsonObject { { "listen", QStringLiteral("tcp://127.0.0.1:%1").arg(port) }, { "allow", allow },
        { "format", "combined" } };
}
} // namespace

void TestReceiverSet::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = std::make_unique<Database>(m_dir->filePath("a.sqlite"));
    Migrations::migrate(*m_db);
}

void TestReceiverSet::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TestReceiverSet::addPauseResumeChangeRemove()
{
    SourceStore store(*m_db, m_clock);
    RecordingSink sink;
    ReceiverSet set(*m_db, m_clock, m_registry, sink);
    QCOMPARE(set.sync(), QStringList());
    QCOMPARE(set.count(), 0);

    const quint16 port = freeTcpPort();
    const qint64 id = store.add("syslog", "s", syslogSettings(port));
    store.add("github", "a/b", QJsonObject { { "repo", "a/b" } }); // not ours
    QCOMPARE(set.sync(), QStringList());
    QCOMPARE(set.count(), 1);
    QVERIFY(set.listener(id));
    QVERIFY(sendTcp(port, "<190>Nov 25 05:32:29 h mysite: " + kLine + "\n"));
    QTRY_COMPARE(sink.count(), 1);
    QCOMPARE(sink.lines()[0].sourceId, id);

    QVERIFY(store.setEnabled(id, false));
    set.sync();
    QCOMPARE(set.count(), 0);
    QVERIFY(!sendTcp(port, "x\n")); // the port is closed

    QVERIFY(store.setEnabled(id, true));
    set.sync();
    QVERIFY(set.listener(id));
    SyslogListener* before = set.listener(id);
    set.sync(); // nothing changed: the same listener keeps running
    QCOMPARE(set.listener(id), before);

    const quint16 other = freeTcpPort();
    QVERIFY(store.update(id, "s", syslogSettings(other)));
    set.sync();
    QCOMPARE(set.listener(id)->port(), other);
    QVERIFY(sendTcp(other, "<190>Nov 25 05:32:29 h mysite: " + kLine + "\n"));
    QTRY_COMPARE(sink.count(), 2);

    QVERIFY(store.remove(id, false));
    set.sync();
    QCOMPARE(set.count(), 0);
    QVERIFY(!sendTcp(other, "x\n"));
}

void TestReceiverSet::followerPositionSurvivesRestart()
{
    const QString path = m_dir->filePath("access.log");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kLine + "\n" + kLine + "\n");
    file.flush();
    SourceStore store(*m_db, m_clock);
    const qint64 id = store.add("logfile", path, QJsonObject { { "path", path }, { "site", "files" } });
    {
        RecordingSink sink;
        ReceiverSet set(*m_db, m_clock, m_registry, sink);
        set.sync();
        QTRY_COMPARE(sink.count(), 2);
        QCOMPARE(sink.lines()[0].site, QByteArray("files"));
        QTRY_COMPARE(set.follower(id)->position().offset, 2 * (kLine.size() + 1));
        set.stopAll();
    }
    Statement s = m_db->prepare("SELECT state FROM fetch_state WHERE source_id = ?");
    s.bind(1, id);
    QVERIFY(s.step());
    const QJsonObject state = QJsonDocument::fromJson(s.text(0).toUtf8()).object();
    QCOMPARE(state.value("offset").toInteger(), 2 * (kLine.size() + 1));
    file.write("second " + kLine + "\n");
    file.flush();
    RecordingSink sink;
    ReceiverSet set(*m_db, m_clock, m_registry, sink);
    set.sync();
    QTRY_COMPARE(sink.count(), 1);
    QCOMPARE(sink.lines()[0].text, "second " + kLine);
}

void TestReceiverSet::countersReachTheDatabase()
{
    SourceStore store(*m_db, m_clock);
    RecordingSink sink;
    ReceiverSet set(*m_db, m_clock, m_registry, sink);
    const auto [port, port2] = twoFreeTcpPorts();
    const qint64 denying = store.add("syslog", "d", syslogSettings(port, "10.0.0.0/8"));
    const qint64 open = store.add("syslog", "o", syslogSettings(port2));
    set.sync();
    QVERIFY(set.listener(denying));
    QVERIFY(set.listener(open));
    // The denied connection is closed as soon as it is accepted: the write may or may not get through.
    sendTcp(port, "<190>Nov 25 05:32:29 h s: " + kLine + "\n");
    QVERIFY(sendTcp(port2, "<190>Nov 25 05:32:29 h s: " + kLine + "\n<190>Nov 25 05:32:29 h s: " + kLine + "\n"));
    QTRY_COMPARE(set.listener(denying)->counters().denied.load(), 1);
    QTRY_COMPARE(set.listener(open)->counters().received.load(), 2);
    set.saveState();
    set.saveState(); // nothing new: nothing added twice
    const auto counter = [&](qint64 id, const char* name) {
        Statement s = m_db->prepare("SELECT value FROM ingest_counters WHERE source_id = ? AND name = ?");
        s.bind(1, id).bind(2, QString::fromLatin1(name));
        return s.step() ? s.int64(0) : -1;
    };
    QCOMPARE(counter(denying, "denied"), 1);
    QCOMPARE(counter(denying, "messages_received"), -1);
    QCOMPARE(counter(open, "messages_received"), 2);
    QVERIFY(sendTcp(port2, "<190>Nov 25 05:32:29 h s: " + kLine + "\n"));
    QTRY_COMPARE(set.listener(open)->counters().received.load(), 3);
    set.stopAll();
    QCOMPARE(counter(open, "messages_received"), 3);
}

void TestReceiverSet::busyPortIsReportedAndRetried()
{
    QUdpSocket busy;
    QVERIFY(busy.bind(QHostAddress::LocalHost, 0));
    SourceStore store(*m_db, m_clock);
    RecordingSink sink;
    ReceiverSet set(*m_db, m_clock, m_registry, sink);
    const QString listen = QStringLiteral("udp://127.0.0.1:%1").arg(busy.localPort());
    const qint64 id = store.add("syslog", listen, QJsonObject { { "listen", listen } });
    const QStringList errors = set.sync();
    QCOMPARE(errors,
        QStringList { QStringLiteral("source %1: cannot listen on %2: Address already in use").arg(id).arg(listen) });
    QVERIFY(!set.listener(id));
    QCOMPARE(store.get(id)->lastError, QStringLiteral("cannot listen on %1: Address already in use").arg(listen));
    QCOMPARE(set.sync(), QStringList()); // not retried at once
    busy.close();
    m_clock.advanceSecs(61);
    QCOMPARE(set.sync(), QStringList());
    QVERIFY(set.listener(id));
}

void TestReceiverSet::sinkConfiguredPerSource()
{
    SourceStore store(*m_db, m_clock);
    RecordingSink sink;
    QStringList configured;
    ReceiverSet set(*m_db, m_clock, m_registry, sink, [&](qint64 id, const QJsonObject& settings) {
        configured.append(QStringLiteral("%1 %2").arg(id).arg(settings.value("format").toString()));
        return settings.value("format").toString() == "bad" ? QStringLiteral("unknown variable") : QString();
    });
    const auto [goodPort, badPort] = twoFreeTcpPorts();
    const qint64 good = store.add("syslog", "g", syslogSettings(goodPort));
    QJsonObject badSettings = syslogSettings(badPort);
    badSettings["format"] = "bad";
    const qint64 bad = store.add("syslog", "b", badSettings);
    QCOMPARE(set.sync(), QStringList { QStringLiteral("source %1: unknown variable").arg(bad) });
    QCOMPARE(configured, (QStringList { QStringLiteral("%1 combined").arg(good), QStringLiteral("%1 bad").arg(bad) }));
    QVERIFY(set.listener(good));
    QVERIFY(!set.listener(bad));
    QCOMPARE(store.get(bad)->lastError, QStringLiteral("unknown variable"));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestReceiverSet)
#include "tst_receiverset.moc"
