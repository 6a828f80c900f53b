#pragma once

#include "core/storage/connection.h"

struct sqlite3;

namespace activity {

// A connection to a SQLite file. A write that finds another connection writing waits (busy handler) up to the
// busy timeout and says so to the other processes (a shared lock on PATH-wait), so a bulk writer can let it in
// between two of its transactions (yieldToWaiters) instead of starving it.
class SqliteConnection final : public Connection {
public:
    enum class Mode { ReadWrite, ReadOnly };
    // Opens (creating if needed) and applies the connection PRAGMAs. Does not migrate. A read-write open refuses
    // a SQLite file of another program before changing anything in it.
    SqliteConnection(const QString& path, Mode mode);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    QString location() const override { return m_path; }
    std::unique_ptr<PreparedStatement> prepare(const char* sql) override;
    void exec(const char* sql) override;
    qint64 lastInsertId() const override;
    int changes() const override;
    bool inTransaction() const override;
    void beginWrite() override { exec("BEGIN IMMEDIATE"); }
    int userVersion() override;
    void setUserVersion(int version) override;
    qint64 dataVersion() override;
    void setBusyTimeoutMs(int ms) override { m_busyTimeoutMs = ms; }
    void yieldToWaiters(int maxWaitMs) override;

    // For what only SQLite has (the online backup, SQL functions); nothing outside core/storage/ calls it.
    sqlite3* handle() const { return m_db; }
    // Called after each statement: a wait announced by the busy handler is over.
    void endWait()
    {
        if (m_waiting)
            stopWaiting();
    }

private:
    qint64 queryInt(const char* sql);
    static int onBusy(void* self, int count);
    void stopWaiting();
    bool openWaitFile();
    QString m_path;
    sqlite3* m_db = nullptr;
    int m_busyTimeoutMs = 15'000;
    qint64 m_busySinceMs = 0;
    int m_waitFd = -1;
    bool m_waitFileTried = false;
    bool m_waiting = false;
};

} // namespace activity
