#include "core/query/assetdownloadquery.h"

#include "core/sources/github/githubassets.h"
#include "core/storage/database.h"

#include <map>
#include <optional>
#include <tuple>

namespace activity {

QList<AssetDay> AssetDownloadQuery::days(Database& db, qint64 fromSecs, qint64 toSecs)
{
    Statement st = db.prepare("SELECT s.id, s.repository, p.ts, p.value FROM series s "
                              "JOIN samples p ON p.series_id = s.id "
                              "WHERE s.provider = 'github' AND s.metric = ? AND p.ts < ? ORDER BY s.id, p.ts");
    st.bind(1, QString::fromLatin1(GitHubAssets::kMetric)).bind(2, toSecs);
    std::map<std::tuple<QString, QString, QString, qint64>, qint64> gained; // (repo, tag, asset, day) ->
    qint64 series = -1;
    std::optional<GitHubAssets::Key> key;
    double previous = -1; // none yet
    while (st.step()) {
        if (st.int64(0) != series) {
            series = st.int64(0);
            key = GitHubAssets::decode(st.text(1));
            previous = -1;
        }
        const qint64 ts = st.int64(2);
        const double value = st.real(3);
        if (key && previous >= 0 && ts >= fromSecs) {
            const double gain = value - previous; // a count that went down gains nothing

            if (gain > 0)
                gained[{ key->repo, key->tag, key->asset, ts - ts % 86400 }] += qint64(gain);
        }
        previous = value;
    }
    QList<AssetDay> out;
    for (const auto& [k, n] : gained) {
        const auto& [repo, tag, asset, day] = k;
        out.append({ repo, tag, GitHubAssets::releaseVersion(tag), asset, day, n });
    }
    return out;
}

QMap<QPair<QString, qint64>, qint64> AssetDownloadQuery::byVersionDay(const QList<AssetDay>& days)
{
    QMap<QPair<QString, qint64>, qint64> out;
    for (const AssetDay& d : days)
        out[{ d.version, d.day }] += d.downloads;
    return out;
}

QMap<QString, qint64> AssetDownloadQuery::byVersion(const QList<AssetDay>& days)
{
    QMap<QString, qint64> out;
    for (const AssetDay& d : days)
        out[d.version] += d.downloads;
    return out;
}

} // namespace activity
