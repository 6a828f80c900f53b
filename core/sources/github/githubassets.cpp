#include "core/sources/github/githubassets.h"

#include "core/downloads/downloadattempts.h"
#include "core/sources/apistore.h"

namespace activity {

QString GitHubAssets::encode(const Key& key)
{
    return key.repo + QLatin1Char('\n') + key.tag + QLatin1Char('\n') + key.asset;
}

std::optional<GitHubAssets::Key> GitHubAssets::decode(const QString& repository)
{
    const QStringList parts = repository.split(QLatin1Char('\n'));
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty())
        return std::nullopt;
    return Key { parts[0], parts[1], parts[2] };
}

QString GitHubAssets::releaseVersion(const QString& tag)
{
    // As a folder of a download path ("v1.4.2/app.tar.gz"): the same rule names the site's releases.
    const QString version = downloadVersion((tag + QLatin1Char('/')).toUtf8());
    if (!version.isEmpty())
        return version;
    if (tag.size() > 1 && (tag[0] == QLatin1Char('v') || tag[0] == QLatin1Char('V')) && tag[1].isDigit())
        return tag.mid(1);
    return tag;
}

void GitHubAssets::record(
    ApiStore& store, qint64 sourceId, const Key& key, qint64 ts, qint64 downloads, qint64 createdAt, qint64 lastPoll)
{
    const qint64 series = store.seriesId(sourceId, QStringLiteral("github"), encode(key), QString::fromLatin1(kMetric));
    const std::optional<qint64> last = store.lastSampleAt(series);
    if (!last) {
        // New to us in a repository polled before: every download it has came since the last poll or its upload
        // (a draft's files may be older than its publication).
        if (lastPoll > 0)
            store.recordPoint(series, qMin(qMax(createdAt, lastPoll), ts - 1), 0);
    } else if (createdAt > *last && createdAt < ts) {
        store.recordPoint(series, createdAt, 0); // deleted and uploaded again since its last snapshot
    }
    store.recordSnapshot(series, ts, double(downloads));
}

} // namespace activity
