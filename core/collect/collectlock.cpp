#include "core/collect/collectlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>

namespace activity {

namespace {
struct CollectLockText {
    Q_DECLARE_TR_FUNCTIONS(CollectLockText)
};
} // namespace

std::unique_ptr<QLockFile> lockCollection(const QString& dataDir, QString* error)
{
    QDir().mkpath(dataDir);
    auto lock = std::make_unique<QLockFile>(QDir(dataDir).filePath(QStringLiteral("collect.lock")));
    lock->setStaleLockTime(0); // held for as long as collection runs: never stale by age, only by a dead process
    if (lock->tryLock(0))
        return lock;
    qint64 pid = 0;
    QString host;
    QString app;
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &app))
        *error = CollectLockText::tr("another Activity Dashboard (process %1) is already collecting for %2")
                     .arg(pid)
                     .arg(QDir::toNativeSeparators(dataDir));
    else
        *error = CollectLockText::tr("cannot lock %1 to collect").arg(QDir::toNativeSeparators(lock->fileName()));
    return nullptr;
}

} // namespace activity
