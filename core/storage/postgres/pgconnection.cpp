#include "core/storage/postgres/pgconnection.h"

#include "core/secrets/secretmask.h"
#include "core/storage/databaseerror.h"
#include "core/storage/postgres/pgdialect.h"
#include "core/storage/postgres/pgschema.h"
#include "core/storage/requestkeys.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QThread>
#include <QTimeZone>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <libpq-fe.h>
#include <utility>

namespace activity {

namespace {
// Type OIDs of pg_type, as the server reports a column's type.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

class PgStatement final : public PreparedStatement {
public:
    PgStatement(PgConnection& owner, const char* sql)
        : m_owner(owner)
        , m_lifetime(owner.lifetime())
    {
        int count = 0;
        m_sql = PgConnection::translatePlaceholders(owner.dialect(sql).constData(), &count);
        m_values.resize(count);
        m_null.fill(true, count);
        m_types.fill(0, count);
        m_binary.fill(0, count);
        m_bulk = PgBulkForm::of(m_sql, count);
    }
    ~PgStatement() override
    {
        PQclear(m_result);
        if (m_lifetime.expired())
            return;
        if (!m_name.isEmpty() && m_preparedOn == m_owner.generation() && PQstatus(m_owner.handle()) == CONNECTION_OK
            && !m_owner.inTransaction())
            PQclear(PQexec(m_owner.handle(), QByteArray("DEALLOCATE " + m_name).constData()));
        // Inside a transaction (a failed one refuses every statement) it is left to the session's end.
    }
    PgStatement(const PgStatement&) = delete;
    PgStatement& operator=(const PgStatement&) = delete;

    void bindInt64(int index, qint64 value) override { set(index, QByteArray::number(value), kInt8, false); }
    void bindDouble(int index, double value) override
    {
        set(index, QByteArray::number(value, 'g', 17), kFloat8, false);
    }
    void bindText(int index, const char* utf8, int length, bool) override
    {
        set(index, PgConnection::validText(utf8, length), 0, false);
    }
    void bindBlob(int index, const void* data, int length, bool) override
    {
        set(index, QByteArray(static_cast<const char*>(data), length), kBytea, true);
    }
    void bindNull(int index) override
    {
        check(index);
        m_null[index - 1] = true;
    }

    bool step() override
    {
        if (!m_result)
            run();
        ++m_row;
        m_unescaped.clear();
        return m_row < PQntuples(m_result);
    }
    void reset() override
    {
        PQclear(m_result);
        m_result = nullptr;
        m_row = -1;
        m_null.fill(true);
        m_unescaped.clear();
    }

    qint64 int64(int column) const override
    {
        if (PQgetisnull(m_result, m_row, column))
            return 0;
        const char* v = PQgetvalue(m_result, m_row, column);
        if (PQftype(m_result, column) == kBool)
            return v[0] == 't' ? 1 : 0;
        return std::strtoll(v, nullptr, 10);
    }
    double real(int column) const override
    {
        return PQgetisnull(m_result, m_row, column) ? 0.0 : std::strtod(PQgetvalue(m_result, m_row, column), nullptr);
    }
    QByteArrayView bytes(int column) const override
    {
        if (PQgetisnull(m_result, m_row, column))
            return {};
        if (PQftype(m_result, column) != kBytea)
            return QByteArrayView(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
        // bytea comes as text (\x hex): decoded once per row and column.
        auto it = m_unescaped.find(column);
        if (it == m_unescaped.end()) {
            size_t length = 0;
            unsigned char* raw
                = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(m_result, m_row, column)), &length);
            it = m_unescaped.insert(column, QByteArray(reinterpret_cast<const char*>(raw), qsizetype(length)));
            PQfreemem(raw);
        }
        return QByteArrayView(it.value());
    }
    Type type(int column) const override
    {
        if (PQgetisnull(m_result, m_row, column))
            return Type::Null;
        switch (PQftype(m_result, column)) {
        case kBool:
        case kInt2:
        case kInt4:
        case kInt8:
        case kOid:
            return Type::Integer;
        case kFloat4:
        case kFloat8:
        case kNumeric:
            return Type::Real;
        case kBytea:
            return Type::Blob;
        default:
            return Type::Text;
        }
    }
    int columnCount() const override { return m_result ? PQnfields(m_result) : 0; }

    void execQueued() override
    {
        m_owner.ensureConnected();
        if (!m_owner.inTransaction()) { // alone, it would be a transaction of its own: run now
            while (step()) { }
            return;
        }
        if (m_bulk.ok()) {
            m_owner.bulkRow(m_sql, m_bulk, copyRow(), bulkKey());
            return;
        }
        if (m_preparedOn != m_owner.generation() || m_preparedTypes != m_types) {
            m_owner.before(m_sql);
            prepare(int(m_values.size()));
            if (m_preparedOn != m_owner.generation()) { // not preparable: run it now for its error
                while (step()) { }
                return;
            }
        }
        const int n = int(m_values.size());
        const Params params = this->params();
        m_owner.willQueue(m_sql);
        if (!PQsendQueryPrepared(m_owner.handle(), m_name.constData(), n, params.values.constData(),
                params.lengths.constData(), m_binary.constData(), 0)) {
            const QString message = m_owner.lastError();
            m_owner.drainQueue();
            throw DatabaseError(message);
        }
        m_owner.queued();
    }

private:
    // The values of the conflict key's parameters: rows with the same are the same row.
    QByteArray bulkKey() const
    {
        QByteArray key;
        for (const int param : m_bulk.keyParams) {
            key += m_null[param] ? QByteArray("\x1e") : m_values[param];
            key += '\x1f';
        }
        return key;
    }
    // The bound values as a line of COPY's text format.
    QByteArray copyRow() const
    {
        QByteArray row;
        for (qsizetype column = 0; column < m_bulk.params.size(); ++column) {
            const int i = m_bulk.params[column];
            if (column)
                row += '\t';
            if (m_null[i]) {
                row += "\\N";
                continue;
            }
            if (m_binary[i]) { // bytea's hex form; its backslash escaped for COPY
                row += "\\\\x";
                row += m_values[i].toHex();
                continue;
            }
            for (const char c : m_values[i]) {
                if (c == '\0') // as a text parameter: it ends at a NUL (PostgreSQL's text holds none)
                    break;
                switch (c) {
                case '\\':
                    row += "\\\\";
                    break;
                case '\t':
                    row += "\\t";
                    break;
                case '\n':
                    row += "\\n";
                    break;
                case '\r':
                    row += "\\r";
                    break;
                default:
                    row += c;
                }
            }
        }
        row += '\n';
        return row;
    }

    // The bound values as libpq takes them (NULL for a null), valid while m_values is unchanged.
    struct Params {
        QList<const char*> values;
        QList<int> lengths;
    };
    Params params() const
    {
        Params p { QList<const char*>(m_values.size()), QList<int>(m_values.size()) };
        for (qsizetype i = 0; i < m_values.size(); ++i) {
            p.values[i] = m_null[i] ? nullptr : m_values[i].constData();
            p.lengths[i] = int(m_values[i].size());
        }
        return p;
    }

    void check(int index) const
    {
        if (index < 1 || index > m_values.size())
            throw DatabaseError(
                QStringLiteral("bind: parameter %1 out of range (1 to %2)").arg(index).arg(m_values.size()));
    }
    void set(int index, QByteArray value, Oid type, bool binary)
    {
        check(index);
        m_values[index - 1] = std::move(value);
        m_null[index - 1] = false;
        m_types[index - 1] = type;
        m_binary[index - 1] = binary ? 1 : 0;
    }
    void run()
    {
        m_owner.ensureConnected();
        m_owner.before(m_sql);
        const int n = int(m_values.size());
        const Params params = this->params();
        // Run once: sent with its text. Run again (the ingest's statements, a loop's): prepared on the server once
        // per connection, so each later run costs no parse and no plan.
        if (++m_runs >= 2 && (m_preparedOn != m_owner.generation() || m_preparedTypes != m_types))
            prepare(n);
        if (m_preparedOn == m_owner.generation() && m_preparedTypes == m_types)
            m_result = PQexecPrepared(m_owner.handle(), m_name.constData(), n, params.values.constData(),
                params.lengths.constData(), m_binary.constData(), 0);
        else
            m_result = PQexecParams(m_owner.handle(), m_sql.constData(), n, m_types.constData(),
                params.values.constData(), params.lengths.constData(), m_binary.constData(), 0);
        const ExecStatusType status = PQresultStatus(m_result);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
            m_owner.afterStatement(PQcmdStatus(m_result));
        if (status == PGRES_COMMAND_OK) {
            m_owner.setChanges(std::atoi(PQcmdTuples(m_result)));
        } else if (status == PGRES_TUPLES_OK) {
            if (std::strncmp(PQcmdStatus(m_result), "SELECT", 6) != 0) // INSERT ... RETURNING
                m_owner.setChanges(std::atoi(PQcmdTuples(m_result)));
        } else {
            const QString message = m_owner.failureOf(m_result);
            PQclear(m_result);
            m_result = nullptr;
            throw DatabaseError(message.isEmpty() ? m_owner.lastError() : message);
        }
        m_row = -1;
    }

    void prepare(int n)
    {
        m_name = m_owner.nextStatementName();
        PGresult* r = PQprepare(m_owner.handle(), m_name.constData(), m_sql.constData(), n, m_types.constData());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (ok) { // else sent with its text, as before: the error, if any, comes from running it
            m_preparedOn = m_owner.generation();
            m_preparedTypes = m_types;
        }
    }

    PgConnection& m_owner;
    std::weak_ptr<const char> m_lifetime;
    QByteArray m_sql;
    PgBulkForm m_bulk;
    QByteArray m_name;
    quint64 m_preparedOn = 0; // the connection's generation it was prepared on; 0: never
    QList<Oid> m_preparedTypes;
    int m_runs = 0;
    QList<QByteArray> m_values;
    QList<bool> m_null;
    QList<Oid> m_types;
    QList<int> m_binary;
    PGresult* m_result = nullptr;
    int m_row = -1;
    mutable QHash<int, QByteArray> m_unescaped;
};
} // namespace

PgConnection::PgConnection(const QString& url)
    : m_shown(withoutPassword(url))
{
    m_conn = PQconnectdb(url.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString message = lastError();
        PQfinish(m_conn);
        m_conn = nullptr;
        throw DatabaseError(QStringLiteral("cannot connect to %1: %2").arg(m_shown, message));
    }
    setUpSession();
}

void PgConnection::willQueue(const QByteArray& sql)
{
    m_bulk.flushFor(sql);
    if (PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF && !PQenterPipelineMode(m_conn))
        throw DatabaseError(QStringLiteral("cannot queue statements on %1: %2").arg(m_shown, lastError()));
}

void PgConnection::queued()
{
    if (++m_queued >= kQueueDepth)
        drainQueue();
}

void PgConnection::drainQueue()
{
    syncPipeline();
    m_bulk.flushAll();
}

void PgConnection::before(const QByteArray& sql)
{
    syncPipeline();
    m_bulk.flushFor(sql);
}

void PgConnection::syncPipeline()
{
    if (PQpipelineStatus(m_conn) == PQ_PIPELINE_OFF)
        return;
    QString failure;
    if (PQpipelineSync(m_conn)) {
        // One answer (and a null) per statement, then the sync's. A sync inside BEGIN ... COMMIT commits nothing.
        for (;;) {
            PGresult* r = PQgetResult(m_conn);
            if (!r) {
                if (PQstatus(m_conn) != CONNECTION_OK)
                    break;
                continue;
            }
            const ExecStatusType status = PQresultStatus(r);
            if (status == PGRES_FATAL_ERROR && failure.isEmpty())
                failure = failureOf(r);
            PQclear(r);
            if (status == PGRES_PIPELINE_SYNC)
                break;
        }
    }
    if (failure.isEmpty() && PQstatus(m_conn) != CONNECTION_OK)
        failure = lastError();
    m_queued = 0;
    PQexitPipelineMode(m_conn);
    if (!failure.isEmpty())
        throw DatabaseError(failure);
}

void PgConnection::setUpSession()
{
    // Warnings only, times in UTC; what a caller set (read-only, lock timeout) again after a reconnect.
    for (const QByteArray& sql : m_session)
        run(sql.constData());
}

void PgConnection::ensureConnected()
{
    if (PQstatus(m_conn) == CONNECTION_OK)
        return;
    if (m_transaction)
        throw DatabaseError(
            QStringLiteral("lost the connection to %1 in the middle of a transaction (nothing of it was kept)")
                .arg(m_shown));
    reconnect();
}

void PgConnection::reconnect()
{
    PQreset(m_conn);
    if (PQstatus(m_conn) != CONNECTION_OK)
        throw DatabaseError(QStringLiteral("cannot connect to %1: %2").arg(m_shown, lastError()));
    setUpSession();
    m_standby = -1; // a replica may have been promoted meanwhile
    ++m_generation; // statements prepared on the old session are gone
    ++m_version; // what was committed while away was not heard of
}

bool PgConnection::committedWhileAway(const QString& why)
{
    // The connection went with COMMIT's answer: the server may have committed or not. It keeps the fate of recent
    // transactions (pg_xact_status), so ask it rather than retry a batch it may already hold.
    for (int attempt = 0;; ++attempt) {
        try {
            reconnect();
            break;
        } catch (const DatabaseError& e) {
            if (attempt >= 10)
                throw DatabaseError(QStringLiteral("lost the connection to %1 while committing (%2), and it does not "
                                                   "answer to say whether the transaction was kept: %3")
                                        .arg(m_shown, why, e.message()));
            QThread::msleep(500);
        }
    }
    const QByteArray status = value(QByteArray("SELECT pg_xact_status('" + m_xid + "'::xid8)").constData());
    return status == "committed";
}

QByteArray PgConnection::dialect(const char* sql)
{
    return PgDialect::translate(QByteArray(sql), [this](const QString& table) { return primaryKey(table); });
}

QStringList PgConnection::primaryKey(const QString& table)
{
    if (auto it = m_keys.constFind(table); it != m_keys.constEnd())
        return it.value();
    syncPipeline();
    QStringList keys;
    const QByteArray name = table.toUtf8();
    const char* values[] = { name.constData() };
    PGresult* r = PQexecParams(m_conn,
        "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
        "WHERE i.indrelid = to_regclass($1) AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)",
        1, nullptr, values, nullptr, nullptr, 0);
    if (PQresultStatus(r) == PGRES_TUPLES_OK)
        for (int row = 0; row < PQntuples(r); ++row)
            keys << QString::fromUtf8(PQgetvalue(r, row, 0));
    PQclear(r);
    if (!keys.isEmpty())
        m_keys.insert(table, keys);
    return keys;
}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

QString PgConnection::lastError() const
{
    return QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
}

std::unique_ptr<PreparedStatement> PgConnection::prepare(const char* sql)
{
    return std::make_unique<PgStatement>(*this, sql);
}

void PgConnection::exec(const char* sql)
{
    const QByteArray text = QByteArray(sql).trimmed().toUpper();
    const bool ends = text == "COMMIT" || text == "ROLLBACK" || text == "END";
    if (ends && text == "ROLLBACK") {
        m_bulk.discard();
        m_months.clear(); // partitions made in the transaction are gone with it
        try {
            syncPipeline(); // their failure, if any, is what is being rolled back
        } catch (const DatabaseError&) { }
        if (PQstatus(m_conn) != CONNECTION_OK) {
            m_transaction = false; // the server dropped it with the connection
            return;
        }
    }
    ensureConnected();
    const QByteArray translated = dialect(sql);
    try {
        // Readers listening hear of it when it commits (dataVersion()).
        if (text == "COMMIT" && m_writing) {
            run(kNotify);
            before(translated); // a failure sending what waits is the transaction's own: not in doubt
            try {
                runRaw(translated.constData());
            } catch (const DatabaseError& e) {
                if (PQstatus(m_conn) == CONNECTION_OK || m_xid.isEmpty())
                    throw;
                m_transaction = false;
                m_writing = false;
                if (committedWhileAway(e.message()))
                    return;
                throw DatabaseError(
                    QStringLiteral("lost the connection to %1 while committing; the server had not kept the "
                                   "transaction (%2)")
                        .arg(m_shown, e.message()));
            }
        } else {
            afterStatement(run(translated.constData()));
        }
    } catch (const DatabaseError&) {
        if (ends)
            m_transaction = false;
        throw;
    }
    if (text.startsWith("BEGIN") || text.startsWith("START TRANSACTION"))
        m_transaction = true;
    else if (ends)
        m_transaction = false;
    if (!m_transaction)
        m_writing = false;
}

void PgConnection::afterStatement(const QByteArray& tag)
{
    // A change made outside a transaction committed at once: readers hear of it as of a COMMIT.
    static const QList<QByteArray> changes { "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "TRUNCATE" };
    if (PQtransactionStatus(m_conn) != PQTRANS_IDLE)
        return;
    for (const QByteArray& change : changes) {
        if (tag.startsWith(change)) {
            const int changed = m_changes;
            run(kNotify);
            m_changes = changed;
            return;
        }
    }
}

void PgConnection::beginWrite()
{
    exec("BEGIN");
    // Writers take turns, as on SQLite (BEGIN IMMEDIATE): the ingest reads the highest ids and the rollups it
    // adds to inside its transaction. Waits up to the lock timeout (setBusyTimeoutMs).
    try {
        m_xid = value(kWriteTurn); // its id, to ask about a COMMIT whose answer is lost
    } catch (const DatabaseError&) {
        m_transaction = false; // first: a ROLLBACK on a lost connection fails too, and the next call reconnects
        PQclear(PQexec(m_conn, "ROLLBACK"));
        throw;
    }
    m_writing = true;
}

QString PgConnection::failureOf(const pg_result* result) const
{
    QString message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    // 42501 insufficient_privilege: a viewer's login asked to write.
    const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
    if (state && std::strcmp(state, "42501") == 0)
        return QStringLiteral("this login may only read %1 (%2); adding or changing sources, pages, rules and "
                              "settings needs a login with the role %3")
            .arg(m_shown, message, QLatin1String(PgSchema::kCollectorRole));
    return message;
}

QByteArray PgConnection::run(const char* sql)
{
    before(sql);
    return runRaw(sql);
}

QByteArray PgConnection::value(const char* sql)
{
    before(sql);
    PGresult* r = PQexec(m_conn, sql);
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 && PQnfields(r) > 0) {
        QByteArray v(PQgetvalue(r, 0, PQnfields(r) - 1));
        PQclear(r);
        return v;
    }
    const QString message = PQresultStatus(r) == PGRES_TUPLES_OK ? QString() : failureOf(r);
    PQclear(r);
    if (!message.isEmpty() || PQstatus(m_conn) != CONNECTION_OK)
        throw DatabaseError(message.isEmpty() ? lastError() : message);
    return {};
}

QByteArray PgConnection::runRaw(const char* sql)
{
    PGresult* r = PQexec(m_conn, sql);
    const ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        m_changes = std::atoi(PQcmdTuples(r));
        QByteArray tag(PQcmdStatus(r));
        PQclear(r);
        return tag;
    }
    const QString message = failureOf(r);
    PQclear(r);
    throw DatabaseError(message.isEmpty() ? lastError() : message);
}

qint64 PgConnection::lastInsertId() const
{
    // The value the last sequence (a SERIAL or IDENTITY column) gave in this session.
    const_cast<PgConnection*>(this)->syncPipeline();
    PGresult* r = PQexec(m_conn, "SELECT lastval()");
    const qint64 id = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1
        ? std::strtoll(PQgetvalue(r, 0, 0), nullptr, 10)
        : 0;
    PQclear(r);
    return id;
}

bool PgConnection::inTransaction() const
{
    if (PQstatus(m_conn) != CONNECTION_OK)
        return m_transaction;
    const PGTransactionStatusType s = PQtransactionStatus(m_conn);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

int PgConnection::userVersion()
{
    // SQLite keeps it in the file's header; here a row of activity_meta (none yet: 0).
    syncPipeline();
    PGresult* exists = PQexec(m_conn, "SELECT to_regclass('activity_meta') IS NOT NULL");
    const bool hasTable = PQresultStatus(exists) == PGRES_TUPLES_OK && PQgetvalue(exists, 0, 0)[0] == 't';
    PQclear(exists);
    if (!hasTable)
        return 0;
    auto st = prepare("SELECT value FROM activity_meta WHERE key = 'user_version'");
    return st->step() ? int(st->int64(0)) : 0;
}

void PgConnection::setUserVersion(int version)
{
    exec("CREATE TABLE IF NOT EXISTS activity_meta(key TEXT COLLATE \"C\" PRIMARY KEY, value BIGINT NOT NULL)");
    auto st = prepare("INSERT INTO activity_meta(key, value) VALUES ('user_version', ?) "
                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    st->bindInt64(1, version);
    while (st->step()) { }
}

qint64 PgConnection::dataVersion()
{
    // Every write transaction sends a notification when it commits (exec("COMMIT")); this connection counts those
    // of other connections, as SQLite's data_version does. The first call starts listening.
    ensureConnected();
    syncPipeline();
    // A streaming replica (windows pointed at one) relays no notification and refuses LISTEN: there, what the
    // primary committed shows as the replayed WAL position moving.
    if (m_standby < 0)
        m_standby = value("SELECT pg_is_in_recovery()::int").toInt();
    if (m_standby == 1) {
        const QByteArray replayed = value("SELECT pg_last_wal_replay_lsn()::text");
        if (replayed != m_replayed) {
            if (!m_replayed.isNull())
                ++m_version;
            m_replayed = replayed;
        }
        return m_version;
    }
    if (!m_session.contains(kListen)) {
        m_session << kListen;
        run(kListen);
    }
    PQconsumeInput(m_conn);
    const int own = PQbackendPID(m_conn);
    while (PGnotify* n = PQnotifies(m_conn)) {
        if (n->be_pid != own)
            ++m_version;
        PQfreemem(n);
    }
    return m_version;
}

qint64 PgConnection::writerTurn()
{
    if (!m_writing)
        throw DatabaseError(QStringLiteral("writerTurn() outside a write transaction"));
    // Writers already take turns (beginWrite's lock). Each hands out request ids from what it last saw, and a
    // notification of another's commit does not reach a session inside a transaction (it waited for the lock
    // there): so the store counts turns (activity_meta 'writer_turns'), and a count that moved by more than our own
    // turns means another writer wrote.
    auto turn = prepare("INSERT INTO activity_meta(key, value) VALUES ('writer_turns', 1) ON CONFLICT(key) DO "
                        "UPDATE SET value = activity_meta.value + 1 RETURNING value");
    const qint64 turns = turn->step() ? turn->int64(0) : 0;
    while (turn->step()) { }
    return turns - ++m_ownTurns;
}

namespace {
// A month's partition of requests: its name and its bounds as request ids (RequestKeys: id = ts << 20 | n).
struct MonthPartition {
    qint64 from = 0; // seconds
    qint64 to = 0;
    QByteArray name;
};
MonthPartition monthOf(qint64 ts)
{
    const QDate day = QDateTime::fromSecsSinceEpoch(ts, QTimeZone::utc()).date();
    const QDate first(day.year(), day.month(), 1);
    MonthPartition m;
    m.from = QDateTime(first, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    m.to = QDateTime(first.addMonths(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    m.name = QStringLiteral("requests_%1").arg(first.toString(QStringLiteral("yyyyMM"))).toLatin1();
    return m;
}
} // namespace

std::pair<qint64, qint64> PgConnection::roomForRequests(qint64 ts)
{
    if (m_partitioned < 0) // team stores made before partitions keep one table
        m_partitioned
            = int(value("SELECT count(*) FROM pg_partitioned_table WHERE partrelid = to_regclass('requests')").toInt());
    if (m_partitioned == 0)
        return Connection::roomForRequests(ts);
    const MonthPartition m = monthOf(qMax(qint64(0), ts));
    if (!m_months.contains(m.from)) {
        // Made in the writer's transaction: gone again if it rolls back (then m_months is cleared).
        exec(QByteArray("CREATE TABLE IF NOT EXISTS " + m.name + " PARTITION OF requests FOR VALUES FROM ("
            + QByteArray::number(RequestKeys::firstId(m.from)) + ") TO ("
            + QByteArray::number(RequestKeys::firstId(m.to)) + ")")
                 .constData());
        m_months.insert(m.from);
    }
    return { m.from, m.to };
}

qint64 PgConnection::dropRequestsBefore(qint64 id)
{
    roomForRequests(0); // asks whether requests is partitioned
    if (m_partitioned == 0)
        return 0;
    QList<QByteArray> drop;
    auto st = prepare("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                      "WHERE i.inhparent = to_regclass('requests') ORDER BY 1");
    while (st->step()) {
        const QByteArray name = QByteArray(st->bytes(0).data(), st->bytes(0).size());
        const QDate month = QDate::fromString(QString::fromLatin1(name.mid(9)), QStringLiteral("yyyyMM"));
        if (month.isValid()
            && RequestKeys::firstId(QDateTime(month.addMonths(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch())
                <= id)
            drop << name;
    }
    qint64 rows = 0;
    for (const QByteArray& name : drop) {
        rows += value(QByteArray("SELECT count(*) FROM " + name).constData()).toLongLong();
        exec(QByteArray("DROP TABLE " + name).constData());
        m_months.clear(); // a writer may write there again (a late line): it makes the month anew
    }
    return rows;
}

int PgConnection::notificationSocket() const
{
    return m_session.contains(kListen) ? PQsocket(m_conn) : -1;
}

void PgConnection::setBusyTimeoutMs(int ms)
{
    remember(QStringLiteral("SET lock_timeout = %1").arg(qMax(0, ms)).toUtf8());
}

void PgConnection::remember(const QByteArray& sessionSql)
{
    const auto nameOf = [](const QByteArray& s) { return s.left(s.indexOf('=')); };
    const QByteArray name = nameOf(sessionSql);
    m_session.removeIf([&](const QByteArray& s) { return nameOf(s) == name; });
    m_session << sessionSql;
    exec(sessionSql.constData());
}

QByteArray PgConnection::validText(const char* utf8, int length)
{
    QByteArray text(utf8, length);
    // Valid UTF-8 without NUL is most text: kept as it is.
    if (!text.contains('\0') && QByteArrayView(text).isValidUtf8())
        return text;
    // What the window shows of such bytes (QString::fromUtf8): U+FFFD for each invalid sequence; NUL too.
    text = QString::fromUtf8(text).toUtf8();
    return text.replace('\0', "\xEF\xBF\xBD");
}

QByteArray PgConnection::translatePlaceholders(const char* sql, int* count)
{
    QByteArray out;
    int highest = 0;
    for (const char* p = sql; *p; ++p) {
        const char c = *p;
        if (c == '\'' || c == '"') { // a literal or a quoted name, copied as it is ('' and "" stay inside)
            out += c;
            while (*++p) {
                out += *p;
                if (*p == c) {
                    if (p[1] == c) {
                        out += *++p;
                        continue;
                    }
                    break;
                }
            }
            if (!*p)
                break;
            continue;
        }
        if (c == '-' && p[1] == '-') { // a comment to the end of the line
            while (*p && *p != '\n')
                out += *p++;
            if (!*p)
                break;
            out += *p;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        int n = 0;
        while (p[1] >= '0' && p[1] <= '9')
            n = n * 10 + (*++p - '0');
        if (n == 0)
            n = highest + 1;
        highest = qMax(highest, n);
        out += '$' + QByteArray::number(n);
    }
    if (count)
        *count = highest;
    return out;
}

QString PgConnection::withoutPassword(const QString& url)
{
    if (url.contains(QLatin1String("://")))
        return SecretMask::url(url);
    // key=value form
    return QString(url).replace(QRegularExpression(QStringLiteral("password\\s*=\\s*('[^']*'|\\S+)")),
        QStringLiteral("password=") + SecretMask::mask());
}

} // namespace activity
