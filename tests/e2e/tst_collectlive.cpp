#include "core/storage/database.h"
#include "tests/support/collectprocess.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>
#include <memory>

namespace activity {

// The real `collect` program with receivers and the ingest pipeline: hostile senders, sources changed
// while it runs, and a followed log file through rotation and restarts.
class TestCollectLive : public QObject {
    Q_OBJECT
private slots:
    void init();
    void hostileInputThenGoodLines();
    void sourcesChangeWhileRunning();
    void logfileRotationAndRestart();
    void rotatedWhileStopped();
    void onceReadsLogFilesToTheirEnd();

private:
    qint64 stored(qint64 sourceId);
    qint64 counter(qint64 sourceId, const char* name);
    QString addSyslog(const QString& listen);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
};

namespace {
QByteArray accessLine(int i, const QByteArray& path = "/")
{
    return "81.2.69." + QByteArray::number(i % 250) + " - - [25/Nov/2026:05:32:29 +0000] \"GET " + path
        + " HTTP/1.1\" 200 " + QByteArray::number(100 + i) + " \"-\" \"live-test\"";
}

std::unique_ptr<QTcpSocket> connectTcp(quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, port);
    return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
}

void writeAll(QTcpSocket& socket, const QByteArray& data)
{
    socket.write(data);
    while (socket.bytesToWrite() > 0)
        QVERIFY(socket.waitForBytesWritten(5000));
}
} // namespace

void TestCollectLive::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_dataDir = m_dir->filePath("data");
}

qint64 TestCollectLive::stored(qint64 sourceId)
{
    Database db(m_dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
    Statement s = db.prepare("SELECT count(*) FROM requests WHERE source_id = ?");
    s.bind(1, sourceId);
    return s.step() ? s.int64(0) : -1;
}

qint64 TestCollectLive::counter(qint64 sourceId, const char* name)
{
    Database db(m_dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
    Statement s = db.prepare("SELECT value FROM ingest_counters WHERE source_id = ? AND name = ?");
    s.bind(1, sourceId).bind(2, QString::fromLatin1(name));
    return s.step() ? s.int64(0) : 0;
}

QString TestCollectLive::addSyslog(const QString& listen)
{
    int status = -1;
    const QString out = CollectProcess::cli(m_dataDir, { "sources", "add", "syslog", "--listen", listen }, &status);
    return status == 0 ? out : QString();
}

void TestCollectLive::hostileInputThenGoodLines()
{
    const quint16 tcpPort = CollectProcess::freeTcpPort();
    const quint16 udpPort = CollectProcess::freeUdpPort();
    QVERIFY(!addSyslog(QStringLiteral("tcp://127.0.0.1:%1").arg(tcpPort)).isEmpty()); // source 1
    QVERIFY(!addSyslog(QStringLiteral("udp://127.0.0.1:%1").arg(udpPort)).isEmpty()); // source 2
    QProcess collect;
    QVERIFY(CollectProcess::start(collect, m_dataDir));

    QRandomGenerator rng(99);
    // Hundreds of idle connections, kept open through the rest.
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 200; ++i) {
        idle.push_back(connectTcp(tcpPort));
        QVERIFY(idle.back());
    }
    {
        auto random = connectTcp(tcpPort);
        QByteArray bytes(256 * 1024, '\0');
        for (char& c : bytes)
            c = char(rng.bounded(256));
        writeAll(*random, bytes);
    }
    {
        auto liar = connectTcp(tcpPort);
        writeAll(*liar, "999999999 <13>x: lie\n40 <13>x: short\n" + QByteArray(100 * 1024, 'q') + "\n");
        writeAll(*liar, "<190>Nov 25 05:32:29 h mysite: \xff\xfe invalid utf-8 \xc3\x28\n");
    }
    QUdpSocket udp;
    const QByteArray header = "<190>Nov 25 05:32:29 big: ";
    udp.writeDatagram(header + QByteArray(65507 - header.size(), 'x'), QHostAddress::LocalHost, udpPort);
    for (int i = 0; i < 20; ++i) {
        QByteArray junk(1 + rng.bounded(2000), '\0');
        for (char& c : junk)
            c = char(rng.bounded(256));
        udp.writeDatagram(junk, QHostAddress::LocalHost, udpPort);
    }
    // Then good lines on both.
    auto good = connectTcp(tcpPort);
    for (int i = 0; i < 50; ++i)
        writeAll(*good, "<190>Nov 25 05:32:29 h mysite: " + accessLine(i) + "\n");
    for (int i = 0; i < 50; ++i)
        udp.writeDatagram("<190>Nov 25 05:32:29 h mysite: " + accessLine(i), QHostAddress::LocalHost, udpPort);
    QTRY_COMPARE_WITH_TIMEOUT(stored(1), 50, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(stored(2), 50, 15000);
    QCOMPARE(collect.state(), QProcess::Running);
    good.reset();
    idle.clear();
    QCOMPARE(CollectProcess::stop(collect), 0);
    // Every bad message was counted as rejected (random TCP bytes split into many "lines").
    QVERIFY(counter(1, "rejected") >= 4);
    QVERIFY(counter(2, "rejected") >= 21);
    QCOMPARE(stored(1), 50);
    QCOMPARE(stored(2), 50);
}

void TestCollectLive::sourcesChangeWhileRunning()
{
    QProcess collect;
    QVERIFY(CollectProcess::start(collect, m_dataDir));
    const quint16 port = CollectProcess::freeUdpPort();
    QVERIFY(!addSyslog(QStringLiteral("udp://127.0.0.1:%1").arg(port)).isEmpty()); // added while running
    QUdpSocket udp;
    // The listener starts within a couple of seconds: send until the first line is stored.
    int sent = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        (udp.writeDatagram("<190>Nov 25 05:32:29 h s: " + accessLine(sent++), QHostAddress::LocalHost, port),
            stored(1) > 0),
        10000);
    int status = -1;
    CollectProcess::cli(m_dataDir, { "sources", "pause", "1" }, &status);
    QCOMPARE(status, 0);
    // Paused: the port is given back (we can bind it ourselves).
    QTRY_VERIFY_WITH_TIMEOUT(QUdpSocket().bind(QHostAddress::LocalHost, port), 10000);
    CollectProcess::cli(m_dataDir, { "sources", "resume", "1" }, &status);
    QCOMPARE(status, 0);
    const qint64 before = stored(1);
    QTRY_VERIFY_WITH_TIMEOUT(
        (udp.writeDatagram("<190>Nov 25 05:32:29 h s: " + accessLine(sent++), QHostAddress::LocalHost, port),
            stored(1) > before),
        10000);
    CollectProcess::cli(m_dataDir, { "sources", "remove", "1" }, &status);
    QCOMPARE(status, 0);
    QTRY_VERIFY_WITH_TIMEOUT(QUdpSocket().bind(QHostAddress::LocalHost, port), 10000);
    QCOMPARE(CollectProcess::stop(collect), 0);
}

void TestCollectLive::logfileRotationAndRestart()
{
    const QString path = m_dir->filePath("access.log");
    const auto append = [&](const QString& file, int from, int to) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::Append));
        for (int i = from; i < to; ++i)
            f.write(accessLine(i, "/f" + QByteArray::number(i)) + "\n");
    };
    append(path, 0, 100); // already there when the source is added: read whole
    int status = -1;
    CollectProcess::cli(m_dataDir, { "sources", "add", "logfile", "--path", path, "--site", "files" }, &status);
    QCOMPARE(status, 0);
    QProcess collect;
    QVERIFY(CollectProcess::start(collect, m_dataDir));
    QTRY_COMPARE_WITH_TIMEOUT(stored(1), 100, 10000);
    append(path, 100, 150);
    QTRY_COMPARE_WITH_TIMEOUT(stored(1), 150, 10000);
    QVERIFY(QFile::rename(path, path + ".1")); // rotation: rename, late lines in the old file, new file
    append(path + ".1", 150, 160);
    append(path, 160, 200);
    QTRY_COMPARE_WITH_TIMEOUT(stored(1), 200, 10000);
    QCOMPARE(CollectProcess::stop(collect), 0);

    append(path, 200, 230); // written while collect is stopped
    QVERIFY(CollectProcess::start(collect, m_dataDir));
    QTRY_COMPARE_WITH_TIMEOUT(stored(1), 230, 10000);
    {
        QFile f(path); // copytruncate
        QVERIFY(f.resize(0));
    }
    append(path, 230, 240);
    QTRY_COMPARE_WITH_TIMEOUT(stored(1), 240, 10000);
    QCOMPARE(CollectProcess::stop(collect), 0);
    // Each line exactly once.
    Database db(m_dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
    QCOMPARE(db.queryInt("SELECT count(DISTINCT path_id) FROM requests"), 240);
    QCOMPARE(
        db.queryInt("SELECT count(*) FROM requests r JOIN sites s ON s.id = r.site_id WHERE s.name = 'files'"), 240);
}

void TestCollectLive::rotatedWhileStopped()
{
    const QString path = m_dir->filePath("access.log");
    const auto append = [&](const QString& file, int from, int to) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::Append));
        for (int i = from; i < to; ++i)
            f.write(accessLine(i, "/r" + QByteArray::number(i)) + "\n");
    };
    append(path, 0, 2000);
    int status = -1;
    CollectProcess::cli(m_dataDir, { "sources", "add", "logfile", "--path", path }, &status);
    QCOMPARE(status, 0);
    QProcess collect;
    QVERIFY(CollectProcess::start(collect, m_dataDir));
    QTRY_COMPARE_WITH_TIMEOUT(stored(1), 2000, 10000);
    QCOMPARE(CollectProcess::stop(collect), 0);
    // While nobody follows: more lines, the file rotated (rename, as logrotate with delaycompress), a new file.
    append(path, 2000, 2500);
    QVERIFY(QFile::rename(path, path + ".1"));
    append(path, 2500, 3000);
    QVERIFY(CollectProcess::start(collect, m_dataDir));
    QTRY_COMPARE_WITH_TIMEOUT(stored(1), 3000, 10000);
    QTest::qWait(600); // and nothing twice
    QCOMPARE(CollectProcess::stop(collect), 0);
    Database db(m_dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
    QCOMPARE(db.queryInt("SELECT count(DISTINCT path_id) FROM requests"), 3000);
    QCOMPARE(stored(1), 3000);
}

void TestCollectLive::onceReadsLogFilesToTheirEnd()
{
    const QString path = m_dir->filePath("once.log");
    const auto append = [&](int from, int to) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        for (int i = from; i < to; ++i)
            f.write(accessLine(i, "/o" + QByteArray::number(i)) + "\n");
    };
    append(0, 1500);
    int status = -1;
    CollectProcess::cli(m_dataDir, { "sources", "add", "logfile", "--path", path, "--site", "once" }, &status);
    QCOMPARE(status, 0);
    CollectProcess::cli(m_dataDir, { "sources", "add", "syslog", "--listen", "udp://127.0.0.1:5599" }, &status);
    QCOMPARE(status, 0);
    QString out = CollectProcess::cli(m_dataDir, { "collect", "--once" }, &status);
    QCOMPARE(status, 0);
    QVERIFY2(out.contains(QStringLiteral("source 1 (%1): read 1500 lines, stored 1500, rejected 0").arg(path)),
        qPrintable(out));
    QVERIFY2(
        out.contains("source 2 (udp://127.0.0.1:5599): a listener receives only while collecting"), qPrintable(out));
    QCOMPARE(stored(1), 1500);
    // Again after the file grew: from where it was left.
    append(1500, 1800);
    out = CollectProcess::cli(m_dataDir, { "collect", "--once" }, &status);
    QCOMPARE(status, 0);
    QVERIFY2(out.contains("read 300 lines, stored 300"), qPrintable(out));
    QCOMPARE(stored(1), 1800);
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCollectLive)
#include "tst_collectlive.moc"
