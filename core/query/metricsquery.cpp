#include "core/query/metricsquery.h"

#include "core/sources/httpjsoncollector.h"
#include "core/storage/database.h"

namespace activity {

MetricsData MetricsQuery::read(Database& db, const TimeRange& range, qint64 sourceId)
{
    MetricsData d;
    Statement list = db.prepare("SELECT DISTINCT s.source_id, coalesce(src.name, '#' || s.source_id) FROM series s "
                                "LEFT JOIN sources src ON src.id = s.source_id "
                                "WHERE s.provider NOT IN ('github', 'dockerhub') AND s.source_id IS NOT NULL "
                                "ORDER BY 2, 1");
    while (list.step())
        d.sources.append({ list.int64(0), list.text(1) });
    if (d.sources.isEmpty())
        return d;
    d.sourceId = d.sources.first().id;
    for (const MetricSourceItem& s : d.sources) {
        if (s.id == sourceId)
            d.sourceId = sourceId;
    }
    const QString provider = HttpJsonCollector::kProvider;
    const QString own = QString::number(d.sourceId);
    for (const QString& metric : ApiQuery::metrics(db, provider)) {
        for (const RepoSeries& r : ApiQuery::series(db, provider, metric, range)) {
            if (r.repository != own && !r.repository.startsWith(own + QLatin1Char(':')))
                continue;
            const QString labels = HttpJsonCollector::labelsOf(r.repository);
            MetricSeries m;
            m.name = labels.isEmpty() ? metric : QStringLiteral("%1 (%2)").arg(metric, labels);
            m.samples = SeriesMath::fromRangeStart(r.samples, range);
            m.latest = r.samples.isEmpty() ? 0 : r.samples.last().value;
            d.series.append(std::move(m));
        }
    }
    return d;
}

} // namespace activity
