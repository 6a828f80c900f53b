#pragma once

#include "core/sources/sourcerecord.h"

#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Clock;
class Database;

// The sources table: what the user configured. Collectors read it; the CLI and the panel change it.
class SourceStore {
public:
    SourceStore(Database& db, const Clock& clock);

    qint64 add(const QString& type, const QString& name, const QJsonObject& settings);
    QList<SourceRecord> list();
    std::optional<SourceRecord> get(qint64 id);
    bool setEnabled(qint64 id, bool enabled);
    bool update(qint64 id, const QString& name, const QJsonObject& settings);
    // Keeps collected history (series, requests) unless purge is set.
    bool remove(qint64 id, bool purge);

private:
    qint64 highestIdEverUsed();
    Database& m_db;
    const Clock& m_clock;
};

} // namespace activity
