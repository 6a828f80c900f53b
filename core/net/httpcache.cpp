#include "core/net/httpcache.h"

#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

namespace activity {

HttpCache::HttpCache(DbWriter& writer)
    : m_writer(writer)
{ }

HttpCache::HttpCache(Database& db)
    : m_ownWriter(std::make_unique<DbWriter>(db))
    , m_writer(*m_ownWriter)
{ }

HttpCache::~HttpCache() = default;

std::optional<HttpCache::Entry> HttpCache::find(qint64 sourceId, const QString& url)
{
    return m_writer.queryValue([&](Database& db) -> std::optional<Entry> {
        Statement s = db.prepare("SELECT etag, body FROM http_cache WHERE source_id = ? AND url = ?");
        s.bind(1, sourceId).bind(2, url);
        if (!s.step() || s.isNull(0))
            return std::nullopt;
        return Entry { s.text(0).toUtf8(), s.blob(1) };
    });
}

void HttpCache::store(
    qint64 sourceId, const QString& url, const QByteArray& etag, const QByteArray& body, qint64 fetchedAt)
{
    m_writer.run([&](Database& db) {
        // Only for a source that still exists: an answer arriving after its source was removed is not kept.
        Statement s
            = db.prepare("INSERT INTO http_cache(source_id, url, etag, body, fetched_at) SELECT ?1, ?2, ?3, ?4, ?5 "
                         "WHERE EXISTS(SELECT 1 FROM sources WHERE id = ?1) "
                         "ON CONFLICT(source_id, url) DO UPDATE SET etag = excluded.etag, body = excluded.body, "
                         "fetched_at = excluded.fetched_at");
        s.bind(1, sourceId).bind(2, url).bind(3, QString::fromUtf8(etag)).bind(4, body).bind(5, fetchedAt);
        s.exec();
    });
}

} // namespace activity
