#include "core/net/smtpclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUuid>
#include <memory>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SmtpClient)
};

// An encoded word for a header with text beyond ASCII (RFC 2047).
QByteArray headerText(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() > 126 || c.unicode() < 32)
            return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
    return text.toLatin1();
}

// One conversation; deletes itself when done.
class Session : public QObject {
public:
    Session(const SmtpServer& server, const SmtpMessage& message, int timeoutMs,
        std::function<void(const QString&)> done, QObject* parent)
        : QObject(parent)
        , m_server(server)
        , m_message(message)
        , m_done(std::move(done))
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!server.caCertificates.isEmpty())
            tls.addCaCertificates(server.caCertificates);
        m_socket.setSslConfiguration(tls);
        m_socket.setPeerVerifyName(server.host);
        connect(&m_socket, &QSslSocket::readyRead, this, &Session::onRead);
        connect(&m_socket, &QSslSocket::encrypted, this, [this] {
            if (m_step == Step::StartTls)
                ehlo(Step::EhloTls);
        });
        connect(&m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
            finish(Text::tr("the mail server's certificate is not trusted: %1")
                       .arg(errors.isEmpty() ? QString() : errors.first().errorString()));
        });
        connect(&m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
            if (m_step != Step::Quit)
                finish(Text::tr("cannot talk to %1:%2: %3")
                           .arg(m_server.host)
                           .arg(m_server.port)
                           .arg(m_socket.errorString()));
        });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this,
            [this] { finish(Text::tr("the mail server %1 did not answer in time").arg(m_server.host)); });
        m_timer.start(timeoutMs);
        if (server.implicitTls)
            m_socket.connectToHostEncrypted(server.host, server.port);
        else
            m_socket.connectToHost(server.host, server.port);
    }

private:
    enum class Step { Greeting, Ehlo, StartTls, EhloTls, Auth, AuthUser, AuthPass, MailFrom, RcptTo, Data, Body, Quit };

    void send(const QByteArray& line, Step next)
    {
        m_step = next;
        m_socket.write(line + "\r\n");
    }
    void ehlo(Step next) { send("EHLO activity-dashboard", next); }

    void onRead()
    {
        while (m_socket.canReadLine()) {
            const QByteArray line = m_socket.readLine().trimmed();
            m_reply += line + ' ';
            // "250-..." continues, "250 ..." ends the reply.
            if (line.size() >= 4 && line[3] == '-') {
                m_lines.append(line.mid(4));
                continue;
            }
            m_lines.append(line.mid(4));
            const int code = line.left(3).toInt();
            handle(code);
            m_reply.clear();
            m_lines.clear();
            if (!m_done)
                return;
        }
    }

    bool offers(const char* word) const
    {
        for (const QByteArray& l : m_lines)
            if (l.toUpper().startsWith(word))
                return true;
        return false;
    }
    bool offersAuth(const char* mechanism) const
    {
        for (const QByteArray& l : m_lines)
            if (l.toUpper().startsWith("AUTH") && l.toUpper().split(' ').contains(mechanism))
                return true;
        return false;
    }

    void handle(int code)
    {
        const auto refused = [&](const QString& what) {
            finish(Text::tr("the mail server refused %1: %2").arg(what, QString::fromUtf8(m_reply.trimmed())));
        };
        switch (m_step) {
        case Step::Greeting:
            return code == 220 ? ehlo(Step::Ehlo) : refused(Text::tr("the connection"));
        case Step::Ehlo:
        case Step::EhloTls:
            if (code != 250)
                return refused(QStringLiteral("EHLO"));
            if (m_step == Step::Ehlo && !m_socket.isEncrypted()) {
                if (!offers("STARTTLS"))
                    return finish(Text::tr("the mail server %1 does not offer STARTTLS: the password would travel "
                                           "in clear text")
                                      .arg(m_server.host));
                return send("STARTTLS", Step::StartTls);
            }
            if (m_server.user.isEmpty())
                return send("MAIL FROM:<" + m_server.from.toUtf8() + ">", Step::MailFrom);
            if (offersAuth("PLAIN"))
                return send("AUTH PLAIN "
                        + QByteArray(QByteArray(1, '\0') + m_server.user.toUtf8() + '\0' + m_server.password)
                              .toBase64(),
                    Step::Auth);
            return send("AUTH LOGIN", Step::AuthUser);
        case Step::StartTls:
            if (code != 220)
                return refused(QStringLiteral("STARTTLS"));
            m_socket.startClientEncryption();
            return;
        case Step::AuthUser:
            if (code != 334)
                return refused(QStringLiteral("AUTH LOGIN"));
            return send(m_server.user.toUtf8().toBase64(), Step::AuthPass);
        case Step::AuthPass:
            if (code != 334)
                return refused(QStringLiteral("AUTH LOGIN"));
            return send(m_server.password.toBase64(), Step::Auth);
        case Step::Auth:
            if (code != 235)
                return refused(Text::tr("the user name or password"));
            return send("MAIL FROM:<" + m_server.from.toUtf8() + ">", Step::MailFrom);
        case Step::MailFrom:
            if (code != 250)
                return refused(Text::tr("the sender %1").arg(m_server.from));
            return rcpt();
        case Step::RcptTo:
            if (code != 250 && code != 251)
                return refused(Text::tr("the address %1").arg(m_message.to.value(m_rcpt - 1)));
            return rcpt();
        case Step::Data:
            if (code != 354)
                return refused(QStringLiteral("DATA"));
            m_socket.write(SmtpClient::format(m_server, m_message, QDateTime::currentDateTimeUtc()) + "\r\n.\r\n");
            m_step = Step::Body;
            return;
        case Step::Body:
            if (code != 250)
                return refused(Text::tr("the message"));
            send("QUIT", Step::Quit);
            return finish({});
        case Step::Quit:
            return;
        }
    }

    void rcpt()
    {
        if (m_rcpt < m_message.to.size())
            return send("RCPT TO:<" + m_message.to.at(m_rcpt++).trimmed().toUtf8() + ">", Step::RcptTo);
        send("DATA", Step::Data);
    }

    void finish(const QString& error)
    {
        if (!m_done)
            return;
        m_timer.stop();
        auto done = std::move(m_done);
        m_done = nullptr;
        if (!error.isEmpty())
            m_socket.abort();
        else
            m_socket.disconnectFromHost();
        done(error);
        deleteLater();
    }

    SmtpServer m_server;
    SmtpMessage m_message;
    std::function<void(const QString&)> m_done;
    QSslSocket m_socket;
    QTimer m_timer;
    Step m_step = Step::Greeting;
    QByteArray m_reply;
    QList<QByteArray> m_lines;
    int m_rcpt = 0;
};
} // namespace

SmtpClient::SmtpClient(QObject* parent)
    : QObject(parent)
{ }

void SmtpClient::send(const SmtpServer& server, const SmtpMessage& message, std::function<void(const QString&)> done)
{
    if (server.host.isEmpty() || server.from.isEmpty() || message.to.isEmpty()) {
        done(Text::tr("no mail server set up (alerts email --host ... --from ...)"));
        return;
    }
    new Session(server, message, m_timeoutMs, std::move(done), this);
}

QByteArray SmtpClient::format(const SmtpServer& server, const SmtpMessage& message, const QDateTime& date)
{
    QByteArray out;
    out += "From: " + server.from.toUtf8() + "\r\n";
    out += "To: " + message.to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    out += "Subject: " + headerText(message.subject) + "\r\n";
    out += "Date: " + QLocale::c().toString(date.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1()
        + " +0000\r\n";
    const QString domain = server.from.section(QLatin1Char('@'), 1);
    out += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + '@'
        + (domain.isEmpty() ? QByteArray("activity-dashboard") : domain.toUtf8()) + ">\r\n";
    out += "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n";
    out += "X-Mailer: activity-dashboard\r\n\r\n";
    // Base64 lines of 76: no line too long, and no line a lone "." that would end the message early.
    const QByteArray body = message.body.toUtf8().toBase64();
    for (qsizetype i = 0; i < body.size(); i += 76)
        out += body.mid(i, 76) + "\r\n";
    out.chop(2);
    return out;
}

} // namespace activity
