#pragma once

#include "core/demo/demotraffic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

namespace activity {

class Database;

// Realistic sample data for `--demo`, screenshots, tests and benchmarks: GitHub and Docker Hub series
// (cumulative counters growing with noise), and nginx traffic for two sites with a daily and weekly rhythm,
// many countries, real-looking paths, agents, referrers and statuses. Deterministic for a given seed.
struct DemoOptions {
    qint64 nowSecs = 0; // the data ends here
    int days = 90;
    // Average requests per day for the busier site (the other gets ~40%). 0: no traffic.
    int requestsPerDay = 2500;
    int apiSampleSeconds = 3600; // one API sample per series per this many seconds
    int apiDays = 0; // days of API samples; 0: the same as `days`
    quint32 seed = 20261125;
    // Called after each committed slice with the share done (0-100): generate() then commits in slices, so a
    // window shows the demo filling instead of waiting; without it, one transaction. On the writing thread.
    std::function<void(int percent)> progress;
    bool sources = true; // also add sources, fetch states, ingest counters and rejected lines (Health, Sources)
};

struct DemoSummary {
    qint64 samples = 0;
    qint64 requests = 0;
};

// A line the demo shows as rejected on the Health page, with the parser's reason.
struct DemoRejected {
    QString reason;
    QByteArray line;
};

namespace DemoData {
// Fills a migrated, empty database. Throws DatabaseError on failure.
DemoSummary generate(Database& db, const DemoOptions& options);
// The demo's nginx traffic without a database (for benchmarks that feed the real ingest path): every request
// of options.days before options.nowSecs, both sites in time order. Returns the count.
qint64 forEachRequest(const DemoOptions& options, const std::function<void(const DemoRequest&)>& sink);
// One request as nginx's `combined` format logs it, without the newline.
QByteArray combinedLine(const DemoRequest& request);
// The rejected lines the demo stores; the real parser rejects each for the reason given.
QList<DemoRejected> rejectedSamples();
} // namespace DemoData

} // namespace activity
