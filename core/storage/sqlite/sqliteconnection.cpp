#include "core/storage/sqlite/sqliteconnection.h"

#include "core/storage/databaseerror.h"
#include "core/storage/migrations.h"
#include "core/util/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QThread>
#include <cerrno>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

namespace activity {

namespace {
QString sqliteMessage(sqlite3* db, int rc)
{
    return db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
}

class SqliteStatement final : public PreparedStatement {
public:
    SqliteStatement(SqliteConnection& owner, const char* sql)
        : m_owner(owner)
        , m_db(owner.handle())
    {
        const int rc = sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
        if (rc != SQLITE_OK)
            throw DatabaseError(
                QStringLiteral("cannot prepare \"%1\": %2").arg(QString::fromUtf8(sql), sqliteMessage(m_db, rc)));
    }
    ~SqliteStatement() override { sqlite3_finalize(m_stmt); }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    void bindInt64(int index, qint64 value) override { check(sqlite3_bind_int64(m_stmt, index, value)); }
    void bindDouble(int index, double value) override { check(sqlite3_bind_double(m_stmt, index, value)); }
    void bindText(int index, const char* utf8, int length, bool copy) override
    {
        check(sqlite3_bind_text(m_stmt, index, utf8, length, copy ? SQLITE_TRANSIENT : SQLITE_STATIC));
    }
    void bindBlob(int index, const void* data, int length, bool copy) override
    {
        // Never NULL: an empty blob is still a blob.
        check(
            sqlite3_bind_blob(m_stmt, index, length > 0 ? data : "", length, copy ? SQLITE_TRANSIENT : SQLITE_STATIC));
    }
    void bindNull(int index) override { check(sqlite3_bind_null(m_stmt, index)); }

    bool step() override
    {
        const int rc = sqlite3_step(m_stmt);
        m_owner.endWait();
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        const QString message = sqliteMessage(m_db, rc);
        sqlite3_reset(m_stmt);
        // The statement is for the log (developers); the user sees the cause.
        qCDebug(lcStorage).noquote() << message << "in" << sqlite3_sql(m_stmt);
        throw DatabaseError(message);
    }
    void reset() override
    {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    qint64 int64(int column) const override { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const override { return sqlite3_column_double(m_stmt, column); }
    QByteArrayView bytes(int column) const override
    {
        // A TEXT column's pointer is never null, even when empty (sqlite3_column_blob's would be).
        const auto* data = sqlite3_column_type(m_stmt, column) == SQLITE_TEXT
            ? reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column))
            : static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
        return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
    }
    Type type(int column) const override
    {
        switch (sqlite3_column_type(m_stmt, column)) {
        case SQLITE_INTEGER:
            return Type::Integer;
        case SQLITE_FLOAT:
            return Type::Real;
        case SQLITE_TEXT:
            return Type::Text;
        case SQLITE_BLOB:
            return Type::Blob;
        default:
            return Type::Null;
        }
    }
    int columnCount() const override { return sqlite3_column_count(m_stmt); }

private:
    void check(int rc) const
    {
        if (rc != SQLITE_OK)
            throw DatabaseError(QStringLiteral("bind: %1").arg(sqliteMessage(m_db, rc)));
    }
    SqliteConnection& m_owner;
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};
} // namespace

SqliteConnection::SqliteConnection(const QString& path, Mode mode)
    : m_path(path)
{
    // SQLite's allocation statistics take a global mutex on every malloc (~4% of an import). Only possible
    // before SQLite initialises; a later call fails harmlessly.
    static const int noMemStatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    Q_UNUSED(noMemStatus);
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = sqliteMessage(m_db, rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw DatabaseError(QStringLiteral("cannot open database %1: %2").arg(path, message));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_handler(m_db, &SqliteConnection::onBusy, this);
    // Fail early and clearly if the file is not a database at all.
    try {
        exec("PRAGMA foreign_keys = ON");
        if (mode == Mode::ReadWrite) {
            // Before anything is written (WAL mode changes the file header): another program's file stays as is.
            const qint64 appId = queryInt("PRAGMA application_id");
            const bool empty
                = queryInt("SELECT count(*) FROM sqlite_schema") == 0 && queryInt("PRAGMA user_version") == 0;
            if (appId != Migrations::kApplicationId && !(appId == 0 && empty))
                throw DatabaseError(QCoreApplication::translate(
                    "Migrations", "%1 is a SQLite database of another program; refusing to change it")
                                        .arg(path));
            exec("PRAGMA journal_mode = WAL");
            // NORMAL in WAL mode never corrupts; a power loss may drop the last commits only.
            exec("PRAGMA synchronous = NORMAL");
        }
        exec("PRAGMA temp_store = MEMORY");
        exec("PRAGMA cache_size = -16000");
        queryInt("SELECT count(*) FROM sqlite_schema");
    } catch (const DatabaseError& e) {
        sqlite3_close(m_db);
        m_db = nullptr;
        if (e.message().endsWith(QLatin1String("refusing to change it")))
            throw;
        throw DatabaseError(QStringLiteral("cannot use %1 as a database: %2").arg(path, e.message()));
    }
}

SqliteConnection::~SqliteConnection()
{
    sqlite3_close_v2(m_db);
    if (m_waitFd >= 0)
        ::close(m_waitFd);
}

std::unique_ptr<PreparedStatement> SqliteConnection::prepare(const char* sql)
{
    return std::make_unique<SqliteStatement>(*this, sql);
}

qint64 SqliteConnection::queryInt(const char* sql)
{
    SqliteStatement statement(*this, sql);
    return statement.step() ? statement.int64(0) : 0;
}

bool SqliteConnection::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

bool SqliteConnection::openWaitFile()
{
    if (!m_waitFileTried) {
        m_waitFileTried = true;
        // Beside the database like its -wal and -shm files; without it writers are still correct, only less fair.
        m_waitFd = ::open(
            QFile::encodeName(m_path + QStringLiteral("-wait")).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    }
    return m_waitFd >= 0;
}

int SqliteConnection::onBusy(void* self, int count)
{
    auto* db = static_cast<SqliteConnection*>(self);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (count == 0) {
        db->m_busySinceMs = now;
        // Say "a writer is waiting" to bulk writers of other processes (see yieldToWaiters).
        if (!db->m_waiting && db->openWaitFile() && ::flock(db->m_waitFd, LOCK_SH | LOCK_NB) == 0)
            db->m_waiting = true;
    }
    if (now - db->m_busySinceMs >= db->m_busyTimeoutMs)
        return 0;
    // Short naps: the other writer's transactions are short, and a long nap would miss the gap between two.
    QThread::usleep(count < 20 ? 500 : 2000);
    return 1;
}

void SqliteConnection::stopWaiting()
{
    m_waiting = false;
    ::flock(m_waitFd, LOCK_UN);
}

void SqliteConnection::yieldToWaiters(int maxWaitMs)
{
    if (!openWaitFile())
        return;
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + maxWaitMs;
    // A waiter holds a shared lock until its statement has begun: our exclusive try fails until then.
    while (::flock(m_waitFd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK || QDateTime::currentMSecsSinceEpoch() >= until)
            return;
        QThread::usleep(500);
    }
    ::flock(m_waitFd, LOCK_UN);
}

void SqliteConnection::exec(const char* sql)
{
    char* error = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &error);
    endWait();
    if (rc != SQLITE_OK) {
        const QString message = error ? QString::fromUtf8(error) : sqliteMessage(m_db, rc);
        sqlite3_free(error);
        throw DatabaseError(message);
    }
}

qint64 SqliteConnection::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteConnection::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 SqliteConnection::dataVersion()
{
    return queryInt("PRAGMA data_version");
}

int SqliteConnection::userVersion()
{
    return int(queryInt("PRAGMA user_version"));
}

void SqliteConnection::setUserVersion(int version)
{
    exec(QStringLiteral("PRAGMA user_version = %1").arg(version).toUtf8().constData());
}

} // namespace activity
