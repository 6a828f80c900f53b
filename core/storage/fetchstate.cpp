#include "core/storage/fetchstate.h"

#include "core/storage/database.h"

#include <QJsonDocument>

namespace activity {

namespace {
// false when the source does not exist (any more).
bool ensureRow(Database& db, qint64 sourceId)
{
    Statement s = db.prepare(
        "INSERT OR IGNORE INTO fetch_state(source_id) SELECT ?1 WHERE EXISTS(SELECT 1 FROM sources WHERE id = ?1)");
    s.bind(1, sourceId).exec();
    if (db.changes() > 0)
        return true;
    Statement exists = db.prepare("SELECT 1 FROM fetch_state WHERE source_id = ?");
    exists.bind(1, sourceId);
    return exists.step();
}
} // namespace

void FetchState::recordSuccess(qint64 sourceId, qint64 at, std::optional<int> httpStatus)
{
    if (!ensureRow(m_db, sourceId))
        return;
    Statement s = m_db.prepare("UPDATE fetch_state SET last_success = ?1, last_error = NULL, last_error_at = NULL, "
                               "last_status = coalesce(?2, last_status) WHERE source_id = ?3");
    s.bind(1, at);
    if (httpStatus)
        s.bind(2, qint64(*httpStatus));
    else
        s.bindNull(2);
    s.bind(3, sourceId).exec();
}

void FetchState::recordError(qint64 sourceId, qint64 at, const QString& message, int httpStatus)
{
    if (!ensureRow(m_db, sourceId))
        return;
    Statement s
        = m_db.prepare("UPDATE fetch_state SET last_error = ?, last_error_at = ?, last_status = ? WHERE source_id = ?");
    if (message.isEmpty())
        s.bindNull(1).bindNull(2);
    else
        s.bind(1, message).bind(2, at);
    if (httpStatus > 0)
        s.bind(3, qint64(httpStatus));
    else
        s.bindNull(3);
    s.bind(4, sourceId).exec();
}

void FetchState::setNextRun(qint64 sourceId, std::optional<qint64> at)
{
    if (!ensureRow(m_db, sourceId))
        return;
    Statement s = m_db.prepare("UPDATE fetch_state SET next_run = ? WHERE source_id = ?");
    if (at)
        s.bind(1, *at);
    else
        s.bindNull(1);
    s.bind(2, sourceId).exec();
}

void FetchState::setRateLimit(qint64 sourceId, qint64 limit, qint64 remaining, qint64 reset)
{
    if (!ensureRow(m_db, sourceId))
        return;
    Statement s = m_db.prepare("UPDATE fetch_state SET rate_limit_limit = ?, rate_limit_remaining = ?, "
                               "rate_limit_reset = ? WHERE source_id = ?");
    s.bind(1, limit).bind(2, remaining).bind(3, reset).bind(4, sourceId).exec();
}

void FetchState::setState(qint64 sourceId, const QJsonObject& state, std::optional<qint64> successAt)
{
    if (!ensureRow(m_db, sourceId))
        return;
    Statement s = m_db.prepare(
        "UPDATE fetch_state SET state = ?1, last_success = coalesce(?2, last_success) WHERE source_id = ?3");
    s.bind(1, QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)));
    if (successAt)
        s.bind(2, *successAt);
    else
        s.bindNull(2);
    s.bind(3, sourceId).exec();
}

std::optional<qint64> FetchState::nextRun(qint64 sourceId)
{
    Statement s = m_db.prepare("SELECT next_run FROM fetch_state WHERE source_id = ?");
    s.bind(1, sourceId);
    if (!s.step() || s.isNull(0))
        return std::nullopt;
    return s.int64(0);
}

QJsonObject FetchState::state(qint64 sourceId)
{
    Statement s = m_db.prepare("SELECT state FROM fetch_state WHERE source_id = ?");
    s.bind(1, sourceId);
    if (!s.step())
        return {};
    return QJsonDocument::fromJson(s.text(0).toUtf8()).object();
}

} // namespace activity
