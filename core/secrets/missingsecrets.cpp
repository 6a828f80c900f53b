#include "core/secrets/missingsecrets.h"

#include "core/alerts/alertstore.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/sourcesecrets.h"
#include "core/sources/sourcestore.h"
#include "core/util/clock.h"

#include <QJsonDocument>

namespace activity {

namespace {
bool readable(TokenVault& vault, const QString& reference)
{
    TokenVault::Location where = TokenVault::Location::None;
    QString slot;
    if (!TokenVault::parseReference(reference, &where, &slot))
        return false;
    QString error;
    return !vault.loadSlotNow(slot, where, &error).isEmpty();
}
} // namespace

QList<MissingSecret> MissingSecrets::find(Database& db, TokenVault& vault)
{
    QList<MissingSecret> missing;
    const SystemClock clock;
    for (const SourceRecord& s : SourceStore(db, clock).list()) {
        const QString reference = s.settings.value(SourceSecrets::kSettingsKey).toString();
        if (reference.isEmpty() || readable(vault, reference))
            continue;
        QStringList fields;
        QStringList options;
        for (auto it = s.settings.constBegin(); it != s.settings.constEnd(); ++it)
            if (SourceSecrets::showsMask(it.value().toString())) {
                fields.append(it.key());
                options.append(QStringLiteral("--%1 ...").arg(it.key()));
            }
        missing.append({ QStringLiteral("source %1 (%2 %3: %4)")
                             .arg(s.id)
                             .arg(s.type, s.name, fields.join(QStringLiteral(", "))),
            QStringLiteral("activity-dashboard sources edit %1 %2").arg(s.id).arg(options.join(QLatin1Char(' '))) });
    }
    for (const AlertRule& r : AlertStore(db).rules()) {
        const QString& secret = r.webhookSecret;
        bool ok = true;
        if (secret.startsWith(QLatin1String("env:")))
            ok = !qEnvironmentVariableIsEmpty(secret.mid(4).toLocal8Bit().constData());
        else if (!secret.isEmpty())
            ok = readable(vault, secret);
        if (ok)
            continue;
        missing.append({ QStringLiteral("alert %1 (%2: webhook)").arg(r.id).arg(r.name),
            QStringLiteral("activity-dashboard alerts edit %1 --webhook URL (or --webhook-env VARIABLE)").arg(r.id) });
    }
    return missing;
}

} // namespace activity
