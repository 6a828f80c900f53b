#include "core/query/healthquery.h"

#include "core/sources/sourceregistry.h"
#include "core/storage/database.h"
#include "core/storage/rollupschema.h"

#include <QDateTime>
#include <QSet>

namespace activity {

qint64 ListenerHealth::counter(const char* counterName) const
{
    for (const auto& [key, value] : counters)
        if (key == QLatin1String(counterName))
            return value;
    return 0;
}

qint64 ListenerHealth::received() const
{
    const qint64 lines = counter("lines_received");
    return lines > 0 ? lines : counter("messages_received");
}

HealthReport HealthQuery::read(
    Database& db, int rejectedPerSource, bool withRowCounts, const SourceRegistry& registry, qint64 now)
{
    HealthReport report;
    // Log receivers: every source of a log type, plus any source id that has counters (0 is `import`).
    QSet<qint64> seen;
    const auto isLog = [&registry](const QString& type) {
        const SourceTypeSpec* spec = registry.find(type);
        return spec && spec->kind == SourceKind::Log;
    };
    Statement logSources = db.prepare("SELECT id, name, type FROM sources ORDER BY id");
    while (logSources.step()) {
        if (!isLog(logSources.text(2)))
            continue;
        ListenerHealth l;
        l.sourceId = logSources.int64(0);
        l.name = logSources.text(1);
        l.type = logSources.text(2);
        seen.insert(l.sourceId);
        report.listeners.append(l);
    }
    Statement others = db.prepare("SELECT DISTINCT c.source_id, s.name, s.type FROM ingest_counters c "
                                  "LEFT JOIN sources s ON s.id = c.source_id ORDER BY c.source_id");
    while (others.step()) {
        if (seen.contains(others.int64(0)))
            continue;
        ListenerHealth l;
        l.sourceId = others.int64(0);
        l.name = others.isNull(1) ? QStringLiteral("import") : others.text(1);
        l.type = others.isNull(2) ? QStringLiteral("import") : others.text(2);
        report.listeners.append(l);
    }
    Statement counters = db.prepare("SELECT name, value FROM ingest_counters WHERE source_id = ? ORDER BY name");
    Statement rejected
        = db.prepare("SELECT ts, reason, line FROM rejected_lines WHERE source_id = ? ORDER BY id DESC LIMIT ?");
    for (ListenerHealth& l : report.listeners) {
        counters.reset();
        counters.bind(1, l.sourceId);
        while (counters.step())
            l.counters.append({ counters.text(0), counters.int64(1) });
        rejected.reset();
        rejected.bind(1, l.sourceId).bind(2, rejectedPerSource);
        while (rejected.step())
            l.lastRejected.append({ rejected.int64(0), rejected.text(1), rejected.blob(2) });
    }

    Statement api = db.prepare(
        "SELECT s.id, s.name, s.type, s.enabled, f.last_success, f.last_error, f.last_error_at, f.next_run, "
        "f.rate_limit_remaining, f.rate_limit_limit FROM sources s LEFT JOIN fetch_state f ON f.source_id = s.id "
        "ORDER BY s.id");
    while (api.step()) {
        if (isLog(api.text(2)))
            continue;
        ApiHealth a;
        a.sourceId = api.int64(0);
        a.name = api.text(1);
        a.type = api.text(2);
        a.enabled = api.int64(3) != 0;
        a.lastSuccess = api.isNull(4) ? 0 : api.int64(4);
        a.lastError = api.text(5);
        a.lastErrorAt = api.isNull(6) ? 0 : api.int64(6);
        a.nextRun = api.isNull(7) ? 0 : api.int64(7);
        a.rateLimitRemaining = api.isNull(8) ? -1 : api.int64(8);
        a.rateLimitLimit = api.isNull(9) ? -1 : api.int64(9);
        report.apiSources.append(a);
    }

    // Collectors sharing the store, and the API sources each holds the lease of.
    Statement collectors
        = db.prepare("SELECT name, version, host, heartbeat_at FROM collectors ORDER BY heartbeat_at DESC, name");
    while (collectors.step())
        report.collectors.append(
            { collectors.text(0), collectors.text(1), collectors.text(2), collectors.int64(3), {} });
    Statement leases = db.prepare("SELECT l.collector, l.source_id, s.name FROM source_leases l JOIN sources s ON "
                                  "s.id = l.source_id WHERE l.expires_at >= ? ORDER BY l.source_id");
    leases.bind(1, now > 0 ? now : QDateTime::currentSecsSinceEpoch());
    while (leases.step()) {
        for (CollectorHealth& c : report.collectors)
            if (c.name == leases.text(0))
                c.sources << leases.text(2);
        for (ApiHealth& a : report.apiSources)
            if (a.sourceId == leases.int64(1))
                a.polledBy = leases.text(0);
    }

    report.databaseBytes = db.sizeBytes();
    if (withRowCounts)
        report.rowCounts = rowCounts(db);
    return report;
}

QList<std::pair<QString, qint64>> HealthQuery::rowCounts(Database& db)
{
    QList<std::pair<QString, qint64>> out;
    // Fixed table names (never user input): one prepared statement each.
    static const char* const kTables[][2] = {
        { "sources", "SELECT count(*) FROM sources" },
        { "samples", "SELECT count(*) FROM samples" },
        { "requests", "SELECT count(*) FROM requests" },
        { "rollups", "SELECT count(*) FROM rollups" },
        { "visitors",
            "SELECT (SELECT count(*) FROM visitors) + (SELECT coalesce(sum(length(hashes)), 0) / 8 FROM "
            "visitor_sets)" },
        { "strings", "SELECT count(*) FROM strings" },
        { "rejected_lines", "SELECT count(*) FROM rejected_lines" },
    };
    for (const auto& table : kTables)
        out.append({ QString::fromLatin1(table[0]), db.queryInt(table[1]).value_or(0) });
    return out;
}

qint64 HealthQuery::requestsCounted(Database& db)
{
    Statement st = db.prepare("SELECT coalesce(sum(requests), 0) FROM rollups WHERE period = 86400 AND dim = ?");
    st.bind(1, QString::fromLatin1(Rollup::name(Rollup::Dim::Total)));
    return st.step() ? st.int64(0) : 0;
}

bool HealthQuery::isEmpty(Database& db)
{
    for (const char* sql : { "SELECT EXISTS(SELECT 1 FROM sources)", "SELECT EXISTS(SELECT 1 FROM samples)",
             "SELECT EXISTS(SELECT 1 FROM requests)", "SELECT EXISTS(SELECT 1 FROM rollups)" })
        if (db.queryInt(sql).value_or(0) != 0)
            return false;
    return true;
}

} // namespace activity
