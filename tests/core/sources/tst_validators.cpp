#include "core/sources/validators.h"

#include <QTest>

namespace activity {

class TestValidators : public QObject {
    Q_OBJECT
private slots:
    void duration_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<qint64>("secs"); // -1: invalid
        QTest::addRow("seconds") << "90s" << qint64(90);
        QTest::addRow("minutes") << "15m" << qint64(900);
        QTest::addRow("hour") << "1h" << qint64(3600);
        QTest::addRow("combined") << "1h30m" << qint64(5400);
        QTest::addRow("day") << "1d" << qint64(86400);
        QTest::addRow("bare number") << "120" << qint64(120);
        QTest::addRow("zero") << "0s" << qint64(-1);
        QTest::addRow("empty") << "" << qint64(-1);
        QTest::addRow("word") << "soon" << qint64(-1);
        QTest::addRow("wrong order") << "30m1h" << qint64(-1);
        QTest::addRow("negative") << "-5m" << qint64(-1);
        QTest::addRow("too long") << "400d" << qint64(-1);
    }
    void duration()
    {
        QFETCH(QString, input);
        QFETCH(qint64, secs);
        const auto parsed = Validators::parseDurationSecs(input);
        QCOMPARE(parsed.value_or(-1), secs);
        QCOMPARE(Validators::duration(input).isEmpty(), secs > 0);
    }

    void repository_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addRow("plain") << "torvalds/linux" << true;
        QTest::addRow("dots dashes") << "my-org/my.repo_x" << true;
        QTest::addRow("no slash") << "linux" << false;
        QTest::addRow("two slashes") << "a/b/c" << false;
        QTest::addRow("empty owner") << "/linux" << false;
        QTest::addRow("space") << "a b/c" << false;
        QTest::addRow("url") << "https://github.com/a/b" << false;
    }
    void repository()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QCOMPARE(Validators::repository(input).isEmpty(), valid);
    }

    void listenUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("messagePart");
        QTest::addRow("udp v4") << "udp://127.0.0.1:5514" << true << "";
        QTest::addRow("tcp v6") << "tcp://[::1]:5514" << true << "";
        QTest::addRow("any") << "udp://0.0.0.0:514" << true << "";
        QTest::addRow("localhost") << "tcp://localhost:6000" << true << "";
        QTest::addRow("http scheme") << "http://127.0.0.1:5514" << false << "udp:// or tcp://";
        QTest::addRow("no port") << "udp://127.0.0.1" << false << ":PORT";
        QTest::addRow("port zero") << "udp://127.0.0.1:0" << false << "1 to 65535";
        QTest::addRow("port too big") << "udp://127.0.0.1:70000" << false << "1 to 65535";
        QTest::addRow("host name") << "udp://example.org:514" << false << "IP address";
        QTest::addRow("bare v6") << "udp://::1:514" << false << "IP address";
    }
    void listenUrl()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QFETCH(QString, messagePart);
        const QString message = Validators::listenUrl(input);
        QCOMPARE(message.isEmpty(), valid);
        QVERIFY2(message.contains(messagePart), qPrintable(message));
        if (valid) {
            const auto parsed = Validators::parseListenUrl(input);
            QVERIFY(parsed.has_value());
            QVERIFY(parsed->port > 0);
        }
    }

    void httpUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("valid");
        QTest::addRow("github") << "https://api.github.com" << true;
        QTest::addRow("enterprise") << "https://git.example.org/api/v3" << true;
        QTest::addRow("local http") << "http://127.0.0.1:8080" << true;
        QTest::addRow("ftp") << "ftp://example.org" << false;
        QTest::addRow("no scheme") << "api.github.com" << false;
        QTest::addRow("empty") << "" << false;
    }
    void httpUrl()
    {
        QFETCH(QString, input);
        QFETCH(bool, valid);
        QCOMPARE(Validators::httpUrl(input).isEmpty(), valid);
    }

    void cidrList_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("networks"); // -1 invalid
        QTest::addRow("loopback pair") << "127.0.0.0/8,::1/128" << 2;
        QTest::addRow("single host") << "192.0.2.7" << 1;
        QTest::addRow("spaces") << " 10.0.0.0/8 , 2001:db8::/32 " << 2;
        QTest::addRow("bad prefix") << "10.0.0.0/33" << -1;
        QTest::addRow("garbage") << "everyone" << -1;
        QTest::addRow("empty") << "" << -1;
    }
    void cidrList()
    {
        QFETCH(QString, input);
        QFETCH(int, networks);
        const auto parsed = Validators::parseCidrList(input);
        QCOMPARE(parsed ? int(parsed->size()) : -1, networks);
        QCOMPARE(Validators::cidrList(input).isEmpty(), networks > 0);
    }

    void port()
    {
        QVERIFY(Validators::port(QStringLiteral("1")).isEmpty());
        QVERIFY(Validators::port(QStringLiteral("65535")).isEmpty());
        QVERIFY(!Validators::port(QStringLiteral("0")).isEmpty());
        QVERIFY(!Validators::port(QStringLiteral("65536")).isEmpty());
        QVERIFY(!Validators::port(QStringLiteral("http")).isEmpty());
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestValidators)
#include "tst_validators.moc"
