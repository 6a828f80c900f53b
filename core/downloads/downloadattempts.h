#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace activity {

// Which request paths are downloads (setting downloads.patterns), matched without regard to case. An entry
// starting with '.' is a file name's ending (".tar.gz"); any other is a wildcard over the whole path ("/dl/*").
class DownloadPatterns {
public:
    // The archives, packages and images: ".tar.gz .tgz ... .AppImage ...".
    static QString defaultText();
    // Empty when `text` (entries separated by spaces or commas) is usable, else why not, naming the entry.
    static QString parse(const QString& text, DownloadPatterns* out);
    bool matches(QByteArrayView path) const;

private:
    QList<QByteArray> m_endings; // lower case
    QList<QRegularExpression> m_wildcards;
};

// The release a file belongs to: from its name ("app-1.4.2.tar.gz", "app_1.4.2_amd64.deb") or, when the name has
// none, from a folder ("v1.4.2/app.tar.gz"); empty when neither says.
QString downloadVersion(QByteArrayView path);

// One GET of a download file answered 200 or 206, as the merge reads it.
struct DownloadRequest {
    qint64 ts = 0;
    QByteArray client; // who asked: address, agent and site together
    qint64 file = 0; // the path's id
    int status = 200;
    qint64 bytes = 0; // body bytes sent
    qint64 rangeFirst = -1; // a 206's first byte from $sent_http_content_range, -1 unknown
    qint64 rangeLast = -1; // its last byte (inclusive)
    QByteArray country;
    int tag = 0; // the caller's (e.g. whether the client is a person)
};

// A download attempt: one 200, or the 206s (and a cut-short 200) of one client for one file within the window.
struct DownloadAttempt {
    qint64 file = 0;
    qint64 start = 0; // its first request's time
    QByteArray country; // its first request's
    int tag = 0; // its first request's
    qint64 bytes = 0; // body bytes sent by all its requests
    int requests = 0;
    bool completed = false;
};

// Merges requests (in time order) into attempts, oldest first. `sizes`: each file's size where known; an attempt
// on a file of unknown size is never completed. A request joins the client's open attempt on the file when it
// comes less than `windowSecs` after that attempt's first request; else it starts a new one. A 200 carrying at
// least the whole size is an attempt of its own, completed. An attempt is completed when its ranges cover the
// file: the union of its known byte ranges (a 200 cut short covers [0, bytes); a 206 from its content range's first
// byte, as many bytes as were sent) plus the bytes sent by 206s whose offsets were not logged reaches the size.
QList<DownloadAttempt> mergeDownloads(
    const QList<DownloadRequest>& requests, const QHash<qint64, qint64>& sizes, qint64 windowSecs);

} // namespace activity
