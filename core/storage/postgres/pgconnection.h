#pragma once

#include "core/storage/connection.h"
#include "core/storage/postgres/pgbulk.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <memory>

struct pg_conn;
struct pg_result;

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
    // Reconnects first when the server went away between transactions.
    void beginWrite() override;
    int userVersion() override;
    void setUserVersion(int version) override;
    qint64 dataVersion() override;
    qint64 writerTurn() override;
    std::pair<qint64, qint64> roomForRequests(qint64 ts) override;
    qint64 dropRequestsBefore(qint64 id) override;
    int notificationSocket() const override;
    void setBusyTimeoutMs(int ms) override;
    void yieldToWaiters(int) override { } // row locks: a writer never holds the whole store

    pg_conn* handle() const { return m_conn; }
    // A connection the server dropped (a restart) is made again, unless a transaction was open on it: that one
    // fails whole (the caller retries it), and the next call after its ROLLBACK reconnects. Throws DatabaseError.
    void ensureConnected();
    // `sql` in PostgreSQL's words (PgDialect).
    QByteArray dialect(const char* sql);
    // A session setting (SET name = value) made now and again after every reconnect.
    void remember(const QByteArray& sessionSql);
    // After a statement succeeded with command tag `tag`.
    void afterStatement(const QByteArray& tag);
    // What a statement changed, as its command tag said (the engine's `changes()`).
    void setChanges(int changes) { m_changes = changes; }
    // The server's message for a failed call, without the password.
    QString lastError() const;
    // A failed statement's message: the server's, or what a read-only login's refusal means.
    QString failureOf(const pg_result* result) const;
    // Changes when the connection is made again (what was prepared on the server is gone).
    quint64 generation() const { return m_generation; }
    // Queued statements (execQueued) go in libpq's pipeline mode, answered together: one round trip per
    // kQueueDepth statements rather than one each. Every other call first waits for their answers (drainQueue,
    // which throws the first failure among them).
    void willQueue(const QByteArray& sql);
    void queued();
    void drainQueue();
    // Before any other statement `sql`: the queued ones answered, and the COPY rows sent if `sql` may read or
    // change their table.
    void before(const QByteArray& sql);
    // A queued INSERT's row that goes in bulk (PgBulkQueue): by COPY, sent when another statement needs it, the
    // buffer fills or the transaction ends.
    void bulkRow(const QByteArray& sql, const PgBulkForm& form, const QByteArray& row, const QByteArray& key)
    {
        m_bulk.add(sql, form, row, key);
    }
    // Expires with the connection: a statement that outlives it (a store kept past its Database) must not touch it.
    std::weak_ptr<const char> lifetime() const { return m_lifetime; }
    // A name no other statement of this connection has.
    QByteArray nextStatementName() { return "s" + QByteArray::number(++m_statements); }

    // `?` and `?N` turned into `$N`, outside quotes; `count` gets the number of parameters.
    static QByteArray translatePlaceholders(const char* sql, int* count);
    // Text as PostgreSQL's text holds it: a log's invalid UTF-8 and NUL bytes become U+FFFD, as the window shows
    // them (SQLite keeps the bytes; a query reads them through QString::fromUtf8, so both give the same figures).
    static QByteArray validText(const char* utf8, int length);
    // The URL without its password, for messages.
    static QString withoutPassword(const QString& url);

private:
    friend class PgBulkQueue;
    void setUpSession();
    void syncPipeline();
    // The command's tag (INSERT 0 1, SELECT 3...), after what waits for it was sent. Throws DatabaseError.
    QByteArray run(const char* sql);
    // The same, at once.
    QByteArray runRaw(const char* sql);
    // The last column of the first row `sql` answers. Throws DatabaseError.
    QByteArray value(const char* sql);
    void reconnect();
    // After COMMIT's answer was lost with the connection: whether the server kept the transaction.
    bool committedWhileAway(const QString& why);
    QStringList primaryKey(const QString& table);

    pg_conn* m_conn = nullptr;
    std::shared_ptr<const char> m_lifetime = std::make_shared<const char>(0);
    static constexpr char kListen[] = "LISTEN activity_changed";
    static constexpr char kNotify[] = "NOTIFY activity_changed";
    // 'ACTW'; and the transaction's id, last
    static constexpr char kWriteTurn[] = "SELECT pg_advisory_xact_lock(1094931543), pg_current_xact_id()";
    // Enough to save the round trips, few enough that the answers waiting on the socket never fill its buffer.
    static constexpr int kQueueDepth = 500;
    int m_queued = 0;
    PgBulkQueue m_bulk { *this };
    bool m_transaction = false;
    bool m_writing = false;
    QByteArray m_xid; // the write transaction's id (pg_current_xact_id)
    quint64 m_generation = 1;
    qint64 m_version = 0;
    int m_standby = -1; // a streaming replica (pg_is_in_recovery): -1 not asked yet
    QByteArray m_replayed; // on a replica, the WAL position replayed when last asked
    qint64 m_ownTurns = 0; // writerTurn()s of this connection
    int m_partitioned = -1; // requests is partitioned by month: -1 not asked yet on this connection
    QSet<qint64> m_months; // months (their first second) whose partition is known to exist
    // A lock waited for this long fails the statement, as SQLite's busy timeout does.
    QList<QByteArray> m_session { "SET client_min_messages = warning", "SET TIME ZONE 'UTC'",
        "SET lock_timeout = 60000" };
    QHash<QString, QStringList> m_keys;
    QString m_shown;
    int m_changes = 0;
    quint64 m_statements = 0;
};

} // namespace activity
