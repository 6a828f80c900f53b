#include "core/sources/sourcesecrets.h"

#include "core/secrets/secretmask.h"
#include "core/sources/sourceregistry.h"

namespace activity {

SourceSecrets::Split SourceSecrets::split(const SourceTypeSpec& spec, const QJsonObject& settings)
{
    Split s;
    s.shown = settings;
    s.shown.remove(kSettingsKey);
    for (const FieldSpec& f : spec.fields) {
        if (f.secrets == FieldSpec::Secrets::None || !settings.contains(f.name))
            continue;
        const QString value = settings.value(f.name).toString();
        const QString masked
            = f.secrets == FieldSpec::Secrets::InUrl ? SecretMask::url(value) : SecretMask::headerLines(value);
        if (masked == value)
            continue;
        s.shown.insert(f.name, masked);
        s.secrets.insert(f.name, value);
    }
    return s;
}

QJsonObject SourceSecrets::merged(QJsonObject shown, const QJsonObject& secrets)
{
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it)
        shown.insert(it.key(), it.value());
    return shown;
}

bool SourceSecrets::showsMask(const QString& value)
{
    return value.contains(SecretMask::mask());
}

} // namespace activity
