#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

namespace activity {

// Raised for SQL failures that callers cannot recover from locally (disk full, corrupt file, bug).
class DatabaseError : public std::runtime_error {
public:
    explicit DatabaseError(const QString& message)
        : std::runtime_error(message.toStdString())
    { }
    QString message() const { return QString::fromStdString(what()); }
};

// A prepared statement. Parameters are 1-based like SQLite's; columns are 0-based.
class Database;

class Statement {
public:
    Statement() = default;
    Statement(Database& owner, const char* sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, qint64 value);
    Statement& bind(int index, int value) { return bind(index, qint64(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);
    Statement& bind(int index, const QByteArray& value); // stored as BLOB
    Statement& bindText(int index, const char* utf8, int length); // no copy: must outlive step()
    Statement& bindBlob(int index, const void* data, int length); // no copy: must outlive step(); never NULL
    Statement& bindNull(int index);
    Statement& bind(int index, const QVariant& value);

    // Returns true while a row is available; throws DatabaseError on failure.
    bool step();
    // Runs to completion, then resets; for INSERT/UPDATE/DELETE.
    void exec();
    void reset();

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    // The column's bytes without a copy (TEXT or BLOB), valid until the next step() or reset().
    QByteArrayView bytes(int column) const;
    bool isNull(int column) const;
    QVariant value(int column) const;
    int columnCount() const;

private:
    friend class Database;
    void check(int rc, const char* what) const;
    Database* m_owner = nullptr;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// One connection to the application database. Not shared between threads: each thread opens its own.
// A write that finds another connection writing waits (busy handler) up to busyTimeoutMs and says so to the
// other processes (a shared lock on PATH-wait), so a bulk writer can let it in between two of its transactions
// (yieldToWaiters) instead of starving it.
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };
    // Opens (creating if needed) and applies the connection PRAGMAs. Does not migrate. A read-write open refuses
    // a SQLite file of another program before changing anything in it.
    explicit Database(const QString& path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql);
    Statement prepare(const char* sql) { return Statement(*this, sql); }
    // Convenience for one-value queries such as COUNT(*).
    std::optional<qint64> queryInt(const char* sql);
    qint64 lastInsertId() const;
    int changes() const;

    int userVersion();
    void setUserVersion(int version);
    // Changes when another connection commits (a cache of what was read can tell it is stale).
    qint64 dataVersion();

    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }
    bool inTransaction() const;

    // How long one statement waits for another connection's write lock before failing with "database is locked".
    void setBusyTimeoutMs(int ms) { m_busyTimeoutMs = ms; }
    // After a commit: if another connection is waiting to write, give it up to `maxWaitMs` to begin.
    void yieldToWaiters(int maxWaitMs = 200);
    // Called after each statement: a wait announced by the busy handler is over.
    void endWait()
    {
        if (m_waiting)
            stopWaiting();
    }

private:
    static int onBusy(void* self, int count);
    void stopWaiting();
    bool openWaitFile();
    QString m_path;
    sqlite3* m_db = nullptr;
    int m_busyTimeoutMs = 15'000;
    qint64 m_busySinceMs = 0;
    int m_waitFd = -1;
    bool m_waitFileTried = false;
    bool m_waiting = false;
};

// RAII write transaction (BEGIN IMMEDIATE so writers queue on the busy timeout instead of failing later).
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
