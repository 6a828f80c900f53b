#pragma once

#include <QString>
#include <optional>

namespace activity {

class ApiStore;

// GitHub release-asset downloads: each poll of /releases snapshots every asset's download_count as a series of
// provider "github", metric "asset_downloads" (catalogue id github.asset_downloads{repo="o/n",asset="f"}), whose
// repository column is "OWNER/NAME\nTAG\nASSET" (neither a tag nor a file name holds a newline).
namespace GitHubAssets {
inline constexpr const char* kMetric = "asset_downloads";

struct Key {
    QString repo; // owner/name
    QString tag; // the release's tag_name
    QString asset; // the file's name
};
QString encode(const Key& key);
// nullopt for a repository column that is not an asset's.
std::optional<Key> decode(const QString& repository);

// A release's version, as the site's downloads name it (downloadVersion): v1.4.2 -> 1.4.2, app-2.0.0-rc1 -> 2.0.0-rc1;
// a tag naming no version is the tag without a leading "v" before a digit ("nightly" stays "nightly").
QString releaseVersion(const QString& tag);

// Stores one snapshot of an asset's count at `ts` (ApiStore::recordSnapshot). An asset first seen in a repository
// polled before (`lastPoll` > 0, the last complete poll of its releases) starts from a 0 at its upload or at that
// poll, whichever is later; one uploaded again since its last snapshot (`createdAt` after it) from a 0 at its upload:
// every download it has is counted, on the days they were seen.
void record(
    ApiStore& store, qint64 sourceId, const Key& key, qint64 ts, qint64 downloads, qint64 createdAt, qint64 lastPoll);
} // namespace GitHubAssets

} // namespace activity
