#pragma once

#include <QByteArrayView>
#include <QString>
#include <limits>
#include <memory>
#include <utility>

namespace activity {

// What a storage engine implements: one connection and its prepared statements. Database and Statement are the
// engine-neutral faces the stores and queries use; SQLite (core/storage/sqlite/) is the first engine, and a
// second one implements these two classes and nothing else.
class PreparedStatement {
public:
    virtual ~PreparedStatement() = default;
    enum class Type { Null, Integer, Real, Text, Blob };
    // Parameters are 1-based; a `copy` of false means the bytes outlive step().
    virtual void bindInt64(int index, qint64 value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindText(int index, const char* utf8, int length, bool copy) = 0;
    virtual void bindBlob(int index, const void* data, int length, bool copy) = 0;
    virtual void bindNull(int index) = 0;
    // True while a row is available; throws DatabaseError on failure.
    virtual bool step() = 0;
    // Ready to run again, parameters cleared.
    virtual void reset() = 0;
    // Runs a statement whose answer nobody reads (an INSERT, an UPDATE) now or with the next ones: an engine may
    // send many at once inside a transaction. Its error comes at the latest with the next statement or COMMIT;
    // changes() and lastInsertId() do not describe it.
    virtual void execQueued()
    {
        while (step()) { }
    }
    // Columns are 0-based.
    virtual qint64 int64(int column) const = 0;
    virtual double real(int column) const = 0;
    // TEXT or BLOB bytes without a copy, valid until the next step() or reset().
    virtual QByteArrayView bytes(int column) const = 0;
    virtual Type type(int column) const = 0;
    virtual int columnCount() const = 0;
};

class Connection {
public:
    virtual ~Connection() = default;
    // Where the data is, for messages: a file path, or a store URL without its password.
    virtual QString location() const = 0;
    virtual std::unique_ptr<PreparedStatement> prepare(const char* sql) = 0;
    virtual void exec(const char* sql) = 0;
    virtual qint64 lastInsertId() const = 0;
    virtual int changes() const = 0;
    virtual bool inTransaction() const = 0;
    // Opens a write transaction that queues behind other writers rather than failing later.
    virtual void beginWrite() = 0;
    virtual int userVersion() = 0;
    virtual void setUserVersion(int version) = 0;
    // Changes when another connection commits (a cache of what was read can tell it is stale).
    virtual qint64 dataVersion() = 0;
    // For a writer that keeps caches of what is stored (request ids, visitors), first in its write transaction
    // (writers take turns there): a number that changes when another writer wrote since this connection's last
    // turn. SQLite: its data_version.
    virtual qint64 writerTurn() { return dataVersion(); }
    // Request rows of second `ts` can be written (PostgreSQL: the month's partition of requests exists; made in
    // the caller's transaction). Returns the [from, to) seconds the answer holds for, so a writer asks once a month.
    virtual std::pair<qint64, qint64> roomForRequests(qint64 ts)
    {
        (void)ts;
        return { std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max() };
    }
    // Drops whole slices of requests before `id` (PostgreSQL's months); the rows they held. The rest is deleted.
    virtual qint64 dropRequestsBefore(qint64 id)
    {
        (void)id;
        return 0;
    }
    // A socket that becomes readable when another connection commits (after dataVersion() was called once), so a
    // reader waits on it instead of polling; -1 when the engine has none.
    virtual int notificationSocket() const { return -1; }
    virtual void setBusyTimeoutMs(int ms) = 0;
    // After a commit: if another connection is waiting to write, give it up to `maxWaitMs` to begin.
    virtual void yieldToWaiters(int maxWaitMs) = 0;
};

} // namespace activity
