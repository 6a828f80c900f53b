// One collector per data folder: a second `collect` (or a window that would collect) is refused with the
// holder's process id; a lock left by a dead process is taken over.
#include "core/collect/collectlock.h"
#include "tests/support/collectprocess.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

class TestCollectLock : public QObject {
    Q_OBJECT
private slots:
    void secondHolderIsRefusedUntilTheFirstLetsGo()
    {
        QTemporaryDir dir;
        QString error;
        auto first = lockCollection(dir.path(), &error);
        QVERIFY(first);
        QVERIFY(error.isEmpty());
        QString refused;
        QVERIFY(!lockCollection(dir.path(), &refused));
        QCOMPARE(refused,
            QStringLiteral("another Activity Dashboard (process %1) is already collecting for %2")
                .arg(QCoreApplication::applicationPid())
                .arg(QDir::toNativeSeparators(dir.path())));
        first.reset();
        QVERIFY(lockCollection(dir.path(), &error));
    }

    void lockOfADeadProcessIsTakenOver()
    {
        QTemporaryDir dir;
        QFile stale(dir.filePath(QStringLiteral("collect.lock")));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        // QLockFile's format: pid, application name, host name. No process has this pid.
        stale.write("2147483000\nactivity-dashboard\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        stale.close();
        QString error;
        QVERIFY2(lockCollection(dir.path(), &error), qPrintable(error));
    }

    void secondCollectProcessExitsWithTheReason()
    {
        QTemporaryDir dir;
        QProcess first;
        QVERIFY(CollectProcess::start(first, dir.path()));
        int status = 0;
        const QString out = CollectProcess::cli(dir.path(), { QStringLiteral("collect") }, &status);
        QCOMPARE(status, 1);
        QCOMPARE(out.trimmed(),
            QStringLiteral("activity-dashboard: another Activity Dashboard (process %1) is already collecting for %2")
                .arg(first.processId())
                .arg(QDir::toNativeSeparators(dir.path())));
        QCOMPARE(CollectProcess::stop(first), 0);
        // Once it has stopped, collecting is possible again.
        QString error;
        QVERIFY2(lockCollection(dir.path(), &error), qPrintable(error));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCollectLock)
#include "tst_collectlock.moc"
