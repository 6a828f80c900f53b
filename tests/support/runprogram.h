#pragma once

#include "tests/support/teststore.h"

#include <QEventLoop>
#include <QHash>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

// The program as a user runs it from a shell, with its own data directory, without blocking this process's event
// loop (so a fake server here can answer it).
struct ProgramResult {
    int code = -1; // -2: crashed
    QString out;
    QString err;
    QString all() const { return out + err; }
};

inline ProgramResult runProgram(
    const QStringList& args, const QString& dataDir, const QHash<QString, QString>& environment = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.constBegin(); it != environment.constEnd(); ++it)
        env.insert(it.key(), it.value());
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // A suite's PostgreSQL twin: the data folder's store is a database (its settings and secrets stay in the folder).
    if (activity::TestStore::onPostgres() && !env.contains(QStringLiteral("ACTIVITY_STORE"))
        && !args.contains(QStringLiteral("--store")))
        env.insert(QStringLiteral("ACTIVITY_STORE"), activity::TestStore::urlForDataDir(dataDir));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ACTIVITY_BIN), QStringList { QStringLiteral("--data-dir"), dataDir } + args);
    if (!p.waitForStarted(10'000))
        return {};
    QEventLoop loop;
    QObject::connect(&p, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(90'000, &loop, &QEventLoop::quit);
    if (p.state() != QProcess::NotRunning)
        loop.exec();
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAllStandardOutput()),
        QString::fromUtf8(p.readAllStandardError()) };
}
