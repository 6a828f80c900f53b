#pragma once

#include "core/sources/apicollector.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <functional>
#include <map>
#include <memory>

namespace activity {

class ApiStore;
class Clock;
class Database;
class DbWriter;
class HttpCache;
class HttpClient;
class SourceRegistry;
class TokenVault;

// Runs the API sources (every type the registry gives a collector) on their intervals. Each tick reads the sources
// table, so a source added, paused, resumed, changed or removed by another process takes effect without a restart: new
// and resumed sources poll at once, paused ones never; after a poll the next run is the interval plus a little jitter,
// or the end of a rate-limit wait.
class ApiScheduler : public QObject {
    Q_OBJECT
public:
    // Reads the sources table through `db`; writes what it learns through `writer` (the process's one writer).
    ApiScheduler(Database& db, DbWriter& writer, const Clock& clock, const SourceRegistry& registry, HttpClient& http,
        QObject* parent = nullptr);
    // Writes through `db` too, on this thread (tests).
    ApiScheduler(
        Database& db, const Clock& clock, const SourceRegistry& registry, HttpClient& http, QObject* parent = nullptr);
    ~ApiScheduler() override;

    void start(int tickMs = 2000);
    void stop();
    // Reads the sources table and starts the polls that are due (the timer calls it; tests call it).
    void tick();
    // Polls every enabled API source now, whatever its next run; `idle` follows when all have finished.
    void pollAllNow();
    bool isIdle() const;
    // Longest random delay added to an interval, as a fraction of it (capped at 60 s); 0 in tests.
    void setJitterFraction(double fraction) { m_jitterFraction = fraction; }
    // Where tokens entered in the window are read from (sources with a "token" setting).
    void setTokenVault(TokenVault* tokens) { m_tokens = tokens; }
    // Asked before each poll when collectors share the store: true when this one may poll the source now (it holds
    // the source's lease). A source refused is asked about again a few seconds later. Unset: every poll runs.
    using MayPoll = std::function<bool(qint64 sourceId, qint64 intervalSecs)>;
    void setMayPoll(MayPoll mayPoll) { m_mayPoll = std::move(mayPoll); }

Q_SIGNALS:
    void pollFinished(qint64 sourceId, const PollOutcome& outcome);
    void idle();

private:
    struct Entry {
        std::unique_ptr<ApiCollector> collector;
        QJsonObject settings;
        QString name;
        qint64 due = 0;
    };
    void sync(bool forceDue);
    bool mayPollNow(qint64 id, Entry& e, qint64 now);
    static constexpr qint64 kLeaseRetrySecs = 3;
    void onFinished(qint64 sourceId, const PollOutcome& outcome);
    std::unique_ptr<ApiCollector> create(qint64 id, const QString& type, const QJsonObject& settings);

    Database& m_db;
    std::unique_ptr<DbWriter> m_ownWriter;
    const Clock& m_clock;
    const SourceRegistry& m_registry;
    HttpClient& m_http;
    std::unique_ptr<ApiStore> m_store;
    std::unique_ptr<HttpCache> m_cache;
    std::map<qint64, Entry> m_entries;
    QSet<qint64> m_paused; // seen paused: polls at once when resumed
    QTimer m_timer;
    TokenVault* m_tokens = nullptr;
    MayPoll m_mayPoll;
    double m_jitterFraction = 0.05;
    bool m_starting = false;
};

} // namespace activity
