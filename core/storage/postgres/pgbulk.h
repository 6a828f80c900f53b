#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <vector>

namespace activity {

class PgConnection;

// What a queued INSERT looks like, when its rows can go in bulk: `INSERT INTO t(a, b) VALUES($2, $1)` with only
// parameters as values, and an optional ON CONFLICT clause.
struct PgBulkForm {
    QByteArray table;
    QByteArray columns; // "a, b"
    QList<int> params; // the parameter (0-based) bound to each column
    QByteArray onConflict; // "ON CONFLICT (a) DO UPDATE SET ..." or empty for a plain INSERT
    QByteArray target; // the conflict target's columns, "(a)"; empty when not named
    QList<int> keyParams; // the parameters of the target's columns: two rows with the same are the same row

    bool ok() const { return !table.isEmpty(); }
    // `sql` in PostgreSQL's words with `$N` parameters; an empty form when it is not such an INSERT.
    static PgBulkForm of(const QByteArray& sql, int paramCount);
};

// The rows of queued INSERTs waiting to be sent in bulk: a plain INSERT's by COPY into its table, an upsert's
// by COPY into a temporary table of the session and then one INSERT ... SELECT ... ON CONFLICT. Sent before any
// statement that may read or change their table, before COMMIT, and when they reach a few MiB. Order is kept where
// it matters: a row whose key already waits (one INSERT may not touch a row twice), or rows of another kind of
// INSERT into the same table, first send those waiting.
class PgBulkQueue {
public:
    explicit PgBulkQueue(PgConnection& connection);

    // `sql`: the statement (its identity); `row`: a line of COPY's text format; `key`: the conflict key's values.
    void add(const QByteArray& sql, const PgBulkForm& form, const QByteArray& row, const QByteArray& key);
    // Sends what waits for the tables `sql` may read or change (everything, for a statement other than SELECT,
    // INSERT, UPDATE or DELETE).
    void flushFor(const QByteArray& sql);
    void flushAll();
    // A rolled back transaction: nothing waiting is sent.
    void discard();

private:
    struct Bulk {
        QByteArray sql;
        PgBulkForm form;
        QByteArray stage; // the temporary table of an upsert
        quint64 stagedOn = 0; // the connection's generation it was made on
        QByteArray rows;
        QSet<QByteArray> keys;
        quint64 since = 0; // order of the first row waiting
    };
    bool touches(const QByteArray& sql, const QByteArray& table) const;
    void flush(Bulk& bulk);
    void flushTable(const QByteArray& table);

    PgConnection& m_connection;
    std::vector<Bulk> m_bulks;
    quint64 m_next = 1;
    static constexpr qsizetype kFlushBytes = 4 << 20;
};

} // namespace activity
