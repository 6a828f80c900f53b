#pragma once

#include "core/collect/collectcontext.h"
#include "core/sources/sourceregistry.h"
#include "core/util/clock.h"

#include <QString>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace activity {

class Database;
class DbWriter;
class EventLog;
class SourceService;

// What every command gets from the composition root.
class CommandContext {
public:
    // `store`: what --store or ACTIVITY_STORE named (see StoreUrl); empty: the data folder's SQLite file.
    CommandContext(QString dataDir, QString store, QTextStream& out, QTextStream& err);
    ~CommandContext();

    QString dataDir() const { return m_dataDir; }
    // What Database opens: the SQLite file's path, or the PostgreSQL URL (with its password: never print it).
    QString databasePath() const;
    // The store as messages name it (a URL's password masked).
    QString storeShown() const;
    bool isPostgres() const;
    // "--store" or "ACTIVITY_STORE" when one of them named the store; empty otherwise.
    QString storeOrigin() const { return m_storeOrigin; }
    void setStoreOrigin(const QString& origin) { m_storeOrigin = origin; }
    // Prepares the data dir and opens the migrated database; prints the reason and returns null on failure.
    Database* database();
    // The process's one database writer (a thread with its own connection), made on first use; prints the
    // reason and returns null when it cannot open the database.
    DbWriter* writer();
    // The sources service over writer(); null (reason printed) when the database cannot be opened.
    SourceService* sources();
    // What collection runs over (the database, the writer, the clock, the source types); null (reason printed)
    // when the database cannot be opened.
    const CollectContext* collectContext();

    // The collector's name in a shared store (collect --name); the host name unless set before collectContext().
    QString collectorName() const;
    void setCollectorName(const QString& name) { m_collectorName = name; }

    const Clock& clock() const { return m_clock; }
    const SourceRegistry& registry() const { return m_registry; }
    // The composition root may register more types (a plug-in, a test) before the first command runs.
    SourceRegistry& registry() { return m_registry; }
    QTextStream& out() { return m_out; }
    QTextStream& err() { return m_err; }
    // The program's log of warnings and errors (the Health page shows it); null when none was made.
    EventLog* eventLog() const { return m_eventLog; }
    void setEventLog(EventLog* log) { m_eventLog = log; }
    // Prints "activity-dashboard: MESSAGE" to stderr and returns the exit status to use.
    int fail(const QString& message, int status = 1);
    // The last message fail() printed.
    QString lastFailure() const { return m_lastFailure; }
    // From now on the data folder's own SQLite file (the window's "Use This Computer's File"), before anything opened.
    void useDataDirFile()
    {
        m_store.clear();
        m_storeOrigin.clear();
    }

private:
    QString m_dataDir;
    QString m_store;
    QString m_storeOrigin;
    QString m_collectorName;
    QTextStream& m_out;
    QTextStream& m_err;
    SystemClock m_clock;
    SourceRegistry m_registry;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<DbWriter> m_writer;
    std::unique_ptr<SourceService> m_sources;
    std::unique_ptr<CollectContext> m_collect;
    EventLog* m_eventLog = nullptr;
    QString m_lastFailure;
};

} // namespace activity
