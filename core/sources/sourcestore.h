#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Clock;
class Database;

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

// The sources table: what the user configured. Collectors read it; the CLI and the panel change it.
class SourceStore {
public:
    SourceStore(Database& db, const Clock& clock);

    qint64 add(const QString& type, const QString& name, const QJsonObject& settings);
    QList<SourceRecord> list();
    std::optional<SourceRecord> get(qint64 id);
    bool setEnabled(qint64 id, bool enabled);
    bool update(qint64 id, const QString& name, const QJsonObject& settings);
    // Keeps collected history (series, requests) unless purge is set.
    bool remove(qint64 id, bool purge);

private:
    qint64 highestIdEverUsed();
    Database& m_db;
    const Clock& m_clock;
};

} // namespace activity
