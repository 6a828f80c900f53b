#include "core/sources/sourceregistry.h"

#include "core/sources/dockerhub/dockerhubtype.h"
#include "core/sources/github/githubtype.h"
#include "core/sources/httpjson/httpjsonspec.h"
#include "core/sources/logfile/logfiletype.h"
#include "core/sources/packages/presets.h"
#include "core/sources/prometheus/prometheuscollector.h"
#include "core/sources/sourcesecrets.h"
#include "core/sources/syslog/syslogtype.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct SourceText {
    Q_DECLARE_TR_FUNCTIONS(SourceText)
};
} // namespace

FieldSpec makeField(const char* name, QString label, QString help, bool required, QString defaultValue,
    std::function<QString(const QString&)> validate, bool repeated)
{
    FieldSpec f;
    f.name = QString::fromLatin1(name);
    f.label = std::move(label);
    f.help = std::move(help);
    f.required = required;
    f.defaultValue = std::move(defaultValue);
    f.validate = std::move(validate);
    f.repeated = repeated;
    // Addresses and headers may carry credentials whatever the type (an API key in the query, a password).
    if (f.name == QLatin1String("url") || f.name == QLatin1String("api-url"))
        f.secrets = FieldSpec::Secrets::InUrl;
    else if (f.name == QLatin1String("header"))
        f.secrets = FieldSpec::Secrets::InHeaderLines;
    return f;
}

QString FieldError::toString() const
{
    return field.isEmpty() ? message : QStringLiteral("--%1: %2").arg(field, message);
}

const FieldSpec* SourceTypeSpec::field(const QString& name) const
{
    for (const FieldSpec& f : fields)
        if (f.name == name)
            return &f;
    return nullptr;
}

SourceRegistry::SourceRegistry()
{
    add(githubType());
    add(dockerHubType());
    add(syslogType());
    add(logfileType());
    add(httpJsonSpec());
    add(prometheusSpec());
    for (SourceTypeSpec& preset : Presets::specs())
        add(std::move(preset));
}

void SourceRegistry::add(SourceTypeSpec spec)
{
    m_types.append(std::move(spec));
}

const SourceTypeSpec* SourceRegistry::find(const QString& type) const
{
    for (const SourceTypeSpec& t : m_types)
        if (t.type == type)
            return &t;
    return nullptr;
}

QStringList SourceRegistry::typeNames() const
{
    QStringList names;
    for (const SourceTypeSpec& t : m_types)
        names.append(t.type);
    return names;
}

QStringList SourceRegistry::typeNames(SourceKind kind) const
{
    QStringList names;
    for (const SourceTypeSpec& t : m_types) {
        if (t.kind == kind)
            names.append(t.type);
    }
    return names;
}

QStringList SourceRegistry::typeNames(LogReceiver receiver) const
{
    QStringList names;
    for (const SourceTypeSpec& t : m_types) {
        if (t.receiver == receiver)
            names.append(t.type);
    }
    return names;
}

bool SourceRegistry::polls(const QString& type) const
{
    const SourceTypeSpec* spec = find(type);
    return spec && spec->createCollector;
}

QStringList SourceRegistry::seriesProviders() const
{
    QStringList providers;
    for (const SourceTypeSpec& t : m_types) {
        if (!t.seriesProvider.isEmpty() && !providers.contains(t.seriesProvider))
            providers.append(t.seriesProvider);
    }
    return providers;
}

QStringList SourceRegistry::repositoryProviders() const
{
    QStringList providers;
    for (const SourceTypeSpec& t : m_types) {
        if (t.seriesPerRepository && !providers.contains(t.seriesProvider))
            providers.append(t.seriesProvider);
    }
    return providers;
}

const SourceTypeSpec* SourceRegistry::findProvider(const QString& provider) const
{
    for (const SourceTypeSpec& t : m_types) {
        if (t.seriesProvider == provider)
            return &t;
    }
    return nullptr;
}

const SourceRegistry& SourceRegistry::builtIn()
{
    static const SourceRegistry registry;
    return registry;
}

QStringList SourceRegistry::metricsPageTypes() const
{
    QStringList names;
    for (const SourceTypeSpec& t : m_types) {
        if (t.onMetricsPage)
            names.append(t.type);
    }
    return names;
}

QList<FieldError> SourceRegistry::validate(const QString& type, QJsonObject& settings) const
{
    const SourceTypeSpec* spec = find(type);
    if (!spec)
        return { { QString(),
            SourceText::tr("unknown source type '%1' (known: %2)")
                .arg(type, typeNames().join(QStringLiteral(", "))) } };
    QList<FieldError> errors;
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
        if (!spec->field(it.key()) && it.key() != SourceSecrets::kSettingsKey
            && !(spec->kind == SourceKind::Log && it.key() == QLatin1String(kCollectorKey)))
            errors.append({ it.key(), SourceText::tr("is not an option of %1 sources").arg(type) });
    for (const FieldSpec& f : spec->fields) {
        if (!settings.contains(f.name)) {
            if (f.required)
                errors.append({ f.name, SourceText::tr("is required") });
            else if (!f.defaultValue.isEmpty())
                settings.insert(f.name, f.defaultValue);
            continue;
        }
        const QString message = f.validate ? f.validate(settings.value(f.name).toString()) : QString();
        if (!message.isEmpty())
            errors.append({ f.name, message });
    }
    if (errors.isEmpty() && spec->validateAll)
        errors += spec->validateAll(settings);
    return errors;
}

} // namespace activity
