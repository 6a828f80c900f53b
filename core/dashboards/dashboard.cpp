#include "core/dashboards/dashboard.h"

#include "core/query/seriesid.h"
#include "core/query/timerange.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Dashboards)
};
constexpr PanelSpec::Kind kKinds[] = { PanelSpec::Kind::Line, PanelSpec::Kind::Area, PanelSpec::Kind::Bars,
    PanelSpec::Kind::Figure, PanelSpec::Kind::Table, PanelSpec::Kind::Map };

bool isRangeKey(const QString& key)
{
    if (key.isEmpty())
        return true;
    const RangePreset p = TimeRanges::presetFromKey(key.toLatin1(), RangePreset::Custom);
    return p != RangePreset::Custom;
}
} // namespace

const char* Dashboards::kindKey(PanelSpec::Kind kind)
{
    switch (kind) {
    case PanelSpec::Kind::Line:
        return "line";
    case PanelSpec::Kind::Area:
        return "area";
    case PanelSpec::Kind::Bars:
        return "bars";
    case PanelSpec::Kind::Figure:
        return "figure";
    case PanelSpec::Kind::Table:
        return "table";
    case PanelSpec::Kind::Map:
        return "map";
    }
    return "";
}

std::optional<PanelSpec::Kind> Dashboards::kindFromKey(const QString& key)
{
    for (PanelSpec::Kind k : kKinds)
        if (key == QLatin1String(kindKey(k)))
            return k;
    return std::nullopt;
}

QStringList Dashboards::kindKeys()
{
    QStringList keys;
    for (PanelSpec::Kind k : kKinds)
        keys.append(QString::fromLatin1(kindKey(k)));
    return keys;
}

QJsonObject Dashboards::toJson(const DashboardSpec& spec)
{
    QJsonArray panels;
    for (const PanelSpec& p : spec.panels)
        panels.append(QJsonObject { { QStringLiteral("kind"), QString::fromLatin1(kindKey(p.kind)) },
            { QStringLiteral("title"), p.title }, { QStringLiteral("series"), QJsonArray::fromStringList(p.series) },
            { QStringLiteral("range"), p.range }, { QStringLiteral("width"), p.width },
            { QStringLiteral("height"), p.height } });
    return { { QStringLiteral("schema"), kSchemaVersion }, { QStringLiteral("name"), spec.name },
        { QStringLiteral("panels"), panels } };
}

QString Dashboards::check(const DashboardSpec& spec)
{
    if (spec.name.trimmed().isEmpty())
        return Text::tr("a dashboard needs a name");
    for (qsizetype i = 0; i < spec.panels.size(); ++i) {
        const PanelSpec& p = spec.panels[i];
        const QString where = Text::tr("panel %1").arg(i + 1);
        if (p.width < 1 || p.width > kColumns)
            return Text::tr("%1: width must be 1 to %2 columns, got %3").arg(where).arg(kColumns).arg(p.width);
        if (p.height < 1 || p.height > 3)
            return Text::tr("%1: height must be 1 to 3 rows, got %2").arg(where).arg(p.height);
        if (!isRangeKey(p.range))
            return Text::tr("%1: range must be empty (the page's) or one of 24h, 7d, 30d, 90d, 1y, got '%2'")
                .arg(where, p.range);
        if (p.series.isEmpty() && p.kind != PanelSpec::Kind::Map)
            return Text::tr("%1: it draws no series").arg(where);
        for (const QString& id : p.series) {
            QString error;
            if (!SeriesId::parse(id, &error))
                return QStringLiteral("%1: %2").arg(where, error);
        }
    }
    return {};
}

std::optional<DashboardSpec> Dashboards::fromJson(const QJsonObject& json, QString* error)
{
    const auto fail = [&](const QString& why) -> std::optional<DashboardSpec> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const int schema = json.value(QStringLiteral("schema")).toInt(0);
    if (schema < 1)
        return fail(Text::tr("not a dashboard file: no \"schema\" version"));
    if (schema > kSchemaVersion)
        return fail(Text::tr("this dashboard has schema version %1, newer than this program knows (%2): upgrade "
                             "Activity Dashboard to import it")
                        .arg(schema)
                        .arg(kSchemaVersion));
    DashboardSpec spec;
    spec.name = json.value(QStringLiteral("name")).toString().trimmed();
    const QJsonValue panels = json.value(QStringLiteral("panels"));
    if (!panels.isArray())
        return fail(Text::tr("\"panels\" must be an array"));
    for (const QJsonValue& v : panels.toArray()) {
        const QJsonObject o = v.toObject();
        PanelSpec p;
        const QString kind = o.value(QStringLiteral("kind")).toString();
        const auto k = kindFromKey(kind);
        if (!k)
            return fail(Text::tr("panel %1: kind must be one of %2, got '%3'")
                            .arg(spec.panels.size() + 1)
                            .arg(kindKeys().join(QStringLiteral(", ")), kind));
        p.kind = *k;
        p.title = o.value(QStringLiteral("title")).toString();
        for (const QJsonValue& s : o.value(QStringLiteral("series")).toArray())
            p.series.append(s.toString());
        p.range = o.value(QStringLiteral("range")).toString();
        p.width = o.value(QStringLiteral("width")).toInt(2);
        p.height = o.value(QStringLiteral("height")).toInt(1);
        spec.panels.append(p);
    }
    if (const QString problem = check(spec); !problem.isEmpty())
        return fail(problem);
    return spec;
}

} // namespace activity
