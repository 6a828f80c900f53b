#include "core/secrets/filesecretstore.h"
#include "core/secrets/tokenvault.h"
#include "ui/sources/sourceform.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace activity {

class TestSourceForm : public QObject {
    Q_OBJECT
private slots:
    void fieldsComeFromTheRegistry()
    {
        SourceRegistry registry;
        SourceForm form(registry);
        for (const SourceTypeSpec& spec : registry.types()) {
            form.setType(spec.type);
            for (const FieldSpec& f : spec.fields)
                if (!f.storedSecret) // the token row is a TokenField (tst_sourcetoken)
                    QVERIFY2(form.fieldEdit(f.name), qPrintable(spec.type + " " + f.name));
        }
    }
    void validatesAsYouType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message"); // exactly what the command line prints, empty when valid
        QTest::addRow("repo ok") << "github"
                                 << "repo"
                                 << "torvalds/linux"
                                 << "";
        QTest::addRow("repo bad") << "github"
                                  << "repo"
                                  << "torvalds" << fieldMessage("github", "repo", "torvalds");
        QTest::addRow("interval bad") << "github"
                                      << "interval"
                                      << "soon" << fieldMessage("github", "interval", "soon");
        QTest::addRow("api-url bad") << "github"
                                     << "api-url"
                                     << "ftp://x" << fieldMessage("github", "api-url", "ftp://x");
        QTest::addRow("token-env bad") << "github"
                                       << "token-env"
                                       << "1X" << fieldMessage("github", "token-env", "1X");
        QTest::addRow("namespace bad") << "dockerhub"
                                       << "namespace"
                                       << "a b" << fieldMessage("dockerhub", "namespace", "a b");
        QTest::addRow("listen bad") << "syslog"
                                    << "listen"
                                    << "udp://127.0.0.1" << fieldMessage("syslog", "listen", "udp://127.0.0.1");
        QTest::addRow("allow bad") << "syslog"
                                   << "allow"
                                   << "10.0.0.0/99" << fieldMessage("syslog", "allow", "10.0.0.0/99");
        QTest::addRow("listen ok") << "syslog"
                                   << "listen"
                                   << "tcp://[::1]:6514"
                                   << "";
    }
    void validatesAsYouType()
    {
        QFETCH(QString, type);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        SourceRegistry registry;
        SourceForm form(registry);
        form.setType(type);
        QTest::keyClicks(form.fieldEdit(field), value);
        QCOMPARE(form.fieldError(field), message);
        QVERIFY(QString(QTest::currentDataTag()).endsWith(" ok") || !message.isEmpty());
        if (!message.isEmpty()) {
            QVERIFY(message.startsWith("--" + field + ": "));
            QVERIFY(!form.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        }
    }
    void combinationRuleAndRequiredFields()
    {
        SourceRegistry registry;
        SourceForm form(registry);
        form.setType("github");
        auto* ok = form.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QCOMPARE(form.errors(), QStringList { "--repo: give exactly one of --repo OWNER/NAME and --org ORG" });
        form.setField("repo", "torvalds/linux");
        QVERIFY(ok->isEnabled());
        form.setField("org", "kde");
        QVERIFY(!ok->isEnabled());
        form.setField("org", "");
        QVERIFY(ok->isEnabled());
        // Defaults are filled in the way the command line does.
        QCOMPARE(form.settings().value("interval").toString(), QString("15m"));
        QCOMPARE(form.settings().value("api-url").toString(), QString("https://api.github.com"));

        form.setType("logfile");
        QVERIFY(!ok->isEnabled());
        QCOMPARE(form.errors(), QStringList { "--path: is required" });
        QVERIFY(form.fieldError("path").isEmpty()); // not shouted before the user typed there
    }
    void editKeepsTheType()
    {
        SourceRegistry registry;
        SourceForm form(registry);
        form.edit("dockerhub", { { "namespace", "library" }, { "interval", "2h" } });
        QCOMPARE(form.type(), QString("dockerhub"));
        QCOMPARE(form.fieldEdit("namespace")->text(), QString("library"));
        QCOMPARE(form.fieldEdit("interval")->text(), QString("2h"));
        QVERIFY(!form.findChild<QWidget*>("sourceType")->isEnabled());
        QVERIFY(form.isValid());
    }
    void nginxLineWithCopy()
    {
        SourceRegistry registry;
        SourceForm form(registry);
        form.setType("syslog");
        QCOMPARE(form.nginxLine(), QString("access_log syslog:server=127.0.0.1:5514,tag=mysite combined;"));
        form.setField("listen", "udp://[::1]:6000");
        form.setField("site", "docs.example-org");
        QCOMPARE(form.nginxLine(), QString("access_log syslog:server=[::1]:6000,tag=docs_example_org combined;"));
        QCOMPARE(form.findChild<QLineEdit*>("nginxLine")->text(), form.nginxLine());
        const auto buttons = form.findChildren<QPushButton*>();
        const auto copy
            = std::find_if(buttons.begin(), buttons.end(), [](QPushButton* b) { return b->text() == "Copy"; });
        QVERIFY(copy != buttons.end());
        (*copy)->click();
        QCOMPARE(QApplication::clipboard()->text(), form.nginxLine());
        form.setType("github");
        QVERIFY(form.nginxLine().isEmpty());
        QVERIFY(form.findChild<QLineEdit*>("nginxLine")->isHidden());
    }
    void testBindsTheListenerPort()
    {
        SourceRegistry registry;
        SourceForm form(registry);
        form.setType("syslog");
        QUdpSocket busy;
        QVERIFY(busy.bind(QHostAddress::LocalHost, 0));
        form.setField("listen", QString("udp://127.0.0.1:%1").arg(busy.localPort()));
        QSignalSpy spy(&form, &SourceForm::testFinished);
        form.runTest();
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toBool(), false);
        const quint16 port = busy.localPort();
        busy.close();
        form.runTest();
        QTRY_COMPARE(spy.count(), 2);
        QVERIFY2(spy.at(1).at(0).toBool(), qPrintable(spy.at(1).at(1).toString() + QString::number(port)));
    }
    // A JSON source's Test fetches once and shows what each pointer gives, before anything is saved.
    void testShowsWhatEachPointerGives()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QByteArray asked;
        connect(&server, &QTcpServer::newConnection, this, [&server, &asked] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &asked] {
                asked += socket->readAll();
                const QByteArray body = R"({"stars": 41, "name": "rocket", "versions": [{"num": "1.1", "d": 7}]})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        SourceRegistry registry;
        SourceForm form(registry);
        form.setType("http-json");
        form.setField("url", QString("http://127.0.0.1:%1/stats").arg(server.serverPort()));
        // Several fields on one line, separated by ';' (the command line repeats --field).
        form.setField("field", "stars=/stars; d=/versions/*/d");
        form.setField("label", "/versions/*/num");
        form.setField("header", "X-Client: test");
        QVERIFY2(form.isValid(), qPrintable(form.errors().join('\n')));
        QCOMPARE(form.settings().value("field").toString(), QString("stars=/stars\nd=/versions/*/d"));
        QSignalSpy spy(&form, &SourceForm::testFinished);
        form.runTest();
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        QCOMPARE(spy.at(0).at(1).toString(), QString("stars = 41; d (1.1) = 7"));
        QVERIFY(spy.at(0).at(0).toBool());
        QVERIFY(asked.contains("X-Client: test"));

        form.setField("field", "stars=/stars; name=/name");
        form.runTest();
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 10000);
        QCOMPARE(spy.at(1).at(0).toBool(), false);
        QCOMPARE(spy.at(1).at(1).toString(), QString("stars = 41\nfield name: /name gives \"rocket\", not a number"));
    }

    // Editing a source whose key is kept in the vault: Test sends the stored key where the form shows it masked.
    void testUsesTheStoredSecrets()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QByteArray asked;
        connect(&server, &QTcpServer::newConnection, this, [&server, &asked] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &asked] {
                asked += socket->readAll();
                const QByteArray body = R"({"stars": 41})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        QTemporaryDir dir;
        TokenVault vault(nullptr, std::make_unique<FileSecretStore>(dir.filePath("tokens.json")), dir.path());
        const QString url = QString("http://127.0.0.1:%1/stats").arg(server.serverPort());
        QJsonObject secrets;
        secrets.insert("url", QString(url + "?api_key=keySECRET"));
        secrets.insert("header", "X-Api-Key: hdrSECRET");
        QString error;
        const TokenVault::Location where
            = vault.storeSlotNow("source secrets t1", QJsonDocument(secrets).toJson(QJsonDocument::Compact), &error);
        QVERIFY2(where == TokenVault::Location::File, qPrintable(error));
        SourceRegistry registry;
        SourceForm form(registry);
        form.setTokenVault(&vault);
        QJsonObject stored;
        stored.insert("url", QString(url + "?api_key=••••"));
        stored.insert("field", "stars=/stars");
        stored.insert("header", "X-Api-Key: ••••");
        stored.insert("secrets", TokenVault::reference(where, "source secrets t1"));
        form.edit("http-json", stored, 1);
        QVERIFY2(form.isValid(), qPrintable(form.errors().join('\n')));
        QSignalSpy spy(&form, &SourceForm::testFinished);
        form.runTest();
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        QVERIFY2(spy.at(0).at(0).toBool(), qPrintable(spy.at(0).at(1).toString()));
        QVERIFY2(asked.contains("X-Api-Key: hdrSECRET") && asked.contains("api_key=keySECRET"), asked.constData());
        // A header typed anew is sent as typed.
        asked.clear();
        form.setField("header", "X-Api-Key: typedNOW");
        form.runTest();
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 10000);
        QVERIFY2(asked.contains("X-Api-Key: typedNOW") && asked.contains("api_key=keySECRET"), asked.constData());
    }

    void testRequestsTheApi()
    {
        // A local HTTP server answers like an API root.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        connect(&server, &QTcpServer::newConnection, this, [&server] {
            QTcpSocket* socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
                socket->disconnectFromHost();
            });
        });
        SourceRegistry registry;
        SourceForm form(registry);
        form.setType("dockerhub");
        form.setField("namespace", "library");
        form.setField("api-url", QString("http://127.0.0.1:%1").arg(server.serverPort()));
        QSignalSpy spy(&form, &SourceForm::testFinished);
        form.runTest();
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 10000);
        QCOMPARE(spy.at(0).at(0).toBool(), true);
        QCOMPARE(spy.at(0).at(1).toString(), QString("the API answered (HTTP 200)"));
    }

private:
    static QString fieldMessage(const QString& type, const QString& field, const QString& value)
    {
        SourceRegistry registry;
        const FieldSpec* f = registry.find(type)->field(field);
        return FieldError { field, f->validate(value) }.toString();
    }
};

} // namespace activity

QTEST_MAIN(activity::TestSourceForm)
#include "tst_sourceform.moc"
