#include "core/query/panelquery.h"

#include "core/query/seriesid.h"
#include "core/query/trafficquery.h"

namespace activity {

TimeRange PanelQuery::rangeOf(const PanelSpec& panel, const TimeRange& pageRange, qint64 now)
{
    if (panel.range.isEmpty())
        return pageRange;
    const TimeRange own
        = TimeRanges::forPreset(TimeRanges::presetFromKey(panel.range.toLatin1(), RangePreset::Custom), now);
    return own.isValid() ? own : pageRange;
}

namespace {
// The id under the header's switch: `traffic.requests{site="www"}` becomes `traffic.requests{site="www",agents=
// "humans"}`. Empty when the switch does not apply to it.
QString underSwitch(const QString& text, AgentScope agents)
{
    if (agents == AgentScope::All)
        return {};
    auto id = SeriesId::parse(text, nullptr);
    if (!id || !id->name.startsWith(QLatin1String("traffic.")))
        return {};
    for (const char* own : { "country", "path", "agents" })
        if (id->hasLabel(QString::fromLatin1(own)))
            return {};
    id->labels.append({ QStringLiteral("agents"), agentScopeName(agents) });
    return id->text();
}
} // namespace

PanelData PanelQuery::read(
    Database& db, const PanelSpec& panel, const TimeRange& pageRange, qint64 now, AgentScope agents)
{
    PanelData d;
    d.range = rangeOf(panel, pageRange, now);
    d.step = TimeRanges::periodFor(d.range);
    if (panel.kind == PanelSpec::Kind::Map) {
        QString site;
        if (!panel.series.isEmpty())
            if (const auto id = SeriesId::parse(panel.series.first(), nullptr))
                site = id->label(QStringLiteral("site"));
        TrafficFilter filter { d.range, site, {} };
        filter.agents = agents;
        for (const TopItem& t : TrafficQuery::places(db, filter, 0).countries)
            if (!t.key.isEmpty())
                d.requestsByCountry.insert(QString::fromLatin1(t.key), t.requests);
        return d;
    }
    for (const QString& id : panel.series) {
        // A series the switch cannot narrow (a status class, a share) is drawn as it is.
        QString read = underSwitch(id, agents);
        SeriesValues v;
        if (!read.isEmpty())
            v = SeriesCatalogue::get(db, read, d.range, d.step);
        if (read.isEmpty() || !v.error.isEmpty()) {
            read = id;
            v = SeriesCatalogue::get(db, id, d.range, d.step);
        }
        PanelSeries s;
        s.entry = v.entry;
        s.entry.id = id;
        s.points = v.points;
        s.error = v.error;
        if (v.error.isEmpty()) {
            if (s.entry.summable) {
                double total = 0;
                for (const Sample& p : v.points)
                    total += p.value;
                s.figure = total;
            } else if (s.entry.unit == QLatin1String("%")) {
                s.figure = SeriesCatalogue::valueAt(db, read, d.range.toSecs, d.range.length(), nullptr);
            } else if (!v.points.isEmpty()) {
                s.figure = v.points.last().value;
            }
        }
        d.series.append(s);
    }
    return d;
}

} // namespace activity
