#include "core/query/narrowedtraffic.h"

#include "core/query/buckets.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/util/localhours.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QSet>
#include <algorithm>
#include <limits>

namespace activity {

RawRowFilter RawRowFilter::resolve(Database& db, const TrafficFilter& filter)
{
    RawRowFilter f;
    f.site = TrafficQuery::siteId(db, filter.site);
    f.country = filter.country.toLatin1();
    f.status = filter.status;
    f.agents = filter.agents;
    const auto stringId = [&db](const QByteArray& text) {
        Statement st = db.prepare("SELECT id FROM strings WHERE value = ?"); // stored as BLOB, bound as BLOB
        st.bind(1, text);
        return st.step() ? st.int64(0) : qint64(-2);
    };
    if (!filter.path.isEmpty())
        f.pathId = stringId(filter.path);
    if (!filter.referrer.isEmpty())
        f.referrerId = stringId(filter.referrer);
    if (!filter.userAgent.isEmpty())
        f.userAgentId = stringId(filter.userAgent);
    return f;
}

QByteArray RawRowFilter::sql() const
{
    QByteArray out;
    if (site != -1)
        out += " AND site_id = ?";
    if (pathId != -1)
        out += " AND path_id = ?";
    if (referrerId != -1)
        out += " AND referrer_id = ?";
    if (userAgentId != -1)
        out += " AND agent_id = ?";
    if (!country.isEmpty())
        out += " AND country = ?";
    if (status != 0)
        out += status < 10 ? " AND status >= ? AND status < ?" : " AND status = ?";
    // Rows stored before schema version 12 have no class: they are in neither.
    if (agents == AgentScope::Humans)
        out += " AND agent_class = 0";
    else if (agents == AgentScope::Bots)
        out += " AND agent_class > 0";
    return out;
}

void RawRowFilter::bind(Statement& st, int first) const
{
    int i = first;
    if (site != -1)
        st.bind(i++, site);
    if (pathId != -1)
        st.bind(i++, pathId);
    if (referrerId != -1)
        st.bind(i++, referrerId);
    if (userAgentId != -1)
        st.bind(i++, userAgentId);
    if (!country.isEmpty())
        st.bind(i++, QString::fromLatin1(country));
    if (status != 0 && status < 10) {
        st.bind(i++, status * 100);
        st.bind(i++, status * 100 + 100);
    } else if (status != 0) {
        st.bind(i++, status);
    }
}

StringTexts::StringTexts(Database& db)
    : m_st(db.prepare("SELECT value FROM strings WHERE id = ?"))
{ }

QByteArray StringTexts::text(qint64 id)
{
    m_st.reset();
    m_st.bind(1, id);
    return m_st.step() ? m_st.blob(0) : QByteArray();
}

namespace {
constexpr int kTopPaths = 100;
constexpr int kTopCountries = 250;

struct Sums {
    qint64 requests = 0;
    qint64 bytes = 0;
};

// What one pass over the raw rows of a range adds up.
struct Scan {
    TrafficTotals totals;
    QMap<qint64, TrafficBucket> buckets; // by display bucket start
    QMap<qint64, StatusBucket> status;
    QHash<qint64, qint64> hours; // requests by UTC hour start (made local at the end: one conversion per hour)
    QHash<qint64, Sums> paths; // by string id
    QHash<quint16, Sums> countries; // two letters packed, 0 unknown
    QHash<qint64, Sums> codes;
    qint64 errors = 0;
};

// Visitors are distinct (address, agent) pairs per bucket, as the rollups count them: per display bucket (at most
// a day), and per day for the totals. Rows come in time order, so one set per open bucket is enough.
class VisitorCounter {
public:
    explicit VisitorCounter(qint64 width)
        : m_width(width)
    { }
    // Adds a visitor seen at `ts`; returns the finished bucket's (start, count) when `ts` opens a new one.
    template <typename Closed> void add(qint64 ts, qint64 hash, const Closed& closed)
    {
        const qint64 start = ts - ts % m_width;
        if (start != m_start)
            flush(closed);
        m_start = start;
        m_seen.insert(hash);
    }
    template <typename Closed> void flush(const Closed& closed)
    {
        if (!m_seen.isEmpty())
            closed(m_start, m_seen.size());
        m_seen.clear();
    }

private:
    qint64 m_width;
    qint64 m_start = -1;
    QSet<qint64> m_seen;
};

Scan scan(Database& db, const RawRowFilter& f, const TimeRange& range, qint64 step, bool details)
{
    Scan s;
    if (f.matchesNothing() || !range.isValid())
        return s;
    // Every filter in SQL: rows that do not match never leave SQLite. Columns are read in place (millions of rows:
    // no copies).
    Statement st = db.prepare(QByteArray("SELECT id >> 20, status, bytes, path_id, country, addr, agent_id FROM "
                                         "requests WHERE id >= ?1 AND id < ?2")
                                  .append(f.sql())
                                  .constData());
    st.bind(1, RequestKeys::firstId(range.fromSecs)).bind(2, RequestKeys::firstId(range.toSecs));
    f.bind(st, 3);
    const qint64 visitorWidth = qMin<qint64>(step, 86400);
    VisitorCounter perBucket(visitorWidth);
    VisitorCounter perDay(86400);
    const auto toBucket = [&s, step](qint64 start, qint64 count) { s.buckets[start - start % step].visitors += count; };
    const auto toTotal = [&s](qint64, qint64 count) { s.totals.visitors += count; };
    qint64 bucketStart = -1;
    TrafficBucket* bucket = nullptr; // QMap (std::map) entries stay where they are as others are added
    StatusBucket* classes = nullptr;
    qint64 hourStart = -1;
    qint64 hourCount = 0;
    while (st.step()) {
        const qint64 ts = st.int64(0);
        const qint64 code = st.int64(1);
        const qint64 bytes = st.int64(2);
        const QByteArrayView addr = st.bytes(5);
        const qint64 visitor = RequestKeys::visitorHash(
            reinterpret_cast<const unsigned char*>(addr.data()), int(addr.size()), st.int64(6));
        ++s.totals.requests;
        s.totals.bytes += bytes;
        perDay.add(ts, visitor, toTotal);
        if (!details)
            continue;
        // Rows come in time order: the current bucket and hour are kept at hand rather than looked up per row.
        if (const qint64 start = ts - ts % step; start != bucketStart) {
            bucketStart = start;
            bucket = &s.buckets[start];
            bucket->start = start;
            classes = &s.status[start];
            classes->start = start;
        }
        ++bucket->requests;
        bucket->bytes += bytes;
        perBucket.add(ts, visitor, toBucket);
        if (code >= 100 && code < 600)
            ++classes->byClass[code / 100 - 1];
        if (code >= 400 && code < 600)
            ++s.errors;
        if (const qint64 hour = ts - ts % 3600; hour != hourStart) {
            if (hourCount > 0)
                s.hours[hourStart] += hourCount;
            hourStart = hour;
            hourCount = 0;
        }
        ++hourCount;
        if (!st.isNull(3)) {
            Sums& p = s.paths[st.int64(3)];
            ++p.requests;
            p.bytes += bytes;
        }
        // Two-letter codes packed in a number (no string per row); anything else is unknown ('').
        const QByteArrayView country = st.bytes(4);
        Sums& c = s.countries[country.size() == 2 ? quint16(uchar(country[0]) << 8 | uchar(country[1])) : quint16(0)];
        ++c.requests;
        c.bytes += bytes;
        Sums& k = s.codes[code];
        ++k.requests;
        k.bytes += bytes;
    }
    perDay.flush(toTotal);
    perBucket.flush(toBucket);
    if (hourCount > 0)
        s.hours[hourStart] += hourCount;
    return s;
}

QList<TopItem> pathItems(Database& db, const QHash<qint64, Sums>& byId)
{
    QList<TopItem> out;
    StringTexts texts(db);
    for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
        if (const QByteArray key = texts.text(it.key()); !key.isEmpty())
            out.append({ key, it.value().requests, 0, it.value().bytes });
    }
    TrafficQuery::rank(out, kTopPaths);
    return out;
}
} // namespace

TrafficPageData NarrowedTraffic::charts(Database& db, const TrafficFilter& filter, qint64 step)
{
    QElapsedTimer timer;
    timer.start();
    TrafficPageData d;
    d.presence = SourceQuery::logPresence(db);
    const RawRowFilter f = RawRowFilter::resolve(db, filter);
    const TimeRange& range = filter.range;
    Scan now = scan(db, f, range, step, true);
    d.totals = now.totals;
    d.previous = scan(db, f, { range.fromSecs - range.length(), range.fromSecs }, step, false).totals;
    d.buckets = now.buckets.values();
    d.status = now.status.values();
    d.hours = QList<qint64>(24, 0);
    LocalHours local;
    for (auto it = now.hours.cbegin(); it != now.hours.cend(); ++it)
        d.hours[local.hourOf(it.key())] += it.value();
    d.paths = pathItems(db, now.paths);
    for (auto it = now.countries.cbegin(); it != now.countries.cend(); ++it) { // '' (unknown) is an item too
        const char code[2] = { char(it.key() >> 8), char(it.key() & 0xFF) };
        d.countries.append(
            { it.key() ? QByteArray(code, 2) : QByteArray(""), it.value().requests, 0, it.value().bytes });
    }
    TrafficQuery::rank(d.countries, kTopCountries);
    for (auto it = now.codes.cbegin(); it != now.codes.cend(); ++it)
        d.statusCodes.append({ QByteArray::number(it.key()), it.value().requests, 0, it.value().bytes });
    TrafficQuery::rank(d.statusCodes, 1000);
    d.errors = now.errors;
    d.series = Buckets::fill(range, step, d.buckets, d.status, d.presence.firstDaySecs);
    d.elapsedMs = timer.elapsed();
    return d;
}

TrafficTotals NarrowedTraffic::totals(Database& db, const TrafficFilter& filter)
{
    return scan(db, RawRowFilter::resolve(db, filter), filter.range, 86400, false).totals;
}

QList<TrafficBucket> NarrowedTraffic::buckets(Database& db, const TrafficFilter& filter, qint64 step)
{
    return scan(db, RawRowFilter::resolve(db, filter), filter.range, step, true).buckets.values();
}

namespace {
// Per place (a packed country code, or a city's string id): requests, bytes, and distinct visitors per day.
template <typename Key> class PlaceCounter {
public:
    void add(Key key, qint64 day, qint64 visitor, qint64 bytes)
    {
        if (day != m_day)
            closeDay();
        m_day = day;
        Sums& sums = m_sums[key];
        ++sums.requests;
        sums.bytes += bytes;
        m_seen[key].insert(visitor);
    }
    void closeDay()
    {
        for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
            m_visitors[it.key()] += it.value().size();
        m_seen.clear();
    }
    const QHash<Key, Sums>& sums() const { return m_sums; }
    qint64 visitors(Key key) const { return m_visitors.value(key); }

private:
    qint64 m_day = -1;
    QHash<Key, Sums> m_sums;
    QHash<Key, QSet<qint64>> m_seen;
    QHash<Key, qint64> m_visitors;
};

QByteArray countryText(quint16 packed)
{
    const char code[2] = { char(packed >> 8), char(packed & 0xFF) };
    return packed ? QByteArray(code, 2) : QByteArray("");
}
} // namespace

TrafficQuery::Places NarrowedTraffic::places(Database& db, const TrafficFilter& filter, int cityLimit)
{
    TrafficQuery::Places out;
    const RawRowFilter f = RawRowFilter::resolve(db, filter);
    if (f.matchesNothing() || !filter.range.isValid())
        return out;
    Statement st = db.prepare(QByteArray("SELECT id >> 20, country, city_id, addr, agent_id, bytes FROM requests "
                                         "WHERE id >= ?1 AND id < ?2")
                                  .append(f.sql())
                                  .constData());
    st.bind(1, RequestKeys::firstId(filter.range.fromSecs)).bind(2, RequestKeys::firstId(filter.range.toSecs));
    f.bind(st, 3);
    PlaceCounter<quint16> countries;
    PlaceCounter<QPair<quint16, qint64>> cities; // a city's name is only unique within its country
    while (st.step()) {
        const qint64 day = st.int64(0) / 86400;
        const QByteArrayView country = st.bytes(1);
        const quint16 code = country.size() == 2 ? quint16(uchar(country[0]) << 8 | uchar(country[1])) : quint16(0);
        const QByteArrayView addr = st.bytes(3);
        const qint64 visitor = RequestKeys::visitorHash(
            reinterpret_cast<const unsigned char*>(addr.data()), int(addr.size()), st.int64(4));
        const qint64 bytes = st.int64(5);
        countries.add(code, day, visitor, bytes);
        if (cityLimit > 0 && !st.isNull(2))
            cities.add({ code, st.int64(2) }, day, visitor, bytes);
    }
    countries.closeDay();
    cities.closeDay();
    for (auto it = countries.sums().cbegin(); it != countries.sums().cend(); ++it)
        out.countries.append(
            { countryText(it.key()), it.value().requests, countries.visitors(it.key()), it.value().bytes });
    TrafficQuery::rank(out.countries, 1000);
    if (cityLimit <= 0)
        return out;

    // Coordinates: the cities of the range's rollups (everyone's), by country and name.
    TrafficFilter everyone { filter.range, filter.site, {} };
    QHash<QPair<QByteArray, QString>, CityItem> located;
    for (const CityItem& c : TrafficQuery::topCities(db, everyone, std::numeric_limits<int>::max()))
        located.insert({ c.country, c.name }, c);
    StringTexts names(db);
    for (auto it = cities.sums().cbegin(); it != cities.sums().cend(); ++it) {
        const QString name = QString::fromUtf8(names.text(it.key().second));
        const auto place = located.constFind({ countryText(it.key().first), name });
        if (place == located.cend())
            continue; // kept under "other" by the rollups: no coordinates to draw it at
        CityItem city = *place;
        city.requests = it.value().requests;
        city.visitors = cities.visitors(it.key());
        out.cities.append(city);
    }
    std::sort(out.cities.begin(), out.cities.end(), [](const CityItem& a, const CityItem& b) {
        return a.requests != b.requests ? a.requests > b.requests : a.name < b.name;
    });
    if (out.cities.size() > cityLimit)
        out.cities.resize(cityLimit);
    return out;
}

} // namespace activity
