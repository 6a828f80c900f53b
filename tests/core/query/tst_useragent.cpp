#include "core/query/useragent.h"

#include <QFile>
#include <QTest>

namespace activity {

class TestUserAgent : public QObject {
    Q_OBJECT
private slots:
    void classify_data()
    {
        QTest::addColumn<QByteArray>("agent");
        QTest::addColumn<QString>("browser");
        QTest::addColumn<QString>("os");
        QFile file(QStringLiteral(ACTIVITY_TEST_DATA "/window/useragents.tsv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        int row = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().chopped(1);
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> f = line.split('\t');
            QCOMPARE(f.size(), 3);
            QTest::addRow("%d %s", ++row, f[1].constData())
                << f[0] << QString::fromUtf8(f[1]) << QString::fromUtf8(f[2]);
        }
        QVERIFY(row >= 18);
    }
    void classify()
    {
        QFETCH(QByteArray, agent);
        QFETCH(QString, browser);
        QFETCH(QString, os);
        const UserAgentInfo info = UserAgent::classify(agent);
        QCOMPARE(info.browser, browser);
        QCOMPARE(info.os, os);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestUserAgent)
#include "tst_useragent.moc"
