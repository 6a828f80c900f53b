#pragma once

#include <QString>

namespace activity {

// Where the database lives. The default is the platform's application data folder.
namespace DataDir {
QString defaultPath();
// Creates `dir` if needed and checks it can be written. Returns an empty string on success,
// else a message naming the folder and the reason.
QString ensure(const QString& dir);
inline QString databasePath(const QString& dir)
{
    return dir + QStringLiteral("/activity.sqlite");
}
} // namespace DataDir

} // namespace activity
