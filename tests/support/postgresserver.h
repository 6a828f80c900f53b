#pragma once
// A real PostgreSQL for a test: Debian's binaries, a new cluster in a temporary directory on a free loopback port,
// run as the unprivileged 'postgres' user when the tests run as root (PostgreSQL refuses root). Stopped at the end.
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

class PostgresServer {
public:
    // `options`: more server settings for its command line ("-c ssl=on ...").
    explicit PostgresServer(QString options = {})
        : m_options(std::move(options))
    {
        if (!prepare())
            return;
        if (!run(QStringLiteral("initdb"),
                { QStringLiteral("-D"), m_data, QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                    QStringLiteral("postgres"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                    QStringLiteral("--no-sync") }))
            return;
        start();
    }
    // A streaming replica of `primary` (a hot standby made by pg_basebackup -R), on a port of its own.
    struct StandbyOf {
        const PostgresServer& primary;
    };
    explicit PostgresServer(StandbyOf standby)
    {
        if (!prepare())
            return;
        if (!run(QStringLiteral("pg_basebackup"),
                { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                    QString::number(standby.primary.port()), QStringLiteral("-U"), QStringLiteral("postgres"),
                    QStringLiteral("-D"), m_data, QStringLiteral("-R"), QStringLiteral("--no-sync"),
                    QStringLiteral("--checkpoint=fast") }))
            return;
        start();
    }
    ~PostgresServer() { stop(); }
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    QString url(const QString& database = QStringLiteral("postgres")) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(database);
    }
    bool start()
    {
        return run(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), m_data, QStringLiteral("-l"), m_dir.filePath(QStringLiteral("log")),
                QStringLiteral("-w"), QStringLiteral("-o"),
                QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off %3")
                    .arg(m_port)
                    .arg(m_dir.path(), m_options),
                QStringLiteral("start") });
    }
    bool stop()
    {
        return run(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), m_data, QStringLiteral("-w"), QStringLiteral("-m"), QStringLiteral("fast"),
                QStringLiteral("stop") });
    }

private:
    // Debian's binaries, a free loopback port, and the data directory handed to 'postgres' when run as root.
    bool prepare()
    {
        const QStringList versions
            = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (versions.isEmpty()) {
            m_error = QStringLiteral("no PostgreSQL in /usr/lib/postgresql (packaging/install-deps.sh installs it)");
            return false;
        }
        m_bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(versions.last());
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            m_port = probe.serverPort();
        }
        ::chmod(m_dir.path().toLocal8Bit().constData(), 0755);
        m_data = m_dir.filePath(QStringLiteral("data"));
        if (::geteuid() == 0) {
            const passwd* pw = ::getpwnam("postgres");
            if (!pw) {
                m_error = QStringLiteral("running as root and there is no 'postgres' user to run PostgreSQL as");
                return false;
            }
            if (::chown(m_dir.path().toLocal8Bit().constData(), pw->pw_uid, pw->pw_gid) != 0) {
                m_error = QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir.path());
                return false;
            }
            m_asUser = true;
        }
        return true;
    }
    bool run(const QString& tool, const QStringList& args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(m_dir.path());
        const QString program = m_bin + QLatin1Char('/') + tool;
        if (m_asUser)
            p.start(QStringLiteral("runuser"),
                QStringList { QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program } + args);
        else
            p.start(program, args);
        if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            m_error = QStringLiteral("%1 failed: %2").arg(tool, QString::fromLocal8Bit(p.readAll()).trimmed());
            return false;
        }
        return true;
    }

    QString m_options;
    QTemporaryDir m_dir;
    QString m_bin;
    QString m_data;
    QString m_error;
    quint16 m_port = 0;
    bool m_asUser = false;
};
