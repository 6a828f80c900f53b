#include "core/net/httpclient.h"

#include "core/secrets/secretmask.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>
#include <memory>
#include <vector>

namespace activity {

namespace {
struct HttpText {
    Q_DECLARE_TR_FUNCTIONS(HttpText)
};

QString hostKey(const QUrl& url)
{
    return url.scheme() + QStringLiteral("://") + url.host() + QLatin1Char(':')
        + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
}

bool retryable(const HttpResponse& r)
{
    return (r.status == 0 && !r.tooLong) || r.status == 202 || (r.status >= 500 && r.status <= 599);
}
} // namespace

HttpClient::HttpClient(HttpOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_manager(new QNetworkAccessManager(this))
{
    if (m_options.useSystemProxy)
        QNetworkProxyFactory::setUseSystemConfiguration(true);
    // Only same-origin redirects: the Authorization header must never travel to another host.
    m_manager->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

HttpClient::~HttpClient() = default;

void HttpClient::get(const HttpRequest& request, QObject* context, Callback done)
{
    const QString key = hostKey(request.url);
    m_hosts[key].queue.push_back(Job { request, QPointer<QObject>(context), std::move(done), 0 });
    startNext(key);
}

void HttpClient::post(HttpRequest request, QObject* context, Callback done)
{
    if (request.method == "GET")
        request.method = "POST";
    get(request, context, std::move(done));
}

void HttpClient::cancel(QObject* context)
{
    std::vector<Job> dropped;
    for (Host& host : m_hosts) {
        for (auto it = host.queue.begin(); it != host.queue.end();) {
            if (it->context == context) {
                dropped.push_back(std::move(*it));
                it = host.queue.erase(it);
            } else {
                ++it;
            }
        }
    }
    HttpResponse cancelled;
    cancelled.error = HttpText::tr("cancelled");
    for (Job& job : dropped)
        if (job.context && job.done)
            job.done(cancelled);
}

void HttpClient::startNext(const QString& key)
{
    Host& host = m_hosts[key];
    while (!host.busy && !host.queue.empty()) {
        Job job = std::move(host.queue.front());
        host.queue.pop_front();
        if (!job.context) // the asker is gone: do not spend a request on it
            continue;
        host.busy = true;
        send(key, std::move(job));
    }
}

void HttpClient::send(const QString& key, Job job)
{
    ++job.attempts;
    ++m_requestsSent;
    QNetworkRequest req(job.request.url);
    req.setHeader(QNetworkRequest::UserAgentHeader, m_options.userAgent);
    req.setRawHeader("Accept", job.request.accept);
    if (!job.request.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + job.request.token);
    if (!job.request.ifNoneMatch.isEmpty())
        req.setRawHeader("If-None-Match", job.request.ifNoneMatch);
    if (!job.request.ifModifiedSince.isEmpty())
        req.setRawHeader("If-Modified-Since", job.request.ifModifiedSince);
    for (const auto& [name, value] : job.request.headers)
        req.setRawHeader(name, value);
    // Our own cache (ETags in the database) decides; QNetworkAccessManager must not answer from memory.
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!job.request.contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, job.request.contentType);
    QNetworkReply* reply = job.request.method == "GET"
        ? m_manager->get(req)
        : m_manager->sendCustomRequest(req, job.request.method, job.request.body);

    auto timer = new QTimer(reply);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    auto tooLong = std::make_shared<bool>(false);
    const auto restart = [timer, this] { timer->start(m_options.timeoutMs); };
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::downloadProgress, timer,
        [restart, reply, tooLong, max = m_options.maxBodyBytes](qint64 received, qint64 total) {
            if (max > 0 && (received > max || total > max)) {
                *tooLong = true;
                reply->abort();
                return;
            }
            restart();
        });
    restart();

    auto shared = std::make_shared<Job>(std::move(job));
    connect(reply, &QNetworkReply::finished, this, [this, reply, key, shared, timedOut, tooLong] {
        reply->deleteLater();
        HttpResponse r;
        r.attempts = shared->attempts;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (*timedOut) {
            r.status = 0;
            r.error = HttpText::tr("no answer from %1 within %2 s")
                          .arg(shared->request.url.host())
                          .arg(m_options.timeoutMs / 1000.0);
        } else if (*tooLong) {
            r.status = 0;
            r.tooLong = true;
            r.error = HttpText::tr("the answer from %1 is longer than %2 MiB: refused")
                          .arg(shared->request.url.host())
                          .arg(m_options.maxBodyBytes / (1024 * 1024));
        } else if (r.status == 0) {
            // Qt's message quotes the URL, credentials and all.
            const QUrl& url = shared->request.url;
            r.error = SecretMask::scrub(reply->errorString(), url,
                shared->request.shownAs.isEmpty() ? SecretMask::url(url.toString()) : shared->request.shownAs);
        }
        if (r.status != 0) {
            r.body = reply->readAll();
            for (const auto& [name, value] : reply->rawHeaderPairs())
                r.headers.insert(name.toLower(), value);
        }
        finish(key, *shared, r);
    });
}

int HttpClient::backoffMs(int attempt, const HttpResponse& response) const
{
    bool ok = false;
    const int retryAfter = response.header("retry-after").toInt(&ok);
    if (ok && retryAfter >= 0 && retryAfter * 1000 <= m_options.backoffMaxMs)
        return retryAfter * 1000;
    const qint64 exp = qMin<qint64>(m_options.backoffMaxMs, qint64(m_options.backoffBaseMs) << qMin(attempt - 1, 20));
    // Full jitter over the upper half, so clients that failed together do not retry together.
    return int(exp / 2 + QRandomGenerator::global()->bounded(exp / 2 + 1));
}

void HttpClient::finish(const QString& key, Job& job, const HttpResponse& response)
{
    if (job.context && retryable(response) && job.attempts < m_options.maxAttempts) {
        // The host stays reserved while we back off: a struggling server gets no other request meanwhile.
        QTimer::singleShot(backoffMs(job.attempts, response), this, [this, key, job = std::move(job)]() mutable {
            if (!job.context) {
                m_hosts[key].busy = false;
                startNext(key);
                return;
            }
            send(key, std::move(job));
        });
        return;
    }
    m_hosts[key].busy = false;
    if (job.context && job.done)
        job.done(response);
    startNext(key);
}

} // namespace activity
