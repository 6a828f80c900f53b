#pragma once
// A real OpenSSH server (Debian's openssh-server) on a loopback port, with a throw-away host key and user key,
// for the current user; and an ssh client wrapper that uses them (the program's ACTIVITY_SSH), so nothing of
// the user's own ~/.ssh is read or changed. Header-only: the SSH follow test and its benchmark share it.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <pwd.h>
#include <unistd.h>

class SshServer {
public:
    // Empty when it runs; else why not.
    QString start()
    {
        if (!QFile::exists(QStringLiteral("/usr/sbin/sshd")))
            return QStringLiteral("/usr/sbin/sshd is missing (packaging/install-deps.sh installs openssh-server)");
        const QString dir = m_dir.path();
        for (const char* key : { "host_key", "user_key" }) {
            const QString path = dir + QLatin1Char('/') + QLatin1String(key);
            if (QProcess::execute(QStringLiteral("ssh-keygen"),
                    { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                        QString(), QStringLiteral("-f"), path })
                != 0)
                return QStringLiteral("ssh-keygen failed");
        }
        QFile::copy(dir + QStringLiteral("/user_key.pub"), dir + QStringLiteral("/authorized_keys"));
        QFile::setPermissions(dir + QStringLiteral("/authorized_keys"), QFile::ReadOwner | QFile::WriteOwner);
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            m_port = probe.serverPort();
        }
        write(dir + QStringLiteral("/sshd_config"),
            QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2/host_key\nPidFile %2/sshd.pid\n"
                           "AuthorizedKeysFile %2/authorized_keys\nPasswordAuthentication no\n"
                           "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nPermitRootLogin yes\n"
                           "LogLevel ERROR\n")
                .arg(m_port)
                .arg(dir)
                .toUtf8());
        write(dir + QStringLiteral("/ssh_config"),
            QStringLiteral("Host *\n  IdentityFile %1/user_key\n  IdentitiesOnly yes\n  UserKnownHostsFile "
                           "%1/known_hosts\n  StrictHostKeyChecking accept-new\n  LogLevel ERROR\n")
                .arg(dir)
                .toUtf8());
        write(dir + QStringLiteral("/ssh"),
            QStringLiteral("#!/bin/sh\nexec ssh -F %1/ssh_config \"$@\"\n").arg(dir).toUtf8());
        QFile::setPermissions(dir + QStringLiteral("/ssh"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (::geteuid() == 0)
            QDir().mkpath(QStringLiteral("/run/sshd")); // its privilege separation directory
        m_sshd.setProcessChannelMode(QProcess::MergedChannels);
        m_sshd.start(QStringLiteral("/usr/sbin/sshd"),
            { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), dir + QStringLiteral("/sshd_config") });
        if (!m_sshd.waitForStarted(5000))
            return QStringLiteral("sshd did not start");
        for (int i = 0; i < 100; ++i) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            if (s.waitForConnected(100))
                return {};
            if (m_sshd.state() != QProcess::Running)
                break;
            QThread::msleep(50);
        }
        return QStringLiteral("sshd does not answer: ") + QString::fromLocal8Bit(m_sshd.readAll());
    }
    ~SshServer()
    {
        m_sshd.terminate();
        m_sshd.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }
    // The client program for ACTIVITY_SSH.
    QString client() const { return m_dir.path() + QStringLiteral("/ssh"); }
    static QString user() { return QString::fromLocal8Bit(getpwuid(::geteuid())->pw_name); }
    QString url(const QString& path) const
    {
        return QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(user()).arg(m_port).arg(path);
    }

private:
    static void write(const QString& path, const QByteArray& text)
    {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(text);
    }
    QTemporaryDir m_dir;
    QProcess m_sshd;
    quint16 m_port = 0;
};
