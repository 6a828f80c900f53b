#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <optional>

namespace activity {

// The versions a package registry published and when: npm's package document (`time`: version -> ISO time, beside
// "created" and "modified") and PyPI's JSON API (`releases`: version -> files, each with upload_time_iso_8601; a
// version's time is its first upload, a version without files is left out) and crates.io's crate (`versions[]`).
namespace VersionEvents {
struct Version {
    QString version;
    qint64 publishedAt = 0; // seconds, UTC
};
std::optional<QList<Version>> parseNpm(const QByteArray& body);
std::optional<QList<Version>> parsePypi(const QByteArray& body);
// crates.io's crate answer: versions[] with num and created_at.
std::optional<QList<Version>> parseCrates(const QByteArray& body);
// Where the versions are read: the registry beside the downloads API (registry.npmjs.org, pypi.org); a source whose
// downloads API is another (a mirror, a local server) asks that one.
QUrl url(const QString& type, const QString& apiBase, const QString& package);
// The version's page for people.
QString pageOf(const QString& type, const QString& package, const QString& version);
} // namespace VersionEvents

} // namespace activity
