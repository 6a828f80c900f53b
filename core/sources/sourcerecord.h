#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace activity {

// One configured source as lists show it: what the user set, and where its collection stands.
struct SourceRecord {
    qint64 id = 0;
    QString type;
    QString name;
    bool enabled = true;
    QJsonObject settings;
    qint64 createdAt = 0;
    // From fetch_state (0 / empty when never run).
    qint64 lastSuccess = 0;
    QString lastError;
    qint64 nextRun = 0;
    std::optional<qint64> rateLimitRemaining;
    // From ingest_counters, for log sources (0 when no line yet).
    qint64 lastReceived = 0;
    qint64 lastStored = 0;
};

} // namespace activity
