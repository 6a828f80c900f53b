#include "core/query/trafficpagequery.h"

#include "core/query/buckets.h"
#include "core/query/narrowedtraffic.h"
#include "core/query/rollupspans.h"
#include "core/query/topn.h"
#include "core/query/useragent.h"
#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/storage/rollupschema.h"

#include <QElapsedTimer>
#include <QHash>
#include <algorithm>
#include <limits>

namespace activity {

namespace {
constexpr int kTopRows = 100;
// Browsers and OS are read from the busiest agents: the long tail of rare agents changes no share visibly.
constexpr int kAgentsClassified = 5000;

FamilyCounts sorted(const QHash<QString, qint64>& counts)
{
    FamilyCounts list;
    list.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        list.append({ it.key(), it.value() });
    TopN::rank(
        list, [](const auto& f) { return f.second; }, [](const auto& f) -> const QString& { return f.first; });
    return list;
}

// Paths are rolled up per hour, not per minute: the partial hours at the range's edges come from raw rows
// (at most two hours of them), so the list agrees with the request total.
QList<TopItem> topPaths(Database& db, const TrafficFilter& filter)
{
    QList<TopItem> rolled = TrafficQuery::topRollup(db, filter, Rollup::Dim::Path, std::numeric_limits<int>::max());
    const qint64 from = filter.range.fromSecs / 60 * 60; // topRollup widens to whole minutes too
    const qint64 to = (filter.range.toSecs + 59) / 60 * 60;
    const qint64 hourFrom = (from + 3599) / 3600 * 3600;
    const qint64 hourTo = to / 3600 * 3600;
    QList<std::pair<qint64, qint64>> edges;
    if (hourTo > hourFrom) {
        edges = { { from, hourFrom }, { hourTo, to } };
    } else {
        edges = { { from, to } };
        rolled.clear(); // no whole hour: topRollup read nothing of paths, raw rows give it all
    }
    QHash<QByteArray, qsizetype> index;
    for (qsizetype i = 0; i < rolled.size(); ++i)
        index.insert(rolled[i].key, i);
    Statement st
        = db.prepare("SELECT s.value, g.n, g.b FROM (SELECT path_id, count(*) AS n, sum(bytes) AS b "
                     "FROM requests WHERE id >= ?1 AND id < ?2 AND (?3 = -1 OR site_id = ?3) GROUP BY path_id) g "
                     "JOIN strings s ON s.id = g.path_id");
    const qint64 site = TrafficQuery::siteId(db, filter.site);
    for (const auto& [a, b] : edges) {
        if (b <= a)
            continue;
        st.reset();
        st.bind(1, RequestKeys::firstId(a)).bind(2, RequestKeys::firstId(b)).bind(3, site);
        while (st.step()) {
            const QByteArray key = st.blob(0);
            if (key.isEmpty())
                continue; // raw rows past the day's budget of new paths: "other", not an item
            auto it = index.constFind(key);
            if (it == index.cend()) {
                it = index.insert(key, rolled.size());
                rolled.append({ key, 0, 0, 0 });
            }
            rolled[it.value()].requests += st.int64(1);
            rolled[it.value()].bytes += st.int64(2);
        }
    }
    TrafficQuery::rank(rolled, kTopRows);
    return rolled;
}
} // namespace

TrafficPageData TrafficPageQuery::charts(Database& db, const TrafficFilter& filter, qint64 step)
{
    if (filter.readsRawRows())
        return NarrowedTraffic::charts(db, filter, step);
    QElapsedTimer timer;
    timer.start();
    const TimeRange& range = filter.range;
    TrafficPageData d;
    d.presence = SourceQuery::logPresence(db);
    d.totals = TrafficQuery::totals(db, filter);
    d.previous = TrafficQuery::totals(
        db, { { range.fromSecs - range.length(), range.fromSecs }, filter.site, filter.country });
    d.buckets = TrafficQuery::buckets(db, filter, step);
    d.status = TrafficQuery::statusClasses(db, filter, step);
    d.hours = TrafficQuery::hourOfDay(db, filter);
    if (filter.country.isEmpty())
        d.paths = topPaths(db, filter);
    d.countries = TrafficQuery::topRollup(db, filter, Rollup::Dim::Country, 250);
    // Every code (at most 900 three-digit ones): the error share counts them all.
    d.statusCodes = TrafficQuery::topRollup(db, filter, Rollup::Dim::Status, 1000);
    for (const TopItem& item : d.statusCodes) {
        if (item.key.startsWith('4') || item.key.startsWith('5'))
            d.errors += item.requests;
    }
    d.series = Buckets::fill(range, step, d.buckets, d.status, d.presence.firstDaySecs);
    d.elapsedMs = timer.elapsed();
    return d;
}

namespace {
struct Sums {
    qint64 requests = 0;
    qint64 bytes = 0;
};
// The three top lists of the page, summed by key text.
struct Tops {
    QHash<QByteArray, Sums> notFound;
    QHash<QByteArray, Sums> referrers;
    QHash<QByteArray, Sums> agents;
    QHash<QByteArray, Sums> paths;
};

// "-" and "" are what nginx logs for no referrer: not a referrer.
bool isReferrer(const QByteArray& key)
{
    return !key.isEmpty() && key != "-";
}

// A span of day or hour rollups of the three dimensions, in one statement.
void addRolled(Database& db, qint64 site, const RollupSpan& span, Tops& tops)
{
    Statement st = db.prepare("SELECT dim, key, sum(requests), sum(bytes) FROM rollups WHERE period = ?7 "
                              "AND dim IN (?4, ?5, ?6) AND bucket >= ?1 AND bucket < ?2 AND (?3 = -1 OR site_id = ?3) "
                              "AND key <> '' GROUP BY dim, key"); // '' sums what the buckets did not keep: not an item
    using Rollup::Dim;
    const QByteArray notFound = Rollup::name(Dim::Path404);
    const QByteArray referrer = Rollup::name(Dim::Referrer);
    st.bind(1, span.from).bind(2, span.to).bind(3, site).bind(7, span.period);
    st.bind(4, QString::fromLatin1(notFound)).bind(5, QString::fromLatin1(referrer));
    st.bind(6, QString::fromLatin1(Rollup::name(Dim::Agent)));
    while (st.step()) {
        const QByteArray dim = st.blob(0);
        const QByteArray key = st.blob(1);
        QHash<QByteArray, Sums>& into
            = dim == notFound ? tops.notFound : (dim == referrer ? tops.referrers : tops.agents);
        if (&into == &tops.referrers && !isReferrer(key))
            continue;
        Sums& sums = into[key];
        sums.requests += st.int64(2);
        sums.bytes += st.int64(3);
    }
}

using Hour = TopListCache::Hour;

// Raw rows of [from, to) in one pass for the three lists (three GROUP BYs read the rows three times, each through
// a temporary b-tree), summed by string id. Every row of the span is counted first (what later tells whether a
// cached hour is still current; rows written meanwhile make the count stale, never the sums).
void sumRaw(Database& db, const RawRowFilter& f, qint64 from, qint64 to, Hour& into)
{
    Statement count = db.prepare("SELECT count(*) FROM requests WHERE id >= ?1 AND id < ?2");
    count.bind(1, RequestKeys::firstId(from)).bind(2, RequestKeys::firstId(to));
    if (count.step())
        into.rows += count.int64(0);
    if (f.matchesNothing())
        return;
    Statement st = db.prepare(
        QByteArray("SELECT status, path_id, referrer_id, agent_id, bytes FROM requests WHERE id >= ?1 AND id < ?2")
            .append(f.sql())
            .constData());
    st.bind(1, RequestKeys::firstId(from)).bind(2, RequestKeys::firstId(to));
    f.bind(st, 3);
    const bool byCountry = !f.country.isEmpty();
    while (st.step()) {
        ++into.matched;
        const qint64 status = st.int64(0);
        if (status >= 400 && status < 600)
            ++into.errors;
        const qint64 bytes = st.int64(4);
        const auto add = [bytes](QHash<qint64, TopListCache::IdSums>& sums, qint64 id) {
            TopListCache::IdSums& s = sums[id];
            ++s.requests;
            s.bytes += bytes;
        };
        if (byCountry && !st.isNull(1))
            add(into.paths, st.int64(1));
        if (byCountry)
            add(into.codes, status);
        if (status == 404 && !st.isNull(1))
            add(into.notFound, st.int64(1));
        if (!st.isNull(2))
            add(into.referrers, st.int64(2));
        if (!st.isNull(3))
            add(into.agents, st.int64(3));
    }
}

void merge(const Hour& from, Hour& into)
{
    const auto add = [](const QHash<qint64, TopListCache::IdSums>& a, QHash<qint64, TopListCache::IdSums>& b) {
        for (auto it = a.cbegin(); it != a.cend(); ++it) {
            TopListCache::IdSums& s = b[it.key()];
            s.requests += it.value().requests;
            s.bytes += it.value().bytes;
        }
    };
    add(from.notFound, into.notFound);
    add(from.referrers, into.referrers);
    add(from.agents, into.agents);
    add(from.paths, into.paths);
    add(from.codes, into.codes);
    into.matched += from.matched;
    into.errors += from.errors;
}

// [from, to) of raw rows: whole hours from the cache when their row count is unchanged (else summed and cached),
// the partial hours at both ends summed each time.
void addRaw(Database& db, const RawRowFilter& f, qint64 from, qint64 to, TopListCache* cache, Hour& sums)
{
    if (to <= from)
        return;
    const qint64 hourFrom = (from + 3599) / 3600 * 3600;
    const qint64 hourTo = to / 3600 * 3600;
    if (!cache || hourTo <= hourFrom) {
        sumRaw(db, f, from, to, sums);
        return;
    }
    sumRaw(db, f, from, hourFrom, sums);
    sumRaw(db, f, hourTo, to, sums);
    const QString key = QStringLiteral("%1|%2|%3|%4|%5|%6|%7")
                            .arg(f.site)
                            .arg(QString::fromLatin1(f.country))
                            .arg(f.pathId)
                            .arg(f.status)
                            .arg(int(f.agents))
                            .arg(f.referrerId)
                            .arg(f.userAgentId);
    Statement count = db.prepare("SELECT count(*) FROM requests WHERE id >= ?1 AND id < ?2");
    for (qint64 hour = hourFrom; hour < hourTo; hour += 3600) {
        if (const Hour* cached = cache->find(key, hour)) {
            count.reset();
            count.bind(1, RequestKeys::firstId(hour)).bind(2, RequestKeys::firstId(hour + 3600));
            if (count.step() && count.int64(0) == cached->rows) {
                merge(*cached, sums);
                continue;
            }
        }
        Hour fresh;
        sumRaw(db, f, hour, hour + 3600, fresh);
        merge(fresh, sums);
        cache->insert(key, hour, std::move(fresh));
    }
}

// The string ids' text, added to the lists by key.
void resolve(Database& db, const Hour& sums, Tops& tops)
{
    StringTexts texts(db);
    const auto add
        = [&texts](const QHash<qint64, TopListCache::IdSums>& byId, QHash<QByteArray, Sums>& into, bool referrer) {
              for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
                  const QByteArray key = texts.text(it.key());
                  if (key.isEmpty() || (referrer && !isReferrer(key)))
                      continue; // the writer rolls up no empty agent or referrer either
                  Sums& s = into[key];
                  s.requests += it.value().requests;
                  s.bytes += it.value().bytes;
              }
          };
    add(sums.notFound, tops.notFound, false);
    add(sums.referrers, tops.referrers, true);
    add(sums.agents, tops.agents, false);
    add(sums.paths, tops.paths, false);
}

QList<TopItem> top(const QHash<QByteArray, Sums>& sums, int limit)
{
    QList<TopItem> out;
    out.reserve(sums.size());
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        out.append({ it.key(), it.value().requests, 0, it.value().bytes });
    TrafficQuery::rank(out, limit);
    return out;
}
} // namespace

TrafficPageLists TrafficPageQuery::lists(Database& db, const TrafficFilter& filter, TopListCache* cache)
{
    // Whole days and hours from rollups, the partial hours at the edges from raw rows. Rollups are not split by
    // country, path or status, so such a filter reads raw rows throughout.
    const RawRowFilter f = RawRowFilter::resolve(db, filter);
    const qint64 from = filter.range.fromSecs;
    const qint64 to = filter.range.toSecs;
    Tops tops;
    Hour raw;
    if (!filter.country.isEmpty() || filter.readsRawRows()) {
        addRaw(db, f, from, to, cache, raw);
    } else {
        for (const RollupSpan& span : RollupSpans::splitText(from, to, AppSettings::hourlyTextRollupsFrom(db))) {
            if (span.period == 0)
                addRaw(db, f, span.from, span.to, cache, raw);
            else
                addRolled(db, f.site, span, tops);
        }
    }
    resolve(db, raw, tops);
    TrafficPageLists out;
    out.notFound = top(tops.notFound, kTopRows);
    out.referrers = top(tops.referrers, kTopRows);
    if (!filter.country.isEmpty()) {
        out.countryPaths = top(tops.paths, kTopRows);
        for (auto it = raw.codes.cbegin(); it != raw.codes.cend(); ++it)
            out.countryStatusCodes.append({ QByteArray::number(it.key()), it.value().requests, 0, it.value().bytes });
        TrafficQuery::rank(out.countryStatusCodes, 1000);
        out.countryRequests = raw.matched;
        out.countryErrors = raw.errors;
    }
    // Classified here, on the worker: thousands of agents are too many for the GUI thread.
    QHash<QString, qint64> browsers;
    QHash<QString, qint64> systems;
    for (const TopItem& item : top(tops.agents, kAgentsClassified)) {
        const UserAgentInfo info = UserAgent::classify(item.key);
        browsers[info.browser] += item.requests;
        systems[info.os] += item.requests;
        out.agentRequests += item.requests;
    }
    out.browsers = sorted(browsers);
    out.systems = sorted(systems);
    return out;
}

const TopListCache::Hour* TopListCache::find(const QString& filter, qint64 hour) const
{
    const auto it = m_hours.constFind(filter + QLatin1Char('|') + QString::number(hour));
    return it == m_hours.cend() ? nullptr : &it.value();
}

void TopListCache::insert(const QString& filter, qint64 hour, Hour data)
{
    if (m_hours.size() >= kMaxHours)
        m_hours.clear(); // simple bound: a few days of hours for a couple of filters
    m_hours.insert(filter + QLatin1Char('|') + QString::number(hour), std::move(data));
}

} // namespace activity
