#include "core/report/downloadreport.h"

#include "core/query/assetdownloadquery.h"
#include "core/query/downloadquery.h"
#include "core/report/csvwriter.h"
#include "core/sources/github/githubtype.h"

#include <QDateTime>
#include <QDir>
#include <QTimeZone>
#include <algorithm>

namespace activity {

QString DownloadReport::write(Database& db, const TimeRange& range, const QString& outDir, AgentScope scope)
{
    const QList<DownloadItem> items
        = DownloadQuery::attempts(db, range.fromSecs, range.toSecs, DownloadOptions::read(db, scope));
    QHash<QString, QString> versions;
    for (const DownloadItem& item : items)
        versions.insert(item.path, item.version);
    const QMap<QString, DownloadFigure> paths = DownloadQuery::byPath(items);
    QStringList order = paths.keys();
    std::stable_sort(order.begin(), order.end(), [&](const QString& a, const QString& b) {
        return paths[a].completed != paths[b].completed ? paths[a].completed > paths[b].completed
                                                        : paths[a].started > paths[b].started;
    });
    CsvWriter files(QDir(outDir).filePath(QStringLiteral("downloads.csv")));
    files.row({ QStringLiteral("path"), QStringLiteral("version"), QStringLiteral("started"),
        QStringLiteral("completed"), QStringLiteral("bytes") });
    for (const QString& path : order) {
        const DownloadFigure& f = paths[path];
        files.row({ path, versions.value(path), QString::number(f.started), QString::number(f.completed),
            QString::number(f.bytes) });
    }
    if (QString error = files.finish(); !error.isEmpty())
        return error;

    CsvWriter releases(QDir(outDir).filePath(QStringLiteral("releases.csv")));
    releases.row(
        { QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("day"), QStringLiteral("downloads") });
    const auto days = DownloadQuery::byVersionDay(items);
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        const QString day = QDateTime::fromSecsSinceEpoch(it.key().second, QTimeZone::utc()).toString(Qt::ISODate);
        releases.row({ it.key().first, QStringLiteral("site"), day.left(10), QString::number(it.value().completed) });
    }
    // Then GitHub's release-asset downloads gained per day (whoever made them: GitHub does not say), by version and
    // day.
    const auto github = AssetDownloadQuery::byVersionDay(AssetDownloadQuery::days(db, range.fromSecs, range.toSecs));
    for (auto it = github.cbegin(); it != github.cend(); ++it) {
        const QString day = QDateTime::fromSecsSinceEpoch(it.key().second, QTimeZone::utc()).toString(Qt::ISODate);
        releases.row({ it.key().first, gitHubTypeName(), day.left(10), QString::number(it.value()) });
    }
    return releases.finish();
}

} // namespace activity
