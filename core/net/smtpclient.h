#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <functional>

namespace activity {

// The user's mail server, as alert emails reach it: STARTTLS on the submission port (587) or TLS from the first
// byte (465); never in clear text, so the password never crosses the network unencrypted.
struct SmtpServer {
    QString host;
    quint16 port = 587;
    bool implicitTls = false; // port 465 style
    QString user; // empty: no AUTH
    QByteArray password; // from the keyring; never logged
    QString from;
    QList<QSslCertificate> caCertificates; // trusted beside the system's (a private CA)
};

struct SmtpMessage {
    QStringList to;
    QString subject;
    QString body; // plain text, UTF-8
};

// Sends one message per call over its own connection: EHLO, STARTTLS, EHLO, AUTH PLAIN (or LOGIN), MAIL, RCPT,
// DATA, QUIT. `done` gets an empty string on success, else what failed, with the server's answer.
class SmtpClient : public QObject {
    Q_OBJECT
public:
    explicit SmtpClient(QObject* parent = nullptr);
    void send(const SmtpServer& server, const SmtpMessage& message, std::function<void(const QString& error)> done);
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // The message as sent after DATA (headers, base64 body), without the final dot.
    static QByteArray format(const SmtpServer& server, const SmtpMessage& message, const QDateTime& date);

private:
    int m_timeoutMs = 30'000;
};

} // namespace activity
