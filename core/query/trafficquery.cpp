#include "core/query/trafficquery.h"

#include "core/query/narrowedtraffic.h"
#include "core/query/rollupspans.h"
#include "core/query/topn.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/storage/rollupschema.h"
#include "core/util/localhours.h"

#include <QHash>
#include <QMap>
#include <cstring>

namespace activity {

namespace {
// Sums over [from, to): whole days from day buckets, whole hours at the edges from hour buckets, the rest from
// minute buckets (see RollupSpans).
QList<RollupSpan> spans(const TimeRange& range)
{
    return RollupSpans::split(range.fromSecs, range.toSecs);
}

// The (dim, key) that carries a filter the rollups split: totals per country live under dim 'country', people's or
// bots' under 'agents' (keys "class/verification/name", people's starting "human/").
struct DimKey {
    QString dim;
    QString key;
    const char* keyTest = "key = ?5";
};
DimKey totalDim(const TrafficFilter& filter)
{
    // Bound as text, never NULL (a null QString binds NULL).
    if (!filter.country.isEmpty())
        return { QString::fromLatin1(Rollup::name(Rollup::Dim::Country)), filter.country };
    const QString agents = QString::fromLatin1(Rollup::name(Rollup::Dim::Agents));
    if (filter.agents == AgentScope::Humans)
        return { agents, QStringLiteral("human/"), "substr(key, 1, 6) = ?5" };
    if (filter.agents == AgentScope::Bots)
        return { agents, QStringLiteral("human/"), "substr(key, 1, 6) <> ?5" };
    return { QStringLiteral(""), QStringLiteral("") };
}

// Totals and buckets come from the rollups unless the filter splits what they do not: people's or bots' requests of
// one country, a path, a status, a referrer or a user agent (raw rows, NarrowedTraffic).
bool rollupsAnswer(const TrafficFilter& f)
{
    return !f.readsRawRows()
        || (f.country.isEmpty() && f.path.isEmpty() && f.status == 0 && f.referrer.isEmpty() && f.userAgent.isEmpty());
}

} // namespace

QStringList TrafficQuery::sites(Database& db)
{
    QStringList out;
    Statement st = db.prepare("SELECT name FROM sites ORDER BY name");
    while (st.step())
        out.append(st.text(0));
    return out;
}

QList<TrafficBucket> TrafficQuery::buckets(Database& db, const TrafficFilter& filter, qint64 period)
{
    if (!rollupsAnswer(filter))
        return NarrowedTraffic::buckets(db, filter, period);
    const qint64 site = TrafficQuery::siteId(db, filter.site);
    const DimKey dk = totalDim(filter);
    // The rollup period is at least an hour for long ranges; coarser display buckets are summed here.
    const qint64 source = period >= 86400 ? 86400 : (period >= 3600 ? 3600 : 60);
    Statement st = db.prepare(QByteArray("SELECT bucket, sum(requests), sum(visitors), sum(bytes) FROM rollups "
                                         "WHERE period = ?1 AND dim = ?2 AND bucket >= ?3 AND bucket < ?4 AND ")
                                  .append(dk.keyTest)
                                  .append(" AND (?6 = -1 OR site_id = ?6) GROUP BY bucket ORDER BY bucket")
                                  .constData());
    st.bind(1, source).bind(2, dk.dim).bind(3, filter.range.fromSecs - filter.range.fromSecs % source);
    st.bind(4, filter.range.toSecs).bind(5, dk.key).bind(6, site);
    QList<TrafficBucket> out;
    while (st.step()) {
        const qint64 start = st.int64(0) - st.int64(0) % period;
        if (out.isEmpty() || out.last().start != start)
            out.append({ start, 0, 0, 0 });
        out.last().requests += st.int64(1);
        out.last().visitors += st.int64(2);
        out.last().bytes += st.int64(3);
    }
    return out;
}

QList<StatusBucket> TrafficQuery::statusClasses(Database& db, const TrafficFilter& filter, qint64 period)
{
    const qint64 site = TrafficQuery::siteId(db, filter.site);
    const qint64 source = period >= 86400 ? 86400 : (period >= 3600 ? 3600 : 60);
    // Status rollups are not split by country: with a country filter this shows every country's statuses.
    Statement st = db.prepare("SELECT bucket, key, sum(requests) FROM rollups "
                              "WHERE period = ?1 AND dim = ?5 AND bucket >= ?2 AND bucket < ?3 "
                              "AND (?4 = -1 OR site_id = ?4) GROUP BY bucket, key ORDER BY bucket");
    st.bind(5, QString::fromLatin1(Rollup::name(Rollup::Dim::Status)));
    st.bind(1, source).bind(2, filter.range.fromSecs - filter.range.fromSecs % source);
    st.bind(3, filter.range.toSecs).bind(4, site);
    QList<StatusBucket> out;
    while (st.step()) {
        const qint64 start = st.int64(0) - st.int64(0) % period;
        if (out.isEmpty() || out.last().start != start) {
            StatusBucket bucket;
            bucket.start = start;
            out.append(bucket);
        }
        const int cls = st.text(1).left(1).toInt();
        if (cls >= 1 && cls <= 5)
            out.last().byClass[cls - 1] += st.int64(2);
    }
    return out;
}

TrafficTotals TrafficQuery::totals(Database& db, const TrafficFilter& filter)
{
    if (!rollupsAnswer(filter))
        return NarrowedTraffic::totals(db, filter);
    const qint64 site = TrafficQuery::siteId(db, filter.site);
    const DimKey dk = totalDim(filter);
    Statement st = db.prepare(QByteArray("SELECT sum(requests), sum(visitors), sum(bytes) FROM rollups "
                                         "WHERE period = ?1 AND dim = ?2 AND bucket >= ?3 AND bucket < ?4 AND ")
                                  .append(dk.keyTest)
                                  .append(" AND (?6 = -1 OR site_id = ?6)")
                                  .constData());
    TrafficTotals out;
    for (const RollupSpan& span : spans(filter.range)) {
        st.reset();
        st.bind(1, span.period).bind(2, dk.dim).bind(3, span.from).bind(4, span.to).bind(5, dk.key).bind(6, site);
        if (st.step()) {
            out.requests += st.int64(0);
            out.visitors += st.int64(1);
            out.bytes += st.int64(2);
        }
    }
    return out;
}

TrafficQuery::AgentTotals TrafficQuery::agentTotals(Database& db, const TrafficFilter& filter)
{
    const qint64 site = TrafficQuery::siteId(db, filter.site);
    // Keys are "class/verification/name": people's start with "human/".
    Statement st = db.prepare(
        "SELECT CASE WHEN substr(key, 1, 6) = 'human/' THEN 1 ELSE 0 END, sum(requests), sum(visitors), sum(bytes) "
        "FROM rollups WHERE period = ?1 AND dim = ?2 AND bucket >= ?3 AND bucket < ?4 "
        "AND (?5 = -1 OR site_id = ?5) GROUP BY 1");
    AgentTotals out;
    for (const RollupSpan& span : spans(filter.range)) {
        st.reset();
        st.bind(1, span.period).bind(2, QString::fromLatin1(Rollup::name(Rollup::Dim::Agents)));
        st.bind(3, span.from).bind(4, span.to).bind(5, site);
        while (st.step()) {
            TrafficTotals& t = st.int64(0) ? out.humans : out.bots;
            t.requests += st.int64(1);
            t.visitors += st.int64(2);
            t.bytes += st.int64(3);
        }
    }
    return out;
}

void TrafficQuery::rank(QList<TopItem>& items, qsizetype limit)
{
    TopN::rank(
        items, [](const TopItem& i) { return i.requests; }, [](const TopItem& i) -> const QByteArray& { return i.key; },
        limit);
}

QList<qint64> TrafficQuery::hourOfDay(Database& db, const TrafficFilter& filter)
{
    const qint64 site = TrafficQuery::siteId(db, filter.site);
    const DimKey dk = totalDim(filter);
    Statement st = db.prepare(QByteArray("SELECT bucket, sum(requests) FROM rollups "
                                         "WHERE period = ?1 AND dim = ?2 AND bucket >= ?3 AND bucket < ?4 AND ")
                                  .append(dk.keyTest)
                                  .append(" AND (?6 = -1 OR site_id = ?6) GROUP BY bucket")
                                  .constData());
    st.bind(1, qint64(3600)).bind(2, dk.dim).bind(3, filter.range.fromSecs).bind(4, filter.range.toSecs);
    st.bind(5, dk.key).bind(6, site);
    QList<qint64> out(24, 0);
    // The hour on the user's clock, as the chart axes show time (offsets of half an hour land in the hour begun).
    LocalHours local;
    while (st.step())
        out[local.hourOf(st.int64(0))] += st.int64(1);
    return out;
}

QList<TopItem> TrafficQuery::topRollup(Database& db, const TrafficFilter& filter, Rollup::Dim dim, int limit)
{
    const qint64 site = TrafficQuery::siteId(db, filter.site);
    // Text dims sum what each bucket did not keep under key '' ("other"): not an item of a top list. For
    // countries '' is the unknown country, which is one.
    const bool textDim = Rollup::isText(dim);
    Statement st = db.prepare("SELECT key, sum(requests), sum(visitors), sum(bytes) FROM rollups "
                              "WHERE period = ?1 AND dim = ?2 AND bucket >= ?3 AND bucket < ?4 "
                              "AND (?5 = -1 OR site_id = ?5) AND (?6 = 0 OR key <> '') GROUP BY key");
    QHash<QByteArray, TopItem> sums;
    for (const RollupSpan& span : spans(filter.range)) {
        st.reset();
        st.bind(1, span.period)
            .bind(2, QString::fromLatin1(Rollup::name(dim)))
            .bind(3, span.from)
            .bind(4, span.to)
            .bind(5, site);
        st.bind(6, qint64(textDim));
        while (st.step()) {
            const QByteArray key = st.text(0).toUtf8();
            TopItem& item = sums[key];
            item.key = key;
            item.requests += st.int64(1);
            item.visitors += st.int64(2);
            item.bytes += st.int64(3);
        }
    }
    QList<TopItem> out = sums.values();
    TrafficQuery::rank(out, limit);
    return out;
}

namespace {
// Raw rows of [from, to) (a rowid range, see RequestKeys) grouped by the string column `column`, added to `sums`.
// Rows are grouped by string id first and the few groups joined to their text after: joining every row
// to `strings` costs several times more.
void addRaw(Database& db, const TrafficFilter& filter, qint64 from, qint64 to, const char* column, bool only404,
    QHash<QByteArray, TopItem>& sums)
{
    if (to <= from)
        return;
    const QByteArray sql = QByteArray("SELECT s.value, g.n, g.b FROM (SELECT ") + column
        + " AS sid, count(*) AS n, sum(bytes) AS b FROM requests WHERE id >= ?1 AND id < ?2 "
          "AND (?3 = -1 OR site_id = ?3) AND (country = ?4 OR ?4 IS NULL)" // PostgreSQL types ?4 where it first sees it
        + (only404 ? " AND status = 404" : "") + " GROUP BY sid) g JOIN strings s ON s.id = g.sid";
    Statement st = db.prepare(sql.constData());
    st.bind(1, RequestKeys::firstId(from))
        .bind(2, RequestKeys::firstId(to))
        .bind(3, TrafficQuery::siteId(db, filter.site));
    if (filter.country.isEmpty())
        st.bindNull(4);
    else
        st.bind(4, filter.country);
    while (st.step()) {
        const QByteArray key = st.blob(0);
        if (key.isEmpty() || key == "-")
            continue;
        TopItem& item = sums[key];
        item.key = key;
        item.requests += st.int64(1);
        item.bytes += st.int64(2);
    }
}

// Whole days and hours from the rollups of `dim`, the partial hours at the edges from raw rows (RollupSpans::
// splitText). Rollups are not split by country, so a country filter reads raw rows throughout. Visitors are left
// 0: raw rows do not say.
QList<TopItem> topByText(
    Database& db, const TrafficFilter& filter, Rollup::Dim dim, const char* column, bool only404, int limit)
{
    QHash<QByteArray, TopItem> sums;
    const qint64 from = filter.range.fromSecs;
    const qint64 to = filter.range.toSecs;
    if (!filter.country.isEmpty()) {
        addRaw(db, filter, from, to, column, only404, sums);
    } else {
        Statement st
            = db.prepare("SELECT key, sum(requests), sum(bytes) FROM rollups WHERE period = ?5 AND dim = ?1 "
                         "AND bucket >= ?2 AND bucket < ?3 AND (?4 = -1 OR site_id = ?4) AND key <> '' GROUP BY key");
        const qint64 site = TrafficQuery::siteId(db, filter.site);
        for (const RollupSpan& span : RollupSpans::splitText(from, to, AppSettings::hourlyTextRollupsFrom(db))) {
            if (span.period == 0) {
                addRaw(db, filter, span.from, span.to, column, only404, sums);
                continue;
            }
            st.reset();
            st.bind(1, QString::fromLatin1(Rollup::name(dim))).bind(2, span.from).bind(3, span.to).bind(4, site);
            st.bind(5, span.period);
            while (st.step()) {
                const QByteArray key = st.blob(0);
                TopItem& item = sums[key];
                item.key = key;
                item.requests += st.int64(1);
                item.bytes += st.int64(2);
            }
        }
    }
    QList<TopItem> out = sums.values();
    TrafficQuery::rank(out, limit);
    return out;
}
} // namespace

QList<TopItem> TrafficQuery::top404(Database& db, const TrafficFilter& filter, int limit)
{
    return topByText(db, filter, Rollup::Dim::Path404, "path_id", true, limit);
}

QList<TopItem> TrafficQuery::topReferrers(Database& db, const TrafficFilter& filter, int limit)
{
    return topByText(db, filter, Rollup::Dim::Referrer, "referrer_id", false, limit);
}

QList<TopItem> TrafficQuery::topPaths(Database& db, const TrafficFilter& filter, int limit)
{
    return topByText(db, filter, Rollup::Dim::Path, "path_id", false, limit);
}

QList<TopItem> TrafficQuery::topAgents(Database& db, const TrafficFilter& filter, int limit)
{
    return topByText(db, filter, Rollup::Dim::Agent, "agent_id", false, limit);
}

QList<CityItem> TrafficQuery::topCities(Database& db, const TrafficFilter& filter, int limit)
{
    QList<CityItem> out;
    for (const TopItem& item : topRollup(db, filter, Rollup::Dim::City, limit)) {
        const QList<QByteArray> parts = item.key.split('\t');
        if (parts.size() < 4)
            continue;
        CityItem city;
        city.country = parts[0];
        city.latitude = parts[1].toDouble();
        city.longitude = parts[2].toDouble();
        city.name = QString::fromUtf8(item.key.mid(parts[0].size() + parts[1].size() + parts[2].size() + 3));
        city.requests = item.requests;
        city.visitors = item.visitors;
        out.append(city);
    }
    return out;
}

TrafficQuery::Places TrafficQuery::places(Database& db, const TrafficFilter& filter, int cityLimit)
{
    if (filter.readsRawRows())
        return NarrowedTraffic::places(db, filter, cityLimit);
    // Every country: the map shades all of them.
    return { topRollup(db, filter, Rollup::Dim::Country, 1000),
        cityLimit > 0 ? topCities(db, filter, cityLimit) : QList<CityItem>() };
}

qint64 TrafficQuery::siteId(Database& db, const QString& site)
{
    if (site.isEmpty())
        return -1;
    Statement st = db.prepare("SELECT id FROM sites WHERE name = ?");
    st.bind(1, site);
    return st.step() ? st.int64(0) : -2; // -2 matches nothing
}

} // namespace activity
