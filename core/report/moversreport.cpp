#include "core/report/moversreport.h"

#include "core/query/movers.h"
#include "core/report/csvwriter.h"

#include <QDir>

namespace activity {

QString MoversReport::write(Database& db, const TimeRange& range, const QString& outDir)
{
    CsvWriter csv(QDir(outDir).filePath(QStringLiteral("movers.csv")));
    csv.row({ QStringLiteral("dimension"), QStringLiteral("key"), QStringLiteral("before"), QStringLiteral("now"),
        QStringLiteral("change"), QStringLiteral("change_percent") });
    for (const Mover& m : Movers::between(db, range)) {
        const auto percent = m.changePercent();
        csv.row({ m.dimension, m.key, QString::number(m.before), QString::number(m.now), QString::number(m.change()),
            percent ? QString::number(*percent, 'f', 1) : QString() });
    }
    return csv.finish();
}

} // namespace activity
