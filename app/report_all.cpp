#include "app/reportparts.h"
#include "core/report/alertreport.h"
#include "core/report/apireport.h"
#include "core/report/downloadreport.h"
#include "core/report/eventreport.h"
#include "core/report/moversreport.h"
#include "core/report/trafficreport.h"
#include "core/storage/database.h"

namespace activity {

QString writeReport(const QString& databasePath, const TimeRange& range, QSize size, const QString& outDir,
    AgentScope agents, bool compare, AgentScope downloads)
{
    try {
        Database db(databasePath, Database::Mode::ReadOnly);
        if (QString error = TrafficReport::write(db, range.fromSecs, range.toSecs, outDir, agents, compare);
            !error.isEmpty())
            return error;
        if (QString error = ApiReport::write(db, range, outDir); !error.isEmpty())
            return error;
        if (QString error = AlertReport::write(db, range, outDir); !error.isEmpty())
            return error;
        if (QString error = EventReport::write(db, range, outDir); !error.isEmpty())
            return error;
        if (QString error = MoversReport::write(db, range, outDir); !error.isEmpty())
            return error;
        if (QString error = DownloadReport::write(db, range, outDir, downloads); !error.isEmpty())
            return error;
    } catch (const DatabaseError& e) {
        return e.message();
    }
    return writePageImages(databasePath, range, size, outDir, compare);
}

} // namespace activity
