#include "core/sources/apistore.h"

#include "core/events/eventstore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/fetchstate.h"

#include <QDateTime>
#include <QJsonDocument>

namespace activity {

ApiStore::ApiStore(DbWriter& writer)
    : m_writer(writer)
{ }

ApiStore::ApiStore(Database& db)
    : m_ownWriter(std::make_unique<DbWriter>(db))
    , m_writer(*m_ownWriter)
{ }

ApiStore::~ApiStore() = default;

void ApiStore::transaction(const std::function<void()>& body)
{
    try {
        m_writer.run([&](Database&) { body(); });
    } catch (...) {
        m_writer.query([this](Database&) { m_seriesIds.clear(); }); // ids made by the lost transaction
        throw;
    }
}

qint64 ApiStore::seriesId(qint64 sourceId, const QString& provider, const QString& repository, const QString& metric)
{
    return m_writer.call([&](Database& db) {
        const QString key = provider + QLatin1Char('\n') + repository + QLatin1Char('\n') + metric;
        if (auto it = m_seriesIds.constFind(key); it != m_seriesIds.constEnd())
            return *it;
        Statement s
            = db.prepare("INSERT INTO series(source_id, provider, repository, metric) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT(provider, repository, metric) DO UPDATE SET source_id = excluded.source_id "
                         "RETURNING id");
        if (sourceId > 0)
            s.bind(1, sourceId);
        else
            s.bindNull(1); // not from a source (demo data)
        s.bind(2, provider).bind(3, repository).bind(4, metric);
        if (!s.step())
            throw DatabaseError(QStringLiteral("series insert returned no id"));
        const qint64 id = s.int64(0);
        s.reset();
        m_seriesIds.insert(key, id);
        return id;
    });
}

void ApiStore::recordSnapshot(qint64 seriesId, qint64 ts, double value)
{
    m_writer.run([&](Database& db) {
        Statement last = db.prepare("SELECT ts, value FROM samples WHERE series_id = ? ORDER BY ts DESC LIMIT 1");
        last.bind(1, seriesId);
        if (last.step() && last.real(1) == value && last.int64(0) / 86400 == ts / 86400 && last.int64(0) <= ts)
            return;
        recordPoint(seriesId, ts, value);
    });
}

void ApiStore::recordPoint(qint64 seriesId, qint64 ts, double value)
{
    m_writer.run([&](Database& db) {
        Statement s = db.prepare("INSERT OR REPLACE INTO samples(series_id, ts, value) VALUES (?, ?, ?)");
        s.bind(1, seriesId).bind(2, ts).bind(3, value);
        s.exec();
    });
}

std::optional<qint64> ApiStore::lastSampleAt(qint64 seriesId)
{
    return m_writer.queryValue([&](Database& db) -> std::optional<qint64> {
        Statement last = db.prepare("SELECT max(ts) FROM samples WHERE series_id = ?");
        last.bind(1, seriesId);
        if (last.step() && !last.isNull(0))
            return last.int64(0);
        return std::nullopt;
    });
}

void ApiStore::recordRanked(qint64 seriesId, qint64 ts, const QString& item, qint64 count, qint64 uniques)
{
    m_writer.run([&](Database& db) {
        Statement s = db.prepare("INSERT OR REPLACE INTO ranked_items(series_id, ts, item, count, uniques) "
                                 "VALUES (?, ?, ?, ?, ?)");
        s.bind(1, seriesId).bind(2, ts).bind(3, item).bind(4, count).bind(5, uniques);
        s.exec();
    });
}

void ApiStore::recordSuccess(qint64 sourceId, qint64 at)
{
    m_writer.run([&](Database& db) { FetchState(db).recordSuccess(sourceId, at, 200); });
}

void ApiStore::recordError(qint64 sourceId, qint64 at, const QString& message, int httpStatus)
{
    m_writer.run([&](Database& db) { FetchState(db).recordError(sourceId, at, message, httpStatus); });
}

void ApiStore::setNextRun(qint64 sourceId, qint64 at)
{
    m_writer.run([&](Database& db) { FetchState(db).setNextRun(sourceId, at); });
}

void ApiStore::setRateLimit(qint64 sourceId, qint64 limit, qint64 remaining, qint64 reset)
{
    m_writer.run([&](Database& db) { FetchState(db).setRateLimit(sourceId, limit, remaining, reset); });
}

std::optional<qint64> ApiStore::nextRun(qint64 sourceId)
{
    return m_writer.queryValue([&](Database& db) { return FetchState(db).nextRun(sourceId); });
}

QJsonObject ApiStore::state(qint64 sourceId)
{
    return m_writer.queryValue([&](Database& db) { return FetchState(db).state(sourceId); });
}

void ApiStore::setState(qint64 sourceId, const QJsonObject& state)
{
    m_writer.run([&](Database& db) { FetchState(db).setState(sourceId, state); });
}

void ApiStore::purgeSource(Database& db, qint64 sourceId)
{
    Statement series = db.prepare("DELETE FROM series WHERE source_id = ?");
    series.bind(1, sourceId).exec();
    EventStore(db).purgeSource(sourceId);
}

void ApiStore::recordEvent(qint64 sourceId, const QString& key, const ProjectEvent& event)
{
    m_writer.run(
        [&](Database& db) { EventStore(db).record(sourceId, key, event, QDateTime::currentSecsSinceEpoch()); });
}

void ApiStore::forgetEvent(qint64 sourceId, const QString& kind, const QString& source, const QString& key)
{
    m_writer.run([&](Database& db) { EventStore(db).forget(sourceId, kind, source, key); });
}

} // namespace activity
