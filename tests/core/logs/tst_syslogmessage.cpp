#include "core/logs/syslogmessage.h"
#include "tests/support/fixtures.h"

#include <QTest>

namespace activity {

class TestSyslogMessage : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
};

void TestSyslogMessage::parse_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("priority");
    QTest::addColumn<QByteArray>("hostname");
    QTest::addColumn<QByteArray>("tag");
    QTest::addColumn<QByteArray>("message");
    const auto rows = Fixtures::readTsv(QStringLiteral(ACTIVITY_TEST_DATA "/listeners/syslog_messages.tsv"));
    QVERIFY(rows.size() >= 20);
    for (const QList<QByteArray>& r : rows) {
        QCOMPARE(r.size(), 7);
        QTest::addRow("%s", r[0].constData())
            << Fixtures::unescape(r[1]) << (r[2] == "1") << r[3].toInt() << r[4] << r[5] << Fixtures::unescape(r[6]);
    }
}

void TestSyslogMessage::parse()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, ok);
    SyslogMessage message;
    QCOMPARE(Syslog::parse(raw, message), ok);
    if (!ok)
        return;
    QTEST(message.priority, "priority");
    QTEST(message.hostname, "hostname");
    QTEST(message.tag, "tag");
    QTEST(message.message, "message");
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSyslogMessage)
#include "tst_syslogmessage.moc"
