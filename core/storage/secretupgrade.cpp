#include "core/storage/secretupgrade.h"

#include "core/secrets/filesecretstore.h"
#include "core/secrets/secretmask.h"
#include "core/secrets/tokenvault.h"
#include "core/storage/database.h"
#include "core/util/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

namespace activity {

namespace {
// Written where the program looks for them later: the private file beside the database (as
// TokenVault::createDefault names it). Synchronous: the file store answers before returning.
class SecretsFile {
public:
    explicit SecretsFile(const QString& databasePath)
        : m_scope(QFileInfo(databasePath).absolutePath())
        , m_file(QDir(m_scope).filePath(QStringLiteral("tokens.json")))
    { }
    // The reference to keep in the database.
    QString keep(const QString& slotPrefix, const QByteArray& value)
    {
        const QString slot = TokenVault::newSlot(slotPrefix);
        QString error;
        m_file.write(TokenVault::slotKey(slot, m_scope), value, nullptr, [&](const SecretStore::Result& r) {
            if (!r.ok)
                error = r.error.isEmpty() ? QStringLiteral("?") : r.error;
        });
        if (!error.isEmpty())
            throw DatabaseError(
                QStringLiteral("cannot move the secrets out of the database to %1: %2").arg(m_file.path(), error));
        return TokenVault::reference(TokenVault::Location::File, slot);
    }

private:
    QString m_scope;
    FileSecretStore m_file;
};

// The secret parts of a value, to mask where messages quoted them.
QStringList secretParts(const QString& key, const QString& value)
{
    QStringList parts;
    if (key == QLatin1String("header")) {
        for (const QString& line : value.split(QLatin1Char('\n'))) {
            const qsizetype colon = line.indexOf(QLatin1Char(':'));
            if (colon > 0 && SecretMask::isCredentialHeader(QStringView(line).left(colon)))
                parts.append(line.mid(colon + 1).trimmed());
        }
        return parts;
    }
    const QUrl url(value);
    for (const auto& [name, v] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        if (SecretMask::isCredentialParameter(name))
            parts.append(v);
    for (const auto& [name, v] : QUrlQuery(url).queryItems(QUrl::FullyEncoded))
        if (SecretMask::isCredentialParameter(name))
            parts.append(v);
    if (!url.password().isEmpty())
        parts.append(url.password());
    parts.removeAll(QString());
    return parts;
}

int moveWebhooks(Database& db, SecretsFile& file)
{
    int moved = 0;
    Statement rules = db.prepare("SELECT id, webhook FROM alert_rules WHERE webhook IS NOT NULL AND webhook != '' "
                                 "AND webhook_secret = ''");
    Statement update = db.prepare("UPDATE alert_rules SET webhook = ?, webhook_secret = ? WHERE id = ?");
    Statement scrub = db.prepare("UPDATE alert_events SET delivery = replace(delivery, ?1, ?2) WHERE rule_id = ?3 AND "
                                 "instr(delivery, ?1) > 0");
    QList<std::tuple<qint64, QString>> found;
    while (rules.step())
        found.append({ rules.int64(0), rules.text(1) });
    for (const auto& [id, url] : found) {
        const QString shown = SecretMask::webhook(url);
        update.bind(1, shown).bind(2, file.keep(QStringLiteral("alert webhook"), url.toUtf8())).bind(3, id).exec();
        for (const QString& form : { url, QUrl(url).toString(QUrl::FullyEncoded), QUrl(url).path() })
            if (form.size() > 1)
                scrub.bind(1, form).bind(2, shown).bind(3, id).exec();
        ++moved;
    }
    return moved;
}

int moveSourceSecrets(Database& db, SecretsFile& file)
{
    int moved = 0;
    Statement sources = db.prepare("SELECT id, settings FROM sources");
    QList<std::pair<qint64, QJsonObject>> all;
    while (sources.step())
        all.append({ sources.int64(0), QJsonDocument::fromJson(sources.text(1).toUtf8()).object() });
    Statement update = db.prepare("UPDATE sources SET settings = ? WHERE id = ?");
    Statement scrub = db.prepare("UPDATE fetch_state SET last_error = replace(last_error, ?1, ?2) WHERE source_id = ?3 "
                                 "AND instr(last_error, ?1)");
    Statement dropCache = db.prepare("DELETE FROM http_cache WHERE source_id = ?");
    for (auto& [id, settings] : all) {
        if (settings.contains(QLatin1String("secrets")))
            continue;
        QJsonObject secrets;
        QStringList parts;
        for (auto it = settings.begin(); it != settings.end(); ++it) {
            const QString value = it.value().toString();
            QString masked = value;
            if (it.key() == QLatin1String("header"))
                masked = SecretMask::headerLines(value);
            else if (value.startsWith(QLatin1String("http://")) || value.startsWith(QLatin1String("https://")))
                masked = SecretMask::url(value);
            if (masked == value)
                continue;
            secrets.insert(it.key(), value);
            parts += secretParts(it.key(), value);
            it.value() = masked;
        }
        if (secrets.isEmpty())
            continue;
        settings.insert(QStringLiteral("secrets"),
            file.keep(QStringLiteral("source secrets"), QJsonDocument(secrets).toJson(QJsonDocument::Compact)));
        update.bind(1, QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact))).bind(2, id).exec();
        for (const QString& part : parts)
            scrub.bind(1, part).bind(2, SecretMask::mask()).bind(3, id).exec();
        dropCache.bind(1, id).exec();
        moved += int(secrets.size());
    }
    return moved;
}
} // namespace

int SecretUpgrade::moveOut(Database& db)
{
    SecretsFile file(db.path());
    const int moved = moveWebhooks(db, file) + moveSourceSecrets(db, file);
    if (moved > 0)
        qCInfo(lcSecrets) << "moved" << moved << "secrets out of the database to the private tokens file";
    return moved;
}

} // namespace activity
