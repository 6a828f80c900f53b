#pragma once

#include "core/sources/sourcerecord.h"
#include "core/sources/sourceregistry.h"

#include <QString>

namespace activity {

class Database;

// What pages ask about the configured sources (the sources table is written by SourceService only).
namespace SourceQuery {
// Every configured source, with where its collection stands (the window's lists).
QList<SourceRecord> list(Database& db);
// Sources of one type ("github"), paused ones included.
int countOfType(Database& db, const QString& type);
// Sources of a kind (every log source type in the registry).
int countOfKind(Database& db, SourceKind kind);

// Whether traffic pages have anything to show at all, to tell "set up a log source" from "nothing in this range".
struct LogPresence {
    int logSources = 0;
    bool anyRequestEver = false; // stored by any source or import, at any time
    qint64 firstDaySecs = -1; // the start (UTC) of the first day with requests; -1 when none
};
LogPresence logPresence(Database& db);
} // namespace SourceQuery

} // namespace activity
