#pragma once

#include "core/query/apiquery.h"
#include "core/query/timerange.h"

#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Database;

// Every figure the program stores, as series a user can name (see SeriesId): the traffic figures (per site,
// country, path, status class), each API metric per repository or source, and the ingest health of each log
// source. Charts the user builds and alert rules read them here, by id. Traffic and ingest figures come from
// rollups, API figures from their samples: never raw request rows.
struct CatalogueEntry {
    QString id;
    QString name; // for people: "Requests answered 5xx (www)"
    QString unit; // "requests", "visitors", "bytes", "%", "lines", or "" for an API figure's own count
    bool summable = false; // counts per bucket that add up over a range (traffic and ingest counts)
};

struct SeriesValues {
    QString error; // why the id cannot be answered (unknown name, label or repository); no points then
    CatalogueEntry entry;
    qint64 step = 0;
    // Oldest first, at each bucket's start. Traffic and ingest: one per bucket of the range (0 where nothing was
    // stored; a share only where there were requests). API figures: the last value stored in each bucket.
    QList<Sample> points;
};

namespace SeriesCatalogue {
QList<CatalogueEntry> list(Database& db);
// The entry for `id`, or an error naming what is not known.
CatalogueEntry describe(Database& db, const QString& id, QString* error);
// Values of `id` in `range`, in buckets of `step` seconds aligned to UTC (traffic steps under an hour read minute
// rollups, which cover the last days only; path and ingest figures are kept per hour at the finest).
SeriesValues get(Database& db, const QString& id, const TimeRange& range, qint64 step);
// What an alert rule compares at `at`: traffic and ingest figures summed over [at - window, at), API figures their
// last value at or before `at`. No value: nothing stored yet, or a share of no requests.
std::optional<double> valueAt(Database& db, const QString& id, qint64 at, qint64 window, QString* error);
// When the series last received data (a minute or hour bucket's start, a sample's time or the source's last
// successful poll), 0 when never.
qint64 lastDataAt(Database& db, const QString& id, QString* error);
} // namespace SeriesCatalogue

} // namespace activity
