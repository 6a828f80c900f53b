#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <optional>

class Database;

// Writes what the API collectors learn: series/samples, ranked_items and fetch_state.
class ApiStore {
public:
    explicit ApiStore(Database& db);

    qint64 seriesId(qint64 sourceId, const QString& provider, const QString& repository, const QString& metric);
    // A snapshot of a counter. Not stored when the value equals the last one of the same UTC day, so a
    // 15-minute poll of quiet repositories does not fill the disk (the charts carry values forward).
    void recordSnapshot(qint64 seriesId, qint64 ts, double value);
    // A point with its own time (daily traffic, star history): replaces the one at that time.
    void recordPoint(qint64 seriesId, qint64 ts, double value);
    void recordRanked(qint64 seriesId, qint64 ts, const QString& item, qint64 count, qint64 uniques);

    void recordSuccess(qint64 sourceId, qint64 at);
    void recordError(qint64 sourceId, qint64 at, const QString& message, int httpStatus);
    void setNextRun(qint64 sourceId, qint64 at);
    void setRateLimit(qint64 sourceId, qint64 limit, qint64 remaining, qint64 reset);
    std::optional<qint64> nextRun(qint64 sourceId);
    QJsonObject state(qint64 sourceId);
    void setState(qint64 sourceId, const QJsonObject& state);

    Database& database() { return m_db; }

private:
    void ensureRow(qint64 sourceId);
    Database& m_db;
    QHash<QString, qint64> m_seriesIds;
};
