#include "core/ingest/ingestwriter.h"

#include "core/geo/geoip.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <cstring>
#include <sqlite3.h>

namespace {
constexpr size_t kStringCacheLimit = 200'000;
constexpr size_t kVisitorCacheLimit = 400'000; // ~40 MiB; beyond it the visitors table answers
constexpr int kRejectedKept = 100;
constexpr int kRejectedLineLimit = 8192; // bytes of a rejected line kept for display
constexpr qint64 kDefaultRetentionDays = 90;

const char* const kDims[] = { "", "status", "country", "path" };

void bindView(Statement& st, int index, std::string_view v)
{
    sqlite3_bind_blob(st.handle(), index, v.empty() ? "" : v.data(), int(v.size()), SQLITE_STATIC);
}

qint64 packCountry(const QByteArray& code)
{
    return code.size() == 2 ? (qint64(uchar(code[0])) << 8 | uchar(code[1])) : 0;
}
} // namespace

IngestWriter::IngestWriter(const QString& databasePath, GeoIp* geo, const Clock& clock)
    : m_db(std::make_unique<Database>(databasePath))
    , m_geo(geo)
    , m_clock(clock)
{
    Migrations::migrate(*m_db);
    // The writer only references sites it created itself: skip the per-row foreign key lookup.
    m_db->exec("PRAGMA foreign_keys = OFF");
    m_findString = m_db->prepare("SELECT id FROM strings WHERE value = ?");
    m_insertString = m_db->prepare("INSERT INTO strings(value) VALUES(?)");
    m_insertRequest = m_db->prepare(
        "INSERT INTO requests(ts, site_id, source_id, addr, country, city_id, method_id, path_id, query_id, "
        "protocol_id, status, bytes, referrer_id, agent_id, request_time, extra) "
        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    m_insertVisitor = m_db->prepare("INSERT OR IGNORE INTO visitors(day, site_id, addr, agent_id) VALUES(?, ?, ?, ?)");
    m_upsertRollup = m_db->prepare(
        "INSERT INTO rollups(period, bucket, site_id, dim, key, requests, visitors, bytes) VALUES(?, ?, ?, ?, ?, ?, "
        "?, ?) ON CONFLICT(period, dim, bucket, site_id, key) DO UPDATE SET requests = requests + excluded.requests, "
        "visitors = visitors + excluded.visitors, bytes = bytes + excluded.bytes");
    Statement sites = m_db->prepare("SELECT id, name FROM sites");
    while (sites.step())
        m_sites.insert(sites.text(1).toUtf8(), sites.int64(0));
    m_visitors.reserve(1 << 16);
    m_rollups.reserve(1 << 14);
    m_strings.reserve(1 << 14);
    applyRetention(true);
}

IngestWriter::~IngestWriter()
{
    if (m_inTransaction) {
        try {
            commit();
        } catch (const DatabaseError&) {
            // Nothing left to tell: the pipeline reports errors while running.
        }
    }
}

void IngestWriter::begin()
{
    if (m_inTransaction)
        return;
    m_db->exec("BEGIN IMMEDIATE");
    m_inTransaction = true;
}

void IngestWriter::commit()
{
    begin();
    writeRollups();
    writeRejected();
    writeCounters();
    m_db->exec("COMMIT");
    m_inTransaction = false;
}

void IngestWriter::rollback()
{
    m_rollups.clear();
    m_pathText.clear();
    m_counters.clear();
    m_rejected.clear();
    m_strings.clear();
    m_visitors.clear();
    m_sites.clear();
    m_inTransaction = false;
    try {
        m_db->exec("ROLLBACK");
    } catch (const DatabaseError&) {
        // Already rolled back by SQLite (e.g. disk full).
    }
}

qint64 IngestWriter::stringId(std::string_view value)
{
    if (const auto it = m_strings.find(value); it != m_strings.end())
        return it->second;
    if (m_strings.size() >= kStringCacheLimit)
        m_strings.clear();
    qint64 id = 0;
    bindView(m_findString, 1, value);
    if (m_findString.step()) {
        id = m_findString.int64(0);
        m_findString.reset();
    } else {
        m_findString.reset();
        bindView(m_insertString, 1, value);
        m_insertString.exec();
        id = m_db->lastInsertId();
    }
    m_strings.emplace(std::string(value), id);
    return id;
}

qint64 IngestWriter::siteId(const QByteArray& name)
{
    if (const auto it = m_sites.constFind(name); it != m_sites.cend())
        return it.value();
    Statement st = m_db->prepare("INSERT INTO sites(name) VALUES(?) ON CONFLICT(name) DO NOTHING");
    st.bind(1, QString::fromUtf8(name)).exec();
    Statement find = m_db->prepare("SELECT id FROM sites WHERE name = ?");
    find.bind(1, QString::fromUtf8(name));
    const qint64 id = find.step() ? find.int64(0) : 0;
    m_sites.insert(name, id);
    return id;
}

bool IngestWriter::firstVisit(qint64 day, qint64 site, const AccessRecord& r, qint64 agent)
{
    VisitorKey key { day, site, agent, {}, r.addrLen };
    std::memcpy(key.addr, r.addr, size_t(r.addrLen));
    if (m_visitors.find(key) != m_visitors.end())
        return false;
    if (m_visitors.size() >= kVisitorCacheLimit)
        m_visitors.clear(); // the table still answers
    m_visitors.insert(key);
    m_insertVisitor.bind(1, day).bind(2, site);
    sqlite3_bind_blob(m_insertVisitor.handle(), 3, r.addr, r.addrLen, SQLITE_STATIC);
    m_insertVisitor.bind(4, agent).exec();
    return m_db->changes() > 0;
}

void IngestWriter::roll(qint64 ts, qint64 site, int dim, qint64 key, qint64 bytes, bool visitor)
{
    // Summed per minute while the batch lasts; hours and days are derived from these at commit.
    Sum& sum = m_rollups[RollKey { 60, ts - ts % 60, site, dim, key }];
    sum.requests += 1;
    sum.visitors += visitor ? 1 : 0;
    sum.bytes += bytes;
}

void IngestWriter::add(qint64 sourceId, const QByteArray& site, const AccessRecord& r)
{
    begin();
    const qint64 ts = r.ts >= 0 ? r.ts : m_clock.nowSecs();
    const qint64 siteKey = siteId(site);
    static const GeoInfo kUnknown;
    const GeoInfo& geo = (m_geo && r.addrLen) ? m_geo->lookup(r.addr, r.addrLen) : kUnknown;
    const qint64 agent = stringId(r.agent);
    const qint64 path = stringId(r.path);

    if (ts >= m_retentionCutoff) {
        Statement& st = m_insertRequest;
        st.bind(1, ts).bind(2, siteKey);
        if (sourceId > 0)
            st.bind(3, sourceId);
        else
            st.bindNull(3);
        sqlite3_bind_blob(st.handle(), 4, r.addr, r.addrLen, SQLITE_STATIC);
        if (geo.country.isEmpty())
            st.bindNull(5);
        else
            st.bindText(5, geo.country.constData(), 2);
        if (geo.city.isEmpty())
            st.bindNull(6);
        else
            st.bind(6, stringId(geo.city.toStdString()));
        auto optionalString = [&](int index, std::string_view v) {
            if (v.empty())
                st.bindNull(index);
            else
                st.bind(index, stringId(v));
        };
        optionalString(7, r.method);
        st.bind(8, path);
        optionalString(9, r.query);
        optionalString(10, r.protocol);
        st.bind(11, r.status).bind(12, r.bodyBytes);
        optionalString(13, r.referrer);
        st.bind(14, agent);
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

    const qint64 day = ts - ts % 86400;
    const bool visitor = firstVisit(day, siteKey, r, agent);
    roll(ts, siteKey, 0, 0, r.bodyBytes, visitor);
    roll(ts, siteKey, 1, r.status, r.bodyBytes, visitor);
    roll(ts, siteKey, 2, packCountry(geo.country), r.bodyBytes, visitor);
    if (!m_pathText.contains(path))
        m_pathText.insert(path, QByteArray(r.path.data(), qsizetype(r.path.size())));
    roll(ts, siteKey, 3, path, r.bodyBytes, visitor);
    addCounter(sourceId, "stored", 1);
}

void IngestWriter::reject(qint64 sourceId, const QByteArray& line, const QString& reason)
{
    addCounter(sourceId, "rejected", 1);
    m_rejected.append({ sourceId, m_clock.nowSecs(), reason, line.left(kRejectedLineLimit) });
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
    std::unordered_map<RollKey, Sum, RollHash> coarse;
    coarse.reserve(m_rollups.size());
    for (const auto& [k, sum] : m_rollups) {
        for (const qint64 period : { qint64(3600), qint64(86400) }) {
            Sum& to = coarse[RollKey { period, k.bucket - k.bucket % period, k.site, k.dim, k.key }];
            to.requests += sum.requests;
            to.visitors += sum.visitors;
            to.bytes += sum.bytes;
        }
    }
    Statement& st = m_upsertRollup;
    auto write = [&](const RollKey& k, const Sum& sum) {
        st.bind(1, k.period).bind(2, k.bucket).bind(3, k.site);
        st.bindText(4, kDims[k.dim], int(std::strlen(kDims[k.dim])));
        QByteArray key;
        if (k.dim == 1) {
            key = QByteArray::number(k.key);
        } else if (k.dim == 2 && k.key) {
            const char code[2] = { char(k.key >> 8), char(k.key & 0xff) };
            key = QByteArray(code, 2);
        } else if (k.dim == 3) {
            key = m_pathText.value(k.key);
        }
        // Text, never NULL: the total and unknown-country keys are ''.
        st.bindText(5, key.constData() ? key.constData() : "", int(key.size()));
        st.bind(6, sum.requests).bind(7, sum.visitors).bind(8, sum.bytes).exec();
    };
    for (const auto& [k, sum] : m_rollups)
        if (k.dim != 3) // no minute rows per path
            write(k, sum);
    for (const auto& [k, sum] : coarse)
        write(k, sum);
    m_rollups.clear();
    m_pathText.clear();
}

void IngestWriter::writeCounters()
{
    Statement st = m_db->prepare("INSERT INTO ingest_counters(source_id, name, value) VALUES(?, ?, ?) "
                                 "ON CONFLICT(source_id, name) DO UPDATE SET value = value + excluded.value");
    for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
        if (it.value() == 0)
            continue;
        st.bind(1, it.key().first).bind(2, QString::fromLatin1(it.key().second)).bind(3, it.value()).exec();
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

void IngestWriter::applyRetention(bool force)
{
    const qint64 now = m_clock.nowSecs();
    if (!force && m_lastRetentionRun >= 0 && now - m_lastRetentionRun < 3600)
        return;
    m_lastRetentionRun = now;
    qint64 days = kDefaultRetentionDays;
    Statement st = m_db->prepare("SELECT value FROM settings WHERE key = 'retention.days'");
    if (st.step()) {
        bool ok = false;
        const qint64 v = st.text(0).trimmed().toLongLong(&ok);
        if (ok && v > 0)
            days = v;
    }
    m_retentionCutoff = now - days * 86400;
    const bool own = !m_inTransaction;
    if (own)
        begin();
    Statement requests = m_db->prepare("DELETE FROM requests WHERE ts < ?");
    requests.bind(1, m_retentionCutoff).exec();
    // Visitors are only needed to count each (address, day, agent) once; a day older than the rows goes too.
    Statement visitors = m_db->prepare("DELETE FROM visitors WHERE day < ?");
    visitors.bind(1, m_retentionCutoff - 86400).exec();
    if (own)
        commit();
}
