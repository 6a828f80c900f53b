#include "core/report/alertreport.h"

#include "core/alerts/alertstore.h"
#include "core/report/csvwriter.h"

#include <QDir>
#include <algorithm>

namespace activity {

QString AlertReport::write(Database& db, const TimeRange& range, const QString& outDir)
{
    CsvWriter csv(QDir(outDir).filePath(QStringLiteral("alerts.csv")));
    csv.row({ QStringLiteral("timestamp"), QStringLiteral("rule"), QStringLiteral("series"), QStringLiteral("severity"),
        QStringLiteral("event"), QStringLiteral("value"), QStringLiteral("message"), QStringLiteral("delivery") });
    QList<AlertEvent> events = AlertStore(db).historyBetween(range.fromSecs, range.toSecs, 1'000'000);
    std::reverse(events.begin(), events.end());
    for (const AlertEvent& e : events)
        csv.row({ CsvWriter::timestamp(e.ts), e.ruleName, e.series, e.severity, e.event,
            e.value ? QString::number(*e.value, 'g', 17) : QString(), e.message, e.delivery });
    return csv.finish();
}

} // namespace activity
