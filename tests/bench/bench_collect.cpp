// Benchmarks the real `activity-dashboard collect` as a syslog receiver: 200,000 lines over TCP (no
// loss expected: TCP has back-pressure), 100,000 UDP datagrams paced at 40,000 per second (at most
// 0.1% loss expected), and the peak memory of the collect process. Prints figures; asserts nothing.
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
#include <cstdio>
#include <optional>

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

    const qint64 peakKb = statusField(pid, "VmHWM:");
    collect.terminate();
    collect.waitForFinished(60000);
    const int exitCode = collect.exitCode();

    qint64 tcpStored = -1;
    qint64 udpStored = -1;
    try {
        Database db(dbPath, Database::Mode::ReadOnly);
        Statement s = db.prepare("SELECT count(*) FROM requests WHERE source_id = ?");
        tcpStored = s.bind(1, qint64(1)).step() ? s.int64(0) : -1;
        s.reset();
        udpStored = s.bind(1, qint64(2)).step() ? s.int64(0) : -1;
    } catch (const DatabaseError& e) {
        std::fprintf(stderr, "%s\n", e.what());
    }
    std::printf("collect TCP: %d lines sent in %.2f s (%.0f lines/s); received %lld (%s), stored %lld (%s)\n", tcpLines,
        tcpSendSecs, tcpLines / tcpSendSecs, qlonglong(tcpReceived), tcpReceived == tcpLines ? "no loss" : "LOSS",
        qlonglong(tcpStored), tcpStored == tcpLines ? "no loss" : "LOSS");
    std::printf("collect UDP: %d datagrams in %.2f s (%.0f/s); received %lld (loss %.3f%%), stored %lld (loss %.3f%%) "
                "[target <= 0.1%%]\n",
        udpDatagrams, udpSendSecs, udpDatagrams / udpSendSecs, qlonglong(udpReceived),
        100.0 * (udpDatagrams - udpReceived) / udpDatagrams, qlonglong(udpStored),
        100.0 * (udpDatagrams - udpStored) / udpDatagrams);
    std::printf("collect peak memory (VmHWM): %.1f MiB [target < 200 MiB]; exit status after SIGTERM: %d\n",
        peakKb / 1024.0, exitCode);
    return 0;
}
