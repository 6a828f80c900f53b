// Renders every page of the window, as a user sees it at 1280x800, for docs/screenshots/: after 90 days of demo
// data (light and dark palettes), after a first poll, and on an empty database. Fixed clock: the same pictures
// for the same code.
#include "core/demo/demodata.h"
#include "core/demo/demotraffic.h"
#include "core/query/queryrunner.h"
#include "core/sources/apistore.h"
#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourceservice.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fullwindow.h"
#include "ui/dialogs/alertruledialog.h"
#include "ui/dialogs/paneleditor.h"
#include "ui/mainwindow.h"
#include "ui/pagefactory.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/sources/sourceform.h"
#include "ui/viewstate.h"
#include "ui/widgets/rowsmodel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QLineEdit>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>

using namespace activity;

namespace {
constexpr qint64 kNow = 1795591815; // 2026-11-25 07:30:15 UTC

// An http-json source (a crate's downloads, in all and per version) polled hourly over the range.
void jsonSource(const QString& path, int days)
{
    Database db(path);
    ManualClock clock(kNow * 1000);
    const qint64 id
        = SourceStore(db, clock).add(QStringLiteral("http-json"), QStringLiteral("crates.io/api/v1/crates/widget"),
            QJsonObject { { QStringLiteral("url"), QStringLiteral("https://crates.io/api/v1/crates/widget") },
                { QStringLiteral("field"), QStringLiteral("downloads=/crate/downloads") } });
    ApiStore store(db);
    Transaction tx(db);
    const QList<std::pair<QString, double>> series = { { QString(), 40.0 }, { QStringLiteral("num=2.1.0"), 22.0 },
        { QStringLiteral("num=2.0.3"), 12.0 }, { QStringLiteral("num=1.9.0"), 4.0 } };
    for (const auto& [labels, perHour] : series) {
        const QString metric = labels.isEmpty() ? QStringLiteral("downloads") : QStringLiteral("version_downloads");
        const qint64 s
            = store.seriesId(id, HttpJsonCollector::kProvider, HttpJsonCollector::seriesKey(id, labels), metric);
        double total = perHour * 24 * 400;
        for (qint64 ts = kNow - qint64(days) * 86400; ts <= kNow; ts += 3600) {
            total += perHour * (1.0 + 0.6 * std::sin(double(ts % 86400) / 86400.0 * 6.283));
            store.recordPoint(s, ts, std::floor(total));
        }
    }
    tx.commit();
}

// A first poll of an organisation and an image, and an hour of nginx traffic.
void firstPoll(const QString& path)
{
    Database db(path);
    ManualClock clock(kNow * 1000);
    SourceStore sources(db, clock);
    sources.add(
        QStringLiteral("github"), QStringLiteral("acme"), { { QStringLiteral("org"), QStringLiteral("acme") } });
    sources.add(QStringLiteral("dockerhub"), QStringLiteral("acme/*"),
        { { QStringLiteral("namespace"), QStringLiteral("acme") } });
    sources.add(QStringLiteral("syslog"), QStringLiteral("udp://127.0.0.1:5514"),
        { { QStringLiteral("listen"), QStringLiteral("udp://127.0.0.1:5514") } });
    ApiStore store(db);
    const QList<std::pair<const char*, double>> repos
        = { { "acme/rocket", 1840 }, { "acme/fuel", 312 }, { "acme/launchpad", 57 } };
    for (const auto& [repo, stars] : repos) {
        store.recordSnapshot(
            store.seriesId(1, QStringLiteral("github"), QString::fromLatin1(repo), QStringLiteral("stars")), kNow - 600,
            stars);
    }
    store.recordSnapshot(
        store.seriesId(2, QStringLiteral("dockerhub"), QStringLiteral("acme/rocket"), QStringLiteral("pulls")),
        kNow - 600, 12632695);
    DemoOptions options;
    options.nowSecs = kNow;
    options.days = 1;
    options.requestsPerDay = 2000;
    options.sources = false;
    options.apiDays = 0;
    Transaction tx(db);
    DemoTrafficWriter traffic(db);
    DemoData::forEachRequest(options, [&traffic](const DemoRequest& r) {
        if (r.ts >= kNow - 3600)
            traffic.add(r);
    });
    traffic.finish();
    tx.commit();
}

void waitForPage(QWidget* page)
{
    auto* dashboard = qobject_cast<DashboardPage*>(page);
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (t.elapsed() > 400 && (!dashboard || (!dashboard->isLoading() && !dashboard->hasReloadPending())))
            break;
    }
    QElapsedTimer settle; // the charts' resize timers
    settle.start();
    while (settle.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

void shoot(const QString& path, const QString& outDir, const QString& scenario, bool dark, const QList<PageId>& pages)
{
    qApp->setPalette(dark ? darkTestPalette() : qApp->style()->standardPalette());
    ManualClock clock(kNow * 1000);
    FullWindow full(path, clock);
    MainWindow& window = full.window;
    window.viewState()->setCustomRange({ kNow - (scenario == QLatin1String("90-days") ? 90 : 7) * 86400, kNow });
    window.resize(1280, 800);
    window.show();
    for (PageId id : pages) {
        window.showPage(id);
        waitForPage(window.page(id));
        const QString file = QStringLiteral("%1/%2-%3-%4.png")
                                 .arg(outDir, scenario, MainWindow::pageKey(id),
                                     dark ? QStringLiteral("dark") : QStringLiteral("light"));
        if (!window.grab().save(file))
            std::fprintf(stderr, "make_screenshots: cannot write %s\n", qPrintable(file));
        else
            std::printf("%s\n", qPrintable(file));
    }
    // The user's pages (the demo has one), after the fixed ones.
    for (const QString& key : window.extraPageKeys()) {
        if (scenario != QLatin1String("90-days"))
            break;
        window.showExtraPage(key);
        waitForPage(window.extraPage(key));
        const QString file = QStringLiteral("%1/%2-custom-%3.png")
                                 .arg(outDir, scenario, dark ? QStringLiteral("dark") : QStringLiteral("light"));
        if (window.grab().save(file))
            std::printf("%s\n", qPrintable(file));
    }
}
// The Traffic page narrowed to one country (and, in a second picture, to a path and the 4xx class), with the
// filter chips in the header.
void shootCountry(const QString& path, const QString& outDir, const QString& country)
{
    qApp->setPalette(qApp->style()->standardPalette());
    ManualClock clock(kNow * 1000);
    FullWindow full(path, clock);
    full.window.viewState()->setCustomRange({ kNow - 90 * 86400, kNow });
    full.window.viewState()->setCountry(country);
    full.window.resize(1280, 800);
    full.window.show();
    full.window.showPage(PageId::Traffic);
    waitForPage(full.window.page(PageId::Traffic));
    const QString file = QStringLiteral("%1/90-days-traffic-country-light.png").arg(outDir);
    if (full.window.grab().save(file))
        std::printf("%s\n", qPrintable(file));
    auto* traffic = qobject_cast<TrafficPage*>(full.window.page(PageId::Traffic));
    const QList<QVariant> busiest = traffic->model(TrafficPage::Paths)->rows().value(0);
    full.window.viewState()->setCountry({});
    full.window.viewState()->setPath(busiest.value(0).toString().toUtf8());
    full.window.viewState()->setStatus(4);
    waitForPage(traffic);
    const QString narrowed = QStringLiteral("%1/90-days-traffic-path-4xx-light.png").arg(outDir);
    if (full.window.grab().save(narrowed))
        std::printf("%s\n", qPrintable(narrowed));
}
// The header's Humans / Bots switch at work: the Overview counting people, the map counting bots.
void shootAgents(const QString& path, const QString& outDir)
{
    qApp->setPalette(qApp->style()->standardPalette());
    ManualClock clock(kNow * 1000);
    FullWindow full(path, clock);
    full.window.viewState()->setCustomRange({ kNow - 90 * 86400, kNow });
    full.window.resize(1280, 800);
    full.window.show();
    const std::pair<AgentScope, PageId> shots[] = { { AgentScope::Humans, PageId::Overview },
        { AgentScope::Bots, PageId::Map }, { AgentScope::Humans, PageId::Traffic } };
    for (const auto& [agents, id] : shots) {
        full.window.viewState()->setAgents(agents);
        full.window.showPage(id);
        waitForPage(full.window.page(id));
        const QString file
            = QStringLiteral("%1/90-days-%2-%3-light.png").arg(outDir, MainWindow::pageKey(id), agentScopeName(agents));
        if (full.window.grab().save(file))
            std::printf("%s\n", qPrintable(file));
    }
}
// The two dialogs of the user's own pages and alerts, as they open over the window.
void shootDialogs(const QString& path, const QString& outDir)
{
    qApp->setPalette(qApp->style()->standardPalette());
    ManualClock clock(kNow * 1000);
    FullWindow full(path, clock);
    const auto save = [&](QWidget& dialog, const char* name) {
        dialog.show();
        waitForPage(nullptr);
        const QString file = QStringLiteral("%1/%2.png").arg(outDir, QString::fromLatin1(name));
        if (dialog.grab().save(file))
            std::printf("%s\n", qPrintable(file));
    };
    AlertRuleDialog rule(full.runner, &full.window);
    waitForPage(nullptr);
    rule.seriesBox()->setCurrentIndex(rule.seriesBox()->findData(QStringLiteral("traffic.share.5xx")));
    rule.forEdit()->setText(QStringLiteral("10m"));
    rule.webhookEdit()->setText(QStringLiteral("https://hooks.slack.com/services/T000/B000/XXXX"));
    save(rule, "dialog-alert-rule-light");
    PanelSpec panel;
    panel.series
        = { QStringLiteral("traffic.requests{site=\"www\"}"), QStringLiteral("traffic.requests{site=\"docs\"}") };
    PanelEditor editor(full.runner, panel, &full.window);
    save(editor, "dialog-panel-light");
    // A JSON source with an API key and a credential header, edited: the secrets show masked.
    SourceForm form(full.registry, &full.window);
    form.edit(QStringLiteral("http-json"),
        QJsonObject { { QStringLiteral("url"), QStringLiteral("https://api.example.org/v1/stats?api_key=••••&page=1") },
            { QStringLiteral("field"), QStringLiteral("downloads=/downloads\nstars=/stars") },
            { QStringLiteral("header"), QStringLiteral("X-Api-Key: ••••\nAccept: application/json") },
            { QStringLiteral("interval"), QStringLiteral("15m") } },
        1);
    form.resize(720, form.sizeHint().height());
    save(form, "dialog-source-secrets-light");
}
} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QStandardPaths::setTestModeEnabled(true); // the window's remembered page and range stay out of the user's
    const QString outDir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(outDir);
    QTemporaryDir dir;
    QList<PageId> all;
    for (int i = 0; i < kPageCount; ++i)
        all.append(PageId(i));

    const QString full = dir.filePath(QStringLiteral("demo.sqlite"));
    {
        Database db(full);
        Migrations::migrate(db);
        DemoOptions options;
        options.nowSecs = kNow;
        DemoData::generate(db, options);
    }
    jsonSource(full, 90);
    shoot(full, outDir, QStringLiteral("90-days"), false, all);
    shoot(full, outDir, QStringLiteral("90-days"), true, all);

    shootCountry(full, outDir, QStringLiteral("DE"));
    shootAgents(full, outDir);
    shootDialogs(full, outDir);

    const QList<PageId> firstDay = { PageId::Overview, PageId::GitHub, PageId::DockerHub, PageId::Traffic };
    const QString first = dir.filePath(QStringLiteral("first.sqlite"));
    {
        Database db(first);
        Migrations::migrate(db);
    }
    firstPoll(first);
    shoot(first, outDir, QStringLiteral("first-poll"), false, firstDay);

    const QString empty = dir.filePath(QStringLiteral("empty.sqlite"));
    {
        Database db(empty);
        Migrations::migrate(db);
    }
    // The Bots page too: with no log it must say so, not draw empty charts claiming zero.
    shoot(empty, outDir, QStringLiteral("empty"), false, QList<PageId>(firstDay) << PageId::Bots);
    return 0;
}
