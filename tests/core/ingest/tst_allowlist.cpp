#include "core/ingest/allowlist.h"

#include <QTest>

namespace activity {

class TestAllowList : public QObject {
    Q_OBJECT
private slots:
    void allows_data();
    void allows();
    void malformedIsRefused();
};

void TestAllowList::allows_data()
{
    QTest::addColumn<QString>("cidrs");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("allowed");
    const QString loopback = QStringLiteral("127.0.0.0/8,::1/128");
    QTest::addRow("default v4 loopback") << loopback << "127.0.0.1" << true;
    QTest::addRow("default other loopback") << loopback << "127.45.6.7" << true;
    QTest::addRow("default v6 loopback") << loopback << "::1" << true;
    QTest::addRow("default mapped loopback") << loopback << "::ffff:127.0.0.1" << true;
    QTest::addRow("default LAN refused") << loopback << "192.168.1.10" << false;
    QTest::addRow("default v6 refused") << loopback << "2001:db8::1" << false;
    QTest::addRow("mapped LAN refused") << loopback << "::ffff:192.168.1.10" << false;
    QTest::addRow("/22 inside") << "10.1.4.0/22"
                                << "10.1.7.255" << true;
    QTest::addRow("/22 outside") << "10.1.4.0/22"
                                 << "10.1.8.0" << false;
    QTest::addRow("/22 below") << "10.1.4.0/22"
                               << "10.1.3.255" << false;
    QTest::addRow("single host") << "192.0.2.5"
                                 << "192.0.2.5" << true;
    QTest::addRow("single host other") << "192.0.2.5"
                                       << "192.0.2.6" << false;
    QTest::addRow("v6 /32 inside") << "2001:db8::/32"
                                   << "2001:db8:ffff::1" << true;
    QTest::addRow("v6 /32 outside") << "2001:db8::/32"
                                    << "2001:db9::1" << false;
    QTest::addRow("v6 /57 boundary in") << "2001:db8:0:80::/57"
                                        << "2001:db8:0:ff::1" << true;
    QTest::addRow("v6 /57 boundary out") << "2001:db8:0:80::/57"
                                         << "2001:db8:0:100::1" << false;
    QTest::addRow("everything v4") << "0.0.0.0/0"
                                   << "8.8.8.8" << true;
    QTest::addRow("v4 rule does not match v6") << "0.0.0.0/0"
                                               << "2001:db8::1" << false;
}

void TestAllowList::allows()
{
    QFETCH(QString, cidrs);
    QFETCH(QString, address);
    const auto list = AllowList::parse(cidrs);
    QVERIFY(list);
    QTEST(list->allows(address), "allowed");
}

void TestAllowList::malformedIsRefused()
{
    QVERIFY(!AllowList::parse(QStringLiteral("10.0.0.0/33")));
    QVERIFY(!AllowList::parse(QStringLiteral("not-an-address")));
    QVERIFY(!AllowList::parse(QString()));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestAllowList)
#include "tst_allowlist.moc"
