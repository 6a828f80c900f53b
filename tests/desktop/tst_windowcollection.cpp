// The window's own collection (what the tray pauses): takes the data folder's collect lock, starts the
// listeners, lets go of both when paused, and keeps following the sources table after a listener failed.
#include "app/collectlock.h"
#include "app/commandcontext.h"
#include "app/windowcollection.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/util/clock.h"

#include <QLockFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace activity {

namespace {
bool udpPortTaken(quint16 port)
{
    QUdpSocket probe;
    return !probe.bind(QHostAddress::LocalHost, port);
}
} // namespace

class TestWindowCollection : public QObject {
    Q_OBJECT
private slots:
    void pauseReleasesListenersAndLock()
    {
        QTemporaryDir dir;
        QString outText;
        QString errText;
        QTextStream out(&outText);
        QTextStream err(&errText);
        CommandContext ctx(dir.path(), out, err);
        QUdpSocket busy; // a port someone else holds
        QVERIFY(busy.bind(QHostAddress::LocalHost, 0));
        SystemClock clock;
        SourceStore(*ctx.database(), clock)
            .add("syslog", "busy", { { "listen", QStringLiteral("udp://127.0.0.1:%1").arg(busy.localPort()) } });

        WindowCollection collection(ctx);
        const QString problem = collection.setCollecting(true);
        QVERIFY2(problem.contains(QString::number(busy.localPort())), qPrintable(problem));
        QVERIFY(collection.isCollecting()); // the rest runs
        QString lockError;
        QVERIFY(!lockCollection(dir.path(), &lockError)); // nobody else collects meanwhile
        QVERIFY(!lockError.isEmpty());

        // A source added now still starts: the sources table is followed after the failure.
        QUdpSocket reserve;
        QVERIFY(reserve.bind(QHostAddress::LocalHost, 0));
        const quint16 port = reserve.localPort();
        reserve.close();
        SourceStore(*ctx.database(), clock)
            .add("syslog", "later", { { "listen", QStringLiteral("udp://127.0.0.1:%1").arg(port) } });
        QTRY_VERIFY_WITH_TIMEOUT(udpPortTaken(port), 10000);

        QCOMPARE(collection.setCollecting(false), QString());
        QVERIFY(!collection.isCollecting());
        QVERIFY(!udpPortTaken(port));
        QVERIFY2(lockCollection(dir.path(), &lockError), qPrintable(lockError));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestWindowCollection)
#include "tst_windowcollection.moc"
