#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <deque>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace activity {

struct HttpRequest {
    QUrl url;
    QByteArray accept = "application/json";
    QByteArray token; // sent only as "Authorization: Bearer ..."; never logged or stored
    QByteArray ifNoneMatch; // an ETag from an earlier answer
    QByteArray ifModifiedSince; // a Last-Modified from an earlier answer (servers without ETags)
    QList<QPair<QByteArray, QByteArray>> headers; // more request headers (a source's own, e.g. an API key name)
    QByteArray method = "GET"; // or "POST" (a webhook), with body and contentType
    QByteArray body;
    QByteArray contentType;
    // How errors name the URL; empty: the URL with its credentials masked. A webhook's, whose path is its secret,
    // says only its host.
    QString shownAs;
};

struct HttpResponse {
    int status = 0; // 0: no HTTP answer (network error or timeout); see error
    QByteArray body;
    QString error; // why there was no answer; never contains the token
    QHash<QByteArray, QByteArray> headers; // names in lower case
    int attempts = 0;
    bool tooLong = false; // refused for its size (HttpOptions::maxBodyBytes), not retried
    QByteArray header(const char* lowerCaseName) const { return headers.value(QByteArray(lowerCaseName)); }
};

struct HttpOptions {
    QByteArray userAgent = "activity-dashboard";
    int timeoutMs = 30'000; // without any byte received
    int maxAttempts = 4; // network errors, 5xx and 202 are retried
    int backoffBaseMs = 1'000; // doubled per attempt, with jitter
    int backoffMaxMs = 60'000;
    bool useSystemProxy = false; // the application turns it on; tests stay on loopback
    qint64 maxBodyBytes = qint64(32) * 1024 * 1024; // a longer answer is refused (no retry): a wrong URL, not data
};

// The one owner of QNetworkAccessManager. Requests to a host go one at a time (GitHub asks for that),
// in order; network errors, 5xx and 202 ("still computing") are retried with exponential backoff and
// jitter. Rate limits are reported through the answer's status and headers: the caller decides to wait.
class HttpClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse&)>;
    explicit HttpClient(HttpOptions options = {}, QObject* parent = nullptr);
    ~HttpClient() override;

    // `done` runs on this thread, unless `context` was destroyed first.
    void get(const HttpRequest& request, QObject* context, Callback done);
    // get() for a request that carries a body (method "POST" unless set otherwise).
    void post(HttpRequest request, QObject* context, Callback done);

    // Drops the requests of `context` that are still queued; their callbacks run at once with status 0.
    void cancel(QObject* context);

    qint64 requestsSent() const { return m_requestsSent; }
    const HttpOptions& options() const { return m_options; }

private:
    struct Job {
        HttpRequest request;
        QPointer<QObject> context;
        Callback done;
        int attempts = 0;
    };
    struct Host {
        bool busy = false;
        std::deque<Job> queue;
    };
    void startNext(const QString& hostKey);
    void send(const QString& hostKey, Job job);
    void finish(const QString& hostKey, Job& job, const HttpResponse& response);
    int backoffMs(int attempt, const HttpResponse& response) const;

    HttpOptions m_options;
    QNetworkAccessManager* m_manager;
    QHash<QString, Host> m_hosts;
    qint64 m_requestsSent = 0;
};

} // namespace activity
