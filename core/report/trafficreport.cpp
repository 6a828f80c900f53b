#include "core/report/trafficreport.h"

#include "core/geo/geoip.h"
#include "core/query/rollupspans.h"
#include "core/query/topn.h"
#include "core/report/csvwriter.h"
#include "core/storage/database.h"
#include "core/storage/requestkeys.h"
#include "core/storage/rollupschema.h"

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <algorithm>
#include <cstring>

namespace activity {

namespace {
constexpr int kMaxPathRows = 100'000; // paths.csv keeps the busiest; a scanner's million URLs stay out

struct Sum {
    qint64 requests = 0;
    qint64 visitors = 0;
    qint64 bytes = 0;
};

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

QString TrafficReport::write(Database& db, qint64 fromSecs, qint64 toSecs, const QString& outDir, bool compare)
{
    const QList<RollupSpan> spans = RollupSpans::split(fromSecs, toSecs);
    const QDir dir(outDir);
    QStringList errors;

    const Sum total = sumByKey(db, spans, Rollup::Dim::Total).value(QString());
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
        errors << csv.finish();
    }
    {
        const QHash<QString, Sum> status = sumByKey(db, spans, Rollup::Dim::Status);
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
        for (const auto& [code, sum] : sortedByRequests(sumByKey(db, spans, Rollup::Dim::Country)))
            csv.row({ code, code.isEmpty() ? QString() : GeoIp::countryName(code.toLatin1()),
                QString::number(sum.requests), QString::number(sum.visitors) });
        errors << csv.finish();
    }
    {
        QHash<QString, Sum> paths = sumByKey(db, spans, Rollup::Dim::Path);
        Statement raw
            = db.prepare("SELECT s.value, count(*), sum(r.bytes) FROM requests r "
                         "JOIN strings s ON s.id = r.path_id WHERE r.id >= ? AND r.id < ? GROUP BY r.path_id");
        for (const RollupSpan& span : spans) {
            if (span.period != 60)
                continue;
            raw.bind(1, RequestKeys::firstId(span.from)).bind(2, RequestKeys::firstId(span.to));
            while (raw.step()) {
                Sum& s = paths[QString::fromUtf8(raw.blob(0))];
                s.requests += raw.int64(1);
                s.bytes += raw.int64(2);
            }
            raw.reset();
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
        // The buckets of [from, to) moved back by `shift`, indexed from `first - shift`.
        const auto bucketsOf = [&](qint64 shift) {
            QList<Sum> buckets(count);
            Statement st = db.prepare("SELECT bucket, sum(requests), sum(visitors), sum(bytes) FROM rollups "
                                      "WHERE period = ? AND dim = ? AND bucket >= ? AND bucket < ? GROUP BY bucket");
            for (const RollupSpan& span : RollupSpans::split(fromSecs - shift, toSecs - shift, size)) {
                st.bind(1, span.period).bind(2, QString::fromLatin1(Rollup::name(Rollup::Dim::Total)));
                st.bind(3, span.from).bind(4, span.to);
                while (st.step()) {
                    const qint64 index = (st.int64(0) - (first - shift)) / size;
                    if (index < 0 || index >= count)
                        continue;
                    buckets[index].requests += st.int64(1);
                    buckets[index].visitors += st.int64(2);
                    buckets[index].bytes += st.int64(3);
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
