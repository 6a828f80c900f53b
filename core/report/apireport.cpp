#include "core/report/apireport.h"

#include "core/query/apiquery.h"
#include "core/report/csvwriter.h"
#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/sourceregistry.h"
#include "core/storage/database.h"

#include <QDir>

namespace activity {

namespace {
QString writeProvider(Database& db, const TimeRange& range, const QString& provider, const QString& path)
{
    CsvWriter csv(path);
    csv.row({ QStringLiteral("timestamp"), QStringLiteral("repository"), QStringLiteral("metric"),
        QStringLiteral("value") });
    ApiQuery::forEachSample(db, provider, range, [&csv](const ApiQuery::ReportRow& r) {
        csv.row({ CsvWriter::timestamp(r.ts), r.repository, r.metric, QString::number(r.value, 'g', 17) });
    });
    return csv.finish();
}

// metrics.csv: timestamp,source,series,labels,value; labels are k=v pairs joined by ';' (empty when none).
QString writeMetrics(Database& db, const TimeRange& range, const QString& path)
{
    CsvWriter csv(path);
    csv.row({ QStringLiteral("timestamp"), QStringLiteral("source"), QStringLiteral("series"), QStringLiteral("labels"),
        QStringLiteral("value") });
    ApiQuery::forEachMetricSample(db, range, [&csv](const ApiQuery::MetricRow& r) {
        csv.row({ CsvWriter::timestamp(r.ts), r.source, r.metric, HttpJsonCollector::labelsOf(r.repository),
            QString::number(r.value, 'g', 17) });
    });
    return csv.finish();
}
} // namespace

QString ApiReport::write(Database& db, const TimeRange& range, const QString& outDir)
{
    const QDir dir(outDir);
    try {
        // github.csv, dockerhub.csv: one per provider whose series are per repository.
        for (const QString& provider : SourceRegistry::builtIn().repositoryProviders()) {
            if (QString error = writeProvider(db, range, provider, dir.filePath(provider + QStringLiteral(".csv")));
                !error.isEmpty())
                return error;
        }
        return writeMetrics(db, range, dir.filePath(QStringLiteral("metrics.csv")));
    } catch (const DatabaseError& e) {
        return e.message();
    }
}

} // namespace activity
