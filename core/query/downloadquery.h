#pragma once

#include "core/downloads/downloadattempts.h"
#include "core/logs/agentclass.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace activity {

class Database;

// What counts as a download and whose (settings downloads.patterns and downloads.window, the sizes the user gave).
struct DownloadOptions {
    DownloadPatterns patterns;
    qint64 windowSecs = 600;
    AgentScope scope = AgentScope::Humans; // people only unless asked
    QHash<QString, qint64> givenSizes; // by path
    // From the database's settings and download_sizes (a stored pattern list that no longer parses: the default).
    static DownloadOptions read(Database& db, AgentScope scope = AgentScope::Humans);
};

// One download attempt, its file named.
struct DownloadItem {
    QString path;
    QString version; // empty when the path names none
    qint64 start = 0; // its first request
    QString country; // two letters, empty unknown
    qint64 bytes = 0;
    bool completed = false;
};

struct DownloadFigure {
    qint64 started = 0; // attempts, completed or not
    qint64 completed = 0;
    qint64 bytes = 0;
    void add(const DownloadItem& item)
    {
        ++started;
        completed += item.completed ? 1 : 0;
        bytes += item.bytes;
    }
};

// Downloads from the raw request rows (so within the retention, retention.days): GETs of download paths answered
// 200 or 206, merged per client, agent and file (mergeDownloads). A file's size is the one the user gave, else the
// largest the log names (the total of $sent_http_content_range, $sent_http_content_length of a 200), else the
// largest 200 for it (the range's rows first; for a file they leave unknown, its other stored rows, earlier or later);
// else it is unknown and its attempts are only started. Rows of every agent tell a size; only those of `scope` make
// attempts.
namespace DownloadQuery {
// The attempts that start in [fromSecs, toSecs), oldest first.
QList<DownloadItem> attempts(Database& db, qint64 fromSecs, qint64 toSecs, const DownloadOptions& options);
// Sums per path (with its version), per (version, UTC day start), per country.
QMap<QString, DownloadFigure> byPath(const QList<DownloadItem>& items);
QMap<QPair<QString, qint64>, DownloadFigure> byVersionDay(const QList<DownloadItem>& items);
QMap<QString, DownloadFigure> byCountry(const QList<DownloadItem>& items);
} // namespace DownloadQuery

} // namespace activity
