#pragma once

#include "core/query/apiquery.h"
#include "core/query/timerange.h"

#include <QList>
#include <QString>

namespace activity {

class Database;

// What the Metrics page draws: the series of the sources other than GitHub and Docker Hub (http-json and the
// types after it), for one source at a time.
struct MetricSourceItem {
    qint64 id = 0;
    QString name; // "#ID" once the source was removed with its history kept
};

struct MetricSeries {
    QString name; // the field name, with its labels when it has any: "downloads (num=1.1.0)"
    QList<Sample> samples; // inside the range, starting at the range's start when a sample came before it
    double latest = 0;
    // A total (it never fell, and rose at least once: downloads so far) also as its change per UTC day.
    QList<Sample> perDay;
};

struct MetricsData {
    QList<MetricSourceItem> sources; // every source that stored a series, by name
    qint64 sourceId = 0; // the source shown (the one asked for, else the first); 0: none
    QList<MetricSeries> series;
};

namespace MetricsQuery {
MetricsData read(Database& db, const TimeRange& range, qint64 sourceId);
// A counter's totals as per-second rates between samples (a fall is a reset: counted from 0).
QList<Sample> perSecond(const QList<Sample>& totals);
} // namespace MetricsQuery

} // namespace activity
