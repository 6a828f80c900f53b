#pragma once

#include <QString>

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
    bool sources = true; // also add sources, fetch states, ingest counters and rejected lines (Health, Sources)
};

struct DemoSummary {
    qint64 samples = 0;
    qint64 requests = 0;
};

namespace DemoData {
// Fills a migrated, empty database. Throws DatabaseError on failure.
DemoSummary generate(Database& db, const DemoOptions& options);
} // namespace DemoData
