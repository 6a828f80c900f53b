#include "core/query/overviewquery.h"

#include "core/sources/dockerhub/dockerhubtype.h"
#include "core/sources/github/githubtype.h"

#include <QDateTime>

namespace activity {

namespace {
// The Overview sums GitHub's stars and Docker Hub's pulls.
const QString kGitHub = gitHubTypeName();
const QString kDockerHub = dockerHubTypeName();

// `series` is the metric's series over the range (read once: the stars chart shows them too), each with its last
// sample before the range, if any, first.
// The summed change of the repositories that have a baseline; none when none has.
std::optional<double> changeOf(const QList<RepoSeries>& series, const TimeRange& range)
{
    std::optional<double> change;
    for (const RepoSeries& s : series) {
        if (!s.samples.isEmpty() && (s.samples.first().ts <= range.fromSecs || s.samples.size() >= 2))
            change = change.value_or(0) + s.samples.last().value - s.samples.first().value;
    }
    return change;
}

CounterFigure counter(Database& db, const QString& provider, const QString& metric, const TimeRange& range,
    const QList<RepoSeries>& series)
{
    CounterFigure f;
    f.change = changeOf(series, range);
    const TimeRange previous { range.fromSecs - (range.toSecs - range.fromSecs), range.fromSecs };
    f.previousChange = changeOf(ApiQuery::series(db, provider, metric, previous), previous);
    f.now = ApiQuery::totalAt(db, provider, metric, range.toSecs);
    QList<QList<Sample>> aligned;
    qint64 start = 0;
    for (const RepoSeries& s : series) {
        if (!s.samples.isEmpty() && (start == 0 || s.samples.first().ts < start))
            start = s.samples.first().ts;
    }
    for (const RepoSeries& s : series) {
        if (s.samples.isEmpty())
            continue;
        // Every repository enters the summed curve at its first value from the curve's first point.
        QList<Sample> copy = s.samples;
        copy.prepend({ start, copy.first().value });
        aligned.append(copy);
    }
    f.firstSampleSecs = start;
    QList<double> values;
    for (const Sample& s : SeriesMath::summed(aligned))
        values.append(s.value);
    f.spark = Buckets::thin(values, 60);
    return f;
}
} // namespace

OverviewQuery::TopCountry OverviewQuery::topCountry(
    Database& db, const TimeRange& range, const QString& site, AgentScope agents)
{
    TrafficFilter filter { range, site, {} };
    filter.agents = agents;
    TopCountry top;
    const QList<TopItem> countries = TrafficQuery::places(db, filter, 0).countries; // busiest first
    for (const TopItem& item : countries) {
        top.rangeRequests += item.requests;
        if (top.code.isEmpty() && !item.key.isEmpty()) {
            top.code = QString::fromUtf8(item.key);
            top.requests = item.requests;
        }
    }
    return top;
}

qint64 OverviewQuery::localDayStart(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).date().startOfDay().toSecsSinceEpoch();
}

OverviewData OverviewQuery::read(
    Database& db, const TimeRange& range, const QString& site, qint64 nowSecs, AgentScope agents)
{
    OverviewData d;
    const QList<RepoSeries> stars = ApiQuery::series(db, kGitHub, QStringLiteral("stars"), range);
    d.stars = counter(db, kGitHub, QStringLiteral("stars"), range, stars);
    d.pulls = counter(db, kDockerHub, QStringLiteral("pulls"), range,
        ApiQuery::series(db, kDockerHub, QStringLiteral("pulls"), range));
    for (const RepoSeries& s : stars)
        d.starSeries.append({ s.repository, SeriesMath::fromRangeStart(s.samples, range) });

    d.logs = SourceQuery::logPresence(db);
    d.githubSources = SourceQuery::countOfType(db, kGitHub);
    d.dockerHubSources = SourceQuery::countOfType(db, kDockerHub);

    const auto filter = [&site, agents](const TimeRange& r) {
        TrafficFilter f { r, site, {} };
        f.agents = agents;
        return f;
    };
    const qint64 today = localDayStart(nowSecs);
    const qint64 yesterday = localDayStart(today - 1);
    d.today = TrafficQuery::totals(db, filter({ today, nowSecs + 1 }));
    d.yesterdaySoFar = TrafficQuery::totals(db, filter({ yesterday, yesterday + (nowSecs - today) + 1 }));

    // Daily rollups are UTC days: the sparkline's shape, not a figure a user reads.
    const TimeRange days { range.fromSecs - range.fromSecs % 86400, range.toSecs };
    const FilledTraffic daily
        = Buckets::fill(days, 86400, TrafficQuery::buckets(db, filter(days), 86400), {}, d.logs.firstDaySecs);
    d.dailyRequests = Buckets::values(daily.requests);
    d.dailyVisitors = Buckets::values(daily.visitors);
    d.dailyPartialFrom = Buckets::indexFrom(daily.requests, Buckets::incompleteFrom(days, 86400, nowSecs));

    // People's or bots' countries are not rolled up: asked apart (topCountry) from raw rows.
    if (agents == AgentScope::All) {
        for (const TopItem& item : TrafficQuery::topRollup(db, filter(range), Rollup::Dim::Country, 2)) {
            if (!item.key.isEmpty()) {
                d.topCountry = QString::fromUtf8(item.key);
                d.topCountryRequests = item.requests;
                break;
            }
        }
    } else {
        d.topCountryLater = true;
    }
    d.rangeRequests = TrafficQuery::totals(db, filter(range)).requests;
    d.agents = TrafficQuery::agentTotals(db, { range, site, {} });
    const qint64 step = Buckets::stepFor(range);
    d.traffic = Buckets::fill(range, step, TrafficQuery::buckets(db, filter(range), step), {}, d.logs.firstDaySecs);
    return d;
}

} // namespace activity
