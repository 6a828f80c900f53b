#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace activity {

// A log file on a server, followed through the system's OpenSSH client (`logfile` source with a path
// `ssh://USER@HOST[:PORT]/PATH`). Each poll asks the server what files there are (the log and its rotations,
// with inode, size, age and a hash of their first 4 KiB uncompressed) and then reads the bytes wanted. Which file
// and offset to read is decided here, without a network, from where the follower was left: after the laptop was
// asleep, what was written since is read from the rotated copies first (`access.log.1`, then older `.gz` ones
// found by their first bytes), oldest first, then the current file.
namespace RemoteLog {
struct Target {
    QString user; // empty: ssh's own choice (~/.ssh/config, the local user)
    QString host;
    int port = 0; // 0: ssh's own choice
    QString path; // absolute, on the server
};
// Parses `ssh://USER@HOST[:PORT]/PATH`; nullopt when `url` is not one.
std::optional<Target> parse(const QString& url);
bool isRemote(const QString& path);

// One file of the listing, as the server saw it.
struct File {
    QString name; // full path on the server
    qint64 inode = 0;
    qint64 size = 0; // on disk (compressed for .gz)
    qint64 mtime = 0;
    QByteArray head; // hash of the first 4 KiB of its uncompressed content (hex)
    bool gz = false;
    bool current = false; // the followed path itself
};
// The shell command that lists the log and its rotations, and the parser of its output.
QString listCommand(const QString& path);
QList<File> parseList(const QByteArray& output, const QString& path);
// The shell command that prints up to `maxBytes` bytes of `file` from `offset` (uncompressed for .gz).
QString readCommand(const File& file, qint64 offset, qint64 maxBytes);

struct Position {
    qint64 inode = 0;
    qint64 offset = 0;
    QByteArray head; // of the file being read, to know it again once rotated and compressed
};
struct Read {
    File file;
    qint64 offset = 0;
};
// What to read next from `files` for a follower at `at`, or nullopt when everything there is was read (or the
// log is missing). `at.inode == 0`: a new source, read the current file from its start.
std::optional<Read> next(const QList<File>& files, const Position& at);
// The file after `file` in rotation order (the next newer one, or the current file), to go on with once `file`
// was read to its end.
std::optional<File> after(const QList<File>& files, const File& file);

// ssh's arguments for running `command` on the target: batch mode (no prompts), one shared connection.
QStringList sshArguments(const Target& target, const QString& controlPath, const QString& command);
} // namespace RemoteLog

} // namespace activity
