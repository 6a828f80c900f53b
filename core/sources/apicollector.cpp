#include "core/sources/apicollector.h"

#include "core/net/httpcache.h"
#include "core/secrets/secretmask.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/apijson.h"
#include "core/sources/apistore.h"
#include "core/sources/sourcesecrets.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

namespace activity {

namespace {
struct CollectorText {
    Q_DECLARE_TR_FUNCTIONS(CollectorText)
};
// Marks a Last-Modified kept where an ETag would be (ETags are quoted: no clash).
const QByteArray kLastModified = QByteArrayLiteral("last-modified:");
} // namespace

ApiCollector::ApiCollector(qint64 sourceId, QJsonObject settings, Services services, QObject* parent)
    : QObject(parent)
    , m_store(services.store)
    , m_cache(services.cache)
    , m_http(services.http)
    , m_clock(services.clock)
    , m_tokens(services.tokens)
    , m_sourceId(sourceId)
    , m_settings(std::move(settings))
    , m_effective(m_settings)
{ }

void ApiCollector::poll()
{
    if (m_polling)
        return;
    m_polling = true;
    m_outcome = {};
    m_retryAt = 0;
    m_token.clear();
    m_effective = m_settings;
    withToken([this] { withSecrets([this] { begin(); }); });
    settle();
}

void ApiCollector::withToken(const std::function<void()>& next)
{
    const QString tokenEnv = m_settings.value(QLatin1String("token-env")).toString();
    const TokenVault::Location stored = TokenVault::parseLocation(m_settings.value(QLatin1String("token")).toString());
    if (!tokenEnv.isEmpty()) {
        m_token = qgetenv(tokenEnv.toLocal8Bit().constData());
        if (m_token.isEmpty())
            fail(CollectorText::tr("the environment variable %1 (--token-env) is not set").arg(tokenEnv), 0);
        else
            next();
        return;
    }
    if (stored == TokenVault::Location::None) {
        next();
        return;
    }
    if (!m_tokens) {
        fail(CollectorText::tr("this source has a stored token, but no token store was opened"), 0);
        return;
    }
    // The keyring answers later (over D-Bus): the poll starts once the token is here.
    ++m_outstanding;
    m_tokens->load(m_sourceId, stored, this, [this, next](const QByteArray& token, const QString& error) {
        --m_outstanding;
        if (token.isEmpty()) {
            fail(CollectorText::tr("the stored token could not be read: %1").arg(error), 0);
        } else {
            m_token = token;
            next();
        }
        settle();
    });
}

void ApiCollector::withSecrets(const std::function<void()>& next)
{
    const QString reference = m_settings.value(SourceSecrets::kSettingsKey).toString();
    if (reference.isEmpty()) {
        next();
        return;
    }
    TokenVault::Location where = TokenVault::Location::None;
    QString slot;
    if (!TokenVault::parseReference(reference, &where, &slot) || !m_tokens) {
        fail(CollectorText::tr("this source has stored secrets, but no token store was opened"), 0);
        return;
    }
    ++m_outstanding;
    m_tokens->loadSlot(slot, where, this, [this, next](const QByteArray& value, const QString& error) {
        --m_outstanding;
        const QJsonObject secrets = QJsonDocument::fromJson(value).object();
        if (secrets.isEmpty()) {
            // A restored backup or a data folder moved to another machine: the secrets stayed behind.
            fail(CollectorText::tr("the secrets of this source are not on this machine (%1): give them again with "
                                   "`activity-dashboard sources edit %2` and the options that held them")
                     .arg(error.isEmpty() ? CollectorText::tr("not found") : error)
                     .arg(m_sourceId),
                0);
        } else {
            m_effective = SourceSecrets::merged(m_settings, secrets);
            next();
        }
        settle();
    });
}

void ApiCollector::begin()
{
    ++m_outstanding; // startPoll may finish synchronously; settle only after it returns
    guarded([this] { startPoll(); });
    --m_outstanding;
}

void ApiCollector::guarded(const std::function<void()>& work)
{
    // A write that failed (disk full, database locked past every retry) ends this poll with an error the user
    // sees; it must never unwind through the event loop.
    try {
        work();
    } catch (const std::exception& e) {
        fail(CollectorText::tr("cannot store what was fetched: %1").arg(QString::fromUtf8(e.what())), 0);
        m_outcome.writeFailed = true;
    }
}

void ApiCollector::settle()
{
    if (!m_polling || m_outstanding > 0)
        return;
    m_polling = false;
    m_token.clear();
    if (m_rateLimit[0] > 0)
        guarded([this] { m_store.setRateLimit(m_sourceId, m_rateLimit[0], m_rateLimit[1], m_rateLimit[2]); });
    PollOutcome outcome = m_outcome;
    outcome.retryAt = m_retryAt;
    Q_EMIT finished(outcome);
}

void ApiCollector::fail(const QString& message, int httpStatus)
{
    if (!m_outcome.ok)
        return; // the first error is the one worth telling
    m_outcome.ok = false;
    m_outcome.error = message;
    m_outcome.httpStatus = httpStatus;
}

QUrl ApiCollector::apiUrl(const QString& path, const QString& query) const
{
    QString base = m_effective.value(QLatin1String("api-url")).toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QUrl url(base + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QString ApiCollector::describe(const QUrl& url) const
{
    // Masked: the query may carry an API key.
    return SecretMask::url(url.path() + (url.hasQuery() ? QString(QLatin1Char('?') + url.query()) : QString()));
}

void ApiCollector::noteRateLimit(const HttpResponse& r)
{
    if (stopping())
        return; // answers to requests sent before the limit say nothing new
    bool ok = false;
    const qint64 remaining = r.header("x-ratelimit-remaining").toLongLong(&ok);
    if (ok) // written once at the end of the poll, not once per request
        m_rateLimit
            = { r.header("x-ratelimit-limit").toLongLong(), remaining, r.header("x-ratelimit-reset").toLongLong() };
    const qint64 now = m_clock.nowSecs();
    qint64 until = 0;
    const qint64 retryAfter = r.header("retry-after").toLongLong(&ok);
    if ((r.status == 429 || r.status == 403) && ok)
        until = now + retryAfter;
    else if ((r.status == 429 || r.status == 403) && r.header("x-ratelimit-remaining") == "0")
        until = qMax(now + 1, r.header("x-ratelimit-reset").toLongLong());
    else if (r.status == 429)
        until = now + 60; // no hint given: a minute is Docker Hub's usual window
    if (until == 0)
        return;
    m_retryAt = until;
    m_http.cancel(this); // what is still queued would only be refused too
    fail(CollectorText::tr("rate limit reached (HTTP %1); waiting until %2")
             .arg(r.status)
             .arg(QDateTime::fromSecsSinceEpoch(m_retryAt, Qt::UTC).toString(Qt::ISODate)),
        r.status);
}

void ApiCollector::fetch(const QUrl& url, const QByteArray& accept, bool useCache, PageHandler handler,
    std::function<void(const HttpResponse&)> onError)
{
    if (stopping())
        return;
    HttpRequest request;
    request.url = url;
    request.accept = accept;
    request.token = m_token;
    request.headers = m_extraHeaders;
    // The cache keeps the URL masked: an API key in the query stays out of the database.
    const QString key = SecretMask::url(url.toString(QUrl::FullyEncoded))
        + (accept == "application/json" ? QString() : QString(QLatin1Char(' ') + QString::fromLatin1(accept)));
    std::optional<HttpCache::Entry> cached;
    if (useCache) {
        guarded([&] { cached = m_cache.find(m_sourceId, key); });
        // Servers without ETags get If-Modified-Since: the cache keeps their Last-Modified with a marker.
        if (cached && cached->etag.startsWith(kLastModified))
            request.ifModifiedSince = cached->etag.mid(kLastModified.size());
        else if (cached)
            request.ifNoneMatch = cached->etag;
    }
    ++m_outstanding;
    m_http.get(request, this,
        [this, url, key, useCache, cached, handler = std::move(handler), onError = std::move(onError)](
            const HttpResponse& r) {
            noteRateLimit(r);
            guarded([&] {
                if (stopping())
                    return;
                if (r.status == 304 && cached) {
                    handler(Page { r, cached->body, true });
                } else if (r.status >= 200 && r.status < 300 && r.status != 202) {
                    if (useCache && !r.header("etag").isEmpty())
                        m_cache.store(m_sourceId, key, r.header("etag"), r.body, m_clock.nowSecs());
                    else if (useCache && !r.header("last-modified").isEmpty())
                        m_cache.store(
                            m_sourceId, key, kLastModified + r.header("last-modified"), r.body, m_clock.nowSecs());
                    handler(Page { r, r.body, false });
                } else if (onError) {
                    onError(r);
                } else {
                    failFor(url, r);
                }
            });
            --m_outstanding;
            settle();
        });
}

void ApiCollector::failFor(const QUrl& url, const HttpResponse& r)
{
    if (r.status == 0)
        fail(CollectorText::tr("GET %1: %2").arg(describe(url), r.error), 0);
    else
        fail(CollectorText::tr("GET %1: HTTP %2").arg(describe(url)).arg(r.status), r.status);
}

void ApiCollector::fetchPages(const QUrl& first, const QByteArray& accept, bool useCache,
    std::function<bool(const Page&)> onPage, std::function<void(bool)> done, std::function<QUrl(const Page&)> nextOf,
    int maxPages, std::function<void(const HttpResponse&)> onError)
{
    // Each page's handler asks for the next, so one list never has two pages in flight. The pending
    // callback holds the only strong reference to the stepping function (no cycle, no leak).
    auto step = std::make_shared<std::function<void(const QUrl&, int)>>();
    std::weak_ptr<std::function<void(const QUrl&, int)>> weak = step;
    *step = [=, this](const QUrl& url, int pageNo) {
        auto self = weak.lock();
        fetch(
            url, accept, useCache,
            [=, this](const Page& page) {
                if (!onPage(page)) {
                    done(false);
                    return;
                }
                const QUrl next = nextOf
                    ? nextOf(page)
                    : GitHubJson::parseLink(page.response.header("link")).value(QStringLiteral("next"));
                if (next.isEmpty()) {
                    done(true);
                } else if (next.host() != first.host() || next.scheme() != first.scheme()
                    || next.port() != first.port()) {
                    // Never send the token to another host because a server said so.
                    fail(
                        CollectorText::tr("GET %1: next page on another host (%2)").arg(describe(url), next.host()), 0);
                    done(false);
                } else if (pageNo >= maxPages) {
                    done(false);
                } else {
                    (*self)(next, pageNo + 1);
                }
            },
            [=, this](const HttpResponse& r) {
                if (onError)
                    onError(r);
                else
                    failFor(url, r);
                done(false);
            });
    };
    (*step)(first, 1);
}

} // namespace activity
