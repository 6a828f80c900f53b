#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <memory>
#include <optional>
#include <stdexcept>

struct sqlite3;
struct sqlite3_stmt;

// Raised for SQL failures that callers cannot recover from locally (disk full, corrupt file, bug).
class DatabaseError : public std::runtime_error {
public:
    explicit DatabaseError(const QString& message)
        : std::runtime_error(message.toStdString())
    { }
    QString message() const { return QString::fromStdString(what()); }
};

// A prepared statement. Parameters are 1-based like SQLite's; columns are 0-based.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, const char* sql);
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
    bool isNull(int column) const;
    QVariant value(int column) const;
    int columnCount() const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    void check(int rc, const char* what) const;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
};

// One connection to the application database. Not shared between threads: each thread opens its own.
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };
    // Opens (creating if needed) and applies the connection PRAGMAs. Does not migrate.
    explicit Database(const QString& path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(const char* sql);
    Statement prepare(const char* sql) { return Statement(m_db, sql); }
    // Convenience for one-value queries such as COUNT(*).
    std::optional<qint64> queryInt(const char* sql);
    qint64 lastInsertId() const;
    int changes() const;

    int userVersion();
    void setUserVersion(int version);

    QString path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

private:
    QString m_path;
    sqlite3* m_db = nullptr;
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
};
