#include "core/sources/packages/presets.h"

#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/packages/dailydownloadscollector.h"
#include "core/sources/validators.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace activity {

namespace {
struct PresetText {
    Q_DECLARE_TR_FUNCTIONS(PresetText)
};

std::function<QString(const QString&)> pattern(const char* regex, QString what)
{
    return [re = QRegularExpression(QString::fromLatin1(regex)), what](const QString& value) {
        return re.match(value).hasMatch() ? QString() : PresetText::tr("'%1' is not %2").arg(value, what);
    };
}

SourceTypeSpec preset(const char* type, QString label, FieldSpec name, const char* apiUrl, const char* interval)
{
    SourceTypeSpec s;
    s.type = QString::fromLatin1(type);
    s.label = std::move(label);
    const QString key = name.name;
    s.fields = { std::move(name),
        makeField("api-url", PresetText::tr("API URL"),
            PresetText::tr("the API's base URL (a mirror, or a test server)"), false, QString::fromLatin1(apiUrl),
            Validators::httpUrl),
        makeField("interval", PresetText::tr("Interval"), PresetText::tr("how often to poll, e.g. 6h"), false,
            QString::fromLatin1(interval), Validators::duration) };
    s.displayName = [key](const QJsonObject& o) { return o.value(key).toString(); };
    return s;
}

// A pointer token for a name that may hold '/' or '~' (a tap's formula).
QString token(const QString& name)
{
    return QString(name)
        .replace(QLatin1Char('~'), QStringLiteral("~0"))
        .replace(QLatin1Char('/'), QStringLiteral("~1"));
}

QString base(const QJsonObject& o)
{
    QString url = o.value(QLatin1String("api-url")).toString();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}
} // namespace

QList<SourceTypeSpec> Presets::specs()
{
    QList<SourceTypeSpec> specs {
        preset("npm", PresetText::tr("npm package"),
            makeField("package", PresetText::tr("Package"),
                PresetText::tr("an npm package name, e.g. react or @babel/core"), true, {},
                pattern(R"(^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]{0,213}$)",
                    PresetText::tr("an npm package name"))),
            "https://api.npmjs.org", "6h"),
        preset("pypi", PresetText::tr("PyPI package"),
            makeField("package", PresetText::tr("Package"), PresetText::tr("a PyPI project name, e.g. requests"), true,
                {},
                pattern(R"(^[A-Za-z0-9]([A-Za-z0-9._-]{0,200}[A-Za-z0-9])?$)", PresetText::tr("a PyPI project name"))),
            "https://pypistats.org", "12h"),
        preset("crates", PresetText::tr("crates.io crate"),
            makeField("crate", PresetText::tr("Crate"), PresetText::tr("a crate name, e.g. serde"), true, {},
                pattern(R"(^[A-Za-z][A-Za-z0-9_-]{0,63}$)", PresetText::tr("a crate name"))),
            "https://crates.io", "6h"),
        preset("homebrew", PresetText::tr("Homebrew formula"),
            makeField("formula", PresetText::tr("Formula"), PresetText::tr("a formula name, e.g. wget"), true, {},
                pattern(R"(^[A-Za-z0-9][A-Za-z0-9@._+-]{0,99}$)", PresetText::tr("a formula name"))),
            "https://formulae.brew.sh", "1d"),
    };
    // npm and PyPI give dated per-day counts (their own collector); crates and Homebrew are JSON APIs. All write
    // their figures as http-json series.
    for (SourceTypeSpec& s : specs) {
        s.seriesProvider = HttpJsonCollector::kProvider;
        s.onMetricsPage = true;
        if (isDaily(s.type)) {
            s.createCollector
                = [type = s.type](qint64 id, const QJsonObject& settings, const ApiCollectorServices& services) {
                      return std::unique_ptr<ApiCollector>(
                          std::make_unique<DailyDownloadsCollector>(type, id, settings, services));
                  };
        } else {
            s.formTest = SourceTypeSpec::FormTest::Figures; // the JSON source it stands for
            s.createCollector
                = [type = s.type](qint64 id, const QJsonObject& settings, const ApiCollectorServices& services) {
                      return std::unique_ptr<ApiCollector>(
                          std::make_unique<HttpJsonCollector>(id, *httpJsonSettings(type, settings), services));
                  };
        }
    }
    return specs;
}

std::optional<QJsonObject> Presets::httpJsonSettings(const QString& type, const QJsonObject& settings)
{
    QJsonObject o;
    o.insert(QStringLiteral("interval"), settings.value(QLatin1String("interval")));
    if (type == QLatin1String("crates")) {
        const QString crate = settings.value(QLatin1String("crate")).toString();
        o.insert(QStringLiteral("url"),
            QString(base(settings) + QStringLiteral("/api/v1/crates/")
                + QString::fromLatin1(QUrl::toPercentEncoding(crate))));
        o.insert(QStringLiteral("field"),
            QStringLiteral("downloads=/crate/downloads\nrecent_downloads=/crate/recent_downloads\n"
                           "version_downloads=/versions/*/downloads"));
        o.insert(QStringLiteral("label"), QStringLiteral("/versions/*/num"));
        // The same answer dates each version (versions[].created_at): package-version events (preset-only setting).
        o.insert(QStringLiteral("versions"), QStringLiteral("crates"));
        o.insert(QStringLiteral("versions-package"), crate);
        return o;
    }
    if (type == QLatin1String("homebrew")) {
        const QString formula = settings.value(QLatin1String("formula")).toString();
        o.insert(QStringLiteral("url"),
            QString(base(settings) + QStringLiteral("/api/formula/")
                + QString::fromLatin1(QUrl::toPercentEncoding(formula)) + QStringLiteral(".json")));
        const QString t = token(formula);
        o.insert(QStringLiteral("field"),
            QStringLiteral("installs_30d=/analytics/install/30d/%1\ninstalls_90d=/analytics/install/90d/%1\n"
                           "installs_365d=/analytics/install/365d/%1")
                .arg(t));
        return o;
    }
    return std::nullopt;
}

bool Presets::isDaily(const QString& type)
{
    return type == QLatin1String("npm") || type == QLatin1String("pypi");
}

} // namespace activity
