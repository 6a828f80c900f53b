#include "core/sources/dockerhub/dockerhubtype.h"

#include "core/sources/dockerhub/dockerhubcollector.h"
#include "core/sources/dockerhub/dockerhubdemo.h"
#include "core/sources/validators.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct SourceText {
    Q_DECLARE_TR_FUNCTIONS(SourceText)
};
} // namespace

SourceTypeSpec dockerHubType()
{
    SourceTypeSpec s;
    s.type = dockerHubTypeName();
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
    s.seriesProvider = dockerHubTypeName();
    s.seriesPerRepository = true;
    s.createCollector = [](qint64 id, const QJsonObject& settings, const ApiCollectorServices& services) {
        return std::unique_ptr<ApiCollector>(std::make_unique<DockerHubCollector>(id, settings, services));
    };
    s.rateLimited = true;
    s.demo = dockerHubDemo();
    return s;
}

} // namespace activity
