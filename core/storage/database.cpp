#include "core/storage/database.h"

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
} // namespace

Statement::Statement(Database& owner, const char* sql)
    : m_owner(&owner)
    , m_db(owner.handle())
{
    sqlite3* db = m_db;
    const int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        throw DatabaseError(
            QStringLiteral("cannot prepare \"%1\": %2").arg(QString::fromUtf8(sql), sqliteMessage(db, rc)));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement&& other) noexcept
    : m_owner(other.m_owner)
    , m_db(other.m_db)
    , m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_owner = other.m_owner;
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

void Statement::check(int rc, const char* what) const
{
    if (rc != SQLITE_OK)
        throw DatabaseError(QStringLiteral("%1: %2").arg(QString::fromUtf8(what), sqliteMessage(m_db, rc)));
}

Statement& Statement::bind(int index, qint64 value)
{
    check(sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    check(sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT), "bind");
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value)
{
    if (value.isNull())
        return bindNull(index);
    check(sqlite3_bind_blob(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT), "bind");
    return *this;
}

Statement& Statement::bindText(int index, const char* utf8, int length)
{
    check(sqlite3_bind_text(m_stmt, index, utf8, length, SQLITE_STATIC), "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, int length)
{
    check(sqlite3_bind_blob(m_stmt, index, length > 0 ? data : "", length, SQLITE_STATIC), "bind");
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

Statement& Statement::bind(int index, const QVariant& value)
{
    if (!value.isValid() || value.isNull())
        return bindNull(index);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::Bool:
        return bind(index, value.toLongLong());
    case QMetaType::Double:
        return bind(index, value.toDouble());
    case QMetaType::QByteArray:
        return bind(index, value.toByteArray());
    default:
        return bind(index, value.toString());
    }
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    m_owner->endWait();
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

void Statement::exec()
{
    while (step()) { }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}
double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}
bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

QByteArrayView Statement::bytes(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

QVariant Statement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return int64(column);
    case SQLITE_FLOAT:
        return real(column);
    case SQLITE_TEXT:
        return text(column);
    case SQLITE_BLOB:
        return blob(column);
    default:
        return {};
    }
}

Database::Database(const QString& path, Mode mode)
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
    sqlite3_busy_handler(m_db, &Database::onBusy, this);
    // Fail early and clearly if the file is not a database at all.
    try {
        exec("PRAGMA foreign_keys = ON");
        if (mode == Mode::ReadWrite) {
            // Before anything is written (WAL mode changes the file header): another program's file stays as is.
            const qint64 appId = queryInt("PRAGMA application_id").value_or(0);
            const bool empty = queryInt("SELECT count(*) FROM sqlite_schema").value_or(0) == 0
                && queryInt("PRAGMA user_version").value_or(0) == 0;
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

Database::~Database()
{
    sqlite3_close_v2(m_db);
    if (m_waitFd >= 0)
        ::close(m_waitFd);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

bool Database::openWaitFile()
{
    if (!m_waitFileTried) {
        m_waitFileTried = true;
        // Beside the database like its -wal and -shm files; without it writers are still correct, only less fair.
        m_waitFd = ::open(
            QFile::encodeName(m_path + QStringLiteral("-wait")).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    }
    return m_waitFd >= 0;
}

int Database::onBusy(void* self, int count)
{
    auto* db = static_cast<Database*>(self);
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

void Database::stopWaiting()
{
    m_waiting = false;
    ::flock(m_waitFd, LOCK_UN);
}

void Database::yieldToWaiters(int maxWaitMs)
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

void Database::exec(const char* sql)
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

std::optional<qint64> Database::queryInt(const char* sql)
{
    Statement statement = prepare(sql);
    if (!statement.step() || statement.isNull(0))
        return std::nullopt;
    return statement.int64(0);
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 Database::dataVersion()
{
    return queryInt("PRAGMA data_version").value_or(0);
}

int Database::userVersion()
{
    return int(queryInt("PRAGMA user_version").value_or(0));
}

void Database::setUserVersion(int version)
{
    exec(QStringLiteral("PRAGMA user_version = %1").arg(version).toUtf8().constData());
}

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_joined(db.inTransaction())
{
    if (!m_joined)
        m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done && !m_joined) {
        try {
            m_db.exec("ROLLBACK");
        } catch (const DatabaseError& e) { // nothing more to do while unwinding
            qCWarning(lcStorage) << "rollback failed:" << e.message();
        }
    }
}

void Transaction::commit()
{
    if (!m_joined)
        m_db.exec("COMMIT");
    m_done = true;
}

} // namespace activity
