#include "core/sources/github/githubtype.h"

#include "core/sources/github/githubcollector.h"
#include "core/sources/github/githubdemo.h"
#include "core/sources/validators.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct SourceText {
    Q_DECLARE_TR_FUNCTIONS(SourceText)
};
} // namespace

SourceTypeSpec githubType()
{
    SourceTypeSpec s;
    s.type = gitHubTypeName();
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
            Validators::storedTokenLocation),
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
    s.seriesProvider = gitHubTypeName();
    s.seriesPerRepository = true;
    s.createCollector = [](qint64 id, const QJsonObject& settings, const ApiCollectorServices& services) {
        return std::unique_ptr<ApiCollector>(std::make_unique<GitHubCollector>(id, settings, services));
    };
    s.rateLimited = true;
    s.demo = gitHubDemo();
    return s;
}

} // namespace activity
