#pragma once

#include "core/sources/sourceregistry.h"

#include <QJsonObject>
#include <optional>

namespace activity {

// Package-registry downloads from one name: npm, PyPI (pypistats), crates.io and Homebrew. crates and homebrew
// are http-json sources with their URL and pointers filled in; npm and pypi give dated per-day counts (with a
// back-fill on the first poll) and have their own collector (DailyDownloadsCollector).
namespace Presets {
QList<SourceTypeSpec> specs();
// The http-json settings a preset stands for (crates, homebrew); nothing for the other types.
std::optional<QJsonObject> httpJsonSettings(const QString& type, const QJsonObject& settings);
bool isDaily(const QString& type); // npm, pypi
} // namespace Presets

} // namespace activity
