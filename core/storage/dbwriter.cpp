#include "core/storage/dbwriter.h"

#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/logging.h"
#include "core/util/threadjoin.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QThread>

namespace activity {

namespace {
QString messageOf(const std::exception_ptr& error)
{
    if (!error)
        return {};
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    } catch (...) {
        return QStringLiteral("unknown error");
    }
}

bool isBusy(const DatabaseError& e)
{
    const QString m = e.message();
    return m.contains(QLatin1String("database is locked")) || m.contains(QLatin1String("database table is locked"));
}
} // namespace

// Not QThread::create(): that goes through std::async (see IngestPipeline).
class DbWriter::Thread final : public QThread {
public:
    explicit Thread(DbWriter* owner)
        : m_owner(owner)
    { }

protected:
    void run() override
    {
        m_owner->loop();
        markThreadEnd(this);
    }

private:
    DbWriter* m_owner;
};

DbWriter::DbWriter(const QString& databasePath)
    : m_path(databasePath)
{
    m_thread = std::make_unique<Thread>(this);
    m_thread->setObjectName(QStringLiteral("db-writer"));
    m_thread->start();
    std::unique_lock lock(m_mutex);
    m_finished.wait(lock, [this] { return m_ready; });
}

DbWriter::DbWriter(Database& db)
    : m_path(db.path())
    , m_db(&db)
    , m_ready(true)
{ }

DbWriter::~DbWriter()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread->wait();
    markThreadJoined(m_thread.get());
}

QString DbWriter::openError() const
{
    std::lock_guard lock(m_mutex);
    return m_openError;
}

bool DbWriter::onWriterThread() const
{
    return !m_thread || QThread::currentThread() == m_thread.get();
}

bool DbWriter::open()
{
    try {
        m_own = std::make_unique<Database>(m_path);
        Migrations::migrate(*m_own);
        if (!m_own->isPostgres()) {
            // Every write of this connection comes from our own code, which references only rows it wrote: the
            // per-row foreign key lookups are skipped (deletes with cascades happen on other connections).
            m_own->exec("PRAGMA foreign_keys = OFF");
            // Checkpoint the WAL every ~40 MB rather than every 4 MB: fewer pauses in a long import, same safety.
            m_own->exec("PRAGMA wal_autocheckpoint = 10000");
        }
        m_db = m_own.get();
        std::lock_guard lock(m_mutex);
        m_openError.clear();
        return true;
    } catch (const DatabaseError& e) {
        m_own.reset();
        m_db = nullptr;
        std::lock_guard lock(m_mutex);
        m_openError = e.message();
        return false;
    }
}

void DbWriter::loop()
{
    open();
    {
        std::lock_guard lock(m_mutex);
        m_ready = true;
    }
    m_finished.notify_all();
    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return !m_tasks.empty() || m_stopping; });
            if (m_tasks.empty())
                break;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        if (task.task) {
            try {
                task.task();
            } catch (const std::exception& e) {
                qCWarning(lcWriter) << "a queued task failed:" << e.what();
            }
            continue;
        }
        std::exception_ptr error = execute(task.job, task.read);
        if (task.done) {
            try {
                task.done(messageOf(error));
            } catch (const std::exception& e) {
                qCWarning(lcWriter) << "a write's completion failed:" << e.what();
            }
        }
        if (task.finished) {
            std::lock_guard lock(m_mutex);
            *task.error = error;
            *task.finished = true;
        }
        m_finished.notify_all();
    }
    m_own.reset();
}

std::exception_ptr DbWriter::execute(const Job& job, bool read)
{
    // A database that could not be opened (a full disk cannot even make its -shm file) is tried again.
    if (!m_db && (!m_thread || !open())) {
        std::lock_guard lock(m_mutex);
        return std::make_exception_ptr(DatabaseError(m_openError));
    }
    Database& db = *m_db;
    try {
        if (read || db.inTransaction()) { // a read, a job's own write, or inside a caller's transaction
            job(db);
            return {};
        }
        // Another process holding the write lock longer than the busy handler waits: try again a little later.
        QElapsedTimer waited;
        waited.start();
        for (int attempt = 0;; ++attempt) {
            try {
                db.beginWrite();
                break;
            } catch (const DatabaseError& e) {
                if (!isBusy(e) || waited.elapsed() >= m_busyLimitMs)
                    throw;
                qCInfo(lcWriter) << "database busy, trying again:" << e.message();
                QThread::msleep(qMin(50 << qMin(attempt, 5), 1000));
            }
        }
        QElapsedTimer held;
        held.start();
        try {
            job(db);
            db.exec("COMMIT");
        } catch (...) {
            if (db.inTransaction()) {
                try {
                    db.exec("ROLLBACK");
                } catch (const DatabaseError& e) { // already rolled back by SQLite (disk full, I/O error)
                    qCDebug(lcWriter) << "rollback after a failed job:" << e.message();
                }
            }
            throw;
        }
        // A long transaction (a bulk import) lets a waiting writer of another process in before the next one.
        if (held.elapsed() >= 20)
            db.yieldToWaiters();
        return {};
    } catch (...) {
        return std::current_exception();
    }
}

void DbWriter::run(const Job& job)
{
    runAndWait(job, false);
}

void DbWriter::query(const Job& job)
{
    runAndWait(job, true);
}

void DbWriter::runAndWait(const Job& job, bool read)
{
    if (onWriterThread()) {
        if (std::exception_ptr error = execute(job, read))
            std::rethrow_exception(error);
        return;
    }
    std::exception_ptr error;
    bool finished = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            throw DatabaseError(QCoreApplication::translate("DbWriter", "the database writer has stopped"));
        m_tasks.push_back(Task { job, {}, &error, &finished, read, {} });
    }
    m_wake.notify_one();
    std::unique_lock lock(m_mutex);
    m_finished.wait(lock, [&] { return finished; });
    lock.unlock();
    if (error)
        std::rethrow_exception(error);
}

void DbWriter::postTask(std::function<void()> task)
{
    if (!m_thread) {
        task();
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(Task { {}, {}, nullptr, nullptr, true, std::move(task) });
    }
    m_wake.notify_one();
}

void DbWriter::post(Job job, Done done)
{
    if (!m_thread) {
        const std::exception_ptr error = execute(job, false);
        if (done)
            done(messageOf(error));
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(Task { std::move(job), std::move(done), nullptr, nullptr, false, {} });
    }
    m_wake.notify_one();
}

} // namespace activity
