#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace activity {

class Database;
class DbWriter;
struct ProjectEvent;

// Writes what the API collectors learn: series/samples, ranked_items and fetch_state, through the process's
// database writer. Each call is its own short transaction unless made inside transaction().
class ApiStore {
public:
    explicit ApiStore(DbWriter& writer);
    // Writes on the caller's thread over `db` (single-threaded commands, tests).
    explicit ApiStore(Database& db);
    ~ApiStore();

    // Runs `body` (calls to this store) as one transaction: all of it is stored, or nothing. Throws DatabaseError.
    void transaction(const std::function<void()>& body);

    qint64 seriesId(qint64 sourceId, const QString& provider, const QString& repository, const QString& metric);
    // A snapshot of a counter. Not stored when the value equals the last one of the same UTC day, so a
    // 15-minute poll of quiet repositories does not fill the disk (the charts carry values forward).
    void recordSnapshot(qint64 seriesId, qint64 ts, double value);
    // A point with its own time (daily traffic, star history): replaces the one at that time.
    void recordPoint(qint64 seriesId, qint64 ts, double value);
    // When the series' last sample is, none when it has none.
    std::optional<qint64> lastSampleAt(qint64 seriesId);
    void recordRanked(qint64 seriesId, qint64 ts, const QString& item, qint64 count, qint64 uniques);
    // A release, tag or version the source found (EventStore::record): seen again, it is updated.
    void recordEvent(qint64 sourceId, const QString& key, const ProjectEvent& event);
    void forgetEvent(qint64 sourceId, const QString& kind, const QString& source, const QString& key);

    void recordSuccess(qint64 sourceId, qint64 at);
    void recordError(qint64 sourceId, qint64 at, const QString& message, int httpStatus);
    void setNextRun(qint64 sourceId, qint64 at);
    void setRateLimit(qint64 sourceId, qint64 limit, qint64 remaining, qint64 reset);
    std::optional<qint64> nextRun(qint64 sourceId);
    QJsonObject state(qint64 sourceId);
    void setState(qint64 sourceId, const QJsonObject& state);

    DbWriter& writer() { return m_writer; }

    // Deletes every series (and its samples) of a source: its history is purged. In the caller's transaction.
    static void purgeSource(Database& db, qint64 sourceId);

private:
    std::unique_ptr<DbWriter> m_ownWriter;
    DbWriter& m_writer;
    QHash<QString, qint64> m_seriesIds; // touched inside the writer's jobs only
};

} // namespace activity
