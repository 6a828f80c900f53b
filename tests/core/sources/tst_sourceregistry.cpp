#include "core/sources/sourceregistry.h"

#include <QJsonObject>
#include <QTest>

namespace activity {

class TestSourceRegistry : public QObject {
    Q_OBJECT
private slots:
    void knowsTheBuiltInTypes()
    {
        SourceRegistry registry;
        QCOMPARE(registry.typeNames(),
            (QStringList { "github", "dockerhub", "syslog", "logfile", "http-json", "prometheus", "npm", "pypi",
                "crates", "homebrew" }));
        for (const SourceTypeSpec& t : registry.types()) {
            QVERIFY(!t.fields.isEmpty());
            QVERIFY(t.displayName);
        }
    }

    void validation_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("settings");
        QTest::addColumn<QString>("badField"); // empty: valid
        QTest::addRow("github repo") << "github" << QJsonObject { { "repo", "a/b" } } << "";
        QTest::addRow("github org") << "github" << QJsonObject { { "org", "kde" } } << "";
        QTest::addRow("github both") << "github" << QJsonObject { { "repo", "a/b" }, { "org", "kde" } } << "repo";
        QTest::addRow("github neither") << "github" << QJsonObject {} << "repo";
        QTest::addRow("github bad repo") << "github" << QJsonObject { { "repo", "ab" } } << "repo";
        QTest::addRow("github bad interval")
            << "github" << QJsonObject { { "repo", "a/b" }, { "interval", "often" } } << "interval";
        QTest::addRow("github bad api url")
            << "github" << QJsonObject { { "repo", "a/b" }, { "api-url", "ftp://x" } } << "api-url";
        QTest::addRow("github bad token env")
            << "github" << QJsonObject { { "repo", "a/b" }, { "token-env", "1X" } } << "token-env";
        QTest::addRow("github unknown field")
            << "github" << QJsonObject { { "repo", "a/b" }, { "colour", "red" } } << "colour";
        QTest::addRow("dockerhub") << "dockerhub" << QJsonObject { { "namespace", "library" } } << "";
        QTest::addRow("dockerhub missing ns") << "dockerhub" << QJsonObject { { "repo", "nginx" } } << "namespace";
        QTest::addRow("syslog default") << "syslog" << QJsonObject {} << "";
        QTest::addRow("syslog bad listen") << "syslog" << QJsonObject { { "listen", "udp://1.2.3.4" } } << "listen";
        QTest::addRow("syslog bad port") << "syslog" << QJsonObject { { "listen", "tcp://127.0.0.1:99999" } }
                                         << "listen";
        QTest::addRow("syslog bad allow") << "syslog" << QJsonObject { { "allow", "everyone" } } << "allow";
        QTest::addRow("syslog bad site") << "syslog" << QJsonObject { { "site", "my site" } } << "site";
        QTest::addRow("logfile") << "logfile" << QJsonObject { { "path", "/var/log/nginx/access.log" } } << "";
        QTest::addRow("logfile no path") << "logfile" << QJsonObject {} << "path";
    }
    void validation()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, settings);
        QFETCH(QString, badField);
        SourceRegistry registry;
        const QList<FieldError> errors = registry.validate(type, settings);
        if (badField.isEmpty()) {
            QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).toString()));
            return;
        }
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().field, badField);
        QVERIFY(errors.first().toString().startsWith(QStringLiteral("--") + badField));
    }

    void defaultsAreFilledIn()
    {
        SourceRegistry registry;
        QJsonObject settings { { "repo", "a/b" } };
        QVERIFY(registry.validate(QStringLiteral("github"), settings).isEmpty());
        QCOMPARE(settings.value("interval").toString(), QStringLiteral("15m"));
        QCOMPARE(settings.value("api-url").toString(), QStringLiteral("https://api.github.com"));
        QJsonObject syslog;
        QVERIFY(registry.validate(QStringLiteral("syslog"), syslog).isEmpty());
        QCOMPARE(syslog.value("listen").toString(), QStringLiteral("udp://127.0.0.1:5514"));
        QCOMPARE(syslog.value("allow").toString(), QStringLiteral("127.0.0.0/8,::1/128"));
        QJsonObject docker { { "namespace", "library" } };
        QVERIFY(registry.validate(QStringLiteral("dockerhub"), docker).isEmpty());
        QCOMPARE(docker.value("interval").toString(), QStringLiteral("1h"));
    }

    void unknownTypeIsNamed()
    {
        SourceRegistry registry;
        QJsonObject settings;
        const auto errors = registry.validate(QStringLiteral("gitlab"), settings);
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.first().message.contains(QStringLiteral("gitlab")));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSourceRegistry)
#include "tst_sourceregistry.moc"
