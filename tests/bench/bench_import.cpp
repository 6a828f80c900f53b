// `import` of a generated combined log (1,000,000 lines by default, or argv[1]) into a new database with GeoIP,
// against Debian's GoAccess on the same file with the same .mmdb. Prints both times, the ratio, bytes stored
// per request row and the peak memory of the import process.
#include "core/storage/database.h"
#include "tests/support/postgresserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cstdio>
#include <random>
#include <sys/resource.h>

using namespace activity;

namespace {
const char kMmdb[] = ACTIVITY_SOURCE_DIR "/resources/geoip/dbip-country.mmdb";

QByteArray pick(const QList<QByteArray>& list, std::mt19937& rng)
{
    // Zipf-like: a few values are common, many are rare.
    std::uniform_real_distribution<double> u(0, 1);
    const double x = u(rng);
    return list[int(double(list.size()) * x * x * x) % list.size()];
}

void generate(const QString& path, int lines)
{
    std::mt19937 rng(42);
    QList<QByteArray> addrs, paths, agents, referrers;
    for (int i = 0; i < 60'000; ++i) {
        if (i % 10 == 0) {
            addrs << QByteArray("2a0%1:%2:%3::%4")
                         .replace("%1", QByteArray::number(int(rng() % 9) + 1))
                         .replace("%2", QByteArray::number(rng() % 0xffff, 16))
                         .replace("%3", QByteArray::number(rng() % 0xffff, 16))
                         .replace("%4", QByteArray::number(rng() % 0xffff, 16));
        } else {
            const quint32 ip = quint32(rng());
            addrs << QByteArray::number(1 + (ip >> 24) % 222) + '.' + QByteArray::number((ip >> 16) & 255) + '.'
                    + QByteArray::number((ip >> 8) & 255) + '.' + QByteArray::number(ip & 255);
        }
    }
    const char* sections[] = { "docs", "blog", "download", "api/v1", "static/js", "static/css", "img", "releases" };
    for (int i = 0; i < 3000; ++i)
        paths << QByteArray("/") + sections[i % 8] + '/' + QByteArray::number(rng() % 100000, 36) + ".html";
    paths.prepend("/");
    paths.prepend("/favicon.ico");
    const char* browsers[] = { "Mozilla/5.0 (X11; Linux x86_64; rv:%1.0) Gecko/20100101 Firefox/%1.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%1.0.0.0 "
        "Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/%1.1 "
        "Safari/605.1.15",
        "curl/8.%1.0", "Wget/1.%1", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "python-requests/2.%1.0" };
    for (int i = 0; i < 400; ++i)
        agents << QByteArray(browsers[i % 7]).replace("%1", QByteArray::number(60 + i / 7));
    referrers << "-";
    for (int i = 0; i < 300; ++i)
        referrers << "https://www.example" + QByteArray::number(i) + ".com/page?q=" + QByteArray::number(i * 7);
    const char* months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    qint64 ts = QDateTime::currentSecsSinceEpoch() - 7 * 86400;
    QByteArray buf;
    for (int i = 0; i < lines; ++i) {
        ts += rng() % 3 == 0 ? 1 : 0;
        const QDateTime t = QDateTime::fromSecsSinceEpoch(ts, Qt::UTC);
        const QByteArray time = QByteArray::number(t.date().day()).rightJustified(2, '0') + '/'
            + months[t.date().month() - 1] + '/' + QByteArray::number(t.date().year()) + ':'
            + t.time().toString(QStringLiteral("HH:mm:ss")).toLatin1() + " +0000";
        const int r = int(rng() % 1000);
        const int status = r < 780 ? 200 : r < 860 ? 304 : r < 940 ? 404 : r < 970 ? 301 : r < 990 ? 500 : 400;
        QByteArray request;
        if (status == 400)
            request = r % 2 ? "-" : "\\x16\\x03\\x01\\x00\\xA5\\x01";
        else
            request = QByteArray(rng() % 20 == 0 ? "POST "
                              : rng() % 30 == 0  ? "HEAD "
                                                 : "GET ")
                + pick(paths, rng) + (rng() % 5 == 0 ? "?page=" + QByteArray::number(rng() % 50) : QByteArray())
                + " HTTP/1.1";
        buf += pick(addrs, rng) + " - - [" + time + "] \"" + request + "\" " + QByteArray::number(status) + ' '
            + QByteArray::number(status == 304 ? 0 : 200 + rng() % 60000) + " \"" + pick(referrers, rng) + "\" \""
            + pick(agents, rng) + "\"\n";
        if (buf.size() > (1 << 20)) {
            out.write(buf);
            buf.clear();
        }
    }
    out.write(buf);
}

double cpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double run(const QString& program, const QStringList& args, QByteArray* output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    p.start(program, args);
    if (!p.waitForFinished(30 * 60 * 1000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::printf("%s failed: %s\n%s\n", qPrintable(program), p.readAllStandardError().constData(),
            qPrintable(p.errorString()));
        return -1;
    }
    if (output)
        *output = p.readAllStandardOutput();
    return double(timer.nsecsElapsed()) / 1e9;
}
// The same import into a team store (a real PostgreSQL on loopback, fsync off as in the tests): its speed and
// bytes per request against SQLite's in this run.
void importIntoPostgres(const QString& log, int lines, double sqliteSecs, const QString& sqlitePath)
{
    PostgresServer server;
    if (!server.ok()) {
        std::printf("  PostgreSQL: not measured (%s)\n", qPrintable(server.error()));
        return;
    }
    {
        Database admin(server.url());
        admin.exec("CREATE DATABASE bench");
    }
    const QString url = server.url(QStringLiteral("bench"));
    QTemporaryDir data;
    if (run(QStringLiteral(ACTIVITY_BIN), { QStringLiteral("store"), QStringLiteral("init"), url }, nullptr) < 0)
        return;
    // Crawler checks stay on (their cost at ingest is measured); import does not wait at its end for the DNS
    // answers of the generated fake Googlebots (network time, not ingest).
    if (run(QStringLiteral(ACTIVITY_BIN),
            { QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("agents.verify_wait"),
                QStringLiteral("0"), QStringLiteral("--store"), url, QStringLiteral("--data-dir"), data.path() },
            nullptr)
        < 0)
        return;
    QByteArray summary;
    const double cpu0 = cpuSeconds();
    const double secs = run(QStringLiteral(ACTIVITY_BIN),
        { QStringLiteral("import"), QStringLiteral("--store"), url, QStringLiteral("--data-dir"), data.path(), log },
        &summary);
    if (secs < 0)
        return;
    const double cpu = cpuSeconds() - cpu0;
    Database pg(url);
    pg.exec("VACUUM ANALYZE");
    const qint64 rows = pg.queryInt("SELECT count(*) FROM requests").value_or(0);
    // A team store keeps requests in monthly partitions (an older one in one table): the parent holds no rows.
    const qint64 table = pg.queryInt("SELECT greatest(pg_total_relation_size('requests'), coalesce((SELECT "
                                     "sum(pg_total_relation_size(relid)) FROM pg_partition_tree('requests')), 0))")
                             .value_or(0);
    const qint64 total = pg.sizeBytes();
    const qint64 sqliteTotal = QFileInfo(sqlitePath).size();
    std::printf("  into PostgreSQL: %.2f s wall, %.2f s CPU of the program (%.0f lines/s): %.2fx SQLite's speed "
                "(target >= 0.5x)\n",
        secs, cpu, lines / secs, sqliteSecs / secs);
    std::printf("    stored: %lld request rows; requests table %.1f bytes/row; whole database %.1f bytes/row, %.2fx "
                "SQLite's (target <= 2x; PostgreSQL's catalogue alone is ~7.5 MiB)\n",
        rows, rows ? double(table) / double(rows) : 0.0, rows ? double(total) / double(rows) : 0.0,
        sqliteTotal > 0 ? double(total) / double(sqliteTotal) : 0.0);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int lines = argc > 1 ? QByteArray(argv[1]).toInt() : 1'000'000;
    QTemporaryDir dir;
    // BENCH_IMPORT_LOG=FILE: only write the generated log there (to profile an import by hand).
    if (const QString keep = qEnvironmentVariable("BENCH_IMPORT_LOG"); !keep.isEmpty()) {
        generate(keep, lines);
        return 0;
    }
    const QString log = dir.filePath(QStringLiteral("access.log"));
    generate(log, lines);
    std::printf(
        "bench_import: %d generated combined lines, %.1f MiB\n", lines, double(QFileInfo(log).size()) / (1 << 20));

    // As for PostgreSQL below: crawler checks on, no wait for DNS answers at the end.
    if (run(QStringLiteral(ACTIVITY_BIN),
            { QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("agents.verify_wait"),
                QStringLiteral("0"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")) },
            nullptr)
        < 0)
        return 1;
    QByteArray summary;
    const double cpu0 = cpuSeconds();
    const double ours = run(QStringLiteral(ACTIVITY_BIN),
        { QStringLiteral("import"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")), log },
        &summary);
    if (ours < 0)
        return 1;
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    const double oursCpu = cpuSeconds() - cpu0;
    std::printf("  activity-dashboard import: %.2f s wall, %.2f s CPU (%.0f lines/s), peak memory %.1f MiB\n    %s",
        ours, oursCpu, lines / ours, double(usage.ru_maxrss) / 1024.0, summary.constData());

    const QString dbPath = dir.filePath(QStringLiteral("data/activity.sqlite"));
    {
        Database db(dbPath);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        const qint64 rows = db.queryInt("SELECT count(*) FROM requests").value_or(0);
        const qint64 table
            = db.queryInt("SELECT sum(pgsize) FROM dbstat WHERE name IN ('requests', 'requests_ts')").value_or(0);
        const qint64 total = QFileInfo(dbPath).size();
        std::printf("  stored: %lld request rows; requests table %.1f bytes/row (time in the rowid, no index); whole "
                    "database %.1f "
                    "bytes/row (%.1f MiB, strings, visitors and rollups included)\n",
            rows, rows ? double(table) / double(rows) : 0.0, rows ? double(total) / double(rows) : 0.0,
            double(total) / (1 << 20));
    }

    importIntoPostgres(log, lines, ours, dbPath);

    const QString goaccess = QStandardPaths::findExecutable(QStringLiteral("goaccess"));
    if (goaccess.isEmpty()) {
        std::printf("  GoAccess is not installed: no comparison (packaging/install-deps.sh installs it)\n");
        return 0;
    }
    QByteArray version;
    run(goaccess, { QStringLiteral("--version") }, &version);
    const double cpu1 = cpuSeconds();
    const double theirs = run(goaccess,
        { log, QStringLiteral("--log-format=COMBINED"), QStringLiteral("--geoip-database=") + QLatin1String(kMmdb),
            QStringLiteral("--no-global-config"), QStringLiteral("-o"), dir.filePath(QStringLiteral("goaccess.html")) },
        nullptr);
    if (theirs < 0)
        return 1;
    const double theirsCpu = cpuSeconds() - cpu1;
    std::printf("  %s: %.2f s wall, %.2f s CPU (%.0f lines/s)\n", version.split('\n').value(0).constData(), theirs,
        theirsCpu, lines / theirs);
    std::printf("  ratio: import is %.1fx as fast as GoAccess in wall time, %.1fx in CPU time (target >= 4x, aim "
                "10x)\n",
        theirs / ours, theirsCpu / oursCpu);
    return 0;
}
