#include "core/sources/packages/versionevents.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace activity {

namespace {
qint64 isoSecs(const QString& text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toSecsSinceEpoch() : 0;
}
} // namespace

std::optional<QList<VersionEvents::Version>> VersionEvents::parseNpm(const QByteArray& body)
{
    const QJsonValue time = QJsonDocument::fromJson(body).object().value(QLatin1String("time"));
    if (!time.isObject())
        return std::nullopt;
    QList<Version> out;
    const QJsonObject o = time.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("created") || it.key() == QLatin1String("modified"))
            continue;
        if (const qint64 at = isoSecs(it.value().toString()); at > 0)
            out.append({ it.key(), at });
    }
    return out;
}

std::optional<QList<VersionEvents::Version>> VersionEvents::parsePypi(const QByteArray& body)
{
    const QJsonValue releases = QJsonDocument::fromJson(body).object().value(QLatin1String("releases"));
    if (!releases.isObject())
        return std::nullopt;
    QList<Version> out;
    const QJsonObject o = releases.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        qint64 first = 0;
        for (const QJsonValue& file : it.value().toArray()) {
            const qint64 at = isoSecs(file.toObject().value(QLatin1String("upload_time_iso_8601")).toString());
            if (at > 0 && (first == 0 || at < first))
                first = at;
        }
        if (first > 0)
            out.append({ it.key(), first });
    }
    return out;
}

std::optional<QList<VersionEvents::Version>> VersionEvents::parseCrates(const QByteArray& body)
{
    const QJsonValue versions = QJsonDocument::fromJson(body).object().value(QLatin1String("versions"));
    if (!versions.isArray())
        return std::nullopt;
    QList<Version> out;
    for (const QJsonValue& v : versions.toArray()) {
        const QString num = v.toObject().value(QLatin1String("num")).toString();
        if (const qint64 at = isoSecs(v.toObject().value(QLatin1String("created_at")).toString());
            at > 0 && !num.isEmpty())
            out.append({ num, at });
    }
    return out;
}

QUrl VersionEvents::url(const QString& type, const QString& apiBase, const QString& package)
{
    const bool npm = type == QLatin1String("npm");
    const bool official = apiBase == QLatin1String(npm ? "https://api.npmjs.org" : "https://pypistats.org");
    const QString base
        = official ? QString::fromLatin1(npm ? "https://registry.npmjs.org" : "https://pypi.org") : apiBase;
    if (npm) // a scoped name keeps its '@' and has its '/' encoded, as the registry wants
        return QUrl(base + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(package, "@")));
    return QUrl(base + QStringLiteral("/pypi/%1/json").arg(QString::fromLatin1(QUrl::toPercentEncoding(package))));
}

QString VersionEvents::pageOf(const QString& type, const QString& package, const QString& version)
{
    if (type == QLatin1String("npm"))
        return QStringLiteral("https://www.npmjs.com/package/%1/v/%2").arg(package, version);
    if (type == QLatin1String("crates"))
        return QStringLiteral("https://crates.io/crates/%1/%2").arg(package, version);
    return QStringLiteral("https://pypi.org/project/%1/%2/").arg(package, version);
}

} // namespace activity
