#pragma once

#include <QJsonObject>
#include <QString>
#include <functional>
#include <random>

namespace activity {

class ApiStore;
class Database;

// A type's part of the sample data (`--demo`, screenshots, benchmarks): the demo's source of this type, what Health
// shows of it, and its figures. The demo (core/demo/) writes the types' parts in the registry's order.
struct SourceDemo {
    QString name; // "acme (organisation)"
    QJsonObject settings;
    // Its fetch state or ingest counters as of `nowSecs` (Sources, Health), in the caller's transaction.
    std::function<void(Database& db, qint64 sourceId, qint64 nowSecs)> status;
    // API types: samples from `start` to `end` every `step` seconds through the store collectors use, series linked
    // to `sourceId` (0: none); returns how many.
    struct Span {
        qint64 start = 0;
        qint64 end = 0;
        qint64 step = 3600;
    };
    std::function<qint64(ApiStore& store, qint64 sourceId, const Span& span, std::mt19937& rng)> samples;
};

} // namespace activity
