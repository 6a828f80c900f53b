#include "tests/support/runprogram.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// A mail server on loopback that speaks SMTP with STARTTLS (its certificate made by the test with openssl) and
// records what each client did: whether the password came after TLS, who logged in, the envelope and the message.
class FakeSmtpServer : public QTcpServer {
public:
    struct Mail {
        bool tlsBeforeAuth = false;
        QByteArray auth; // decoded AUTH PLAIN: "\0user\0password"
        QByteArray from;
        QList<QByteArray> to;
        QByteArray data;
    };
    QList<Mail> mails;
    QByteArray password = "s3cret";
    bool offerStartTls = true;
    QSslCertificate certificate;
    QSslKey key;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto* socket = new QSslSocket(this);
        socket->setSocketDescriptor(handle);
        socket->setLocalCertificate(certificate);
        socket->setPrivateKey(key);
        auto mail = std::make_shared<Mail>();
        auto inData = std::make_shared<bool>(false);
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, mail, inData] {
            while (socket->canReadLine()) {
                const QByteArray line = socket->readLine();
                if (*inData) {
                    if (line == ".\r\n") {
                        *inData = false;
                        mails.append(*mail);
                        socket->write("250 queued\r\n");
                    } else {
                        mail->data += line;
                    }
                    continue;
                }
                const QByteArray cmd = line.trimmed();
                const QByteArray verb = cmd.split(' ').first().toUpper();
                if (verb == "EHLO") {
                    socket->write("250-fake.example\r\n");
                    if (offerStartTls && !socket->isEncrypted())
                        socket->write("250-STARTTLS\r\n");
                    socket->write("250 AUTH PLAIN LOGIN\r\n");
                } else if (verb == "STARTTLS") {
                    socket->write("220 go ahead\r\n");
                    socket->startServerEncryption();
                } else if (verb == "AUTH") {
                    mail->tlsBeforeAuth = socket->isEncrypted();
                    mail->auth = QByteArray::fromBase64(cmd.split(' ').value(2));
                    socket->write(mail->auth == QByteArray(1, '\0') + "ops" + '\0' + password
                            ? "235 welcome\r\n"
                            : "535 5.7.8 authentication failed\r\n");
                } else if (verb == "MAIL") {
                    mail->from = cmd.mid(10);
                    socket->write("250 ok\r\n");
                } else if (verb == "RCPT") {
                    mail->to.append(cmd.mid(8));
                    socket->write("250 ok\r\n");
                } else if (verb == "DATA") {
                    *inData = true;
                    socket->write("354 go on\r\n");
                } else if (verb == "QUIT") {
                    socket->write("221 bye\r\n");
                    socket->disconnectFromHost();
                } else {
                    socket->write("502 unknown\r\n");
                }
            }
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->write("220 fake.example ESMTP\r\n");
    }
};

namespace activity {

// Alert emails as a user sets them up: `alerts email` with the password from the environment (kept out of every
// output), a rule with --email, `collect --once` sending through STARTTLS to a loopback server, and the history
// saying whether each email went.
class TestAlertEmail : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QProcess openssl;
        openssl.start("openssl",
            { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", m_dir.filePath("key.pem"), "-out",
                m_dir.filePath("cert.pem"), "-days", "2", "-subj", "/CN=127.0.0.1", "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost" });
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile cert(m_dir.filePath("cert.pem"));
        QFile key(m_dir.filePath("key.pem"));
        QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        m_server.certificate = QSslCertificate(&cert);
        m_server.key = QSslKey(&key, QSsl::Rsa);
        QVERIFY(!m_server.certificate.isNull() && !m_server.key.isNull());
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));

        const QString when = QLocale::c().toString(
            QDateTime::currentDateTimeUtc().addSecs(-60), QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000"));
        QFile log(m_dir.filePath("access.log"));
        QVERIFY(log.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3; ++i)
            log.write(
                QStringLiteral("203.0.113.9 - - [%1] \"GET / HTTP/1.1\" 503 10 \"-\" \"curl\"\n").arg(when).toUtf8());
        log.close();
        QCOMPARE(run({ "import", log.fileName() }).code, 0);
        QCOMPARE(run({ "settings", "set", "alerts.interval", "1" }).code, 0);
    }

    void setUpTheMailServer()
    {
        const ProgramResult missing = run({ "alerts", "email", "--host", "127.0.0.1" });
        QCOMPARE(missing.code, 2);
        QVERIFY2(missing.err.contains("--from"), qPrintable(missing.err));
        const ProgramResult badFrom = run({ "alerts", "email", "--host", "127.0.0.1", "--from", "not an address" });
        QCOMPARE(badFrom.code, 2);
        QVERIFY2(badFrom.err.contains("email address"), qPrintable(badFrom.err));
        const ProgramResult set
            = run({ "alerts", "email", "--host", "127.0.0.1", "--port", QString::number(m_server.serverPort()),
                      "--user", "ops", "--from", "alerts@example.org", "--password-env", "SMTP_PW", "--ca-file",
                      m_dir.filePath("cert.pem") },
                { { "SMTP_PW", "s3cret" } });
        QVERIFY2(set.code == 0 && set.out.contains("password kept in the"), qPrintable(set.all()));
        const ProgramResult shown = run({ "alerts", "email" });
        QVERIFY2(shown.out.contains("127.0.0.1") && shown.out.contains("user ops"), qPrintable(shown.out));
        for (const ProgramResult& r : { set, shown, run({ "settings", "list" }) })
            QVERIFY(!r.all().contains("s3cret"));
        QCOMPARE(run({ "alerts", "add", "--series", "traffic.requests", "--above", "1", "--email", "nobody" }).code, 2);
    }

    void firingAlertIsMailedOverTls()
    {
        const ProgramResult added
            = run({ "alerts", "add", "--series", "traffic.status.5xx", "--above", "2", "--window", "30m", "--name",
                "Server errors", "--severity", "critical", "--email", "ops@example.org,lead@example.org" });
        QVERIFY2(added.code == 0, qPrintable(added.all()));
        const ProgramResult tested = run({ "alerts", "test", "1" });
        QVERIFY2(tested.out.contains("email to ops@example.org, lead@example.org"), qPrintable(tested.out));
        const ProgramResult once = run({ "collect", "--once" });
        QVERIFY2(once.code == 0, qPrintable(once.all()));
        QVERIFY(!once.all().contains("s3cret"));
        QTRY_COMPARE(m_server.mails.size(), 1);
        const FakeSmtpServer::Mail& mail = m_server.mails.first();
        QVERIFY(mail.tlsBeforeAuth);
        QCOMPARE(mail.auth, QByteArray("\0ops\0s3cret", 11));
        QCOMPARE(mail.from, QByteArray("<alerts@example.org>"));
        QCOMPARE(mail.to, QList<QByteArray>({ "<ops@example.org>", "<lead@example.org>" }));
        QVERIFY2(mail.data.contains("Subject: [critical] Server errors: firing (critical)"), mail.data.constData());
        QVERIFY(mail.data.contains("To: ops@example.org, lead@example.org"));
        const QByteArray body = QByteArray::fromBase64(mail.data.mid(mail.data.indexOf("\r\n\r\n") + 4));
        QVERIFY2(body.contains("Requests answered 5xx is 3, above 2"), body.constData());
        const QJsonArray history = QJsonDocument::fromJson(run({ "alerts", "history", "--json" }).out.toUtf8()).array();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history[0]["email"].toString(), QString("sent"));
    }

    void refusedPasswordIsAFailureInTheHistory()
    {
        QCOMPARE(run({ "alerts", "remove", "1" }).code, 0);
        m_server.password = "changed";
        QCOMPARE(run({ "alerts", "add", "--series", "traffic.status.5xx", "--above", "1", "--window", "30m", "--name",
                         "Errors again", "--email", "ops@example.org" })
                     .code,
            0);
        const ProgramResult once = run({ "collect", "--once" });
        QCOMPARE(once.code, 1);
        QVERIFY2(once.err.contains("user name or password") && once.err.contains("535"), qPrintable(once.err));
        const QString history = run({ "alerts", "history" }).out;
        QVERIFY2(history.contains("email: failed") && history.contains("535"), qPrintable(history));
        QCOMPARE(m_server.mails.size(), 1);
    }

    void noStartTlsNoPassword()
    {
        m_server.password = "s3cret";
        m_server.offerStartTls = false;
        QCOMPARE(run({ "alerts", "add", "--series", "traffic.status.5xx", "--above", "0", "--window", "30m", "--name",
                         "Plain", "--email", "ops@example.org" })
                     .code,
            0);
        QTest::qWait(1100); // the rules evaluated a second ago are due again
        const ProgramResult once = run({ "collect", "--once" });
        QCOMPARE(once.code, 1);
        QVERIFY2(once.err.contains("does not offer STARTTLS"), qPrintable(once.err));
        QCOMPARE(m_server.mails.size(), 1);
    }

private:
    ProgramResult run(const QStringList& args, const QHash<QString, QString>& env = {})
    {
        return runProgram(args, m_dir.filePath("data"), env);
    }
    QTemporaryDir m_dir;
    FakeSmtpServer m_server;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestAlertEmail)
#include "tst_alertemail.moc"
