#include "core/sources/httpjson/httpjsonspec.h"

#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/httpjson/httpjsonfields.h"
#include "core/sources/validators.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

namespace activity {

namespace {
struct HttpJsonSpecText {
    Q_DECLARE_TR_FUNCTIONS(HttpJsonSpecText)
};

QString fieldLines(const QString& value)
{
    QSet<QString> names;
    for (const QString& line : value.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QString error;
        const auto f = HttpJsonFields::parse(line.trimmed(), &error);
        if (!f)
            return error;
        if (names.contains(f->name))
            return HttpJsonSpecText::tr("the field name '%1' is given twice").arg(f->name);
        names.insert(f->name);
    }
    return names.isEmpty() ? HttpJsonSpecText::tr("give at least one NAME=POINTER") : QString();
}

QString pointer(const QString& value)
{
    QString error;
    return JsonPointer::parse(value, &error) ? QString() : error;
}

QString headerLines(const QString& value)
{
    QString error;
    HttpJsonCollector::parseHeaders(value, &error);
    return error;
}
QString headerEnvLines(const QString& value)
{
    QString error;
    HttpJsonCollector::parseHeaderEnv(value, &error);
    return error;
}
} // namespace

SourceTypeSpec httpJsonSpec()
{
    SourceTypeSpec s;
    s.type = httpJsonTypeName();
    s.label = HttpJsonSpecText::tr("JSON over HTTP");
    s.fields = {
        makeField("url", HttpJsonSpecText::tr("URL"), HttpJsonSpecText::tr("the http or https address to GET"), true,
            {}, Validators::httpUrl),
        makeField("field", HttpJsonSpecText::tr("Fields"),
            HttpJsonSpecText::tr("NAME=POINTER, one per line (RFC 6901; '*' for every item of an array), e.g. "
                                 "stars=/stargazers_count"),
            true, {}, fieldLines, true),
        makeField("label", HttpJsonSpecText::tr("Label"),
            HttpJsonSpecText::tr("pointer to each item's name when a field has '*', e.g. /versions/*/num"), false, {},
            pointer),
        makeField("header", HttpJsonSpecText::tr("Headers"), HttpJsonSpecText::tr("'Name: value', one per line"), false,
            {}, headerLines, true),
        makeField("header-env", HttpJsonSpecText::tr("Headers from variables"),
            HttpJsonSpecText::tr("'Name=VARIABLE', one per line: the header's value is read from the environment"),
            false, {}, headerEnvLines, true),
        makeField("token-env", HttpJsonSpecText::tr("Token variable"),
            HttpJsonSpecText::tr(
                "environment variable holding a token, sent as a Bearer token to this URL's host only"),
            false, {}, Validators::envVarName),
        makeField("interval", HttpJsonSpecText::tr("Interval"), HttpJsonSpecText::tr("how often to poll, e.g. 15m"),
            false, QStringLiteral("15m"), Validators::duration),
    };
    s.fields[4].secretReference = true;
    s.fields[5].secretReference = true;
    s.seriesProvider = HttpJsonCollector::kProvider;
    s.onMetricsPage = true;
    s.formTest = SourceTypeSpec::FormTest::Figures;
    s.createCollector = [](qint64 id, const QJsonObject& settings, const ApiCollectorServices& services) {
        return std::unique_ptr<ApiCollector>(std::make_unique<HttpJsonCollector>(id, settings, services));
    };
    s.displayName = [](const QJsonObject& o) {
        const QUrl url(o.value(QLatin1String("url")).toString());
        return QString(url.host() + url.path()); // not a QStringBuilder of temporaries
    };
    return s;
}

} // namespace activity
