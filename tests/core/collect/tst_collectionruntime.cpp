// Collection as the window runs it (what the tray pauses): takes the data folder's collect lock, starts the
// listeners, lets go of both when paused, and keeps following the sources table after a listener failed.
#include "core/collect/collectionruntime.h"
#include "core/collect/collectlock.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/datadir.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"

#include <QLockFile>
#include <QSignalSpy>
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

class TestCollectionRuntime : public QObject {
    Q_OBJECT
private slots:
    void pauseReleasesListenersAndLock()
    {
        QTemporaryDir dir;
        const QString path = DataDir::databasePath(dir.path());
        DbWriter writer(path);
        QCOMPARE(writer.openError(), QString());
        Database db(path);
        SystemClock clock;
        SourceRegistry registry;
        QUdpSocket busy; // a port someone else holds
        QVERIFY(busy.bind(QHostAddress::LocalHost, 0));
        SourceStore(db, clock).add(
            "syslog", "busy", { { "listen", QStringLiteral("udp://127.0.0.1:%1").arg(busy.localPort()) } });

        CollectionRuntime collection({ dir.path(), path, db, writer, clock, registry, QStringLiteral("here") });
        QSignalSpy collecting(&collection, &CollectionRuntime::collectingChanged);
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
        SourceStore(db, clock).add("syslog", "later", { { "listen", QStringLiteral("udp://127.0.0.1:%1").arg(port) } });
        QTRY_VERIFY_WITH_TIMEOUT(udpPortTaken(port), 10000);

        QCOMPARE(collection.setCollecting(false), QString());
        QVERIFY(!collection.isCollecting());
        QCOMPARE(collecting.count(), 2); // on, then off
        QVERIFY(!udpPortTaken(port));
        QVERIFY2(lockCollection(dir.path(), &lockError), qPrintable(lockError));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCollectionRuntime)
#include "tst_collectionruntime.moc"
