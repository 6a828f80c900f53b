#include "core/ingest/ingestwriter.h"

#include "core/ingest/crawlerchecks.h"
#include "core/ingest/retention.h"
#include "core/settings/appsettings.h"
#include "core/storage/databaseerror.h"
#include "core/storage/ingestcounters.h"
#include "core/storage/migrations.h"
#include "core/storage/rollupschema.h"
#include "core/util/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstring>
#include <tuple>

namespace activity {

namespace {
constexpr size_t kStringCacheLimit = 200'000;
constexpr int kRejectedKept = 100;
using Rollup::Dim;
using Rollup::Period;

void bindView(Statement& st, int index, std::string_view v)
{
    st.bindBlob(index, v.data(), int(v.size()));
}

} // namespace

IngestWriter::IngestWriter(Database& db, const Clock& clock)
    : IngestWriter(db, clock, Options())
{ }

IngestWriter::IngestWriter(Database& db, const Clock& clock, Options options)
    : m_options(options)
    , m_db(&db)
    , m_clock(clock)
    , m_ids(db)
    , m_visitors(db, options.visitorLimit)
    , m_rollups(db)
{
    if (options.keepsCounters)
        m_retention = std::make_unique<Retention>(db, clock);
    prepareStatements();
}

void IngestWriter::prepareStatements()
{
    m_findString = m_db->prepare("SELECT id, last_day FROM strings WHERE value = ?");
    // Its id in the same answer (one round trip on a team store, rather than a second for lastval()); a string
    // another writer stored meanwhile is found, not refused.
    m_insertString = m_db->prepare("INSERT INTO strings(value, last_day) VALUES(?1, ?2) ON CONFLICT(value) DO UPDATE "
                                   "SET last_day = max(strings.last_day, excluded.last_day) RETURNING id");
    // Also tells whether the string still exists (collected by another process meanwhile): changes() is 1.
    m_touchString = m_db->prepare("UPDATE strings SET last_day = max(last_day, ?1) WHERE id = ?2");
    m_insertRequest = m_db->prepare(
        "INSERT INTO requests(id, site_id, source_id, addr, country, city_id, method_id, path_id, query_id, "
        "protocol_id, status, bytes, referrer_id, agent_id, request_time, extra, agent_class, bot_id) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    m_upsertClaim = m_db->prepare(
        "INSERT INTO crawler_claims(bucket, site_id, addr, agent_key, vendor, requests, visitors, bytes) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(bucket, site_id, addr, agent_key) DO UPDATE SET "
        "requests = requests + excluded.requests, visitors = visitors + excluded.visitors, "
        "bytes = bytes + excluded.bytes");
    Statement sites = m_db->prepare("SELECT id, name FROM sites");
    while (sites.step())
        m_sites.insert(sites.text(1).toUtf8(), sites.int64(0));
    m_strings.reserve(1 << 14);
}

IngestWriter::~IngestWriter() = default;

void IngestWriter::startBatch()
{
    m_batchOpen = true;
    refreshSettings();
    // Another process (an `import` beside `collect`) may have written since our last transaction.
    const qint64 version = m_db->writerTurn();
    if (version != m_dataVersion) {
        m_dataVersion = version;
        m_rollups.forgetCounts();
        m_visitors.forgetDays();
        m_roomFrom = m_roomTo = 0; // another writer's retention may have dropped a month
    }
    m_ids.sync(version);
}

void IngestWriter::writePending()
{
    m_visitors.write();
    m_rollups.write();
    writeClaims();
    writeRejected();
    writeCounters();
    m_batchOpen = false;
}

void IngestWriter::dropCaches()
{
    m_rollups.clear();
    m_visitors.clear();
    m_claims.clear();
    m_stored.clear();
    m_counters.clear();
    m_rejected.clear();
    m_strings.clear();
    m_sites.clear();
    m_lastSiteId = -1;
    m_lastSite.clear();
    m_ids.reset();
    m_dataVersion = -1;
    m_roomFrom = m_roomTo = 0; // partitions made in a rolled-back transaction are gone
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
    m_insertString.bind(2, day);
    if (!m_insertString.step())
        throw DatabaseError(QStringLiteral("storing a string gave no id"));
    const CachedString s { m_insertString.int64(0), day };
    m_insertString.reset();
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

void IngestWriter::insertRequest(qint64 sourceId, qint64 ts, qint64 siteKey, const AccessRecord& r,
    const RequestGeo& geo, qint64 pathId, qint64 agentId, qint64 referrerId, qint64 day, const AgentMatch& agent)
{
    if (ts < m_roomFrom || ts >= m_roomTo)
        std::tie(m_roomFrom, m_roomTo) = m_db->roomForRequests(ts);
    Statement& st = m_insertRequest;
    st.bind(1, m_ids.next(ts)).bind(2, siteKey);
    if (sourceId > 0)
        st.bind(3, sourceId);
    else
        st.bindNull(3);
    st.bindBlob(4, r.addr, r.addrLen);
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
    st.bind(17, qint64(agent.cls));
    if (agent.name.empty())
        st.bindNull(18);
    else
        st.bind(18, stringId(agent.name, day));
    st.execQueued();
}

void IngestWriter::add(qint64 sourceId, const QByteArray& site, const AccessRecord& r, const RequestGeo& geo)
{
    if (!m_classifier)
        m_classifier = std::make_unique<AgentClassifier>(AgentRules::shipped());
    add(sourceId, site, r, geo, m_classifier->classify(r.agent, r.path));
}

void IngestWriter::add(
    qint64 sourceId, const QByteArray& site, const AccessRecord& r, const RequestGeo& geo, const AgentMatch& agentMatch)
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
    if (ts >= retentionCutoff()) {
        const qint64 dayNumber = day / 86400;
        // Texts past the day's budget of new ones are kept as '' (the same "other" as in rollups), so a scanner
        // costs a row per request and no more, like any visitor.
        const auto orOther = [&](qint64 id) { return id ? id : stringId({}, dayNumber); };
        const qint64 agent = budgetedStringId(AgentText, r.agent, dayNumber);
        if (agent)
            agentKey = agent; // a known agent: the same visitor as in rows written before
        const qint64 path = orOther(budgetedStringId(PathText, r.path, dayNumber));
        const qint64 referrer = r.referrer.empty() ? 0 : orOther(budgetedStringId(ReferrerText, r.referrer, dayNumber));
        insertRequest(sourceId, ts, siteKey, r, geo, path, orOther(agent), referrer, dayNumber, agentMatch);
    }
    const bool visitor = m_visitors.firstVisit(day, siteKey, RequestKeys::visitorHash(r.addr, r.addrLen, agentKey));
    const qint64 minute = ts - ts % 60;
    m_rollups.add(Period::Minute, minute, siteKey, Dim::Total, 0, r.bodyBytes, visitor);
    m_rollups.add(Period::Minute, minute, siteKey, Dim::Status, quint64(r.status), r.bodyBytes, visitor);
    m_rollups.add(
        Period::Minute, minute, siteKey, Dim::Country, Rollup::packCountry(geo.country), r.bodyBytes, visitor);
    m_rollups.add(
        Period::Minute, minute, siteKey, Dim::Agents, m_rollups.agentsKey(agentMatch.rollupKey), r.bodyBytes, visitor);
    if (!agentMatch.vendor.empty() && (r.addrLen == 4 || r.addrLen == 16)) {
        m_claimKey.assign(reinterpret_cast<const char*>(&minute), sizeof minute);
        m_claimKey.append(reinterpret_cast<const char*>(&siteKey), sizeof siteKey);
        m_claimKey.append(reinterpret_cast<const char*>(r.addr), size_t(r.addrLen));
        m_claimKey.append(agentMatch.rollupKey);
        auto it = m_claims.find(m_claimKey);
        if (it == m_claims.end()) {
            ClaimSum c { minute, siteKey, crawlerAddressText(r.addr, r.addrLen).toStdString(),
                std::string(agentMatch.rollupKey), std::string(agentMatch.vendor) };
            it = m_claims.emplace(m_claimKey, std::move(c)).first;
        }
        it->second.requests += 1;
        it->second.visitors += visitor ? 1 : 0;
        it->second.bytes += r.bodyBytes;
    }
    // Text dimensions per hour (day rows are summed from them): the top lists of a range read whole hours.
    const qint64 hour = ts - ts % 3600;
    const quint64 pathKey = m_rollups.textKey(r.path);
    m_rollups.add(Period::Hour, hour, siteKey, Dim::Path, pathKey, r.bodyBytes, visitor);
    if (r.status == 404)
        m_rollups.add(Period::Hour, hour, siteKey, Dim::Path404, pathKey, r.bodyBytes, visitor);
    if (!r.referrer.empty())
        m_rollups.add(Period::Hour, hour, siteKey, Dim::Referrer, m_rollups.textKey(r.referrer), r.bodyBytes, visitor);
    if (!r.agent.empty())
        m_rollups.add(Period::Hour, hour, siteKey, Dim::Agent, m_rollups.textKey(r.agent), r.bodyBytes, visitor);
    if (!geo.cityKey.isEmpty())
        m_rollups.add(Period::Hour, hour, siteKey, Dim::City,
            m_rollups.textKey(std::string_view(geo.cityKey.constData(), size_t(geo.cityKey.size()))), r.bodyBytes,
            visitor);
    ++m_stored[sourceId];
}

void IngestWriter::writeClaims()
{
    for (const auto& [key, c] : m_claims) {
        Statement& st = m_upsertClaim;
        st.bind(1, c.bucket).bind(2, c.site);
        st.bindText(3, c.addr.data(), int(c.addr.size()));
        st.bindText(4, c.agentKey.data(), int(c.agentKey.size()));
        st.bindText(5, c.vendor.data(), int(c.vendor.size()));
        st.bind(6, c.requests).bind(7, c.visitors).bind(8, c.bytes).execQueued(); // in bulk, as the rollups
    }
    m_claims.clear();
}

void IngestWriter::reject(qint64 sourceId, const QByteArray& line, const QString& reason)
{
    addCounter(sourceId, "rejected", 1);
    const qint64 now = m_clock.nowSecs();
    // Counted per hour of receipt (a rejected line has no time of its own), so a report's range is exact.
    m_rollups.add(Period::Hour, now - now % 3600, 0, Dim::Rejected, quint64(qMax<qint64>(0, sourceId)), 0, false);
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
    // Lines received and dropped per hour of receipt: the series catalogue's ingest figures (alerts on a silent
    // listener or a dropping one).
    const bool received = std::strcmp(name, "lines_received") == 0;
    if (delta > 0 && m_options.keepsCounters && (received || std::strcmp(name, "dropped") == 0)) {
        const qint64 now = m_clock.nowSecs();
        m_rollups.addCount(Period::Hour, now - now % 3600, 0, received ? Dim::Received : Dim::Dropped,
            quint64(qMax<qint64>(0, sourceId)), delta);
    }
}

void IngestWriter::writeCounters()
{
    if (!m_options.keepsCounters) { // demo data: its sources carry counters of their own
        m_stored.clear();
        m_counters.clear();
        return;
    }
    // When each source last received and stored a line: the Sources panel's "last success" for log sources.
    const qint64 now = m_clock.nowSecs();
    for (auto it = m_stored.cbegin(); it != m_stored.cend(); ++it) {
        addCounter(it.key(), "stored", it.value());
        if (it.value() > 0)
            IngestCounters(*m_db).setLatest(it.key(), QStringLiteral("last_stored_at"), now, true);
    }
    m_stored.clear();
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        IngestCounters(*m_db).add(it.key().first, QString::fromLatin1(it.key().second), it.value(), true);
        if (it.key().second == "lines_received" && it.value() > 0)
            IngestCounters(*m_db).setLatest(it.key().first, QStringLiteral("last_received_at"), now, true);
    }
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

void IngestWriter::refreshSettings()
{
    if (m_retention && m_retention->refresh()) {
        m_rollups.setKeysPerBucket(m_retention->topKeys());
        m_newTextsPerDay = 10 * m_retention->topKeys();
    }
}

void IngestWriter::applyRetention()
{
    refreshSettings();
    if (m_retention)
        m_retention->apply();
}

qint64 IngestWriter::retentionCutoff() const
{
    return m_retention ? m_retention->cutoff() : std::numeric_limits<qint64>::min();
}

void IngestWriter::purgeSource(Database& db, qint64 sourceId)
{
    Statement requests = db.prepare("DELETE FROM requests WHERE source_id = ?");
    requests.bind(1, sourceId).exec();
    Statement rejected = db.prepare("DELETE FROM rejected_lines WHERE source_id = ?");
    rejected.bind(1, sourceId).exec();
}

} // namespace activity
