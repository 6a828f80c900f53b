#include "core/storage/datadir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace activity {

QString DataDir::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString DataDir::ensure(const QString& dir)
{
    if (dir.isEmpty())
        return QCoreApplication::translate("DataDir", "no data directory given");
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return QCoreApplication::translate("DataDir", "data directory %1 exists but is not a directory").arg(dir);
    if (!QDir().mkpath(dir))
        return QCoreApplication::translate("DataDir", "cannot create data directory %1").arg(dir);
    QTemporaryFile probe(dir + QStringLiteral("/.write-test-XXXXXX"));
    if (!probe.open())
        return QCoreApplication::translate("DataDir", "cannot write in data directory %1: %2")
            .arg(dir, probe.errorString());
    return {};
}

} // namespace activity
