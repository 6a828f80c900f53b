#include "core/query/apichartquery.h"

#include "core/query/sourcequery.h"

#include <QMap>
#include <algorithm>

namespace activity {

QList<RepoSeries> ApiChartQuery::aligned(const QList<RepoSeries>& series, const TimeRange& range)
{
    QMap<qint64, int> times;
    for (const RepoSeries& s : series) {
        for (const Sample& p : s.samples) {
            if (p.ts >= range.fromSecs && p.ts < range.toSecs)
                times.insert(p.ts, 0);
        }
    }
    QList<RepoSeries> out;
    for (const RepoSeries& s : series) {
        RepoSeries c { s.repository, {} };
        qsizetype i = 0;
        double current = 0;
        for (auto it = times.cbegin(); it != times.cend(); ++it) {
            while (i < s.samples.size() && s.samples[i].ts <= it.key())
                current = s.samples[i++].value;
            c.samples.append({ it.key(), current });
        }
        out.append(c);
    }
    return out;
}

QList<Sample> ApiChartQuery::addedAtSameTimes(const QList<QList<Sample>>& series)
{
    QMap<qint64, double> sums;
    for (const QList<Sample>& s : series) {
        for (const Sample& p : s)
            sums[p.ts] += p.value;
    }
    QList<Sample> out;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out.append({ it.key(), it.value() });
    return out;
}

namespace {
// A counter's rank is its last value in the range; a per-day figure's, its sum over the range.
double weight(const RepoSeries& s, const ApiChartRequest& request, const TimeRange& range)
{
    const QList<Sample> inside = SeriesMath::within(s.samples, range);
    if (request.perDay) {
        double sum = 0;
        for (const Sample& p : inside)
            sum += p.value;
        return sum;
    }
    return s.samples.isEmpty() ? 0 : s.samples.last().value;
}
} // namespace

ApiChartData ApiChartQuery::read(Database& db, const ApiChartRequest& request, const TimeRange& range)
{
    ApiChartData d;
    d.sources = SourceQuery::countOfType(db, request.provider);
    d.anyFigure = !ApiQuery::repositories(db, request.provider).isEmpty();
    // A per-day delta needs the day before the range too.
    QList<RepoSeries> all
        = ApiQuery::series(db, request.provider, request.metric, { range.fromSecs - 86400, range.toSecs });
    QList<std::pair<double, int>> order;
    for (int i = 0; i < all.size(); ++i)
        order.append({ weight(all[i], request, range), i });
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [w, i] : order)
        d.ranking.append(all[i].repository);

    QList<RepoSeries> shown;
    QList<RepoSeries> rest;
    if (!request.pinned.isEmpty()) {
        for (const QString& name : request.pinned) {
            const auto it
                = std::find_if(all.cbegin(), all.cend(), [&name](const RepoSeries& s) { return s.repository == name; });
            if (it != all.cend())
                shown.append(*it);
        }
        for (const RepoSeries& s : std::as_const(all)) {
            if (!request.pinned.contains(s.repository))
                rest.append(s);
        }
    } else {
        for (int k = 0; k < order.size(); ++k)
            (k < request.top ? shown : rest).append(all[order[k].second]);
    }
    // One more series on its own beats an "others" of one.
    if (rest.size() == 1)
        shown.append(rest.takeFirst());
    d.othersCount = int(rest.size());

    QList<RepoSeries> totals = shown;
    if (!rest.isEmpty()) {
        QList<QList<Sample>> samples;
        for (const RepoSeries& s : std::as_const(rest))
            samples.append(s.samples);
        totals.append({ QString(), request.perDay ? addedAtSameTimes(samples) : SeriesMath::summed(samples) });
    }
    if (!request.perDay) {
        for (const RepoSeries& s : std::as_const(shown))
            d.deltas.append({ s.repository, SeriesMath::within(SeriesMath::dailyDelta(s.samples), range) });
        if (!rest.isEmpty()) {
            QList<QList<Sample>> deltas;
            for (const RepoSeries& s : std::as_const(rest))
                deltas.append(SeriesMath::dailyDelta(s.samples));
            d.deltas.append({ QString(), SeriesMath::within(addedAtSameTimes(deltas), range) });
        }
    }
    if (request.stacked) {
        d.totals = aligned(totals, range);
    } else {
        for (const RepoSeries& s : std::as_const(totals))
            d.totals.append({ s.repository, SeriesMath::within(s.samples, range) });
    }
    return d;
}

} // namespace activity
