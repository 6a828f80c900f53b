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
};

} // namespace activity
