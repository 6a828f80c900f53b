#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>

namespace activity {

class Database;
class DbWriter;

// ETags and bodies of earlier answers (table http_cache), so a conditional request after a restart
// still gets a 304, which GitHub does not count against the rate limit.
class HttpCache {
public:
    struct Entry {
        QByteArray etag;
        QByteArray body;
    };
    explicit HttpCache(DbWriter& writer);
    explicit HttpCache(Database& db); // on the caller's thread (tests)
    ~HttpCache();
    std::optional<Entry> find(qint64 sourceId, const QString& url);
    void store(qint64 sourceId, const QString& url, const QByteArray& etag, const QByteArray& body, qint64 fetchedAt);

private:
    std::unique_ptr<DbWriter> m_ownWriter;
    DbWriter& m_writer;
};

} // namespace activity
