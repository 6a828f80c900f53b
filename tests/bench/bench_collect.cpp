// Benchmarks the real `activity-dashboard collect` as a syslog receiver: 200,000 lines over TCP (no
// loss expected: TCP has back-pressure), 100,000 UDP datagrams paced at 40,000 per second (at most
// 0.1% loss expected), then both at once (a relay's TCP burst during nginx's UDP traffic: UDP must not pay for
// it), and the peak memory of the collect process. Prints figures; asserts nothing.
// Usage: bench_collect [TCP_LINES] [UDP_DATAGRAMS] [UDP_RATE]
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUdpSocket>
#include <arpa/inet.h>
#include <cstdio>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace activity;

namespace {
QByteArray line(int i)
{
    static const char* const paths[] = { "/", "/docs/install", "/download/latest.tar.gz", "/blog/2026/11/release",
        "/api/v1/items?page=2", "/favicon.ico", "/missing" };
    const int status = (i % 37 == 0) ? 404 : 200;
    return QByteArray::number(81 + i % 120) + '.' + QByteArray::number(i % 250) + '.'
        + QByteArray::number(i / 250 % 250) + ".7 - - [25/Nov/2026:05:32:29 +0000] \"GET " + paths[i % 7]
        + " HTTP/1.1\" " + QByteArray::number(status) + ' ' + QByteArray::number(500 + i % 5000)
        + " \"https://example.org/\" \"Mozilla/5.0 (X11; Linux x86_64) bench/" + QByteArray::number(i % 40) + '"';
}

quint16 freePort(bool udp)
{
    if (udp) {
        QUdpSocket s;
        s.bind(QHostAddress::LocalHost, 0);
        return s.localPort();
    }
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

int cli(const QString& dataDir, QStringList args)
{
    QProcess p;
    args << QStringLiteral("--data-dir") << dataDir;
    p.start(QStringLiteral(ACTIVITY_BIN), args);
    p.waitForFinished(30000);
    return p.exitCode();
}

qint64 statusField(qint64 pid, const char* field) // kB from /proc/PID/status
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& l : f.readAll().split('\n'))
        if (l.startsWith(field))
            return l.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    return -1;
}

std::optional<qint64> counter(const QString& dbPath, qint64 source, const char* name)
{
    try {
        Database db(dbPath, Database::Mode::ReadOnly);
        Statement s = db.prepare("SELECT value FROM ingest_counters WHERE source_id = ? AND name = ?");
        s.bind(1, source).bind(2, QString::fromLatin1(name));
        return s.step() ? s.int64(0) : 0;
    } catch (const DatabaseError&) {
        return std::nullopt;
    }
}

// A TCP relay's burst from its own thread (plain blocking sockets): `lines` lines as fast as collect takes them.
void tcpBurst(quint16 port, int lines, int offset)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in to {};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        ::close(fd);
        return;
    }
    QByteArray batch;
    for (int i = 0; i < lines; ++i) {
        const QByteArray message = "<190>Nov 25 05:32:29 relay nginx: " + line(offset + i);
        batch += QByteArray::number(message.size()) + ' ' + message;
        if (batch.size() > 256 * 1024 || i + 1 == lines) {
            for (qsizetype sent = 0; sent < batch.size();) {
                const ssize_t n = ::send(fd, batch.constData() + sent, size_t(batch.size() - sent), 0);
                if (n <= 0)
                    break;
                sent += n;
            }
            batch.clear();
        }
    }
    ::close(fd);
}

qint64 storedBy(const QString& dbPath, qint64 source)
{
    try {
        Database db(dbPath, Database::Mode::ReadOnly);
        Statement s = db.prepare("SELECT count(*) FROM requests WHERE source_id = ?");
        return s.bind(1, source).step() ? s.int64(0) : -1;
    } catch (const DatabaseError&) {
        return -1;
    }
}

// Waits until the listener's received counter (saved every 2 s) reaches `target` or stops moving.
qint64 waitReceived(const QString& dbPath, qint64 source, qint64 target)
{
    qint64 last = -1;
    int still = 0;
    while (still < 3) {
        QThread::msleep(1000);
        const qint64 now = counter(dbPath, source, "messages_received").value_or(last);
        if (now >= target)
            return now;
        still = now == last ? still + 1 : 0;
        last = now;
    }
    return last;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int tcpLines = args.size() > 1 ? args[1].toInt() : 200'000;
    const int udpDatagrams = args.size() > 2 ? args[2].toInt() : 100'000;
    const int udpRate = args.size() > 3 ? args[3].toInt() : 40'000;

    QTemporaryDir dir;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const QString dbPath = dataDir + QStringLiteral("/activity.sqlite");
    const quint16 tcpPort = freePort(false);
    const quint16 udpPort = freePort(true);
    if (cli(dataDir,
            { QStringLiteral("sources"), QStringLiteral("add"), QStringLiteral("syslog"), QStringLiteral("--listen"),
                QStringLiteral("tcp://127.0.0.1:%1").arg(tcpPort), QStringLiteral("--site"), QStringLiteral("tcp") })
            != 0
        || cli(dataDir,
               { QStringLiteral("sources"), QStringLiteral("add"), QStringLiteral("syslog"), QStringLiteral("--listen"),
                   QStringLiteral("udp://127.0.0.1:%1").arg(udpPort), QStringLiteral("--site"), QStringLiteral("udp") })
            != 0) {
        std::fprintf(stderr, "cannot add the sources\n");
        return 1;
    }
    QProcess collect;
    collect.setReadChannel(QProcess::StandardError);
    collect.start(QStringLiteral(ACTIVITY_BIN), { QStringLiteral("collect"), QStringLiteral("--data-dir"), dataDir });
    QByteArray err;
    while (!err.contains("collecting") && collect.waitForReadyRead(15000))
        err += collect.readAllStandardError();
    if (!err.contains("collecting")) {
        std::fprintf(stderr, "collect did not start: %s\n", err.constData());
        return 1;
    }
    const qint64 pid = collect.processId();

    // TCP: 4 connections, octet counting and newline framing alternating.
    QElapsedTimer timer;
    timer.start();
    {
        constexpr int kConnections = 4;
        QTcpSocket sockets[kConnections];
        for (auto& s : sockets) {
            s.connectToHost(QHostAddress::LocalHost, tcpPort);
            s.waitForConnected(5000);
        }
        QByteArray batch[kConnections];
        for (int i = 0; i < tcpLines; ++i) {
            const QByteArray message = "<190>Nov 25 05:32:29 bench nginx: " + line(i);
            QByteArray& b = batch[i % kConnections];
            if (i & 1)
                b += message + '\n';
            else
                b += QByteArray::number(message.size()) + ' ' + message;
            if (b.size() > 256 * 1024 || i + kConnections >= tcpLines) {
                QTcpSocket& s = sockets[i % kConnections];
                s.write(b);
                b.clear();
                while (s.bytesToWrite() > 1024 * 1024)
                    s.waitForBytesWritten(5000);
            }
        }
        for (auto& s : sockets) {
            while (s.bytesToWrite() > 0)
                s.waitForBytesWritten(5000);
            s.disconnectFromHost();
        }
    }
    const double tcpSendSecs = timer.elapsed() / 1000.0;
    const qint64 tcpReceived = waitReceived(dbPath, 1, tcpLines);
    std::printf("  (peak memory after the TCP phase: %.1f MiB)\n", statusField(pid, "VmHWM:") / 1024.0);

    // UDP: paced in 1 ms slices at the requested rate.
    QUdpSocket udp;
    timer.restart();
    for (int i = 0; i < udpDatagrams;) {
        const qint64 due = qint64(timer.nsecsElapsed() / 1e9 * udpRate);
        for (; i < udpDatagrams && i < due; ++i)
            udp.writeDatagram("<190>Nov 25 05:32:29 bench nginx: " + line(i), QHostAddress::LocalHost, udpPort);
        QThread::usleep(500);
    }
    const double udpSendSecs = timer.elapsed() / 1000.0;
    const qint64 udpReceived = waitReceived(dbPath, 2, udpDatagrams);
    std::printf("  (peak memory after the UDP phase: %.1f MiB)\n", statusField(pid, "VmHWM:") / 1024.0);
    const qint64 tcpStored = storedBy(dbPath, 1);
    const qint64 udpStored = storedBy(dbPath, 2);

    // Both at once: the TCP burst on its own thread while UDP is paced here.
    QThread::msleep(2500); // the counters above settle
    const qint64 tcpBefore = storedBy(dbPath, 1);
    const qint64 udpBefore = storedBy(dbPath, 2);
    std::thread relay(tcpBurst, tcpPort, tcpLines, 1'000'000);
    timer.restart();
    for (int i = 0; i < udpDatagrams;) {
        const qint64 due = qint64(timer.nsecsElapsed() / 1e9 * udpRate);
        for (; i < udpDatagrams && i < due; ++i)
            udp.writeDatagram(
                "<190>Nov 25 05:32:29 bench nginx: " + line(2'000'000 + i), QHostAddress::LocalHost, udpPort);
        QThread::usleep(500);
    }
    const double mixedUdpSecs = timer.elapsed() / 1000.0;
    relay.join();
    const double mixedTcpSecs = timer.elapsed() / 1000.0;
    qint64 mixedTcp = 0;
    qint64 mixedUdp = 0;
    for (int still = 0, last = -1; still < 3;) { // until the stored counts stop moving
        QThread::msleep(1000);
        mixedTcp = storedBy(dbPath, 1) - tcpBefore;
        mixedUdp = storedBy(dbPath, 2) - udpBefore;
        still = int(mixedTcp + mixedUdp) == last ? still + 1 : 0;
        last = int(mixedTcp + mixedUdp);
    }

    const qint64 peakKb = statusField(pid, "VmHWM:");
    collect.terminate();
    collect.waitForFinished(60000);
    const int exitCode = collect.exitCode();

    std::printf("collect TCP: %d lines sent in %.2f s (%.0f lines/s); received %lld (%s), stored %lld (%s)\n", tcpLines,
        tcpSendSecs, tcpLines / tcpSendSecs, qlonglong(tcpReceived), tcpReceived == tcpLines ? "no loss" : "LOSS",
        qlonglong(tcpStored), tcpStored == tcpLines ? "no loss" : "LOSS");
    std::printf("collect UDP: %d datagrams in %.2f s (%.0f/s); received %lld (loss %.3f%%), stored %lld (loss %.3f%%) "
                "[target <= 0.1%%]\n",
        udpDatagrams, udpSendSecs, udpDatagrams / udpSendSecs, qlonglong(udpReceived),
        100.0 * (udpDatagrams - udpReceived) / udpDatagrams, qlonglong(udpStored),
        100.0 * (udpDatagrams - udpStored) / udpDatagrams);
    std::printf("collect mixed: a TCP burst of %d lines (%.2f s) during %d UDP datagrams at %.0f/s; TCP stored %lld "
                "(%s), UDP stored %lld (loss %.3f%%) [target: no TCP loss, UDP <= 0.1%%]\n",
        tcpLines, mixedTcpSecs, udpDatagrams, udpDatagrams / mixedUdpSecs, qlonglong(mixedTcp),
        mixedTcp == tcpLines ? "no loss" : "LOSS", qlonglong(mixedUdp),
        100.0 * (udpDatagrams - mixedUdp) / udpDatagrams);
    std::printf("collect peak memory (VmHWM): %.1f MiB [target < 200 MiB]; exit status after SIGTERM: %d\n",
        peakKb / 1024.0, exitCode);
    return 0;
}
