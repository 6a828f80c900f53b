#include "core/report/eventreport.h"

#include "core/events/eventstore.h"
#include "core/report/csvwriter.h"

#include <QDir>

namespace activity {

QString EventReport::write(Database& db, const TimeRange& range, const QString& outDir)
{
    CsvWriter csv(QDir(outDir).filePath(QStringLiteral("events.csv")));
    csv.row({ QStringLiteral("time"), QStringLiteral("kind"), QStringLiteral("source"), QStringLiteral("title"),
        QStringLiteral("url") });
    for (const ProjectEvent& e : EventStore(db).between(range.fromSecs, range.toSecs))
        csv.row({ CsvWriter::timestamp(e.ts), e.kind, e.source, e.title, e.url });
    return csv.finish();
}

} // namespace activity
