#include "core/net/httpcache.h"

#include "core/storage/database.h"

HttpCache::HttpCache(Database& db)
    : m_db(db)
{ }

std::optional<HttpCache::Entry> HttpCache::find(qint64 sourceId, const QString& url)
{
    Statement s = m_db.prepare("SELECT etag, body FROM http_cache WHERE source_id = ? AND url = ?");
    s.bind(1, sourceId).bind(2, url);
    if (!s.step() || s.isNull(0))
        return std::nullopt;
    return Entry { s.text(0).toUtf8(), s.blob(1) };
}

void HttpCache::store(
    qint64 sourceId, const QString& url, const QByteArray& etag, const QByteArray& body, qint64 fetchedAt)
{
    Statement s = m_db.prepare("INSERT INTO http_cache(source_id, url, etag, body, fetched_at) VALUES (?, ?, ?, ?, ?) "
                               "ON CONFLICT(source_id, url) DO UPDATE SET etag = excluded.etag, body = excluded.body, "
                               "fetched_at = excluded.fetched_at");
    s.bind(1, sourceId).bind(2, url).bind(3, QString::fromUtf8(etag)).bind(4, body).bind(5, fetchedAt);
    s.exec();
}
