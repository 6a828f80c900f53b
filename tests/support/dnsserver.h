#pragma once

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <QUdpSocket>

// A real DNS server for tests: dnsmasq (Debian package dnsmasq-base) on 127.0.0.1 on a free port, answering only
// the records it is given (ptr-record=..., host-record=... lines) and "no such name" for the rest of the zones it
// is told are local. No upstream, no /etc/hosts, no root. Stopped by the destructor.
class DnsServer {
public:
    // `records`: dnsmasq configuration lines; `localZones`: zones answered from them alone (e.g. "arpa").
    DnsServer(const QStringList& records, const QStringList& localZones)
    {
        const QString bin = QStandardPaths::findExecutable(
            QStringLiteral("dnsmasq"), { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") });
        if (bin.isEmpty()) {
            m_error = QStringLiteral("no dnsmasq (packaging/install-deps.sh installs dnsmasq-base)");
            return;
        }
        QStringList config = records;
        for (const QString& zone : localZones)
            config << QStringLiteral("local=/%1/").arg(zone);
        QFile f(m_dir.filePath(QStringLiteral("dnsmasq.conf")));
        if (!f.open(QIODevice::WriteOnly)) {
            m_error = QStringLiteral("cannot write %1").arg(f.fileName());
            return;
        }
        f.write(config.join(QLatin1Char('\n')).toUtf8() + '\n');
        f.close();
        // A port found free may be taken before dnsmasq binds it (or a start may never answer on a loaded
        // machine): a few tries, each on a new port.
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_error.clear();
            if (startOn(bin, f.fileName()))
                return;
            stopProcess();
        }
    }
    ~DnsServer() { stopProcess(); }
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

    static quint16 freeUdpPort()
    {
        QUdpSocket probe;
        probe.bind(QHostAddress::LocalHost, 0);
        return probe.localPort();
    }

private:
    static QString currentUser()
    {
        const QByteArray user = qgetenv("USER");
        return user.isEmpty() ? QStringLiteral("root") : QString::fromLocal8Bit(user);
    }
    // A query for a name nobody has: any answer means the server is up.
    bool startOn(const QString& bin, const QString& conf)
    {
        m_port = freeUdpPort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(bin,
            { QStringLiteral("--conf-file=") + conf, QStringLiteral("--port=%1").arg(m_port),
                QStringLiteral("--listen-address=127.0.0.1"), QStringLiteral("--bind-interfaces"),
                QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"), QStringLiteral("--keep-in-foreground"),
                QStringLiteral("--pid-file="), QStringLiteral("--user=") + currentUser(),
                QStringLiteral("--log-facility=-") });
        if (!m_process.waitForStarted(5000)) {
            m_error = QStringLiteral("dnsmasq did not start: %1").arg(m_process.errorString());
            return false;
        }
        // Ready once it answers.
        for (int i = 0; i < 50; ++i) {
            if (m_process.state() != QProcess::Running) {
                m_error = QStringLiteral("dnsmasq stopped: %1").arg(QString::fromUtf8(m_process.readAll()));
                return false;
            }
            if (answers())
                return true;
            QThread::msleep(100);
        }
        m_error = QStringLiteral("dnsmasq does not answer on port %1: %2")
                      .arg(m_port)
                      .arg(QString::fromUtf8(m_process.readAll()).trimmed());
        return false;
    }
    void stopProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool answers()
    {
        QUdpSocket s;
        // "ready.arpa", type A, class IN.
        const QByteArray q = QByteArray::fromHex("abcd01000001000000000000057265616479046172706100"
                                                 "00010001");
        s.writeDatagram(q, QHostAddress::LocalHost, m_port);
        return s.waitForReadyRead(200) && s.pendingDatagramSize() > 0;
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};
