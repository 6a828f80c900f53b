#pragma once

#include "core/net/httpclient.h"

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <array>
#include <functional>

namespace activity {

class ApiStore;
class Clock;
class HttpCache;
class TokenVault;

struct PollOutcome {
    bool ok = true;
    QString error; // the first failure of the poll; never contains the token
    int httpStatus = 0; // of that failure, 0 when there was no HTTP answer
    qint64 retryAt = 0; // rate limited: do not ask before this time (seconds)
    bool writeFailed = false; // what was fetched could not be stored (the error says why)
};

// What a collector is given: where it stores, the ETag cache, the HTTP client, the time and the token vault.
struct ApiCollectorServices {
    ApiStore& store;
    HttpCache& cache;
    HttpClient& http;
    const Clock& clock;
    TokenVault* tokens = nullptr; // where a token entered in the window is kept ("token" setting)
};

// What the GitHub and Docker Hub collectors share: conditional requests through the ETag cache,
// rate-limit bookkeeping, pagination, and the end of a poll once nothing is outstanding.
class ApiCollector : public QObject {
    Q_OBJECT
public:
    using Services = ApiCollectorServices;
    ApiCollector(qint64 sourceId, QJsonObject settings, Services services, QObject* parent = nullptr);

    // Starts a poll; `finished` follows once, unless a poll is already running (then nothing happens).
    void poll();
    bool isPolling() const { return m_polling; }
    qint64 sourceId() const { return m_sourceId; }
    // Its settings, with the secrets put back while a poll runs (see SourceSecrets).
    const QJsonObject& settings() const { return m_effective; }

Q_SIGNALS:
    void finished(const PollOutcome& outcome);

protected:
    struct Page {
        HttpResponse response;
        QByteArray body; // the cached body on a 304
        bool notModified = false;
    };
    using PageHandler = std::function<void(const Page&)>;
    virtual void startPoll() = 0;

    // GET through the cache. The handler runs for 2xx and 304 answers only; other answers are recorded
    // as the poll's error (rate limits stop the poll). fail() and stop are handled here.
    void fetch(const QUrl& url, const QByteArray& accept, bool useCache, PageHandler handler,
        std::function<void(const HttpResponse&)> onError = {});
    // Follows rel="next" (Link header) or a JSON "next" URL read by `nextOf`, same host only.
    // onPage returns false to stop early; done(true) when every page was read.
    void fetchPages(const QUrl& first, const QByteArray& accept, bool useCache, std::function<bool(const Page&)> onPage,
        std::function<void(bool complete)> done, std::function<QUrl(const Page&)> nextOf = {}, int maxPages = 1000,
        std::function<void(const HttpResponse&)> onError = {});
    void fail(const QString& message, int httpStatus);
    void failFor(const QUrl& url, const HttpResponse& response);
    bool stopping() const { return m_retryAt > 0; }
    QUrl apiUrl(const QString& path, const QString& query = {}) const;
    QString describe(const QUrl& url) const; // path and query, for messages
    // Sent with every request of this collector (a source's own headers).
    void setExtraHeaders(QList<QPair<QByteArray, QByteArray>> headers) { m_extraHeaders = std::move(headers); }

    ApiStore& m_store;
    HttpCache& m_cache;
    HttpClient& m_http;
    const Clock& m_clock;
    TokenVault* m_tokens;
    QByteArray m_token;
    QList<QPair<QByteArray, QByteArray>> m_extraHeaders;

private:
    // Run `next` once the token (and the secrets) are here; on failure they record it and never call `next`.
    void withToken(const std::function<void()>& next);
    void withSecrets(const std::function<void()>& next);
    void begin();
    void guarded(const std::function<void()>& work);
    void settle();
    void noteRateLimit(const HttpResponse& response);
    qint64 m_sourceId;
    QJsonObject m_settings;
    QJsonObject m_effective;
    bool m_polling = false;
    int m_outstanding = 0;
    PollOutcome m_outcome;
    qint64 m_retryAt = 0;
    std::array<qint64, 3> m_rateLimit {}; // limit, remaining, reset from the last answer that had them
};

} // namespace activity
