#pragma once

#include "core/storage/connection.h"

struct pg_conn;

namespace activity {

// A connection to a PostgreSQL server through libpq: the team store's engine. Statements are written as for
// SQLite (`?` and `?N` parameters); they are prepared on the server with `$N`. Values are sent as text, blobs as
// bytea in binary; nothing from a parameter is ever spliced into the SQL.
class PgConnection final : public Connection {
public:
    // `url`: a libpq URI (postgresql://USER@HOST:PORT/DB?sslmode=...). Its password, if any, never appears in a
    // message: location() and errors show the URL without it. Throws DatabaseError.
    explicit PgConnection(const QString& url);
    ~PgConnection() override;
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    QString location() const override { return m_shown; }
    std::unique_ptr<PreparedStatement> prepare(const char* sql) override;
    void exec(const char* sql) override;
    qint64 lastInsertId() const override;
    int changes() const override { return m_changes; }
    bool inTransaction() const override;
    void beginWrite() override { exec("BEGIN"); }
    int userVersion() override;
    void setUserVersion(int version) override;
    qint64 dataVersion() override;
    void setBusyTimeoutMs(int ms) override;
    void yieldToWaiters(int) override { } // row locks: a writer never holds the whole store

    pg_conn* handle() const { return m_conn; }
    // What a statement changed, as its command tag said (the engine's `changes()`).
    void setChanges(int changes) { m_changes = changes; }
    // The server's message for a failed call, without the password.
    QString lastError() const;
    // A name no other statement of this connection has.
    QByteArray nextStatementName() { return "s" + QByteArray::number(++m_statements); }

    // `?` and `?N` turned into `$N`, outside quotes; `count` gets the number of parameters.
    static QByteArray translatePlaceholders(const char* sql, int* count);
    // The URL without its password, for messages.
    static QString withoutPassword(const QString& url);

private:
    pg_conn* m_conn = nullptr;
    QString m_shown;
    int m_changes = 0;
    quint64 m_statements = 0;
};

} // namespace activity
