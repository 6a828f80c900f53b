#include "core/ingest/ingestwriter.h"

#include "core/settings/appsettings.h"
#include "core/storage/ingestcounters.h"
#include "core/storage/migrations.h"
#include "core/storage/rollupschema.h"
#include "core/util/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <algorithm>
#include <cstring>
#include <sqlite3.h>

namespace {
constexpr size_t kStringCacheLimit = 200'000;
constexpr int kRejectedKept = 100;
using Rollup::Dim;
using Rollup::Period;

void bindView(Statement& st, int index, std::string_view v)
{
    sqlite3_bind_blob(st.handle(), index, v.empty() ? "" : v.data(), int(v.size()), SQLITE_STATIC);
}

#define UPSERT_TAIL                                                                                                    \
    " ON CONFLICT(period, dim, bucket, site_id, key) DO UPDATE SET requests = requests + "                             \
    "excluded.requests, visitors = visitors + excluded.visitors, bytes = bytes + excluded.bytes"
} // namespace

IngestWriter::IngestWriter(Database& db, const Clock& clock)
    : IngestWriter(db, clock, Options())
{ }

IngestWriter::IngestWriter(Database& db, const Clock& clock, Options options)
    : m_options(options)
    , m_db(&db)
    , m_clock(clock)
    , m_ids(db)
{
    prepareStatements();
}

void IngestWriter::prepareStatements()
{
    m_findString = m_db->prepare("SELECT id, last_day FROM strings WHERE value = ?");
    m_insertString = m_db->prepare("INSERT INTO strings(value, last_day) VALUES(?, ?)");
    // Also tells whether the string still exists (collected by another process meanwhile): changes() is 1.
    m_touchString = m_db->prepare("UPDATE strings SET last_day = max(last_day, ?1) WHERE id = ?2");
    m_insertRequest = m_db->prepare(
        "INSERT INTO requests(id, site_id, source_id, addr, country, city_id, method_id, path_id, query_id, "
        "protocol_id, status, bytes, referrer_id, agent_id, request_time, extra) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    m_insertVisitor = m_db->prepare("INSERT OR IGNORE INTO visitors(day, site_id, h) VALUES(?, ?, ?)");
    m_insertChunk = m_db->prepare("INSERT INTO visitor_sets(day, site_id, seq, hashes) VALUES(?, ?, ?, ?)");
    m_upsertRollup = m_db->prepare("INSERT INTO rollups(period, bucket, site_id, dim, key, requests, visitors, bytes) "
                                   "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)" UPSERT_TAIL);
    m_textRollups = std::make_unique<TextRollups>(*m_db);
    Statement sites = m_db->prepare("SELECT id, name FROM sites");
    while (sites.step())
        m_sites.insert(sites.text(1).toUtf8(), sites.int64(0));
    m_strings.reserve(1 << 14);
}

IngestWriter::~IngestWriter() = default;

void IngestWriter::startBatch()
{
    m_batchOpen = true;
    refreshRetentionCutoff();
    // Another process (an `import` beside `collect`) may have written since our last transaction.
    const qint64 version = m_db->queryInt("PRAGMA data_version").value_or(0);
    if (version != m_dataVersion) {
        m_dataVersion = version;
        m_textRollups->forgetCounts();
        m_visitorDays.clear();
        m_lastDay = nullptr;
        m_lastDayKey = { -1, -1 };
        m_visitorsCached = 0;
    }
    m_ids.sync();
}

void IngestWriter::writePending()
{
    writeVisitors();
    writeRollups();
    writeRejected();
    writeCounters();
    m_batchOpen = false;
}

void IngestWriter::dropCaches()
{
    m_rollups.clear();
    m_textRollups->reset();
    m_newVisitors.clear();
    m_visitorDays.clear();
    m_lastDay = nullptr;
    m_lastDayKey = { -1, -1 };
    m_visitorsCached = 0;
    m_stored.clear();
    m_counters.clear();
    m_rejected.clear();
    m_strings.clear();
    m_sites.clear();
    m_lastSiteId = -1;
    m_lastSite.clear();
    m_ids.reset();
    m_dataVersion = -1;
}

void IngestWriter::discard()
{
    dropCaches();
    m_batchOpen = false;
}

qint64 IngestWriter::findString(std::string_view value, qint64 day)
{
    if (const auto it = m_strings.find(value); it != m_strings.end()) {
        if (it->second.lastDay >= day)
            return it->second.id;
        m_touchString.bind(1, day).bind(2, it->second.id).exec();
        if (m_db->changes() > 0) {
            it->second.lastDay = day;
            return it->second.id;
        }
        m_strings.erase(it); // collected since it was cached
    }
    bindView(m_findString, 1, value);
    if (!m_findString.step()) {
        m_findString.reset();
        return 0;
    }
    CachedString s { m_findString.int64(0), m_findString.int64(1) };
    m_findString.reset();
    if (s.lastDay < day) {
        m_touchString.bind(1, day).bind(2, s.id).exec();
        s.lastDay = day;
    }
    if (m_strings.size() >= kStringCacheLimit)
        m_strings.clear();
    m_strings.emplace(std::string(value), s);
    return s.id;
}

qint64 IngestWriter::stringId(std::string_view value, qint64 day)
{
    if (const qint64 id = findString(value, day))
        return id;
    bindView(m_insertString, 1, value);
    m_insertString.bind(2, day).exec();
    const CachedString s { m_db->lastInsertId(), day };
    if (m_strings.size() >= kStringCacheLimit)
        m_strings.clear();
    m_strings.emplace(std::string(value), s);
    return s.id;
}

qint64 IngestWriter::budgetedStringId(TextField field, std::string_view value, qint64 day)
{
    if (const qint64 id = findString(value, day))
        return id;
    auto [it, added] = m_newTexts.try_emplace(day);
    if (added && m_newTexts.size() > 16) // late lines of old days are few: forget the oldest counts
        m_newTexts.erase(m_newTexts.begin() == it ? std::next(it) : m_newTexts.begin());
    qint64& spent = it->second[field];
    if (spent >= m_newTextsPerDay)
        return 0;
    ++spent;
    return stringId(value, day);
}

qint64 IngestWriter::siteId(const QByteArray& name)
{
    if (m_lastSiteId >= 0 && name == m_lastSite)
        return m_lastSiteId;
    qint64 id = 0;
    if (const auto it = m_sites.constFind(name); it != m_sites.cend()) {
        id = it.value();
    } else {
        Statement st = m_db->prepare("INSERT INTO sites(name) VALUES(?) ON CONFLICT(name) DO NOTHING");
        st.bind(1, QString::fromUtf8(name)).exec();
        Statement find = m_db->prepare("SELECT id FROM sites WHERE name = ?");
        find.bind(1, QString::fromUtf8(name));
        id = find.step() ? find.int64(0) : 0;
        m_sites.insert(name, id);
    }
    m_lastSite = name;
    m_lastSiteId = id;
    return id;
}

IngestWriter::DayVisitors& IngestWriter::dayVisitors(qint64 day, qint64 site)
{
    const std::pair key { day, site };
    if (m_lastDay && key == m_lastDayKey)
        return *m_lastDay;
    auto [it, added] = m_visitorDays.try_emplace(key);
    DayVisitors& d = it->second;
    if (added) {
        Statement rows = m_db->prepare("SELECT h FROM visitors WHERE day = ? AND site_id = ?");
        rows.bind(1, day).bind(2, site);
        bool hadRows = false;
        while (rows.step()) {
            d.seen.insert(quint64(rows.int64(0)));
            hadRows = true;
        }
        Statement chunks = m_db->prepare("SELECT seq, hashes FROM visitor_sets WHERE day = ? AND site_id = ?");
        chunks.bind(1, day).bind(2, site);
        while (chunks.step()) {
            d.lastSeq = qMax(d.lastSeq, chunks.int64(0));
            ++d.chunks;
            const auto* data = static_cast<const uchar*>(sqlite3_column_blob(chunks.handle(), 1));
            const int bytes = sqlite3_column_bytes(chunks.handle(), 1);
            for (int i = 0; i + 8 <= bytes; i += 8)
                d.seen.insert(qFromLittleEndian<quint64>(data + i));
        }
        if (d.seen.size() > m_options.visitorLimit) {
            moveDayToRows(day, site, d);
        } else if (hadRows) {
            // Rows from version 2: the day becomes one chunk, so nothing is stored twice.
            Statement dropRows = m_db->prepare("DELETE FROM visitors WHERE day = ? AND site_id = ?");
            dropRows.bind(1, day).bind(2, site).exec();
            Statement dropChunks = m_db->prepare("DELETE FROM visitor_sets WHERE day = ? AND site_id = ?");
            dropChunks.bind(1, day).bind(2, site).exec();
            d.chunks = 0;
            std::vector<quint64> all;
            d.seen.forEach([&](quint64 h) { all.push_back(h); });
            writeChunk(day, site, d, all);
        }
        m_visitorsCached += d.seen.size();
    }
    d.lastUse = ++m_useTick;
    m_lastDay = &d;
    m_lastDayKey = key;
    if (m_visitorsCached > m_options.visitorLimit)
        evictVisitorDays();
    return d;
}

void IngestWriter::evictVisitorDays()
{
    // Pending visitors go to the table first: a day loaded again must find them there.
    writeVisitors();
    while (m_visitorsCached > m_options.visitorLimit / 2 && m_visitorDays.size() > 1) {
        auto oldest = m_visitorDays.end();
        for (auto it = m_visitorDays.begin(); it != m_visitorDays.end(); ++it)
            if (&it->second != m_lastDay
                && (oldest == m_visitorDays.end() || it->second.lastUse < oldest->second.lastUse))
                oldest = it;
        if (oldest == m_visitorDays.end())
            break;
        m_visitorsCached -= oldest->second.seen.size();
        m_visitorDays.erase(oldest);
    }
}

bool IngestWriter::firstVisit(qint64 day, qint64 site, qint64 hash)
{
    DayVisitors& d = dayVisitors(day, site);
    if (d.inTableOnly) {
        m_insertVisitor.bind(1, day).bind(2, site).bind(3, hash).exec();
        return m_db->changes() > 0;
    }
    if (!d.seen.insert(quint64(hash)))
        return false;
    m_newVisitors.push_back({ day, site, hash });
    if (d.seen.size() > m_options.visitorLimit) {
        writeVisitors();
        m_visitorsCached -= d.seen.size() - 1;
        moveDayToRows(day, site, d);
    } else if (++m_visitorsCached > m_options.visitorLimit) {
        evictVisitorDays();
    }
    return true;
}

void IngestWriter::moveDayToRows(qint64 day, qint64 site, DayVisitors& d)
{
    // Rare (a site with millions of visitors a day): from now on each visitor is a row the table answers for.
    d.seen.forEach([&](quint64 h) { m_insertVisitor.bind(1, day).bind(2, site).bind(3, qint64(h)).exec(); });
    Statement drop = m_db->prepare("DELETE FROM visitor_sets WHERE day = ? AND site_id = ?");
    drop.bind(1, day).bind(2, site).exec();
    d.seen.clear();
    d.inTableOnly = true;
    d.chunks = 0;
}

void IngestWriter::writeChunk(qint64 day, qint64 site, DayVisitors& d, const std::vector<quint64>& hashes)
{
    QByteArray blob(qsizetype(hashes.size() * 8), Qt::Uninitialized);
    auto* out = reinterpret_cast<uchar*>(blob.data());
    for (size_t i = 0; i < hashes.size(); ++i)
        qToLittleEndian(hashes[i], out + 8 * i);
    m_insertChunk.bind(1, day).bind(2, site).bind(3, ++d.lastSeq).bind(4, blob).exec();
    ++d.chunks;
}

void IngestWriter::writeVisitors()
{
    // One chunk per (day, site) and commit. A day that collected many chunks (a long `collect` commits every
    // second) is rewritten as one, from the set in memory.
    constexpr int kChunksBeforeMerge = 64;
    std::sort(m_newVisitors.begin(), m_newVisitors.end());
    std::vector<quint64> hashes;
    for (size_t i = 0; i < m_newVisitors.size();) {
        const qint64 day = m_newVisitors[i].day;
        const qint64 site = m_newVisitors[i].site;
        hashes.clear();
        for (; i < m_newVisitors.size() && m_newVisitors[i].day == day && m_newVisitors[i].site == site; ++i)
            hashes.push_back(quint64(m_newVisitors[i].hash));
        const auto it = m_visitorDays.find({ day, site });
        if (it == m_visitorDays.end() || it->second.inTableOnly) {
            for (const quint64 h : hashes) // cannot happen (evicting writes first); stay correct anyway
                m_insertVisitor.bind(1, day).bind(2, site).bind(3, qint64(h)).exec();
            continue;
        }
        DayVisitors& d = it->second;
        if (d.chunks + 1 >= kChunksBeforeMerge) {
            Statement drop = m_db->prepare("DELETE FROM visitor_sets WHERE day = ? AND site_id = ?");
            drop.bind(1, day).bind(2, site).exec();
            d.chunks = 0;
            hashes.clear();
            d.seen.forEach([&](quint64 h) { hashes.push_back(h); });
        }
        writeChunk(day, site, d, hashes);
    }
    m_newVisitors.clear();
}

void IngestWriter::roll(Period period, qint64 bucket, qint64 site, Dim dim, quint64 key, qint64 bytes, bool visitor)
{
    Sum& sum = m_rollups[{ Rollup::packKey(period, dim, site, bucket), key }];
    sum.requests += 1;
    sum.visitors += visitor ? 1 : 0;
    sum.bytes += bytes;
}

void IngestWriter::insertRequest(qint64 sourceId, qint64 ts, qint64 siteKey, const AccessRecord& r,
    const RequestGeo& geo, qint64 pathId, qint64 agentId, qint64 referrerId, qint64 day)
{
    Statement& st = m_insertRequest;
    st.bind(1, m_ids.next(ts)).bind(2, siteKey);
    if (sourceId > 0)
        st.bind(3, sourceId);
    else
        st.bindNull(3);
    sqlite3_bind_blob(st.handle(), 4, r.addr, r.addrLen, SQLITE_STATIC);
    if (geo.country[0])
        st.bindText(5, geo.country, 2);
    else
        st.bindNull(5);
    if (geo.city.isEmpty())
        st.bindNull(6);
    else
        st.bind(6, stringId(geo.city.toStdString(), day));
    auto optionalString = [&](int index, std::string_view v) {
        if (v.empty())
            st.bindNull(index);
        else
            st.bind(index, stringId(v, day));
    };
    optionalString(7, r.method);
    st.bind(8, pathId);
    // A query past the day's budget of new ones is kept as '' (present, not kept).
    if (r.query.empty())
        st.bindNull(9);
    else if (const qint64 query = budgetedStringId(QueryText, r.query, day))
        st.bind(9, query);
    else
        st.bind(9, stringId({}, day));
    optionalString(10, r.protocol);
    st.bind(11, r.status).bind(12, r.bodyBytes);
    if (referrerId)
        st.bind(13, referrerId);
    else
        st.bindNull(13);
    st.bind(14, agentId);
    if (r.requestTime >= 0)
        st.bind(15, r.requestTime);
    else
        st.bindNull(15);
    if (r.extra.empty() && r.host.empty() && r.forwardedFor.empty() && r.user.empty()) {
        st.bindNull(16);
    } else {
        // Fields without a column of their own, kept as a small JSON object (lossy for invalid UTF-8).
        QJsonObject extra;
        auto put = [&](const QString& name, std::string_view v) {
            if (!v.empty())
                extra.insert(name, QString::fromUtf8(v.data(), qsizetype(v.size())));
        };
        put(QStringLiteral("remote_user"), r.user);
        put(QStringLiteral("host"), r.host);
        put(QStringLiteral("http_x_forwarded_for"), r.forwardedFor);
        for (const auto& [name, value] : r.extra)
            put(QString::fromUtf8(name.data(), qsizetype(name.size())), value);
        st.bind(16, QString::fromUtf8(QJsonDocument(extra).toJson(QJsonDocument::Compact)));
    }
    st.exec();
}

void IngestWriter::add(qint64 sourceId, const QByteArray& site, const AccessRecord& r, const RequestGeo& geo)
{
    if (!m_batchOpen)
        startBatch();
    const qint64 ts = r.ts >= 0 ? r.ts : m_clock.nowSecs();
    const qint64 siteKey = siteId(site);
    const qint64 day = ts - ts % 86400;
    // A raw row names its texts by string id; rollups carry the texts themselves, so a line older than the
    // retention (no raw row) adds no strings at all.
    // Not a string id (those are far smaller): the agent's text hash, for visitors when the agent has no string.
    qint64 agentKey = qint64((quint64(std::hash<std::string_view>()(r.agent)) >> 2) | (quint64(1) << 61));
    if (ts >= m_retentionCutoff) {
        const qint64 dayNumber = day / 86400;
        // Texts past the day's budget of new ones are kept as '' (the same "other" as in rollups), so a scanner
        // costs a row per request and no more, like any visitor.
        const auto orOther = [&](qint64 id) { return id ? id : stringId({}, dayNumber); };
        const qint64 agent = budgetedStringId(AgentText, r.agent, dayNumber);
        if (agent)
            agentKey = agent; // a known agent: the same visitor as in rows written before
        const qint64 path = orOther(budgetedStringId(PathText, r.path, dayNumber));
        const qint64 referrer = r.referrer.empty() ? 0 : orOther(budgetedStringId(ReferrerText, r.referrer, dayNumber));
        insertRequest(sourceId, ts, siteKey, r, geo, path, orOther(agent), referrer, dayNumber);
    }
    const bool visitor = firstVisit(day, siteKey, RequestKeys::visitorHash(r.addr, r.addrLen, agentKey));
    const qint64 minute = ts - ts % 60;
    roll(Period::Minute, minute, siteKey, Dim::Total, 0, r.bodyBytes, visitor);
    roll(Period::Minute, minute, siteKey, Dim::Status, quint64(r.status), r.bodyBytes, visitor);
    roll(Period::Minute, minute, siteKey, Dim::Country, Rollup::packCountry(geo.country), r.bodyBytes, visitor);
    const quint64 pathKey = m_textRollups->key(r.path);
    roll(Period::Hour, ts - ts % 3600, siteKey, Dim::Path, pathKey, r.bodyBytes, visitor);
    if (r.status == 404)
        roll(Period::Day, day, siteKey, Dim::Path404, pathKey, r.bodyBytes, visitor);
    if (!r.referrer.empty())
        roll(Period::Day, day, siteKey, Dim::Referrer, m_textRollups->key(r.referrer), r.bodyBytes, visitor);
    if (!r.agent.empty())
        roll(Period::Day, day, siteKey, Dim::Agent, m_textRollups->key(r.agent), r.bodyBytes, visitor);
    if (!geo.cityKey.isEmpty())
        roll(Period::Hour, ts - ts % 3600, siteKey, Dim::City,
            m_textRollups->key(std::string_view(geo.cityKey.constData(), size_t(geo.cityKey.size()))), r.bodyBytes,
            visitor);
    ++m_stored[sourceId];
}

void IngestWriter::reject(qint64 sourceId, const QByteArray& line, const QString& reason)
{
    addCounter(sourceId, "rejected", 1);
    const qint64 now = m_clock.nowSecs();
    // Counted per hour of receipt (a rejected line has no time of its own), so a report's range is exact.
    roll(Period::Hour, now - now % 3600, 0, Dim::Rejected, quint64(qMax<qint64>(0, sourceId)), 0, false);
    m_rejected.append({ sourceId, now, reason, line.left(IngestLimits::kRejectedLineBytes) });
    // Only the last few per source are kept: trim the batch so a flood of garbage costs no memory.
    if (m_rejected.size() > 4 * kRejectedKept) {
        QHash<qint64, int> seen;
        QList<Rejected> kept;
        for (auto it = m_rejected.crbegin(); it != m_rejected.crend(); ++it)
            if (++seen[it->sourceId] <= kRejectedKept)
                kept.prepend(*it);
        m_rejected = kept;
    }
}

void IngestWriter::addCounter(qint64 sourceId, const char* name, qint64 delta)
{
    m_counters[qMakePair(sourceId, QByteArray::fromRawData(name, qsizetype(std::strlen(name))))] += delta;
}

void IngestWriter::writeRollups()
{
    // Minute sums make the hour and day rows; hour sums (paths) make the day rows.
    FlatMap128<Sum> coarse;
    auto addTo = [&coarse](Period period, quint64 a, quint64 key, const Sum& sum) {
        const qint64 bucket = Rollup::bucketOf(a);
        Sum& to = coarse[{
            Rollup::packKey(period, Rollup::dimOf(a), Rollup::siteOf(a), bucket - bucket % Rollup::secs(period)),
            key }];
        to.requests += sum.requests;
        to.visitors += sum.visitors;
        to.bytes += sum.bytes;
    };
    auto write = [&](quint64 a, quint64 key, const Sum& sum) {
        const Period period = Rollup::periodOf(a);
        const Dim dim = Rollup::dimOf(a);
        const qint64 site = Rollup::siteOf(a);
        const qint64 bucket = Rollup::bucketOf(a);
        const char* dimName = Rollup::name(dim);
        if (Rollup::isText(dim)) {
            m_textRollups->add(
                a, Rollup::secs(period), dimName, bucket, site, key, sum.requests, sum.visitors, sum.bytes);
            return;
        }
        Statement& st = m_upsertRollup;
        st.bind(1, Rollup::secs(period)).bind(2, bucket).bind(3, site);
        st.bindText(4, dimName, int(std::strlen(dimName)));
        // Both bound without a copy: they must live until exec().
        QByteArray text;
        char code[2] = {};
        if (dim == Dim::Status || dim == Dim::Rejected) {
            text = QByteArray::number(key);
            st.bindText(5, text.constData(), int(text.size()));
        } else if (dim == Dim::Country && key) {
            code[0] = char(key >> 8);
            code[1] = char(key & 0xff);
            st.bindText(5, code, 2);
        } else {
            st.bindText(5, "", 0); // text, never NULL: the total and unknown-country keys are ''
        }
        st.bind(6, sum.requests).bind(7, sum.visitors).bind(8, sum.bytes).exec();
    };
    m_rollups.forEach([&](quint64 a, quint64 key, const Sum& sum) {
        const Period period = Rollup::periodOf(a);
        write(a, key, sum);
        if (period == Period::Minute)
            addTo(Period::Hour, a, key, sum);
        if (period == Period::Minute || period == Period::Hour)
            addTo(Period::Day, a, key, sum);
    });
    coarse.forEach(write);
    m_rollups.clear();
    m_textRollups->finish();
}

void IngestWriter::writeCounters()
{
    if (!m_options.keepsCounters) { // demo data: its sources carry counters of their own
        m_stored.clear();
        m_counters.clear();
        return;
    }
    for (auto it = m_stored.cbegin(); it != m_stored.cend(); ++it)
        addCounter(it.key(), "stored", it.value());
    m_stored.clear();
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it)
        IngestCounters::add(*m_db, it.key().first, QString::fromLatin1(it.key().second), it.value(), true);
    m_counters.clear();
}

void IngestWriter::writeRejected()
{
    if (m_rejected.isEmpty())
        return;
    Statement insert = m_db->prepare("INSERT INTO rejected_lines(source_id, ts, reason, line) VALUES(?, ?, ?, ?)");
    QList<qint64> sources;
    for (const Rejected& r : std::as_const(m_rejected)) {
        insert.bind(1, r.sourceId).bind(2, r.ts).bind(3, r.reason).bind(4, r.line).exec();
        if (!sources.contains(r.sourceId))
            sources.append(r.sourceId);
    }
    m_rejected.clear();
    Statement trim = m_db->prepare("DELETE FROM rejected_lines WHERE source_id = ?1 AND id <= (SELECT id FROM "
                                   "rejected_lines WHERE source_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)");
    for (const qint64 source : std::as_const(sources))
        trim.bind(1, source).bind(2, kRejectedKept).exec();
}

void IngestWriter::refreshRetentionCutoff()
{
    const qint64 now = m_clock.nowSecs();
    if (m_options.keepsCounters && (m_lastRetentionRun < 0 || now - m_lastRetentionRun >= 3600)) {
        m_lastRetentionRun = now;
        const qint64 days = AppSettings::retentionDays(*m_db);
        const qint64 topKeys = AppSettings::topKeys(*m_db);
        m_textRollups->setKeysPerBucket(topKeys);
        m_newTextsPerDay = 10 * topKeys;
        m_retentionCutoff = now - days * 86400;
        m_retentionLeft = true;
    }
}

void IngestWriter::applyRetention()
{
    refreshRetentionCutoff();
    if (!m_retentionLeft)
        return;
    // A day of a busy site is millions of rows: deleted a slice per transaction, so none holds the lock long.
    constexpr qint64 kRowsPerCall = 20'000;
    Statement requests
        = m_db->prepare("DELETE FROM requests WHERE id IN (SELECT id FROM requests WHERE id < ? ORDER BY id LIMIT ?)");
    requests.bind(1, RequestKeys::firstId(m_retentionCutoff)).bind(2, kRowsPerCall).exec();
    m_retentionLeft = m_db->changes() >= kRowsPerCall;
    // Visitor sets stay (8 bytes a visitor and day): a day's lines may still arrive (an old log imported in
    // parts), and each visitor must count once however they come.
    if (!m_retentionLeft)
        collectStrings();
}

void IngestWriter::collectStrings()
{
    // Strings last used by a row of a day before the cutoff day are used by no row left: a slice of ids per
    // transaction, once per cutoff day. A string still cached here and collected is noticed by stringId().
    const qint64 cutoffDay = m_retentionCutoff / 86400;
    if (m_stringsCollectedFor >= cutoffDay)
        return;
    constexpr qint64 kIdsPerCall = 20'000;
    Statement slice = m_db->prepare("SELECT max(id) FROM (SELECT id FROM strings WHERE id > ? ORDER BY id LIMIT ?)");
    slice.bind(1, m_stringCursor).bind(2, kIdsPerCall);
    const qint64 end = slice.step() && !slice.isNull(0) ? slice.int64(0) : -1;
    slice.reset();
    if (end < 0) { // went through them all
        m_stringsCollectedFor = cutoffDay;
        m_stringCursor = 0;
        return;
    }
    Statement drop = m_db->prepare("DELETE FROM strings WHERE id > ? AND id <= ? AND last_day < ?");
    drop.bind(1, m_stringCursor).bind(2, end).bind(3, cutoffDay).exec();
    m_stringCursor = end;
}

void IngestWriter::purgeSource(Database& db, qint64 sourceId)
{
    Statement requests = db.prepare("DELETE FROM requests WHERE source_id = ?");
    requests.bind(1, sourceId).exec();
    Statement rejected = db.prepare("DELETE FROM rejected_lines WHERE source_id = ?");
    rejected.bind(1, sourceId).exec();
}
