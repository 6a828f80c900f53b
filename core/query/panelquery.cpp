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

PanelData PanelQuery::read(Database& db, const PanelSpec& panel, const TimeRange& pageRange, qint64 now)
{
    PanelData d;
    d.range = rangeOf(panel, pageRange, now);
    d.step = TimeRanges::periodFor(d.range);
    if (panel.kind == PanelSpec::Kind::Map) {
        QString site;
        if (!panel.series.isEmpty())
            if (const auto id = SeriesId::parse(panel.series.first(), nullptr))
                site = id->label(QStringLiteral("site"));
        for (const TopItem& t : TrafficQuery::topRollup(db, { d.range, site, {} }, Rollup::Dim::Country, 400))
            if (!t.key.isEmpty())
                d.requestsByCountry.insert(QString::fromLatin1(t.key), t.requests);
        return d;
    }
    for (const QString& id : panel.series) {
        const SeriesValues v = SeriesCatalogue::get(db, id, d.range, d.step);
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
                s.figure = SeriesCatalogue::valueAt(db, id, d.range.toSecs, d.range.length(), nullptr);
            } else if (!v.points.isEmpty()) {
                s.figure = v.points.last().value;
            }
        }
        d.series.append(s);
    }
    return d;
}

} // namespace activity
