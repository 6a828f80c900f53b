// The window's speed at the scale: 10 million requests (90 days, through the real `import`) and 2 years
// of API samples. Prints cold start to the first painted Overview, every page and range switch (worst and median),
// the 30-day Traffic page query, `report` wall time and the window process's peak memory, each beside its target.
// Then the same database copied into a real PostgreSQL (a team store): its Traffic page query and `report`.
//
// Three processes so each figure is honest: this one only orchestrates; `--generate DIR` builds the database once
// (cached under the build folder, keyed by kDataVersion and the request count, so reruns skip it); `--window DB NOW
// SPAWN_MS` is a fresh window process whose peak RSS (VmHWM) is the window's alone.
// ACTIVITY_BENCH_REQUESTS overrides the request count (default 10,000,000); ACTIVITY_BENCH_TEAM_ONLY=1 prints the
// team store's figures alone; ACTIVITY_BENCH_TEAM_URL=URL times a copy made before (no server started).
#include "core/demo/demodata.h"
#include "core/query/queryrunner.h"
#include "core/query/trafficpagequery.h"
#include "core/query/trafficquery.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourceservice.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/postgresserver.h"
#include "ui/mainwindow.h"
#include "ui/pagefactory.h"
#include "ui/pages/dashboardpage.h"
#include "ui/viewstate.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace activity;

namespace {
constexpr int kDataVersion = 3; // bump when the generated data or the schema changes
constexpr qint64 kDefaultRequests = 10'000'000;
constexpr int kTrafficDays = 90;
constexpr int kApiDays = 730;

qint64 statusKiB(const char* field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

qint64 requestTarget()
{
    const qint64 n = qEnvironmentVariableIsSet("ACTIVITY_BENCH_REQUESTS")
        ? QByteArray(qgetenv("ACTIVITY_BENCH_REQUESTS")).toLongLong()
        : kDefaultRequests;
    return n > 0 ? n : kDefaultRequests;
}

// Runs a program, passing its output through; returns its exit code (-1 if it could not run).
int run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedChannels);
    p.start(program, args);
    if (!p.waitForStarted())
        return -1;
    p.waitForFinished(-1);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// ---- --generate DIR: API samples from core/demo, traffic as combined log files through `activity-dashboard import`.
int generate(const QString& dir, qint64 now)
{
    QElapsedTimer timer;
    timer.start();
    const QString dbPath = QDir(dir).filePath(QStringLiteral("activity.sqlite"));
    DemoOptions options;
    options.nowSecs = now;
    options.days = kTrafficDays;
    options.apiDays = kApiDays;
    options.requestsPerDay = 0;
    {
        Database db(dbPath);
        Migrations::migrate(db);
        const DemoSummary api = DemoData::generate(db, options);
        std::printf("  %lld API samples over %d days written in %.1f s\n", api.samples, kApiDays,
            double(timer.elapsed()) / 1000.0);
    }
    // The demo's rhythm averages ~0.81 of its nominal rate and docs adds 40%: scale so the total is the target.
    options.requestsPerDay = int(double(requestTarget()) / (kTrafficDays * 1.4 * 0.807));
    timer.restart();
    QFile www(QDir(dir).filePath(QStringLiteral("www.log")));
    QFile docs(QDir(dir).filePath(QStringLiteral("docs.log")));
    if (!www.open(QIODevice::WriteOnly) || !docs.open(QIODevice::WriteOnly))
        return 1;
    QByteArray wwwBuffer;
    QByteArray docsBuffer;
    const qint64 lines = DemoData::forEachRequest(options, [&](const DemoRequest& r) {
        QByteArray& buffer = r.site == "www" ? wwwBuffer : docsBuffer;
        buffer += DemoData::combinedLine(r);
        buffer += '\n';
        if (buffer.size() > (1 << 20)) {
            (r.site == "www" ? www : docs).write(buffer);
            buffer.clear();
        }
    });
    www.write(wwwBuffer);
    docs.write(docsBuffer);
    www.close();
    docs.close();
    std::printf("  %lld combined log lines (%.0f MiB) written in %.1f s\n", lines,
        double(www.size() + docs.size()) / 1048576.0, double(timer.elapsed()) / 1000.0);
    std::fflush(stdout);
    for (QFile* file : { &www, &docs }) {
        timer.restart();
        const QString site = QFileInfo(*file).baseName();
        if (run(QStringLiteral(ACTIVITY_BIN),
                { QStringLiteral("import"), QStringLiteral("--data-dir"), dir, QStringLiteral("--site"), site,
                    file->fileName() })
            != 0)
            return 1;
        std::printf("  import of %s: %.1f s\n", qPrintable(site), double(timer.elapsed()) / 1000.0);
        std::fflush(stdout);
        file->remove();
    }
    return 0;
}

// ---- --window DB NOW SPAWN_MS: a fresh window process, measured from the parent's spawn.
QList<qint64> g_switches;
QList<qint64> g_paints; // the repaint part of each measure
QString g_worstSwitch;
qint64 g_worstMs = -1;

// Runs `trigger`, then waits until `page` (if a data page) has answered and the window has painted.
qint64 measure(MainWindow& window, QWidget* page, const std::function<void()>& trigger)
{
    QElapsedTimer timer;
    timer.start();
    trigger();
    // Waits in an event loop, as the window does: polling processEvents() would spin one of the machine's cores
    // and starve the query threads of it.
    if (auto* dashboard = qobject_cast<DashboardPage*>(page)) {
        const auto settled = [dashboard] { return !dashboard->isLoading() && !dashboard->hasReloadPending(); };
        if (!settled()) {
            QEventLoop loop;
            QTimer::singleShot(300'000, &loop, &QEventLoop::quit);
            QObject::connect(dashboard, &DashboardPage::loaded, &loop, [&loop, &settled] {
                if (settled())
                    loop.quit();
            });
            loop.exec();
        }
    }
    QCoreApplication::sendPostedEvents(); // layouts the answers asked for, as the event loop would run them next
    const qint64 answered = timer.elapsed();
    window.repaint();
    g_paints.append(timer.elapsed() - answered);
    return timer.elapsed();
}

void record(const QString& what, qint64 ms)
{
    g_switches.append(ms);
    if (ms > g_worstMs) {
        g_worstMs = ms;
        g_worstSwitch = what;
    }
}

int windowProcess(int argc, char** argv, const QString& dbPath, qint64 now, qint64 spawnMs)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's remembered page and range stay out of the user's settings
    ManualClock clock(now * 1000);
    QueryRunner runner(dbPath);
    MainWindow window(dbPath, clock);
    DbWriter writer(dbPath);
    SourceRegistry registry;
    SourceService sources(writer, registry, clock);
    PageFactory::install(window, runner, &sources);
    window.resize(1280, 800);
    window.viewState()->setPreset(RangePreset::Last30Days);
    window.showPage(PageId::Overview);
    const qint64 cold = measure(window, window.page(PageId::Overview), [&window] { window.show(); });
    std::printf("cold start to the first painted Overview (30 days): %lld ms (target < 1000; %lld ms of it after "
                "QApplication and the window were built)\n",
        QDateTime::currentMSecsSinceEpoch() - spawnMs, cold);
    std::printf("  window memory after the first Overview: %lld MiB resident\n", statusKiB("VmRSS:") / 1024);
    std::fflush(stdout);

    const PageId pages[] = { PageId::Overview, PageId::GitHub, PageId::DockerHub, PageId::Traffic, PageId::Map,
        PageId::Sources, PageId::Health };
    const RangePreset ranges[] = { RangePreset::Last24Hours, RangePreset::Last7Days, RangePreset::Last30Days,
        RangePreset::Last90Days, RangePreset::LastYear };
    // Every page at every range: page switches (the range already set) and range switches (on the page shown).
    QList<qint64> pageSwitches;
    QList<qint64> rangeSwitches;
    for (const RangePreset range : ranges) {
        for (const PageId id : pages) {
            QWidget* page = window.page(id);
            const qint64 shown = measure(window, page, [&window, id] { window.showPage(id); });
            pageSwitches.append(shown);
            record(QStringLiteral("show %1 at %2")
                       .arg(MainWindow::pageKey(id), QLatin1String(TimeRanges::presetKey(range))),
                shown);
            if (window.viewState()->preset() == range)
                continue;
            const qint64 switched = measure(window, page, [&window, range] { window.viewState()->setPreset(range); });
            rangeSwitches.append(switched);
            record(QStringLiteral("%1 to %2").arg(MainWindow::pageKey(id), QLatin1String(TimeRanges::presetKey(range))),
                switched);
        }
        // Next round: every page but the first is shown after the range changed on another one.
        std::printf("  %s: page switches %s ms\n", TimeRanges::presetKey(range), qPrintable([&] {
            QStringList parts;
            for (qsizetype i = pageSwitches.size() - 7; i < pageSwitches.size(); ++i)
                parts.append(QString::number(pageSwitches[i]));
            return parts.join(QLatin1Char(' '));
        }()));
        std::fflush(stdout);
    }
    // Range switches on every page, in every direction.
    for (const PageId id : pages) {
        QWidget* page = window.page(id);
        measure(window, page, [&window, id] { window.showPage(id); });
        QStringList parts;
        for (const RangePreset range : ranges) {
            const qint64 ms = measure(window, page, [&window, range] { window.viewState()->setPreset(range); });
            rangeSwitches.append(ms);
            parts.append(QStringLiteral("%1 %2").arg(QLatin1String(TimeRanges::presetKey(range))).arg(ms));
            record(QStringLiteral("%1 to %2").arg(MainWindow::pageKey(id), QLatin1String(TimeRanges::presetKey(range))),
                ms);
        }
        std::printf("  range switches on %s: %s ms\n", qPrintable(MainWindow::pageKey(id)),
            qPrintable(parts.join(QStringLiteral(", "))));
        std::fflush(stdout);
    }
    const auto median = [](QList<qint64> v) {
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? qint64(-1) : v[v.size() / 2];
    };
    std::printf("page switch, ms to painted data: median %lld, worst %lld over %lld switches (target < 100)\n",
        median(pageSwitches), *std::max_element(pageSwitches.cbegin(), pageSwitches.cend()),
        qint64(pageSwitches.size()));
    std::printf("range switch, ms to painted data: median %lld, worst %lld over %lld switches (target < 100)\n",
        median(rangeSwitches), *std::max_element(rangeSwitches.cbegin(), rangeSwitches.cend()),
        qint64(rangeSwitches.size()));
    std::printf("  slowest: %s, %lld ms; of every switch, the window's repaint took median %lld, worst %lld ms\n",
        qPrintable(g_worstSwitch), g_worstMs, median(g_paints), *std::max_element(g_paints.cbegin(), g_paints.cend()));
    std::printf("window memory: peak %lld MiB resident (VmHWM), %lld MiB now (target < 250)\n",
        statusKiB("VmHWM:") / 1024, statusKiB("VmRSS:") / 1024);
    std::fflush(stdout);
    return 0;
}

// `--demo` as a user starts it: the time to the window on screen (the data fills in behind it) and to a full
// demo database, read from the program's own log lines.
void demoWindow()
{
    QTemporaryDir dataDir;
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("activity.demo.info=true"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dataDir.filePath(QStringLiteral("config")));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen")); // run alone, without a display
    app.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    app.start(QStringLiteral(ACTIVITY_BIN), { QStringLiteral("--data-dir"), dataDir.path(), QStringLiteral("--demo") });
    qint64 shownMs = -1;
    qint64 readyMs = -1;
    QByteArray log;
    while (readyMs < 0 && timer.elapsed() < 120000 && app.state() != QProcess::NotRunning) {
        app.waitForReadyRead(100);
        log += app.readAllStandardError();
        if (shownMs < 0 && log.contains("window shown"))
            shownMs = timer.elapsed();
        if (log.contains("demo data ready"))
            readyMs = timer.elapsed();
    }
    app.kill();
    app.waitForFinished();
    std::printf("--demo: window shown %lld ms after the start (target < 1000); demo database full after %lld ms\n",
        shownMs, readyMs);
    std::fflush(stdout);
}

// ---- the same 30 days on a team store: the generated database copied by `store migrate` into a real PostgreSQL
// on loopback (fsync off, as in the tests), then the Traffic page's query and `report --store`.
// `report` of all pages over the 30 days before `now` from a store (`--data-dir DIR` or `--store URL`): wall ms.
qint64 timeReport(const QStringList& store, qint64 now, int& exitCode)
{
    QTemporaryDir out;
    const auto iso
        = [](qint64 secs) { return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(Qt::ISODate); };
    QElapsedTimer timer;
    timer.start();
    QProcess report;
    report.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    report.start(QStringLiteral(ACTIVITY_BIN),
        QStringList { QStringLiteral("report") } + store
            + QStringList { QStringLiteral("--out"), out.path(), QStringLiteral("--from"), iso(now - 30 * 86400),
                QStringLiteral("--to"), iso(now) });
    report.waitForFinished(-1);
    exitCode = report.exitCode();
    return timer.elapsed();
}

void teamStoreTimings(const QString& url, qint64 now);

void teamStoreFigures(const QString& dbPath, qint64 now)
{
    PostgresServer server;
    if (!server.ok()) {
        std::printf("team store (PostgreSQL): not measured (%s)\n", qPrintable(server.error()));
        return;
    }
    {
        Database admin(server.url());
        admin.exec("CREATE DATABASE bench");
    }
    const QString url = server.url(QStringLiteral("bench"));
    QElapsedTimer timer;
    timer.start();
    if (run(QStringLiteral(ACTIVITY_BIN),
            { QStringLiteral("store"), QStringLiteral("migrate"), QStringLiteral("--from"),
                QStringLiteral("sqlite:") + dbPath, QStringLiteral("--to"), url })
        != 0) {
        std::printf("team store (PostgreSQL): `store migrate` failed\n");
        return;
    }
    std::printf("team store (PostgreSQL 15 on loopback): copied by `store migrate` in %.1f s\n",
        double(timer.elapsed()) / 1000.0);
    Database(url).exec("VACUUM ANALYZE"); // as autovacuum leaves a table after a bulk load
    teamStoreTimings(url, now);
}

void teamStoreTimings(const QString& url, qint64 now)
{
    QElapsedTimer timer;
    Database pg(url); // a fresh connection, as a window's
    std::printf("  %lld requests, %.0f MiB\n", pg.queryInt("SELECT count(*) FROM requests").value_or(0),
        double(pg.sizeBytes()) / 1048576.0);
    const TrafficFilter filter { TimeRanges::forPreset(RangePreset::Last30Days, now), {}, {} };
    for (const char* which : { "first, on a fresh connection", "again" }) {
        timer.restart();
        const TrafficPageData charts = TrafficPageQuery::charts(pg, filter, 3600);
        const qint64 chartsMs = timer.elapsed();
        timer.restart();
        TrafficPageQuery::lists(pg, filter);
        std::printf("  30-day Traffic page query, %s: %lld ms (target < 100): charts, tiles, paths and countries "
                    "%lld ms, 404s/referrers/agents %lld ms (%lld requests)\n",
            which, chartsMs + timer.elapsed(), chartsMs, timer.elapsed(), charts.totals.requests);
    }
    std::fflush(stdout);
    int exitCode = -1;
    const qint64 reportMs = timeReport({ QStringLiteral("--store"), url }, now, exitCode);
    std::printf("  report of all pages from the team store (30 days, 5 PNGs and the CSV files): %lld ms, exit %d "
                "(target < 2000)\n",
        reportMs, exitCode);
    std::fflush(stdout);
}

// ---- the orchestrator
int orchestrate(const QString& self)
{
    const qint64 requests = requestTarget();
    const QString dir = QDir(QCoreApplication::applicationDirPath())
                            .filePath(QStringLiteral("window-data-v%1-%2").arg(kDataVersion).arg(requests));
    const QString marker = QDir(dir).filePath(QStringLiteral("complete"));
    if (!QFile::exists(marker)) {
        QDir(dir).removeRecursively();
        QDir().mkpath(dir);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        std::printf("generating the database (%lld requests over %d days, %d days of API samples) in %s\n", requests,
            kTrafficDays, kApiDays, qPrintable(dir));
        std::fflush(stdout);
        QElapsedTimer timer;
        timer.start();
        if (run(self, { QStringLiteral("--generate"), dir, QString::number(now) }) != 0) {
            std::printf("generation failed\n");
            return 1;
        }
        std::printf("database generated in %.1f s (cached for the next runs)\n", double(timer.elapsed()) / 1000.0);
        QFile f(marker);
        if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::number(now)) < 0)
            return 1;
    }
    QFile f(marker);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    const qint64 now = f.readAll().trimmed().toLongLong();
    const QString dbPath = QDir(dir).filePath(QStringLiteral("activity.sqlite"));
    if (qEnvironmentVariableIsSet("ACTIVITY_BENCH_TEAM_URL")) { // timings on a copy made before
        teamStoreTimings(qEnvironmentVariable("ACTIVITY_BENCH_TEAM_URL"), now);
        return 0;
    }
    if (qEnvironmentVariableIsSet("ACTIVITY_BENCH_TEAM_ONLY")) { // the team store's figures alone
        teamStoreFigures(dbPath, now);
        return 0;
    }
    {
        Database db(dbPath, Database::Mode::ReadOnly);
        std::printf("database: %lld requests (raw rows), %lld API samples, %lld rollup rows, %.0f MiB; data ends %s\n",
            db.queryInt("SELECT count(*) FROM requests").value_or(0),
            db.queryInt("SELECT count(*) FROM samples").value_or(0),
            db.queryInt("SELECT count(*) FROM rollups").value_or(0), double(QFileInfo(dbPath).size()) / 1048576.0,
            qPrintable(QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc()).toString(Qt::ISODate)));
        std::fflush(stdout);

        // The 30-day Traffic page query, as the page asks it, on a fresh connection.
        const TrafficFilter filter { TimeRanges::forPreset(RangePreset::Last30Days, now), {}, {} };
        QElapsedTimer timer;
        timer.start();
        const TrafficPageData charts = TrafficPageQuery::charts(db, filter, 3600);
        const qint64 chartsMs = timer.elapsed();
        timer.restart();
        const TrafficPageLists lists = TrafficPageQuery::lists(db, filter);
        const qint64 listsMs = timer.elapsed();
        std::printf("30-day Traffic page query: %lld ms (target < 50): charts, tiles, paths and countries %lld ms, "
                    "404s/referrers/agents %lld ms (%lld requests)\n",
            chartsMs + listsMs, chartsMs, listsMs, charts.totals.requests);
        Q_UNUSED(lists);
        std::fflush(stdout);

        // Narrowed by a click (a path, a status class, a code): read from the range's raw rows.
        const QList<TopItem> paths = TrafficQuery::topRollup(db, filter, Rollup::Dim::Path, 1);
        struct Narrowing {
            const char* what;
            QByteArray path;
            int status;
        };
        const Narrowing narrowings[]
            = { { "the busiest path", paths.value(0).key, 0 }, { "5xx", {}, 5 }, { "404", {}, 404 } };
        for (const Narrowing& n : narrowings) {
            TrafficFilter narrowed = filter;
            narrowed.path = n.path;
            narrowed.status = n.status;
            timer.restart();
            const TrafficPageData d = TrafficPageQuery::charts(db, narrowed, 3600);
            const qint64 narrowedChartsMs = timer.elapsed();
            timer.restart();
            TrafficPageQuery::lists(db, narrowed);
            std::printf("  30 days narrowed to %s: charts and tiles %lld ms, top lists %lld ms (%lld requests; "
                        "target < 1000 each)\n",
                n.what, narrowedChartsMs, timer.elapsed(), d.totals.requests);
            std::fflush(stdout);
        }
    }
    demoWindow();

    run(self,
        { QStringLiteral("--window"), dbPath, QString::number(now),
            QString::number(QDateTime::currentMSecsSinceEpoch()) });

    int exitCode = -1;
    const qint64 reportMs = timeReport({ QStringLiteral("--data-dir"), dir }, now, exitCode);
    std::printf("report of all pages (30 days, 5 PNGs at 1600x900 and the CSV files): %lld ms, exit %d (target < "
                "5000)\n",
        reportMs, exitCode);
    std::fflush(stdout);
    teamStoreFigures(dbPath, now);
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    if (argc >= 5 && qstrcmp(argv[1], "--window") == 0)
        return windowProcess(argc, argv, QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong(),
            QByteArray(argv[4]).toLongLong());
    QCoreApplication app(argc, argv);
    if (argc >= 4 && qstrcmp(argv[1], "--generate") == 0)
        return generate(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong());
    return orchestrate(QCoreApplication::applicationFilePath());
}
