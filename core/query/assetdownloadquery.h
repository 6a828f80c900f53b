#pragma once

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace activity {

class Database;

// GitHub release-asset downloads per UTC day, from the snapshots of each asset's download_count (GitHubAssets): a
// day's downloads are what the count gained from each snapshot to the next one taken that day. A count that went
// down gains nothing that time (never a negative day); a file deleted and uploaded again starts from the 0 stored at
// its upload, so its new downloads count. The first snapshot of an asset that was there before the repository was
// first polled gains nothing: GitHub does not say when its earlier downloads were.
struct AssetDay {
    QString repo;
    QString tag;
    QString version; // GitHubAssets::releaseVersion of the tag
    QString asset;
    qint64 day = 0; // UTC day start
    qint64 downloads = 0; // > 0
};

namespace AssetDownloadQuery {
// Each asset's days with downloads in [fromSecs, toSecs), by repository, tag, asset and day.
QList<AssetDay> days(Database& db, qint64 fromSecs, qint64 toSecs);
// Sums per (version, UTC day start) over the repositories and assets.
QMap<QPair<QString, qint64>, qint64> byVersionDay(const QList<AssetDay>& days);
// Sums per version.
QMap<QString, qint64> byVersion(const QList<AssetDay>& days);
} // namespace AssetDownloadQuery

} // namespace activity
