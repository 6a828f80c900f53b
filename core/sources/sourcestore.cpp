#include "core/sources/sourcestore.h"

#include "core/ingest/ingestwriter.h"
#include "core/settings/appsettings.h"
#include "core/sources/apistore.h"
#include "core/storage/database.h"
#include "core/storage/fetchstate.h"
#include "core/storage/ingestcounters.h"
#include "core/storage/rollupschema.h"
#include "core/util/clock.h"

#include <QJsonDocument>

namespace activity {

namespace {
constexpr const char* kLastIdKey = "last_source_id";

QString toJson(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

SourceRecord readRecord(const Statement& s)
{
    SourceRecord r;
    r.id = s.int64(0);
    r.type = s.text(1);
    r.name = s.text(2);
    r.enabled = s.int64(3) != 0;
    r.settings = QJsonDocument::fromJson(s.text(4).toUtf8()).object();
    r.createdAt = s.int64(5);
    r.lastSuccess = s.int64(6);
    r.lastError = s.text(7);
    r.nextRun = s.int64(8);
    if (!s.isNull(9))
        r.rateLimitRemaining = s.int64(9);
    r.lastReceived = s.int64(10);
    r.lastStored = s.int64(11);
    return r;
}

constexpr const char* kSelect
    = "SELECT s.id, s.type, s.name, s.enabled, s.settings, s.created_at, f.last_success, "
      "f.last_error, f.next_run, f.rate_limit_remaining, "
      "(SELECT value FROM ingest_counters WHERE source_id = s.id AND name = 'last_received_at'), "
      "(SELECT value FROM ingest_counters WHERE source_id = s.id AND name = 'last_stored_at') "
      "FROM sources s "
      "LEFT JOIN fetch_state f ON f.source_id = s.id";
} // namespace

SourceStore::SourceStore(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{ }

qint64 SourceStore::add(const QString& type, const QString& name, const QJsonObject& settings)
{
    Transaction tx(m_db);
    const qint64 id = highestIdEverUsed() + 1;
    Statement s
        = m_db.prepare("INSERT INTO sources(id, type, name, enabled, settings, created_at) VALUES(?, ?, ?, 1, ?, ?)");
    s.bind(1, id).bind(2, type).bind(3, name).bind(4, toJson(settings)).bind(5, m_clock.nowSecs());
    s.exec();
    AppSettings::set(m_db, QString::fromLatin1(kLastIdKey), QString::number(id));
    tx.commit();
    return id;
}

// A removed source's history stays under its id unless purged (its counters, rejected lines, per-source rollups,
// requests): a new source given that id would show it as its own. So ids are never reused: the highest one given
// is kept, and a database from before that was kept is read for what its removed sources left.
qint64 SourceStore::highestIdEverUsed()
{
    qint64 highest = 0;
    const auto raise = [&highest](std::optional<qint64> v) { highest = qMax(highest, v.value_or(0)); };
    raise(m_db.queryInt("SELECT max(id) FROM sources"));
    raise(m_db.queryInt("SELECT max(source_id) FROM ingest_counters"));
    raise(m_db.queryInt("SELECT max(source_id) FROM rejected_lines"));
    raise(AppSettings::get(m_db, QString::fromLatin1(kLastIdKey)).value_or(QString()).toLongLong());
    Statement rolled = m_db.prepare("SELECT max(CAST(key AS INTEGER)) FROM rollups WHERE period = 3600 AND dim = ?");
    for (const Rollup::Dim dim : { Rollup::Dim::Received, Rollup::Dim::Dropped, Rollup::Dim::Rejected }) {
        rolled.reset();
        rolled.bind(1, QString::fromLatin1(Rollup::name(dim)));
        if (rolled.step() && !rolled.isNull(0))
            raise(rolled.int64(0));
    }
    return highest;
}

QList<SourceRecord> SourceStore::list()
{
    Statement s = m_db.prepare(QByteArray(QByteArray(kSelect) + " ORDER BY s.id").constData());
    QList<SourceRecord> out;
    while (s.step())
        out.append(readRecord(s));
    return out;
}

std::optional<SourceRecord> SourceStore::get(qint64 id)
{
    Statement s = m_db.prepare(QByteArray(QByteArray(kSelect) + " WHERE s.id = ?").constData());
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRecord(s);
}

bool SourceStore::setEnabled(qint64 id, bool enabled)
{
    Statement s = m_db.prepare("UPDATE sources SET enabled = ? WHERE id = ?");
    s.bind(1, qint64(enabled)).bind(2, id);
    s.exec();
    const bool changed = m_db.changes() > 0;
    if (changed && enabled) {
        // A resumed source runs at once, even when the collector was not running while it was paused.
        FetchState(m_db).setNextRun(id, std::nullopt);
    }
    return changed;
}

bool SourceStore::update(qint64 id, const QString& name, const QJsonObject& settings)
{
    Statement s = m_db.prepare("UPDATE sources SET name = ?, settings = ? WHERE id = ?");
    s.bind(1, name).bind(2, toJson(settings)).bind(3, id);
    s.exec();
    return m_db.changes() > 0;
}

bool SourceStore::remove(qint64 id, bool purge)
{
    Transaction tx(m_db);
    if (purge) {
        // Each table's owner deletes its rows.
        ApiStore::purgeSource(m_db, id);
        IngestWriter::purgeSource(m_db, id);
        IngestCounters(m_db).purge(id);
    }
    Statement s = m_db.prepare("DELETE FROM sources WHERE id = ?");
    s.bind(1, id).exec();
    const bool removed = m_db.changes() > 0;
    tx.commit();
    return removed;
}

} // namespace activity
