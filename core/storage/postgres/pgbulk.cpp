#include "core/storage/postgres/pgbulk.h"

#include "core/storage/databaseerror.h"
#include "core/storage/postgres/pgconnection.h"

#include <QRegularExpression>
#include <algorithm>
#include <cctype>
#include <libpq-fe.h>
#include <utility>

namespace activity {

namespace {
QList<QByteArray> splitNames(const QByteArray& list)
{
    QList<QByteArray> names;
    for (const QByteArray& name : list.split(','))
        names << name.trimmed();
    return names;
}
} // namespace

PgBulkForm PgBulkForm::of(const QByteArray& sql, int paramCount)
{
    static const QRegularExpression insert(
        QStringLiteral(R"(^\s*INSERT\s+INTO\s+(\w+)\s*\(([\w\s,"]+)\)\s*VALUES\s*\(([$\d\s,]+)\)\s*)"
                       R"((ON\s+CONFLICT\s*(\(([\w\s,"]+)\))?\s*DO\s+.*?)?\s*;?\s*$)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = insert.match(QString::fromUtf8(sql));
    if (!m.hasMatch() || paramCount == 0)
        return {};
    PgBulkForm form;
    const QList<QByteArray> columns = splitNames(m.captured(2).toUtf8());
    const QList<QByteArray> values = splitNames(m.captured(3).toUtf8());
    if (columns.size() != values.size())
        return {};
    QList<bool> used(paramCount, false);
    for (const QByteArray& value : values) {
        bool number = false;
        const int param = value.startsWith('$') ? value.mid(1).toInt(&number) - 1 : -1;
        if (!number || param < 0 || param >= paramCount || used[param])
            return {}; // a parameter used twice or not at all: not a row of values
        used[param] = true;
        form.params << param;
    }
    if (used.contains(false))
        return {};
    form.table = m.captured(1).toUtf8();
    form.columns = m.captured(2).toUtf8().simplified();
    form.onConflict = m.captured(4).toUtf8().trimmed();
    // An update that reads a parameter, or a RETURNING: one statement per row after all.
    if (form.onConflict.contains('$') || form.onConflict.toUpper().contains("RETURNING"))
        return {};
    if (!m.captured(6).isEmpty()) {
        form.target = m.captured(5).toUtf8();
        for (const QByteArray& name : splitNames(m.captured(6).toUtf8())) {
            const qsizetype at = columns.indexOf(name);
            if (at < 0)
                return {}; // a key column that is not given: the rows' keys are not known
            form.keyParams << form.params[at];
        }
    }
    return form;
}

PgBulkQueue::PgBulkQueue(PgConnection& connection)
    : m_connection(connection)
{ }

void PgBulkQueue::add(const QByteArray& sql, const PgBulkForm& form, const QByteArray& row, const QByteArray& key)
{
    auto self = std::find_if(m_bulks.begin(), m_bulks.end(), [&](const Bulk& b) { return b.sql == sql; });
    if (self == m_bulks.end()) {
        Bulk bulk;
        bulk.sql = sql;
        bulk.form = form;
        if (!form.onConflict.isEmpty())
            bulk.stage = "activity_stage_" + QByteArray::number(m_bulks.size() + 1);
        m_bulks.push_back(std::move(bulk));
        self = std::prev(m_bulks.end());
    }
    // Other INSERTs into the table waiting: they go first unless both are upserts on the same key, of other rows
    // (those commute).
    for (Bulk& other : m_bulks) {
        if (&other == &*self || other.rows.isEmpty() || other.form.table != form.table)
            continue;
        const bool commute = !form.target.isEmpty() && other.form.target == form.target && !other.keys.contains(key);
        if (!commute)
            flush(other);
    }
    if (!form.target.isEmpty() && self->keys.contains(key))
        flush(*self);
    if (self->rows.isEmpty())
        self->since = m_next++;
    self->rows += row;
    if (!form.target.isEmpty())
        self->keys.insert(key);
    if (self->rows.size() >= kFlushBytes)
        flush(*self);
}

bool PgBulkQueue::touches(const QByteArray& sql, const QByteArray& table) const
{
    // Reads and writes of other tables may pass the rows waiting; anything else (COMMIT, NOTIFY, DDL) or a
    // statement naming the table sends them first.
    static const QList<QByteArray> passes { "SELECT", "INSERT", "UPDATE", "DELETE" };
    if (!passes.contains(sql.trimmed().left(6).toUpper()))
        return true;
    const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (qsizetype at = sql.indexOf(table); at >= 0; at = sql.indexOf(table, at + 1)) {
        const qsizetype end = at + table.size();
        if ((at == 0 || !word(sql[at - 1])) && (end >= sql.size() || !word(sql[end])))
            return true;
    }
    return false;
}

void PgBulkQueue::flushFor(const QByteArray& sql)
{
    for (const Bulk& b : m_bulks)
        if (!b.rows.isEmpty() && touches(sql, b.form.table)) {
            flushTable(b.form.table);
            flushFor(sql); // the list may have changed: again from the start
            return;
        }
}

void PgBulkQueue::flushAll()
{
    for (const Bulk& b : m_bulks)
        if (!b.rows.isEmpty()) {
            flushTable(b.form.table);
            flushAll();
            return;
        }
}

void PgBulkQueue::flushTable(const QByteArray& table)
{
    // In the order their first rows came.
    for (;;) {
        Bulk* first = nullptr;
        for (Bulk& b : m_bulks)
            if (!b.rows.isEmpty() && b.form.table == table && (!first || b.since < first->since))
                first = &b;
        if (!first)
            return;
        flush(*first);
    }
}

void PgBulkQueue::discard()
{
    for (Bulk& b : m_bulks) {
        b.rows.clear();
        b.keys.clear();
        b.stagedOn = 0; // a stage made in the transaction rolled back is gone with it
    }
}

void PgBulkQueue::flush(Bulk& bulk)
{
    if (bulk.rows.isEmpty())
        return;
    const QByteArray rows = std::exchange(bulk.rows, {});
    bulk.keys.clear();
    PgConnection& c = m_connection;
    c.syncPipeline(); // COPY is not allowed in pipeline mode; what was queued there comes first
    const bool staged = !bulk.stage.isEmpty();
    if (staged && bulk.stagedOn != c.generation()) {
        // Emptied by each commit, in place (TRUNCATE would make a new file at every flush).
        c.runRaw(QByteArray("CREATE TEMP TABLE IF NOT EXISTS " + bulk.stage + " ON COMMIT DELETE ROWS AS SELECT "
            + bulk.form.columns + " FROM " + bulk.form.table + " WITH NO DATA")
                     .constData());
        bulk.stagedOn = c.generation();
    }
    const QByteArray into = staged ? bulk.stage : bulk.form.table;
    pg_conn* conn = c.handle();
    // The stage keeps its rows until the commit: outside a transaction, one of its own around the two statements.
    const bool ownTransaction = staged && PQtransactionStatus(conn) == PQTRANS_IDLE;
    if (ownTransaction)
        c.runRaw("BEGIN");
    PGresult* r = PQexec(conn, QByteArray("COPY " + into + "(" + bulk.form.columns + ") FROM STDIN").constData());
    QString failure;
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        failure = c.failureOf(r);
        PQclear(r);
    } else {
        PQclear(r);
        if (PQputCopyData(conn, rows.constData(), int(rows.size())) != 1 || PQputCopyEnd(conn, nullptr) != 1)
            failure = c.lastError();
        while (PGresult* done = PQgetResult(conn)) {
            if (PQresultStatus(done) != PGRES_COMMAND_OK && failure.isEmpty())
                failure = c.failureOf(done);
            PQclear(done);
        }
    }
    if (!failure.isEmpty()) {
        if (ownTransaction)
            PQclear(PQexec(conn, "ROLLBACK"));
        throw DatabaseError(failure);
    }
    if (!staged)
        return;
    // Moved in one statement: the stage's rows are deleted as they go in (the commit empties what is left, if any).
    try {
        c.runRaw(QByteArray("WITH moved AS (DELETE FROM " + bulk.stage + " RETURNING " + bulk.form.columns
            + ") INSERT INTO " + bulk.form.table + "(" + bulk.form.columns + ") SELECT " + bulk.form.columns
            + " FROM moved " + bulk.form.onConflict)
                     .constData());
    } catch (const DatabaseError&) {
        if (ownTransaction)
            PQclear(PQexec(conn, "ROLLBACK"));
        throw;
    }
    if (ownTransaction)
        c.runRaw("COMMIT");
}

} // namespace activity
