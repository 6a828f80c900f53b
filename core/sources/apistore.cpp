#include "core/sources/apistore.h"

#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QJsonDocument>

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
        s.bind(1, sourceId).bind(2, provider).bind(3, repository).bind(4, metric);
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

void ApiStore::recordRanked(qint64 seriesId, qint64 ts, const QString& item, qint64 count, qint64 uniques)
{
    m_writer.run([&](Database& db) {
        Statement s = db.prepare("INSERT OR REPLACE INTO ranked_items(series_id, ts, item, count, uniques) "
                                 "VALUES (?, ?, ?, ?, ?)");
        s.bind(1, seriesId).bind(2, ts).bind(3, item).bind(4, count).bind(5, uniques);
        s.exec();
    });
}

void ApiStore::ensureRow(Database& db, qint64 sourceId)
{
    // Only for a source that exists: a poll finishing after its source was removed writes nothing back.
    Statement s = db.prepare(
        "INSERT OR IGNORE INTO fetch_state(source_id) SELECT ?1 WHERE EXISTS(SELECT 1 FROM sources WHERE id = ?1)");
    s.bind(1, sourceId);
    s.exec();
}

void ApiStore::recordSuccess(qint64 sourceId, qint64 at)
{
    m_writer.run([&](Database& db) {
        ensureRow(db, sourceId);
        Statement s = db.prepare("UPDATE fetch_state SET last_success = ?, last_error = NULL, last_error_at = NULL, "
                                 "last_status = 200 WHERE source_id = ?");
        s.bind(1, at).bind(2, sourceId);
        s.exec();
    });
}

void ApiStore::recordError(qint64 sourceId, qint64 at, const QString& message, int httpStatus)
{
    m_writer.run([&](Database& db) {
        ensureRow(db, sourceId);
        Statement s = db.prepare(
            "UPDATE fetch_state SET last_error = ?, last_error_at = ?, last_status = ? WHERE source_id = ?");
        s.bind(1, message).bind(2, at);
        if (httpStatus > 0)
            s.bind(3, httpStatus);
        else
            s.bindNull(3);
        s.bind(4, sourceId);
        s.exec();
    });
}

void ApiStore::setNextRun(qint64 sourceId, qint64 at)
{
    m_writer.run([&](Database& db) {
        ensureRow(db, sourceId);
        Statement s = db.prepare("UPDATE fetch_state SET next_run = ? WHERE source_id = ?");
        s.bind(1, at).bind(2, sourceId);
        s.exec();
    });
}

void ApiStore::setRateLimit(qint64 sourceId, qint64 limit, qint64 remaining, qint64 reset)
{
    m_writer.run([&](Database& db) {
        ensureRow(db, sourceId);
        Statement s = db.prepare("UPDATE fetch_state SET rate_limit_limit = ?, rate_limit_remaining = ?, "
                                 "rate_limit_reset = ? WHERE source_id = ?");
        s.bind(1, limit).bind(2, remaining).bind(3, reset).bind(4, sourceId);
        s.exec();
    });
}

std::optional<qint64> ApiStore::nextRun(qint64 sourceId)
{
    return m_writer.queryValue([&](Database& db) -> std::optional<qint64> {
        Statement s = db.prepare("SELECT next_run FROM fetch_state WHERE source_id = ?");
        s.bind(1, sourceId);
        if (!s.step() || s.isNull(0))
            return std::nullopt;
        return s.int64(0);
    });
}

QJsonObject ApiStore::state(qint64 sourceId)
{
    return m_writer.queryValue([&](Database& db) {
        Statement s = db.prepare("SELECT state FROM fetch_state WHERE source_id = ?");
        s.bind(1, sourceId);
        if (!s.step())
            return QJsonObject();
        return QJsonDocument::fromJson(s.text(0).toUtf8()).object();
    });
}

void ApiStore::setState(qint64 sourceId, const QJsonObject& state)
{
    m_writer.run([&](Database& db) {
        ensureRow(db, sourceId);
        Statement s = db.prepare("UPDATE fetch_state SET state = ? WHERE source_id = ?");
        s.bind(1, QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact))).bind(2, sourceId);
        s.exec();
    });
}
