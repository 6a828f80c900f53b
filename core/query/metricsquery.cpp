#include "core/query/metricsquery.h"

#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/prometheus/prometheuscollector.h"
#include "core/storage/database.h"

namespace activity {

namespace {
bool isTotal(const QList<Sample>& samples)
{
    bool rose = false;
    for (qsizetype i = 1; i < samples.size(); ++i) {
        if (samples[i].value < samples[i - 1].value)
            return false;
        rose = rose || samples[i].value > samples[i - 1].value;
    }
    return rose;
}
} // namespace

QList<Sample> MetricsQuery::perSecond(const QList<Sample>& totals)
{
    QList<Sample> out;
    for (qsizetype i = 1; i < totals.size(); ++i) {
        const qint64 dt = totals[i].ts - totals[i - 1].ts;
        if (dt <= 0)
            continue;
        // A counter that went down was reset (the exporter restarted): it counted up from 0 since.
        const double delta
            = totals[i].value >= totals[i - 1].value ? totals[i].value - totals[i - 1].value : totals[i].value;
        out.append({ totals[i].ts, delta / double(dt) });
    }
    return out;
}

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
    const QString own = QString::number(d.sourceId);
    for (const QString& provider : { HttpJsonCollector::kProvider, PrometheusCollector::kProvider }) {
        for (const QString& metric : ApiQuery::metrics(db, provider)) {
            // Prometheus counters (named *_total by convention) are drawn as rates: a total only ever grows.
            const bool counter = provider == PrometheusCollector::kProvider && metric.endsWith(QLatin1String("_total"));
            for (const RepoSeries& r : ApiQuery::series(db, provider, metric, range)) {
                if (r.repository != own && !r.repository.startsWith(own + QLatin1Char(':')))
                    continue;
                const QString labels = HttpJsonCollector::labelsOf(r.repository);
                const QString name = counter ? QStringLiteral("rate(%1) per second").arg(metric) : metric;
                MetricSeries m;
                m.name = labels.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, labels);
                m.samples = SeriesMath::fromRangeStart(r.samples, range);
                if (counter)
                    m.samples = MetricsQuery::perSecond(m.samples);
                m.latest = m.samples.isEmpty() ? 0 : m.samples.last().value;
                if (!counter && isTotal(r.samples))
                    m.perDay = SeriesMath::within(SeriesMath::dailyDelta(r.samples), range);
                d.series.append(std::move(m));
            }
        }
    }
    return d;
}

} // namespace activity
