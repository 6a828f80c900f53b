#pragma once

#include "core/alerts/alertevaluator.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <memory>

namespace activity {

class DbWriter;
class HttpClient;
class SmtpClient;
struct SmtpServer;

// The words and bodies of a notice: one line for people (desktop, Slack, Matrix), a JSON body for machines.
namespace AlertMessages {
// "Site errors: firing (critical)"
QString title(const AlertNotice& notice);
// The check's sentence and the rule: "Requests answered 5xx (www) is 12, above 5 · rule: traffic.status.5xx above 5"
QString text(const AlertNotice& notice);
// The webhook's body in the rule's format: generic JSON, Slack ({"text"}) or Matrix (m.text).
QByteArray webhookBody(const AlertNotice& notice);
} // namespace AlertMessages

// Sends rules' webhooks (POST, JSON) and writes in the history what became of each; never logs the URL
// (a Slack or Matrix hook URL is a secret).
class TokenVault;

class AlertNotifier : public QObject {
    Q_OBJECT
public:
    AlertNotifier(HttpClient& http, DbWriter& writer, QObject* parent = nullptr);
    ~AlertNotifier() override;
    // Where rules' emails go; without it they fail with "no mail server set up".
    void setMail(SmtpClient* client, const SmtpServer& server);
    // Where rules' webhook URLs are kept (see AlertRule::webhookSecret).
    void setVault(TokenVault* vault) { m_vault = vault; }
    void send(const QList<AlertNotice>& notices);
    // How many webhook and email deliveries `notices` start.
    static int deliveries(const QList<AlertNotice>& notices);

signals:
    // After each webhook's answer: whether it was taken (2xx), and what the history says ("sent (HTTP 200)").
    void delivered(qint64 eventId, bool ok, const QString& delivery);
    // After each email's answer, the same.
    void emailed(qint64 eventId, bool ok, const QString& delivery);

private:
    // Calls `then` with the rule's whole webhook URL, or an empty one and why not.
    void withWebhookUrl(const AlertRule& rule, std::function<void(const QString& url, const QString& problem)> then);
    void post(const AlertNotice& notice, const QString& url);
    void recordDelivery(qint64 eventId, bool ok, const QString& delivery);
    HttpClient& m_http;
    TokenVault* m_vault = nullptr;
    DbWriter& m_writer;
    SmtpClient* m_smtp = nullptr;
    std::unique_ptr<SmtpServer> m_server;
};

} // namespace activity
