#include "core/alerts/alertnotifier.h"

#include "core/alerts/alertemail.h"
#include "core/alerts/alertstore.h"
#include "core/net/httpclient.h"
#include "core/net/smtpclient.h"
#include "core/secrets/secretmask.h"
#include "core/secrets/tokenvault.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AlertNotifier)
};

QString eventWord(const QString& event)
{
    if (event == QLatin1String("resolved"))
        return Text::tr("resolved");
    if (event == QLatin1String("repeat"))
        return Text::tr("still firing");
    return Text::tr("firing");
}
} // namespace

QString AlertMessages::title(const AlertNotice& n)
{
    return QStringLiteral("%1: %2 (%3)").arg(n.rule.name, eventWord(n.event.event), n.event.severity);
}

QString AlertMessages::text(const AlertNotice& n)
{
    return Text::tr("%1 · rule: %2 %3").arg(n.event.message, n.rule.series, n.rule.condition());
}

QByteArray AlertMessages::webhookBody(const AlertNotice& n)
{
    const QString line = title(n) + QStringLiteral(" — ") + text(n);
    QJsonObject body;
    if (n.rule.webhookFormat == QLatin1String("slack")) {
        body.insert(QStringLiteral("text"), line);
    } else if (n.rule.webhookFormat == QLatin1String("matrix")) {
        body.insert(QStringLiteral("msgtype"), QStringLiteral("m.text"));
        body.insert(QStringLiteral("body"), line);
    } else {
        body.insert(QStringLiteral("version"), 1);
        body.insert(QStringLiteral("status"),
            n.event.event == QLatin1String("resolved") ? QStringLiteral("resolved") : QStringLiteral("firing"));
        body.insert(QStringLiteral("event"), n.event.event);
        body.insert(QStringLiteral("rule"),
            QJsonObject { { QStringLiteral("id"), n.rule.id }, { QStringLiteral("name"), n.rule.name },
                { QStringLiteral("series"), n.rule.series }, { QStringLiteral("condition"), n.rule.condition() } });
        body.insert(QStringLiteral("severity"), n.event.severity);
        body.insert(QStringLiteral("value"), n.event.value ? QJsonValue(*n.event.value) : QJsonValue());
        body.insert(QStringLiteral("at"), QDateTime::fromSecsSinceEpoch(n.event.ts, Qt::UTC).toString(Qt::ISODate));
        body.insert(QStringLiteral("message"), n.event.message);
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

AlertNotifier::AlertNotifier(HttpClient& http, DbWriter& writer, QObject* parent)
    : QObject(parent)
    , m_http(http)
    , m_writer(writer)
{ }

AlertNotifier::~AlertNotifier() = default;

void AlertNotifier::setMail(SmtpClient* client, const SmtpServer& server)
{
    m_smtp = client;
    m_server = std::make_unique<SmtpServer>(server);
}

int AlertNotifier::deliveries(const QList<AlertNotice>& notices)
{
    int n = 0;
    for (const AlertNotice& notice : notices)
        n += (notice.rule.webhook.isEmpty() && notice.rule.webhookSecret.isEmpty() ? 0 : 1)
            + (notice.rule.email.isEmpty() ? 0 : 1);
    return n;
}

void AlertNotifier::send(const QList<AlertNotice>& notices)
{
    for (const AlertNotice& n : notices) {
        if (!n.rule.email.isEmpty()) {
            const qint64 eventId = n.event.id;
            const auto record = [this, eventId](const QString& error) {
                const QString delivery = error.isEmpty() ? Text::tr("sent") : Text::tr("failed: %1").arg(error);
                try {
                    m_writer.run([&](Database& db) { AlertStore(db).setEmailDelivery(eventId, delivery); });
                } catch (const std::exception& e) {
                    // The history keeps "pending"; the delivery is still reported below.
                    qCWarning(lcAlerts) << "email delivery of history" << eventId << "not recorded:" << e.what();
                }
                emit emailed(eventId, error.isEmpty(), delivery);
            };
            if (m_smtp && m_server)
                m_smtp->send(*m_server, AlertEmail::message(n), record);
            else
                record(Text::tr("no mail server set up (alerts email --host HOST --from ADDRESS ...)"));
        }
        if (n.rule.webhook.isEmpty() && n.rule.webhookSecret.isEmpty())
            continue;
        withWebhookUrl(n.rule, [this, n](const QString& url, const QString& problem) {
            if (url.isEmpty())
                recordDelivery(n.event.id, false, Text::tr("failed: %1").arg(problem));
            else
                post(n, url);
        });
    }
}

void AlertNotifier::withWebhookUrl(
    const AlertRule& rule, std::function<void(const QString& url, const QString& problem)> then)
{
    const QString& secret = rule.webhookSecret;
    if (secret.isEmpty()) { // a rule made in a test, or by hand
        then(rule.webhook, {});
        return;
    }
    if (secret.startsWith(QLatin1String("env:"))) {
        const QString variable = secret.mid(4);
        const QString url = qEnvironmentVariable(variable.toLocal8Bit().constData());
        then(url,
            url.isEmpty() ? Text::tr("the variable %1 that holds the webhook's URL is not set").arg(variable)
                          : QString());
        return;
    }
    TokenVault::Location where = TokenVault::Location::None;
    QString slot;
    const QString again
        = Text::tr("give it again with `activity-dashboard alerts edit %1 --webhook URL` (or --webhook-env VARIABLE)")
              .arg(rule.id);
    if (!TokenVault::parseReference(secret, &where, &slot) || !m_vault) {
        then({}, Text::tr("the webhook's URL is kept elsewhere: %1").arg(again));
        return;
    }
    m_vault->loadSlot(slot, where, this, [then, again](const QByteArray& url, const QString& error) {
        then(QString::fromUtf8(url),
            url.isEmpty() ? Text::tr("the webhook's URL is not on this machine (%1): %2").arg(error, again)
                          : QString());
    });
}

void AlertNotifier::post(const AlertNotice& n, const QString& url)
{
    HttpRequest request;
    request.url = QUrl(url);
    request.body = AlertMessages::webhookBody(n);
    request.contentType = "application/json";
    // Errors name the webhook by its host: the rest of its URL is the secret.
    request.shownAs = SecretMask::webhook(url);
    const qint64 eventId = n.event.id;
    const QString path = request.url.path();
    m_http.post(request, this, [this, eventId, path](const HttpResponse& r) {
        const bool ok = r.status >= 200 && r.status < 300;
        QString error = r.error;
        if (path.size() > 1)
            error.replace(path, QStringLiteral("/\u2026"));
        recordDelivery(eventId, ok,
            ok ? Text::tr("sent (HTTP %1)").arg(r.status)
               : Text::tr("failed: %1").arg(r.status ? QStringLiteral("HTTP %1").arg(r.status) : error));
    });
}

void AlertNotifier::recordDelivery(qint64 eventId, bool ok, const QString& delivery)
{
    try {
        m_writer.run([&](Database& db) { AlertStore(db).setDelivery(eventId, delivery); });
    } catch (const std::exception& e) {
        // The history keeps "pending"; the delivery is still reported below.
        qCWarning(lcAlerts) << "webhook delivery of history" << eventId << "not recorded:" << e.what();
    }
    emit delivered(eventId, ok, delivery);
}

} // namespace activity
