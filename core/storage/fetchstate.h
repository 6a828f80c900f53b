#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

namespace activity {

class Database;

// The fetch_state table, written only here: per source, when it last worked, its last error, when it runs next,
// its rate limit and its collector's own state (a follower's position, a poller's cursor). Each call runs in the
// caller's transaction and writes only for a source that exists: a poll finishing after its source was removed
// writes nothing back.
class FetchState {
public:
    explicit FetchState(Database& db)
        : m_db(db)
    { }

    void recordSuccess(qint64 sourceId, qint64 at, std::optional<int> httpStatus = std::nullopt);
    // An empty message clears the error (the source works again).
    void recordError(qint64 sourceId, qint64 at, const QString& message, int httpStatus = 0);
    void setNextRun(qint64 sourceId, std::optional<qint64> at);
    void setRateLimit(qint64 sourceId, qint64 limit, qint64 remaining, qint64 reset);
    // The collector's state; `successAt` also records a success (a follower that moved on).
    void setState(qint64 sourceId, const QJsonObject& state, std::optional<qint64> successAt = {});

    std::optional<qint64> nextRun(qint64 sourceId);
    QJsonObject state(qint64 sourceId);

private:
    Database& m_db;
};

} // namespace activity
