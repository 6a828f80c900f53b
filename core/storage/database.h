#pragma once

#include "core/storage/connection.h"
#include "core/storage/databaseerror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>

namespace activity {

class Database;
class SqliteConnection;

// A prepared statement of any engine. Parameters are 1-based; columns are 0-based.
class Statement {
public:
    Statement() = default;
    explicit Statement(std::unique_ptr<PreparedStatement> impl)
        : m_impl(std::move(impl))
    { }

    Statement& bind(int index, qint64 value)
    {
        m_impl->bindInt64(index, value);
        return *this;
    }
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, double value)
    {
        m_impl->bindDouble(index, value);
        return *this;
    }
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const QByteArray& value); // stored as BLOB
    // No copy: the bytes must outlive step().
    Statement& bindText(int index, const char* utf8, int length)
    {
        m_impl->bindText(index, utf8, length, false);
        return *this;
    }
    // No copy: the bytes must outlive step(). Never NULL.
    Statement& bindBlob(int index, const void* data, int length)
    {
        m_impl->bindBlob(index, data, length, false);
        return *this;
    }
    Statement& bindNull(int index)
    {
        m_impl->bindNull(index);
        return *this;
    }
    Statement& bind(int index, const QVariant& value);

    // Returns true while a row is available; throws DatabaseError on failure.
    bool step() { return m_impl->step(); }
    // Runs to completion, then resets; for INSERT/UPDATE/DELETE.
    void exec()
    {
        while (step()) { }
        reset();
    }
    void reset() { m_impl->reset(); }
    // As exec(), for the writes of a batch (the ingest's rows, rollups): PostgreSQL sends them together rather
    // than waiting for each answer. A failure comes by the transaction's next statement or its COMMIT at the
    // latest, and changes() does not count a queued one.
    void execQueued()
    {
        m_impl->execQueued();
        reset();
    }

    qint64 int64(int column) const { return m_impl->int64(column); }
    double real(int column) const { return m_impl->real(column); }
    QString text(int column) const;
    QByteArray blob(int column) const;
    // The column's bytes without a copy (TEXT or BLOB), valid until the next step() or reset().
    QByteArrayView bytes(int column) const { return m_impl->bytes(column); }
    bool isNull(int column) const { return m_impl->type(column) == PreparedStatement::Type::Null; }
    QVariant value(int column) const;
    int columnCount() const { return m_impl->columnCount(); }

private:
    std::unique_ptr<PreparedStatement> m_impl;
};

// One connection to the application's store, whatever its engine. Not shared between threads: each thread opens
// its own. The stores and queries of core/ talk to it; only core/storage/ knows the engine behind it.
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };
    // Opens the store (see StoreUrl): a SQLite file, created if needed, or a PostgreSQL server. Does not migrate.
    // A read-write open refuses a SQLite file of another program before changing anything in it.
    explicit Database(const QString& store, Mode mode = Mode::ReadWrite);
    // Over a connection of any engine.
    explicit Database(std::unique_ptr<Connection> connection);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql) { m_connection->exec(sql); }
    Statement prepare(const char* sql) { return Statement(m_connection->prepare(sql)); }
    // Convenience for one-value queries such as COUNT(*).
    std::optional<qint64> queryInt(const char* sql);
    qint64 lastInsertId() const { return m_connection->lastInsertId(); }
    int changes() const { return m_connection->changes(); }

    int userVersion() { return m_connection->userVersion(); }
    void setUserVersion(int version) { m_connection->setUserVersion(version); }
    // Changes when another connection commits (a cache of what was read can tell it is stale).
    qint64 dataVersion() { return m_connection->dataVersion(); }
    qint64 writerTurn() { return m_connection->writerTurn(); } // see Connection::writerTurn
    std::pair<qint64, qint64> roomForRequests(qint64 ts) { return m_connection->roomForRequests(ts); }
    qint64 dropRequestsBefore(qint64 id) { return m_connection->dropRequestsBefore(id); }
    // Readable when another connection committed (PostgreSQL's notifications); -1: poll dataVersion() instead.
    int notificationSocket() const { return m_connection->notificationSocket(); }

    // Where the data is: the SQLite file's path, or a store URL without its password.
    QString path() const { return m_connection->location(); }
    bool inTransaction() const { return m_connection->inTransaction(); }
    void beginWrite() { m_connection->beginWrite(); }

    // How long one statement waits for another connection's write lock before failing.
    void setBusyTimeoutMs(int ms) { m_connection->setBusyTimeoutMs(ms); }
    // After a commit: if another connection is waiting to write, give it up to `maxWaitMs` to begin.
    void yieldToWaiters(int maxWaitMs = 200) { m_connection->yieldToWaiters(maxWaitMs); }

    // The SQLite connection, or null on another engine: for what only SQLite has (the online backup, SQL
    // functions). Only core/storage/ calls it.
    SqliteConnection* sqlite() const;
    // The bytes the data takes: the SQLite file's pages, or the PostgreSQL database's size on its server.
    qint64 sizeBytes();
    // False when this login may only read the store (a PostgreSQL viewer); a SQLite file opened read-write may.
    bool mayWrite();
    // True on a PostgreSQL store (what differs is said where it matters: SQL only SQLite has, PRAGMAs).
    bool isPostgres() const { return sqlite() == nullptr; }

private:
    std::unique_ptr<Connection> m_connection;
};

// RAII write transaction (on SQLite, BEGIN IMMEDIATE so writers queue on the busy timeout instead of failing later).
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    Database& m_db;
    bool m_done = false;
    bool m_joined = false; // inside a transaction already open (a writer's job): that one commits or rolls back
};

} // namespace activity
