#pragma once

#include <QString>

namespace activity {

class Clock;
class Database;
class DbWriter;
class SourceRegistry;

// What collection runs over, made by the composition root (a command or the window): the data folder, the opened
// store (a connection for reads on the caller's thread and the process's one writer), the time and the source types.
struct CollectContext {
    QString dataDir;
    QString databasePath;
    Database& db;
    DbWriter& writer;
    const Clock& clock;
    const SourceRegistry& registry;
    // The name this collector goes by in a shared store (`collect --name`, default the host name): it holds the
    // leases of the API sources it polls and opens the log sources that name it.
    QString collectorName;
};

} // namespace activity
