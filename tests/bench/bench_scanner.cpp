// A URL scanner's log: every line with its own path, referrer and user agent (1,000,000 lines by default, or
// argv[1]). Imported once with dates inside the retention and once with dates older than it, each into a new
// database; prints the database growth per line, the import's time and peak memory, and the peak memory of a
// `report` over the same days. Targets (issue "everyday set-up"): under 100 bytes a line of old lines (rollups
// bounded per bucket), report under 200 MiB.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {
void generate(const QString& path, int lines, qint64 firstTs)
{
    const char* months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray buf;
    for (int i = 0; i < lines; ++i) {
        const qint64 ts = firstTs + qint64(i) * 86400 / lines; // an aggressive scanner: all in one day
        const QDateTime t = QDateTime::fromSecsSinceEpoch(ts, Qt::UTC);
        const QByteArray time = QByteArray::number(t.date().day()).rightJustified(2, '0') + '/'
            + months[t.date().month() - 1] + '/' + QByteArray::number(t.date().year()) + ':'
            + t.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + " +0000";
        const QByteArray n = QByteArray::number(quint64(i) * 2654435761u % 4294967291u, 36);
        buf += "45.148." + QByteArray::number(i % 250) + '.' + QByteArray::number(i / 250 % 250) + " - - [" + time
            + "] \"GET /wp-admin/" + n + ".php?id=" + QByteArray::number(i) + " HTTP/1.1\" 404 153 \"http://" + n
            + ".example.net/\" \"Mozilla/5.0 (scan " + n + ")\"\n";
        if (buf.size() > (1 << 20)) {
            out.write(buf);
            buf.clear();
        }
    }
    out.write(buf);
}

struct Run {
    double seconds = -1;
    double peakMiB = 0;
    QByteArray output;
};

// Runs the program and reads its own peak memory (wait4), not the largest of every child so far.
Run run(const QStringList& args, const QString& outputFile)
{
    Run r;
    QList<QByteArray> argv8 { QByteArray(ACTIVITY_BIN) };
    for (const QString& a : args)
        argv8 << a.toLocal8Bit();
    std::vector<char*> argv;
    for (QByteArray& a : argv8)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(QFile::encodeName(outputFile).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    r.seconds = double(timer.nsecsElapsed()) / 1e9;
    r.peakMiB = double(usage.ru_maxrss) / 1024.0;
    QFile out(outputFile);
    if (out.open(QIODevice::ReadOnly))
        r.output = out.readAll();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::printf("  %s failed: %s\n", qPrintable(args.join(QLatin1Char(' '))), r.output.constData());
        r.seconds = -1;
    }
    return r;
}

qint64 folderBytes(const QString& dir)
{
    qint64 total = 0;
    for (const QFileInfo& f : QDir(dir).entryInfoList(QDir::Files))
        total += f.size();
    return total;
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int lines = argc > 1 ? QByteArray(argv[1]).toInt() : 1'000'000;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const int days = 1;
    struct Case {
        const char* name;
        qint64 firstTs;
    };
    const Case cases[]
        = { { "older than the retention", now - 400 * 86400 }, { "inside the retention", now - (days + 1) * 86400 } };
    for (const Case& c : cases) {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("scan.log"));
        generate(log, lines, c.firstTs - c.firstTs % 86400);
        const QString data = dir.filePath(QStringLiteral("data"));
        const QString output = dir.filePath(QStringLiteral("output.txt"));
        const Run import = run({ QStringLiteral("import"), QStringLiteral("--data-dir"), data, log }, output);
        if (import.seconds < 0)
            return 1;
        // Checkpointed, so the figure is the database and not a WAL waiting to be folded in.
        QProcess checkpoint;
        checkpoint.start(QStringLiteral("sqlite3"),
            { data + QStringLiteral("/activity.sqlite"), QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE);") });
        checkpoint.waitForFinished();
        const qint64 bytes = folderBytes(data);
        const QString from = QDateTime::fromSecsSinceEpoch(c.firstTs, Qt::UTC).date().toString(Qt::ISODate);
        const QString to
            = QDateTime::fromSecsSinceEpoch(c.firstTs + (days + 1) * 86400, Qt::UTC).date().toString(Qt::ISODate);
        const Run report = run(
            { QStringLiteral("report"), QStringLiteral("--data-dir"), data, QStringLiteral("--out"),
                dir.filePath(QStringLiteral("report")), QStringLiteral("--from"), from, QStringLiteral("--to"), to },
            output);
        std::printf("bench_scanner: %d all-unique lines %s\n", lines, c.name);
        std::printf("  import: %.2f s (%.0f lines/s), peak memory %.1f MiB\n", import.seconds, lines / import.seconds,
            import.peakMiB);
        std::printf("  database: %.1f MiB, %.1f bytes per line\n", double(bytes) / (1 << 20), double(bytes) / lines);
        std::printf("  report over those days: %.2f s, peak memory %.1f MiB\n", report.seconds, report.peakMiB);
    }
    return 0;
}
