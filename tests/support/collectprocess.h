#pragma once

#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>

// Runs the real `activity-dashboard collect` (ACTIVITY_BIN) on a data dir, for end-to-end tests.
namespace CollectProcess {
inline QString cli(const QString& dataDir, QStringList args, int* status = nullptr)
{
    QProcess p;
    args << QStringLiteral("--data-dir") << dataDir;
    p.start(QStringLiteral(ACTIVITY_BIN), args);
    p.waitForFinished(30000);
    if (status)
        *status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

// A port that was free a moment ago (bound to port 0 and read back, then released).
inline quint16 freeUdpPort()
{
    QUdpSocket s;
    s.bind(QHostAddress::LocalHost, 0);
    return s.localPort();
}

inline quint16 freeTcpPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

// Starts collect and waits until it says it is collecting.
inline bool start(QProcess& process, const QString& dataDir)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setReadChannel(QProcess::StandardError);
    process.start(QStringLiteral(ACTIVITY_BIN), { QStringLiteral("collect"), QStringLiteral("--data-dir"), dataDir });
    if (!process.waitForStarted(10000))
        return false;
    QByteArray err;
    while (!err.contains("collecting")) {
        if (!process.waitForReadyRead(15000))
            return false;
        err += process.readAllStandardError();
    }
    return true;
}

// SIGTERM, then the exit status (0 expected: flushed and done).
inline int stop(QProcess& process)
{
    process.terminate();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}
} // namespace CollectProcess
