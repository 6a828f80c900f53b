#pragma once

#include <QString>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

class QThread;

namespace activity {

class Database;

// The one writer of a process. Every job runs in its own short write transaction (BEGIN IMMEDIATE ... COMMIT),
// one at a time, on the thread that owns the connection, so writes of one process never wait for each other and
// no transaction is held open while waiting for more input. Another process's write is waited for (the busy
// handler, see Database) and retried with back-off; what still fails is an error for whoever asked.
class DbWriter {
public:
    using Job = std::function<void(Database&)>;
    using Done = std::function<void(const QString& error)>;

    // A thread with its own connection to `databasePath`, opened and migrated there. Check openError().
    explicit DbWriter(const QString& databasePath);
    // No thread: jobs run on the caller's thread over `db` (single-threaded commands, tests).
    explicit DbWriter(Database& db);
    ~DbWriter(); // runs the jobs already queued, then stops
    DbWriter(const DbWriter&) = delete;
    DbWriter& operator=(const DbWriter&) = delete;

    QString databasePath() const { return m_path; }
    // Why the connection could not be opened; empty when it is usable.
    QString openError() const;

    // Runs `job` in a transaction and waits for it. Throws DatabaseError when it failed (nothing of it stays).
    // Called from a job (or inside a caller's transaction), runs inside the transaction already open.
    void run(const Job& job);
    // run() for a job with a result.
    template <typename F> auto call(F&& f) -> decltype(f(std::declval<Database&>()))
    {
        using R = decltype(f(std::declval<Database&>()));
        std::optional<R> result;
        run([&](Database& db) { result.emplace(f(db)); });
        return std::move(*result);
    }
    // Runs `job` on the writer's connection without a write transaction (reads), and waits for it.
    void query(const Job& job);
    template <typename F> auto queryValue(F&& f) -> decltype(f(std::declval<Database&>()))
    {
        using R = decltype(f(std::declval<Database&>()));
        std::optional<R> result;
        query([&](Database& db) { result.emplace(f(db)); });
        return std::move(*result);
    }
    // Queues `job` without waiting; `done` runs on the writer thread after it, with the error (empty if none).
    void post(Job job, Done done = {});
    // Queues `task` to run on the writer's thread outside any transaction: it calls run() or query() itself
    // (a service's call made for a window that must not wait). Exceptions are its own to catch.
    void postTask(std::function<void()> task);

    // How long a job waits for another process's write lock before it fails (tests shorten it).
    void setBusyLimitMs(int ms) { m_busyLimitMs = ms; }

private:
    struct Task {
        Job job;
        Done done;
        std::exception_ptr* error = nullptr; // run(): where the failure goes
        bool* finished = nullptr;
        bool read = false;
        std::function<void()> task; // postTask(): runs as is
    };
    class Thread;
    void loop();
    bool open(); // on the writer's thread
    void runAndWait(const Job& job, bool read);
    std::exception_ptr execute(const Job& job, bool read);
    bool onWriterThread() const;

    const QString m_path;
    std::unique_ptr<Database> m_own;
    Database* m_db = nullptr;
    QString m_openError;
    int m_busyLimitMs = 60'000;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_finished;
    std::deque<Task> m_tasks;
    bool m_stopping = false;
    bool m_ready = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace activity
