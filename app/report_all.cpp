#include "app/reportparts.h"
#include "core/report/alertreport.h"
#include "core/report/apireport.h"
#include "core/report/downloadreport.h"
#include "core/report/eventreport.h"
#include "core/report/moversreport.h"
#include "core/report/trafficreport.h"
#include "core/storage/database.h"

#include <future>

namespace activity {

namespace {
QString writeCsvFiles(const QString& databasePath, const TimeRange& range, const QString& outDir, AgentScope agents,
    bool compare, AgentScope downloads)
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
    return {};
}
} // namespace

QString writeReport(const QString& databasePath, const TimeRange& range, QSize size, const QString& outDir,
    AgentScope agents, bool compare, AgentScope downloads)
{
    // The CSV files on a connection of their own while this thread renders the pages: on two cores the report
    // takes the longer of the two instead of their sum.
    auto csv = std::async(
        std::launch::async, [&] { return writeCsvFiles(databasePath, range, outDir, agents, compare, downloads); });
    const QString pagesError = writePageImages(databasePath, range, size, outDir, compare, agents);
    const QString csvError = csv.get();
    return csvError.isEmpty() ? pagesError : csvError;
}

} // namespace activity
