// A server's log followed over SSH (a real sshd on loopback, tests/listeners/sshserver.h): how long `collect`
// takes to catch up 1,000,000 lines (argv[1]) written while it was not running. Target: under 10 s.
#include "core/storage/database.h"
#include "tests/support/sshserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <cstdio>

using namespace activity;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int lines = argc > 1 ? QByteArray(argv[1]).toInt() : 1'000'000;
    SshServer ssh;
    if (const QString error = ssh.start(); !error.isEmpty()) {
        std::printf("bench_sshfollow: %s\n", qPrintable(error));
        return 1;
    }
    qputenv("ACTIVITY_SSH", ssh.client().toLocal8Bit());
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("access.log"));
    {
        QFile f(log);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        QByteArray text;
        for (int i = 0; i < lines; ++i) {
            text += "81.2." + QByteArray::number(i % 250) + '.' + QByteArray::number(i / 250 % 250)
                + " - - [25/Nov/2026:05:32:29 +0000] \"GET /docs/page" + QByteArray::number(i % 3000)
                + " HTTP/1.1\" 200 " + QByteArray::number(500 + i % 5000)
                + " \"https://example.org/\" \"Mozilla/5.0 (X11; Linux x86_64) bench/" + QByteArray::number(i % 40)
                + "\"\n";
            if (text.size() > (1 << 20)) {
                f.write(text);
                text.clear();
            }
        }
        f.write(text);
    }
    const QString data = dir.filePath(QStringLiteral("data"));
    const auto run = [&](const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral(ACTIVITY_BIN), args + QStringList { QStringLiteral("--data-dir"), data });
        p.waitForFinished(60'000);
        return p.exitCode();
    };
    if (run({ QStringLiteral("sources"), QStringLiteral("add"), QStringLiteral("logfile"), QStringLiteral("--path"),
            ssh.url(log) })
        != 0)
        return 1;
    QElapsedTimer timer;
    timer.start();
    QProcess collect;
    collect.start(QStringLiteral(ACTIVITY_BIN), { QStringLiteral("collect"), QStringLiteral("--data-dir"), data });
    qint64 stored = 0;
    while (stored < lines && timer.elapsed() < 120'000) {
        QThread::msleep(200);
        try {
            Database db(data + QStringLiteral("/activity.sqlite"), Database::Mode::ReadOnly);
            stored = db.queryInt("SELECT count(*) FROM requests").value_or(0);
        } catch (const DatabaseError&) { }
    }
    const double secs = double(timer.elapsed()) / 1000.0;
    collect.terminate();
    collect.waitForFinished(30'000);
    std::printf("bench_sshfollow: %d lines (%.1f MiB) on a server over ssh: %lld stored in %.2f s (%.0f lines/s) "
                "[target: 1,000,000 in under 10 s]\n",
        lines, double(QFileInfo(log).size()) / (1 << 20), qlonglong(stored), secs, stored / secs);
    return stored == lines ? 0 : 1;
}
