// Alert rules and custom pages at the scale: 200 rules evaluated over a database of 10 million requests
// (90 days, two sites, countries and paths rolled up as the ingest writes them) and two years of API samples, and a
// custom page of 12 panels over a year, from its query to its painted data. Targets: an evaluation under 100 ms,
// the page under 300 ms. The database is generated once (core/demo through the real ingest writer) and cached
// under the build folder. ACTIVITY_BENCH_REQUESTS overrides the request count.
#include "core/alerts/alertevaluator.h"
#include "core/alerts/alertstore.h"
#include "core/dashboards/dashboardstore.h"
#include "core/demo/demodata.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "ui/pages/custompage.h"
#include "ui/viewstate.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace activity;

namespace {
constexpr int kDataVersion = 1;

qint64 median(QList<qint64> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

QString prepare(qint64* now)
{
    const qint64 requests = qEnvironmentVariableIsSet("ACTIVITY_BENCH_REQUESTS")
        ? QByteArray(qgetenv("ACTIVITY_BENCH_REQUESTS")).toLongLong()
        : 10'000'000;
    const QString dir = QDir(QCoreApplication::applicationDirPath())
                            .filePath(QStringLiteral("alerts-data-v%1-%2").arg(kDataVersion).arg(requests));
    const QString path = QDir(dir).filePath(QStringLiteral("activity.sqlite"));
    const QString marker = QDir(dir).filePath(QStringLiteral("complete"));
    if (QFile f(marker); f.open(QIODevice::ReadOnly)) {
        *now = f.readAll().trimmed().toLongLong();
        return path;
    }
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    *now = QDateTime::currentSecsSinceEpoch();
    QElapsedTimer timer;
    timer.start();
    Database db(path);
    Migrations::migrate(db);
    DemoOptions options;
    options.nowSecs = *now;
    options.days = 90;
    options.apiDays = 730;
    // The busier site gets requestsPerDay, the other ~40% of it, fewer on weekends: about 1.13 times in all.
    options.requestsPerDay = int(double(requests) / 90.0 / 1.13);
    const DemoSummary summary = DemoData::generate(db, options);
    std::printf("database generated in %.1f s: %lld requests, %lld API samples (cached for the next runs)\n",
        double(timer.elapsed()) / 1000.0, summary.requests, summary.samples);
    QFile f(marker);
    if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::number(*now)) < 0)
        return {};
    return path;
}

// 200 rules of every kind over the catalogue: totals, per site, per country, status classes and shares, API
// figures, ingest silence.
QList<AlertRule> rules(qint64 now)
{
    const QStringList series { "traffic.requests", "traffic.requests{site=\"www\"}", "traffic.requests{site=\"docs\"}",
        "traffic.requests{country=\"DE\"}", "traffic.requests{country=\"US\"}", "traffic.status.5xx",
        "traffic.share.5xx", "traffic.share.errors{site=\"www\"}", "traffic.bytes", "traffic.visitors",
        "github.stars{repo=\"acme/widget\"}", "dockerhub.pulls{repo=\"acme/widget\"}", "ingest.received{source=\"3\"}",
        "traffic.requests{path=\"/\"}" };
    QList<AlertRule> out;
    for (int i = 0; i < 200; ++i) {
        AlertRule r;
        r.name = QStringLiteral("rule %1").arg(i);
        r.series = series[i % series.size()];
        r.createdAt = now - 86400;
        switch (i % 4) {
        case 0:
            r.kind = AlertRule::Kind::Above;
            r.threshold = 5;
            r.window = i % 8 == 0 ? 300 : 3600;
            break;
        case 1:
            r.kind = AlertRule::Kind::Below;
            r.threshold = 1;
            r.forSecs = 600;
            break;
        case 2:
            r.kind = AlertRule::Kind::Change;
            r.span = i % 8 == 2 ? 86400 : 7 * 86400;
            r.window = 3600;
            r.threshold = 200;
            r.percent = true;
            break;
        default:
            r.kind = AlertRule::Kind::NoData;
            r.span = 900;
            break;
        }
        out.append(r);
    }
    return out;
}

DashboardSpec twelvePanels()
{
    DashboardSpec spec;
    spec.name = QStringLiteral("A year at a glance");
    const auto add = [&](PanelSpec::Kind kind, QStringList series, int width) {
        PanelSpec p;
        p.kind = kind;
        p.series = std::move(series);
        p.width = width;
        spec.panels.append(p);
    };
    add(PanelSpec::Kind::Figure, { "traffic.requests" }, 1);
    add(PanelSpec::Kind::Figure, { "traffic.visitors" }, 1);
    add(PanelSpec::Kind::Figure, { "traffic.share.5xx" }, 1);
    add(PanelSpec::Kind::Figure, { "github.stars{repo=\"acme/widget\"}" }, 1);
    add(PanelSpec::Kind::Line, { "traffic.requests{site=\"www\"}", "traffic.requests{site=\"docs\"}" }, 2);
    add(PanelSpec::Kind::Area,
        { "traffic.status.2xx", "traffic.status.3xx", "traffic.status.4xx", "traffic.status.5xx" }, 2);
    add(PanelSpec::Kind::Bars, { "traffic.bytes" }, 2);
    add(PanelSpec::Kind::Line, { "github.stars{repo=\"acme/widget\"}", "github.stars{repo=\"acme/widget-cli\"}" }, 2);
    add(PanelSpec::Kind::Table, { "traffic.requests", "traffic.visitors", "traffic.bytes", "traffic.errors" }, 2);
    add(PanelSpec::Kind::Map, {}, 2);
    add(PanelSpec::Kind::Line, { "dockerhub.pulls{repo=\"acme/widget\"}" }, 2);
    add(PanelSpec::Kind::Line, { "traffic.requests{country=\"DE\"}", "traffic.requests{country=\"US\"}" }, 2);
    return spec;
}
} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    qint64 now = 0;
    const QString path = prepare(&now);
    if (path.isEmpty())
        return 1;
    // A copy per run: the rules and their state are written, the cached database stays as generated.
    QTemporaryDir work;
    const QString db = work.filePath(QStringLiteral("bench.sqlite"));
    if (!QFile::copy(path, db))
        return 1;
    {
        DbWriter writer(db);
        writer.run([&](Database& d) {
            for (const AlertRule& r : rules(now))
                AlertStore(d).add(r);
        });
        QList<qint64> times;
        int fired = 0;
        for (int i = 1; i <= 11; ++i) {
            QElapsedTimer t;
            t.start();
            const QList<AlertNotice> notices = AlertEvaluator::evaluate(writer, now + i * 60, 60);
            if (i > 1) // the first run warms SQLite's page cache
                times.append(t.elapsed());
            fired += int(notices.size());
        }
        std::printf("200 alert rules, one evaluation: median %lld ms, worst %lld ms over %lld evaluations "
                    "(target < 100); %d notices\n",
            median(times), *std::max_element(times.cbegin(), times.cend()), qint64(times.size()), fired);
    }
    QueryRunner runner(db, 0);
    ManualClock clock(now * 1000);
    ViewState state(clock);
    state.setPreset(RangePreset::LastYear);
    CustomPage page(runner, state, twelvePanels(), nullptr);
    page.setAttribute(Qt::WA_DontShowOnScreen);
    page.resize(1920, 1080);
    page.setEagerLoading(true);
    page.show();
    QList<qint64> paints;
    for (int i = 0; i < 6; ++i) {
        QEventLoop loop;
        QObject::connect(&page, &DashboardPage::loaded, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        QElapsedTimer t;
        t.start();
        page.reloadNow();
        loop.exec();
        page.repaint();
        if (i > 0)
            paints.append(t.elapsed());
    }
    std::printf("custom page of 12 panels over a year, query to painted data: median %lld ms, worst %lld ms "
                "(target < 300)\n",
        median(paints), *std::max_element(paints.cbegin(), paints.cend()));
    return 0;
}
