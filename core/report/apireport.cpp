#include "core/report/apireport.h"

#include "core/query/apiquery.h"
#include "core/report/csvwriter.h"
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
} // namespace

QString ApiReport::write(Database& db, const TimeRange& range, const QString& outDir)
{
    const QDir dir(outDir);
    try {
        if (QString error
            = writeProvider(db, range, QStringLiteral("github"), dir.filePath(QStringLiteral("github.csv")));
            !error.isEmpty())
            return error;
        return writeProvider(db, range, QStringLiteral("dockerhub"), dir.filePath(QStringLiteral("dockerhub.csv")));
    } catch (const DatabaseError& e) {
        return e.message();
    }
}

} // namespace activity
