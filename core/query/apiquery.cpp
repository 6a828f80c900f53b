#include "core/query/apiquery.h"

#include "core/storage/database.h"

#include <QMap>
#include <algorithm>
#include <vector>

namespace activity {

namespace {
QStringList column(Statement& st)
{
    QStringList out;
    while (st.step())
        out.append(st.text(0));
    return out;
}
} // namespace

QStringList ApiQuery::repositories(Database& db, const QString& provider)
{
    Statement st
        = db.prepare("SELECT DISTINCT repository FROM series WHERE provider = ? AND metric <> 'asset_downloads' "
                     "ORDER BY repository");
    st.bind(1, provider);
    return column(st);
}

QStringList ApiQuery::metrics(Database& db, const QString& provider)
{
    Statement st = db.prepare(
        "SELECT DISTINCT metric FROM series WHERE provider = ? AND metric <> 'asset_downloads' ORDER BY metric");
    st.bind(1, provider);
    return column(st);
}

QList<RepoSeries> ApiQuery::series(Database& db, const QString& provider, const QString& metric, const TimeRange& range)
{
    Statement list
        = db.prepare("SELECT id, repository FROM series WHERE provider = ? AND metric = ? ORDER BY repository");
    list.bind(1, provider).bind(2, metric);
    Statement before
        = db.prepare("SELECT ts, value FROM samples WHERE series_id = ? AND ts < ? ORDER BY ts DESC LIMIT 1");
    Statement inside
        = db.prepare("SELECT ts, value FROM samples WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts");
    QList<RepoSeries> out;
    while (list.step()) {
        RepoSeries repo;
        repo.repository = list.text(1);
        const qint64 id = list.int64(0);
        before.reset();
        before.bind(1, id).bind(2, range.fromSecs);
        if (before.step())
            repo.samples.append({ before.int64(0), before.real(1) });
        inside.reset();
        inside.bind(1, id).bind(2, range.fromSecs).bind(3, range.toSecs);
        while (inside.step())
            repo.samples.append({ inside.int64(0), inside.real(1) });
        out.append(std::move(repo));
    }
    return out;
}

QHash<std::pair<QString, QString>, double> ApiQuery::valuesBefore(Database& db, const QString& provider, qint64 at)
{
    Statement st = db.prepare("SELECT s.repository, s.metric, (SELECT value FROM samples WHERE series_id = s.id "
                              "AND ts < ?2 ORDER BY ts DESC LIMIT 1) AS v FROM series s WHERE s.provider = ?1 "
                              "AND s.metric <> 'asset_downloads'");
    st.bind(1, provider).bind(2, at);
    QHash<std::pair<QString, QString>, double> out;
    while (st.step()) {
        if (!st.isNull(2))
            out.insert({ st.text(0), st.text(1) }, st.real(2));
    }
    return out;
}

QHash<QString, ApiQuery::FirstSample> ApiQuery::firstOfTwoIn(
    Database& db, const QString& provider, const QString& metric, qint64 from, qint64 to)
{
    Statement st = db.prepare(
        "SELECT s.repository, f.ts, f.value FROM series s JOIN samples f ON f.series_id = s.id AND f.ts = "
        "(SELECT ts FROM samples WHERE series_id = s.id AND ts >= ?3 AND ts < ?4 ORDER BY ts LIMIT 1) "
        "WHERE s.provider = ?1 AND s.metric = ?2 AND EXISTS (SELECT 1 FROM samples WHERE series_id = s.id AND ts > "
        "f.ts AND ts < ?4)");
    st.bind(1, provider).bind(2, metric).bind(3, from).bind(4, to);
    QHash<QString, FirstSample> out;
    while (st.step())
        out.insert(st.text(0), { st.int64(1), st.real(2) });
    return out;
}

double ApiQuery::totalAt(Database& db, const QString& provider, const QString& metric, qint64 at)
{
    Statement st = db.prepare("SELECT sum((SELECT value FROM samples WHERE series_id = s.id AND ts <= ?3 "
                              "ORDER BY ts DESC LIMIT 1)) FROM series s WHERE s.provider = ?1 AND s.metric = ?2");
    st.bind(1, provider).bind(2, metric).bind(3, at);
    return st.step() ? st.real(0) : 0.0;
}

QList<Sample> SeriesMath::dailyDelta(const QList<Sample>& samples)
{
    // Last value per day, in day order.
    QMap<qint64, double> lastOfDay;
    for (const Sample& s : samples)
        lastOfDay[s.ts - ((s.ts % 86400) + 86400) % 86400] = s.value;
    QList<Sample> out;
    bool havePrevious = false;
    double previous = 0;
    for (auto it = lastOfDay.cbegin(); it != lastOfDay.cend(); ++it) {
        if (havePrevious)
            out.append({ it.key(), it.value() - previous });
        previous = it.value();
        havePrevious = true;
    }
    return out;
}

QList<Sample> SeriesMath::summed(const QList<QList<Sample>>& series)
{
    // One sorted sweep over every sample (a map of timestamps cost more than the queries for a year of samples).
    struct Event {
        qint64 ts;
        int index;
        double value;
    };
    std::vector<Event> events;
    qsizetype count = 0;
    for (const QList<Sample>& s : series)
        count += s.size();
    events.reserve(size_t(count));
    for (int i = 0; i < series.size(); ++i) {
        for (const Sample& s : series[i])
            events.push_back({ s.ts, i, s.value });
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.ts < b.ts; });
    QList<double> current(series.size(), 0.0);
    QList<Sample> out;
    double total = 0;
    for (size_t k = 0; k < events.size(); ++k) {
        total += events[k].value - current[events[k].index];
        current[events[k].index] = events[k].value;
        if (k + 1 == events.size() || events[k + 1].ts != events[k].ts)
            out.append({ events[k].ts, total });
    }
    return out;
}

QList<Sample> SeriesMath::fromRangeStart(const QList<Sample>& samples, const TimeRange& range)
{
    QList<Sample> out = within(samples, range);
    if (!samples.isEmpty() && samples.first().ts < range.fromSecs && (out.isEmpty() || out.first().ts > range.fromSecs))
        out.prepend({ range.fromSecs, samples.first().value });
    return out;
}

QList<Sample> SeriesMath::within(const QList<Sample>& samples, const TimeRange& range)
{
    QList<Sample> out;
    for (const Sample& s : samples) {
        if (s.ts >= range.fromSecs && s.ts < range.toSecs)
            out.append(s);
    }
    return out;
}

void ApiQuery::forEachMetricSample(
    Database& db, const TimeRange& range, const std::function<void(const MetricRow&)>& row)
{
    Statement s = db.prepare(
        "SELECT m.ts, coalesce(src.name, '#' || s.source_id, ''), s.provider, s.repository, s.metric, m.value "
        "FROM samples m JOIN series s ON s.id = m.series_id LEFT JOIN sources src ON src.id = s.source_id "
        "WHERE s.provider NOT IN ('github', 'dockerhub') AND m.ts >= ? AND m.ts < ? "
        "ORDER BY m.ts, 2, s.metric, s.repository");
    s.bind(1, range.fromSecs).bind(2, range.toSecs);
    while (s.step())
        row(MetricRow { s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.real(5) });
}

void ApiQuery::forEachSample(
    Database& db, const QString& provider, const TimeRange& range, const std::function<void(const ReportRow&)>& row)
{
    Statement s
        = db.prepare("SELECT m.ts, s.repository, s.metric, m.value FROM samples m JOIN series s ON s.id = "
                     "m.series_id WHERE s.provider = ? AND s.metric <> 'asset_downloads' AND m.ts >= ? AND m.ts < ? "
                     "ORDER BY m.ts, s.repository, s.metric");
    s.bind(1, provider).bind(2, range.fromSecs).bind(3, range.toSecs);
    while (s.step())
        row(ReportRow { s.int64(0), s.text(1), s.text(2), s.real(3) });
}

} // namespace activity
