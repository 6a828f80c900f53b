#include "core/ingest/remotelog.h"

#include <QRegularExpression>
#include <QUrl>
#include <algorithm>

namespace activity {

namespace {
// 'text' for a POSIX shell: a path from the user's URL never runs as code on the server.
QString quoted(const QString& text)
{
    QString q = text;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}
} // namespace

bool RemoteLog::isRemote(const QString& path)
{
    return path.startsWith(QLatin1String("ssh://"));
}

std::optional<RemoteLog::Target> RemoteLog::parse(const QString& url)
{
    if (!isRemote(url))
        return std::nullopt;
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty() || u.path().size() < 2 || !u.path().startsWith(QLatin1Char('/'))
        || u.hasQuery() || u.hasFragment() || !u.password().isEmpty())
        return std::nullopt;
    Target t;
    t.user = u.userName();
    t.host = u.host();
    t.port = u.port(0);
    t.path = u.path();
    // ssh would read a host or user starting with '-' as an option.
    if (t.host.startsWith(QLatin1Char('-')) || t.user.startsWith(QLatin1Char('-')))
        return std::nullopt;
    return t;
}

QString RemoteLog::listCommand(const QString& path)
{
    // The log, then its rotations (access.log.1, access.log.2.gz, access.log-20261201): inode, size, mtime, a hash
    // of the first 4 KiB of the content (uncompressed), name. POSIX sh and coreutils: any Linux server has them.
    return QStringLiteral("f=%1; for g in \"$f\" \"$f\".* \"$f\"-*; do [ -f \"$g\" ] || continue; "
                          "s=$(stat -L -c '%i %s %Y' -- \"$g\") || continue; "
                          "case \"$g\" in *.gz) h=$(gzip -dc -- \"$g\" 2>/dev/null | head -c 4096 | md5sum);; "
                          "*) h=$(head -c 4096 -- \"$g\" | md5sum);; esac; "
                          "printf '%s %s %s\\n' \"$s\" \"${h%% *}\" \"$g\"; done")
        .arg(quoted(path));
}

QList<RemoteLog::File> RemoteLog::parseList(const QByteArray& output, const QString& path)
{
    QList<File> files;
    for (const QByteArray& line : output.split('\n')) {
        // "INODE SIZE MTIME HASH NAME": the name is the rest of the line (it may hold spaces).
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() < 5)
            continue;
        File f;
        bool ok[3] = {};
        f.inode = parts[0].toLongLong(&ok[0]);
        f.size = parts[1].toLongLong(&ok[1]);
        f.mtime = parts[2].toLongLong(&ok[2]);
        if (!ok[0] || !ok[1] || !ok[2])
            continue;
        f.head = parts[3];
        f.name = QString::fromUtf8(line.mid(parts[0].size() + parts[1].size() + parts[2].size() + parts[3].size() + 4));
        f.gz = f.name.endsWith(QLatin1String(".gz"));
        f.current = f.name == path;
        files.append(f);
    }
    return files;
}

QString RemoteLog::readCommand(const File& file, qint64 offset, qint64 maxBytes)
{
    const QString from = QString::number(offset + 1);
    if (file.gz)
        return QStringLiteral("gzip -dc -- %1 | tail -c +%2 | head -c %3").arg(quoted(file.name), from).arg(maxBytes);
    return QStringLiteral("tail -c +%2 -- %1 | head -c %3").arg(quoted(file.name), from).arg(maxBytes);
}

namespace {
// Rotation order, oldest first: by age, then by logrotate's number (access.log.2.gz is older than access.log.1),
// then by name (dated names sort by date); the current file is the newest.
int rotationNumber(const RemoteLog::File& f, const QString& base)
{
    QString rest = f.name.mid(base.size());
    if (rest.endsWith(QLatin1String(".gz")))
        rest.chop(3);
    bool ok = false;
    const int n = rest.startsWith(QLatin1Char('.')) ? rest.mid(1).toInt(&ok) : 0;
    return ok ? n : 0;
}

QList<RemoteLog::File> oldestFirst(QList<RemoteLog::File> files)
{
    QString base;
    for (const RemoteLog::File& f : files)
        if (f.current)
            base = f.name;
    std::stable_sort(files.begin(), files.end(), [&](const RemoteLog::File& a, const RemoteLog::File& b) {
        if (a.current != b.current)
            return b.current;
        if (a.mtime != b.mtime)
            return a.mtime < b.mtime;
        const int na = rotationNumber(a, base);
        const int nb = rotationNumber(b, base);
        return na != nb ? na > nb : a.name < b.name;
    });
    return files;
}
} // namespace

std::optional<RemoteLog::File> RemoteLog::after(const QList<File>& files, const File& file)
{
    const QList<File> ordered = oldestFirst(files);
    for (qsizetype i = 0; i + 1 < ordered.size(); ++i)
        if (ordered[i].inode == file.inode && ordered[i].name == file.name)
            return ordered[i + 1];
    return std::nullopt;
}

std::optional<RemoteLog::Read> RemoteLog::next(const QList<File>& files, const Position& at)
{
    const auto current = std::find_if(files.cbegin(), files.cend(), [](const File& f) { return f.current; });
    if (at.inode == 0)
        return current == files.cend() ? std::nullopt : std::optional<Read>(Read { *current, 0 });
    // The file being read: the same inode (not recompressed) and first bytes (a deleted file's inode is soon
    // given to a new one), else the same first bytes (now a .gz).
    auto ours = std::find_if(files.cbegin(), files.cend(),
        [&](const File& f) { return !f.gz && f.inode == at.inode && (at.head.isEmpty() || f.head == at.head); });
    if (ours == files.cend() && !at.head.isEmpty())
        ours = std::find_if(files.cbegin(), files.cend(), [&](const File& f) { return f.head == at.head; });
    if (ours == files.cend()) // gone (deleted by rotation): what is there now is all new
        return current == files.cend() ? std::nullopt : std::optional<Read>(Read { *current, 0 });
    if (ours->current) {
        if (ours->size < at.offset) // truncated in place (copytruncate)
            return Read { *ours, 0 };
        return ours->size > at.offset ? std::optional<Read>(Read { *ours, at.offset }) : std::nullopt;
    }
    if (ours->gz || at.offset < ours->size)
        return Read { *ours, at.offset }; // a .gz's size says nothing of its content: read until nothing comes
    const auto newer = after(files, *ours);
    return newer ? std::optional<Read>(Read { *newer, 0 }) : std::nullopt;
}

QStringList RemoteLog::sshArguments(const Target& target, const QString& controlPath, const QString& command)
{
    QStringList args { QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
        QStringLiteral("ConnectTimeout=15"), QStringLiteral("-o"), QStringLiteral("ServerAliveInterval=15"),
        QStringLiteral("-o"), QStringLiteral("ControlMaster=auto"), QStringLiteral("-o"),
        QStringLiteral("ControlPath=") + controlPath, QStringLiteral("-o"), QStringLiteral("ControlPersist=60") };
    if (target.port > 0)
        args << QStringLiteral("-p") << QString::number(target.port);
    if (!target.user.isEmpty())
        args << QStringLiteral("-l") << target.user;
    args << QStringLiteral("--") << target.host << command;
    return args;
}

} // namespace activity
