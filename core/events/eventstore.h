#pragma once

#include "core/events/projectevent.h"

#include <optional>

namespace activity {

class Database;

// The events table (releases, tags, registry versions, notes), read and written only here; alert firings and
// resolutions are read from the alert history (AlertStore) rather than copied. Calls run in the caller's
// transaction.
class EventStore {
public:
    explicit EventStore(Database& db)
        : m_db(db)
    { }

    // Returns the note's id.
    qint64 addNote(qint64 ts, const QString& text, const QString& url, qint64 now);
    bool removeNote(qint64 id); // false: no such note
    QList<ProjectEvent> notes(); // oldest first
    // What a source found (a release, a tag pushed): `key` is its identity for that source ("v2.0"), so that a
    // poll seeing it again updates it (a release re-published) instead of adding another.
    void record(qint64 sourceId, const QString& key, const ProjectEvent& event, qint64 now);
    // Removes what record() stored under that identity (a tag that became a release is shown as the release).
    void forget(qint64 sourceId, const QString& kind, const QString& source, const QString& key);
    // Every event in [from, to), the alert history's included, oldest first (ties in kind order).
    QList<ProjectEvent> between(qint64 from, qint64 to);
    // The events a source found go with its history.
    void purgeSource(qint64 sourceId);

private:
    Database& m_db;
};

} // namespace activity
