#include "app/reportparts.h"
#include "core/report/trafficreport.h"
#include "core/storage/database.h"

QString writeTrafficReport(Database& db, const ReportRange& range, const QString& outDir)
{
    try {
        return TrafficReport::write(db, range.fromSecs, range.toSecs, outDir);
    } catch (const DatabaseError& e) {
        return e.message();
    }
}
