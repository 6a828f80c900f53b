#include "core/report/trafficreport.h"

#include "core/geo/geoip.h"
#include "core/query/agentsums.h"
#include "core/query/rollupspans.h"
#include "core/query/topn.h"
#include "core/report/csvwriter.h"
#include "core/report/scopedtraffic.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/storage/rollupschema.h"

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <algorithm>
#include <cstring>
#include <tuple>

namespace activity {

namespace {
constexpr int kMaxPathRows = 100'000; // paths.csv keeps the busiest; a scanner's million URLs stay out

using Sum = AgentSum;

// Sums per key of one rollup dim over the range.
QHash<QString, Sum> sumByKey(Database& db, const QList<RollupSpan>& spans, Rollup::Dim dim)
{
    QHash<QString, Sum> out;
    Statement st = db.prepare("SELECT key, sum(requests), sum(visitors), sum(bytes) FROM rollups "
                              "WHERE period = ? AND dim = ? AND bucket >= ? AND bucket < ? GROUP BY key");
    for (const RollupSpan& span : spans) {
        if (span.period < Rollup::secs(Rollup::finest(dim)))
            continue;
        st.bind(1, span.period).bind(2, QString::fromLatin1(Rollup::name(dim))).bind(3, span.from).bind(4, span.to);
        while (st.step()) {
            Sum& s = out[QString::fromUtf8(st.blob(0))];
            s.requests += st.int64(1);
            s.visitors += st.int64(2);
            s.bytes += st.int64(3);
        }
        st.reset();
    }
    return out;
}

bool inScope(AgentScope scope, const AgentKey& key)
{
    return scope == AgentScope::All || (scope == AgentScope::Humans) == key.isHuman();
}

QString iso(qint64 secs)
{
    return CsvWriter::timestamp(secs);
}

template <typename T> QList<std::pair<QString, Sum>> sortedByRequests(const QHash<QString, T>& map)
{
    QList<std::pair<QString, Sum>> rows;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        rows.append({ it.key(), it.value() });
    TopN::rank(
        rows, [](const auto& r) { return r.second.requests; }, [](const auto& r) -> const QString& { return r.first; });
    return rows;
}
} // namespace

QString TrafficReport::write(
    Database& db, qint64 fromSecs, qint64 toSecs, const QString& outDir, AgentScope scope, bool compare)
{
    const QList<RollupSpan> spans = RollupSpans::split(fromSecs, toSecs);
    const QDir dir(outDir);
    QStringList errors;

    // Who made the requests (schema version 12 on): people under one key, bots by class and name.
    const QHash<QString, Sum> agents = AgentSums::sum(db, spans);
    Sum humans, bots, scoped;
    for (auto it = agents.cbegin(); it != agents.cend(); ++it) {
        const AgentKey key = AgentKey::parse(it.key());
        Sum& to = key.isHuman() ? humans : bots;
        to.requests += it.value().requests;
        to.visitors += it.value().visitors;
        to.bytes += it.value().bytes;
    }
    const Sum total = scope == AgentScope::All ? sumByKey(db, spans, Rollup::Dim::Total).value(QString())
        : scope == AgentScope::Humans          ? humans
                                               : bots;
    // People only or bots only: status, countries and paths from the raw rows (rollups do not split them).
    ScopedTraffic::Sums raw;
    if (scope != AgentScope::All)
        raw = ScopedTraffic::sum(db, fromSecs, toSecs, scope);
    {
        CsvWriter csv(dir.filePath(QStringLiteral("summary.csv")));
        csv.row({ QStringLiteral("metric"), QStringLiteral("value") });
        csv.row({ QStringLiteral("requests"), QString::number(total.requests) });
        csv.row({ QStringLiteral("visitors"), QString::number(total.visitors) });
        csv.row({ QStringLiteral("bytes"), QString::number(total.bytes) });
        // Lines rejected while receiving in the range (a rejected line has no time of its own), counted per hour
        // of receipt by the ingest writer.
        Statement rejectedSt = db.prepare("SELECT coalesce(sum(requests), 0) FROM rollups WHERE period = 3600 AND "
                                          "dim = ? AND bucket >= ? AND bucket < ?");
        rejectedSt.bind(1, QString::fromLatin1(Rollup::name(Rollup::Dim::Rejected)));
        rejectedSt.bind(2, fromSecs - fromSecs % 3600).bind(3, toSecs);
        const qint64 rejected = rejectedSt.step() ? rejectedSt.int64(0) : 0;
        csv.row({ QStringLiteral("rejected"), QString::number(rejected) });
        csv.row({ QStringLiteral("human_requests"), QString::number(humans.requests) });
        csv.row({ QStringLiteral("human_visitors"), QString::number(humans.visitors) });
        csv.row({ QStringLiteral("bot_requests"), QString::number(bots.requests) });
        csv.row({ QStringLiteral("bot_bytes"), QString::number(bots.bytes) });
        errors << csv.finish();
    }
    {
        // People first (one row), then bots busiest first.
        QList<std::pair<AgentKey, Sum>> rows;
        for (auto it = agents.cbegin(); it != agents.cend(); ++it)
            if (const AgentKey key = AgentKey::parse(it.key()); inScope(scope, key))
                rows.append({ key, it.value() });
        std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            if (a.first.isHuman() != b.first.isHuman())
                return a.first.isHuman();
            if (a.second.requests != b.second.requests)
                return a.second.requests > b.second.requests;
            return std::tie(a.first.cls, a.first.name, a.first.verification)
                < std::tie(b.first.cls, b.first.name, b.first.verification);
        });
        CsvWriter csv(dir.filePath(QStringLiteral("agents.csv")));
        csv.row({ QStringLiteral("class"), QStringLiteral("agent"), QStringLiteral("verification"),
            QStringLiteral("requests"), QStringLiteral("bytes"), QStringLiteral("visitors") });
        for (const auto& [key, sum] : std::as_const(rows))
            csv.row({ key.cls, key.name, key.verification, QString::number(sum.requests), QString::number(sum.bytes),
                QString::number(sum.visitors) });
        errors << csv.finish();
    }
    {
        QHash<QString, Sum> status;
        if (scope == AgentScope::All)
            status = sumByKey(db, spans, Rollup::Dim::Status);
        for (auto it = raw.status.cbegin(); it != raw.status.cend(); ++it)
            status[QString::number(it.key())] = { it.value().requests, it.value().visitors, it.value().bytes };
        QList<int> codes;
        for (auto it = status.cbegin(); it != status.cend(); ++it)
            codes.append(it.key().toInt());
        std::sort(codes.begin(), codes.end());
        CsvWriter csv(dir.filePath(QStringLiteral("status.csv")));
        csv.row({ QStringLiteral("status"), QStringLiteral("requests") });
        for (const int code : std::as_const(codes))
            csv.row({ QString::number(code), QString::number(status.value(QString::number(code)).requests) });
        errors << csv.finish();
    }
    {
        CsvWriter csv(dir.filePath(QStringLiteral("countries.csv")));
        csv.row({ QStringLiteral("country_code"), QStringLiteral("country"), QStringLiteral("requests"),
            QStringLiteral("visitors") });
        QHash<QString, Sum> countries;
        if (scope == AgentScope::All)
            countries = sumByKey(db, spans, Rollup::Dim::Country);
        for (auto it = raw.countries.cbegin(); it != raw.countries.cend(); ++it)
            countries[QString::fromLatin1(it.key())] = { it.value().requests, it.value().visitors, it.value().bytes };
        for (const auto& [code, sum] : sortedByRequests(countries))
            csv.row({ code, code.isEmpty() ? QString() : GeoIp::countryName(code.toLatin1()),
                QString::number(sum.requests), QString::number(sum.visitors) });
        errors << csv.finish();
    }
    {
        QHash<QString, Sum> paths;
        if (scope == AgentScope::All)
            paths = sumByKey(db, spans, Rollup::Dim::Path);
        for (auto it = raw.paths.cbegin(); it != raw.paths.cend(); ++it)
            if (!it.key().isEmpty())
                paths[QString::fromUtf8(it.key())] = { it.value().requests, it.value().visitors, it.value().bytes };
        Statement rawEdges
            = db.prepare("SELECT s.value, count(*), sum(r.bytes) FROM requests r "
                         "JOIN strings s ON s.id = r.path_id WHERE r.id >= ? AND r.id < ? GROUP BY s.id");
        for (const RollupSpan& span : spans) {
            if (span.period != 60 || scope != AgentScope::All)
                continue;
            rawEdges.bind(1, RequestKeys::firstId(span.from)).bind(2, RequestKeys::firstId(span.to));
            while (rawEdges.step()) {
                Sum& s = paths[QString::fromUtf8(rawEdges.blob(0))];
                s.requests += rawEdges.int64(1);
                s.bytes += rawEdges.int64(2);
            }
            rawEdges.reset();
        }
        CsvWriter csv(dir.filePath(QStringLiteral("paths.csv")));
        csv.row({ QStringLiteral("path"), QStringLiteral("requests"), QStringLiteral("bytes") });
        const auto rows = sortedByRequests(paths);
        for (qsizetype i = 0; i < rows.size() && i < kMaxPathRows; ++i)
            csv.row({ rows[i].first, QString::number(rows[i].second.requests), QString::number(rows[i].second.bytes) });
        errors << csv.finish();
    }
    {
        const qint64 size = toSecs - fromSecs <= 7 * 86400 ? 3600 : 86400;
        const qint64 first = fromSecs - fromSecs % size;
        const qint64 count = (toSecs - first + size - 1) / size;
        // The buckets of [from, to) moved back by `shift`, indexed from `first - shift`: everyone's from the totals,
        // people's or bots' from the 'agents' rows of their keys.
        const Rollup::Dim dim = scope == AgentScope::All ? Rollup::Dim::Total : Rollup::Dim::Agents;
        const auto bucketsOf = [&](qint64 shift) {
            QList<Sum> buckets(count);
            Statement st = db.prepare("SELECT bucket, key, sum(requests), sum(visitors), sum(bytes) FROM rollups WHERE "
                                      "period = ? AND dim = ? AND bucket >= ? AND bucket < ? GROUP BY bucket, key");
            for (const RollupSpan& span : RollupSpans::split(fromSecs - shift, toSecs - shift, size)) {
                st.bind(1, span.period).bind(2, QString::fromLatin1(Rollup::name(dim)));
                st.bind(3, span.from).bind(4, span.to);
                while (st.step()) {
                    const qint64 index = (st.int64(0) - (first - shift)) / size;
                    if (index < 0 || index >= count || !inScope(scope, AgentKey::parse(QString::fromUtf8(st.blob(1)))))
                        continue;
                    buckets[index].requests += st.int64(2);
                    buckets[index].visitors += st.int64(3);
                    buckets[index].bytes += st.int64(4);
                }
                st.reset();
            }
            return buckets;
        };
        const QList<Sum> buckets = bucketsOf(0);
        // The period before: as many whole buckets just before the first, bucket i beside bucket i.
        const QList<Sum> before = compare ? bucketsOf(count * size) : QList<Sum>();
        CsvWriter csv(dir.filePath(QStringLiteral("requests.csv")));
        QStringList header { QStringLiteral("bucket_start"), QStringLiteral("requests"), QStringLiteral("visitors"),
            QStringLiteral("bytes") };
        if (compare)
            header << QStringLiteral("requests_before") << QStringLiteral("visitors_before")
                   << QStringLiteral("bytes_before");
        csv.row(header);
        for (qint64 i = 0; i < count; ++i) {
            QStringList row { iso(first + i * size), QString::number(buckets[i].requests),
                QString::number(buckets[i].visitors), QString::number(buckets[i].bytes) };
            if (compare)
                row << QString::number(before[i].requests) << QString::number(before[i].visitors)
                    << QString::number(before[i].bytes);
            csv.row(row);
        }
        errors << csv.finish();
    }
    errors.removeAll(QString());
    return errors.join(QLatin1Char('\n'));
}

} // namespace activity
