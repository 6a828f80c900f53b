#include "core/sources/sourceregistry.h"

#include "core/sources/httpjsonspec.h"
#include "core/sources/presets.h"
#include "core/sources/prometheuscollector.h"
#include "core/sources/validators.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct SourceText {
    Q_DECLARE_TR_FUNCTIONS(SourceText)
};

QString logFormat(const QString& value)
{
    return value.trimmed().isEmpty() ? SourceText::tr("must be 'combined' or an nginx log_format string") : QString();
}

QString storedTokenLocation(const QString& value)
{
    return value == QLatin1String("keyring") || value == QLatin1String("file")
        ? QString()
        : SourceText::tr("must be 'keyring' or 'file' (where the token is kept), got '%1'").arg(value);
}

SourceTypeSpec github()
{
    SourceTypeSpec s;
    s.type = QStringLiteral("github");
    s.label = SourceText::tr("GitHub");
    s.fields = {
        makeField("repo", SourceText::tr("Repository"), SourceText::tr("owner/name of one repository"), false, {},
            Validators::repository),
        makeField("org", SourceText::tr("Organisation"),
            SourceText::tr("every repository of this organisation or user"), false, {}, Validators::organisation),
        makeField("token-env", SourceText::tr("Token variable"),
            SourceText::tr("environment variable holding an access token"), false, {}, Validators::envVarName),
        makeField("api-url", SourceText::tr("API URL"), SourceText::tr("https://HOST/api/v3 for GitHub Enterprise"),
            false, QStringLiteral("https://api.github.com"), Validators::httpUrl),
        makeField("interval", SourceText::tr("Interval"), SourceText::tr("how often to poll, e.g. 15m"), false,
            QStringLiteral("15m"), Validators::duration),
        makeField("token", SourceText::tr("Token"),
            SourceText::tr("a personal access token, kept in the desktop keyring or a private file"), false, {},
            storedTokenLocation),
    };
    s.fields[2].secretReference = true;
    s.fields[5].secretReference = true;
    s.fields[5].storedSecret = true;
    s.validateAll = [](const QJsonObject& o) {
        QList<FieldError> errors;
        const bool repo = o.contains(QLatin1String("repo"));
        const bool org = o.contains(QLatin1String("org"));
        if (repo == org)
            errors.append(
                { QStringLiteral("repo"), SourceText::tr("give exactly one of --repo OWNER/NAME and --org ORG") });
        if (o.contains(QLatin1String("token-env")) && o.contains(QLatin1String("token")))
            errors.append({ QStringLiteral("token-env"),
                SourceText::tr("a stored token is set too: clear the variable name or forget the token") });
        return errors;
    };
    s.displayName = [](const QJsonObject& o) {
        return o.contains(QLatin1String("repo"))
            ? o.value(QLatin1String("repo")).toString()
            : QString(o.value(QLatin1String("org")).toString() + QStringLiteral("/*"));
    };
    return s;
}

SourceTypeSpec dockerhub()
{
    SourceTypeSpec s;
    s.type = QStringLiteral("dockerhub");
    s.label = SourceText::tr("Docker Hub");
    s.fields = {
        makeField("namespace", SourceText::tr("Namespace"), SourceText::tr("Docker Hub user or organisation"), true, {},
            Validators::organisation),
        makeField("repo", SourceText::tr("Repository"),
            SourceText::tr("one repository of the namespace (default: all)"), false, {}, Validators::organisation),
        makeField("api-url", SourceText::tr("API URL"), SourceText::tr("Docker Hub API base URL"), false,
            QStringLiteral("https://hub.docker.com"), Validators::httpUrl),
        makeField("interval", SourceText::tr("Interval"), SourceText::tr("how often to poll, e.g. 1h"), false,
            QStringLiteral("1h"), Validators::duration),
    };
    s.displayName = [](const QJsonObject& o) {
        const QString ns = o.value(QLatin1String("namespace")).toString();
        return o.contains(QLatin1String("repo"))
            ? QString(ns + QLatin1Char('/') + o.value(QLatin1String("repo")).toString())
            : QString(ns + QStringLiteral("/*"));
    };
    return s;
}

SourceTypeSpec syslog()
{
    SourceTypeSpec s;
    s.type = QStringLiteral("syslog");
    s.label = SourceText::tr("nginx over syslog");
    s.kind = SourceKind::Log;
    s.fields = {
        makeField("listen", SourceText::tr("Listen on"), SourceText::tr("udp://ADDR:PORT or tcp://ADDR:PORT"), false,
            QStringLiteral("udp://127.0.0.1:5514"), Validators::listenUrl),
        makeField("allow", SourceText::tr("Allowed senders"),
            SourceText::tr("networks allowed to send, comma-separated"), false, QStringLiteral("127.0.0.0/8,::1/128"),
            Validators::cidrList),
        makeField("format", SourceText::tr("Log format"), SourceText::tr("'combined' or an nginx log_format string"),
            false, QStringLiteral("combined"), logFormat),
        makeField("site", SourceText::tr("Site"), SourceText::tr("site name when the syslog tag does not give one"),
            false, {}, Validators::siteName),
    };
    s.displayName = [](const QJsonObject& o) { return o.value(QLatin1String("listen")).toString(); };
    return s;
}

SourceTypeSpec logfile()
{
    SourceTypeSpec s;
    s.type = QStringLiteral("logfile");
    s.label = SourceText::tr("nginx log file");
    s.kind = SourceKind::Log;
    s.fields = {
        makeField("path", SourceText::tr("File"),
            SourceText::tr("access log to follow, like tail -F; on a server: ssh://USER@HOST/var/log/nginx/access.log "
                           "(your ssh keys and ~/.ssh/config, no password prompt)"),
            true, {}, Validators::logPath),
        makeField("site", SourceText::tr("Site"), SourceText::tr("site name for these requests"), false, {},
            Validators::siteName),
        makeField("format", SourceText::tr("Log format"), SourceText::tr("'combined' or an nginx log_format string"),
            false, QStringLiteral("combined"), logFormat),
    };
    s.displayName = [](const QJsonObject& o) { return o.value(QLatin1String("path")).toString(); };
    return s;
}
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
    add(github());
    add(dockerhub());
    add(syslog());
    add(logfile());
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

QList<FieldError> SourceRegistry::validate(const QString& type, QJsonObject& settings) const
{
    const SourceTypeSpec* spec = find(type);
    if (!spec)
        return { { QString(),
            SourceText::tr("unknown source type '%1' (known: %2)")
                .arg(type, typeNames().join(QStringLiteral(", "))) } };
    QList<FieldError> errors;
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
        if (!spec->field(it.key()))
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
