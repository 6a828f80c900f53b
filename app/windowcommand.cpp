#include "app/windowcommand.h"

#include "app/argparser.h"
#include "app/collectreport.h"
#include "app/commandcontext.h"
#include "app/quitsignals.h"
#include "app/reportparts.h"
#include "core/alerts/alertservice.h"
#include "core/collect/collectionruntime.h"
#include "core/dashboards/dashboardservice.h"
#include "core/demo/demodata.h"
#include "core/events/eventservice.h"
#include "core/query/queryrunner.h"
#include "core/secrets/tokenvault.h"
#include "core/settings/settingsservice.h"
#include "core/sources/sourceservice.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "ui/dialogs/storeproblemdialog.h"
#include "ui/firstrun/firstrunwizard.h"
#include "ui/kiosk/kioskcontroller.h"
#include "ui/mainwindow.h"
#include "ui/pagefactory.h"
#include "ui/pages/alertspage.h"
#include "ui/pages/custompages.h"
#include "ui/pages/healthpage.h"
#include "ui/sources/sourcepanel.h"
#include "ui/tray/traycontroller.h"
#include "ui/viewstate.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QSessionManager>
#include <QTemporaryDir>
#include <QTimer>
#include <optional>

namespace activity {

Q_LOGGING_CATEGORY(lcDemo, "activity.demo")

namespace {
struct WindowText {
    Q_DECLARE_TR_FUNCTIONS(WindowText)
};

struct WindowOptions {
    bool kiosk = false;
    bool demo = false;
    int rotateSecs = 30;
    QList<PageId> kioskPages;
    QStringList kioskCustom; // names of the user's pages, found once the database is open
};

// --kiosk [--rotate SECONDS] [--pages LIST], --demo: checked before anything is opened. Returns the exit status of a
// bad argument (2), else 0.
int parseOptions(CommandContext& ctx, const QStringList& args, WindowOptions& o)
{
    ArgParser parser(QStringLiteral("activity-dashboard"));
    parser.addOption(QStringLiteral("kiosk"), false);
    parser.addOption(QStringLiteral("rotate"));
    parser.addOption(QStringLiteral("pages"));
    parser.addOption(QStringLiteral("demo"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(
            QCoreApplication::translate("Window", "unknown command '%1'").arg(parser.positionals().first()), 2);
    o.kiosk = parser.isSet(QStringLiteral("kiosk"));
    o.demo = parser.isSet(QStringLiteral("demo"));
    if (parser.isSet(QStringLiteral("rotate"))) {
        bool ok = false;
        o.rotateSecs = parser.value(QStringLiteral("rotate")).toInt(&ok);
        if (!ok || o.rotateSecs < 5 || o.rotateSecs > 86400)
            return ctx.fail(WindowText::tr("--rotate: must be a number of seconds from 5 to 86400, got '%1'")
                                .arg(parser.value(QStringLiteral("rotate"))),
                2);
    }
    if (parser.isSet(QStringLiteral("pages"))) {
        QString bad;
        o.kioskPages = KioskController::parsePages(parser.value(QStringLiteral("pages")), &bad, &o.kioskCustom);
        if (o.kioskPages.isEmpty() && o.kioskCustom.isEmpty())
            return ctx.fail(WindowText::tr("--pages: unknown page '%1' (known: overview, github, dockerhub, metrics, "
                                           "traffic, map, health, alerts)")
                                .arg(bad),
                2);
    }
    if (!o.kiosk && (parser.isSet(QStringLiteral("rotate")) || parser.isSet(QStringLiteral("pages"))))
        return ctx.fail(WindowText::tr("--rotate and --pages need --kiosk"), 2);
    return 0;
}

// Where the window's data is: the data folder's database, or with --demo a throw-away one in a temporary folder.
struct WindowStore {
    QTemporaryDir demoDir;
    QString path;
    std::unique_ptr<DbWriter> demoWriter;
    DbWriter* writer = nullptr;
    QString dataDir() const { return demoWriter ? demoDir.path() : QString(); }
};

// Opens the store; returns false (the reason printed) when it cannot.
bool openStore(CommandContext& ctx, bool demo, WindowStore& store)
{
    store.path = ctx.databasePath();
    if (!demo)
        return (store.writer = ctx.writer()) != nullptr;
    if (!store.demoDir.isValid()) {
        ctx.fail(WindowText::tr("cannot create a temporary folder for the demo database"));
        return false;
    }
    store.path = store.demoDir.filePath(QStringLiteral("demo.sqlite"));
    store.demoWriter = std::make_unique<DbWriter>(store.path);
    if (const QString error = store.demoWriter->openError(); !error.isEmpty()) {
        ctx.fail(error);
        return false;
    }
    store.writer = store.demoWriter.get();
    return true;
}

// A window started from the desktop has no terminal: a store it cannot open is said in a dialog that can try
// again or, for a team's store, fall back to this computer's file. Without a screen (offscreen: tests, ssh) the
// reason printed and exit status 1 are the answer, as for the other commands.
bool openStoreOrAsk(CommandContext& ctx, bool demo, WindowStore& store)
{
    const QString platform = QGuiApplication::platformName();
    const bool canAsk = !demo && platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
    while (!openStore(ctx, demo, store)) {
        if (!canAsk)
            return false;
        StoreProblemDialog dialog(ctx.storeShown(), ctx.lastFailure(), ctx.isPostgres());
        dialog.exec();
        switch (dialog.choice()) {
        case StoreProblemDialog::Choice::TryAgain:
            break;
        case StoreProblemDialog::Choice::UseThisComputersFile:
            ctx.useDataDirFile();
            break;
        case StoreProblemDialog::Choice::Quit:
            return false;
        }
    }
    return true;
}

// The demo database fills with 90 days of sample data behind the window, which shows the progress.
void fillDemo(DbWriter& writer, MainWindow& window, qint64 nowSecs)
{
    QPointer<MainWindow> shown(&window);
    auto report = [shown](const QString& text, int percent) {
        QMetaObject::invokeMethod(
            qApp,
            [shown, text, percent] {
                if (shown)
                    shown->showProgress(text, percent);
            },
            Qt::QueuedConnection);
    };
    report(WindowText::tr("Filling the demo database..."), 0);
    DemoOptions options;
    options.nowSecs = nowSecs;
    options.progress = [report](int percent) {
        report(percent < 100 ? WindowText::tr("Filling the demo database: %1%").arg(percent)
                             : WindowText::tr("Demo data ready"),
            percent);
        if (percent >= 100)
            qCInfo(lcDemo) << "demo data ready";
    };
    writer.postTask([w = &writer, options, report] {
        try {
            w->query([&options](Database& db) { DemoData::generate(db, options); });
        } catch (const DatabaseError& e) {
            qCCritical(lcDemo) << "the demo database could not be filled:" << e.message();
            report(WindowText::tr("The demo database could not be filled: %1").arg(e.message()), 100);
        }
    });
}

// The keys of the user's pages named in --pages; empty with the error printed when one is unknown.
std::optional<QStringList> kioskCustomKeys(CommandContext& ctx, const MainWindow& window, const WindowOptions& o)
{
    QStringList keys;
    for (const QString& name : o.kioskCustom) {
        const QString key = CustomPages::keyForName(window, name);
        if (key.isEmpty()) {
            ctx.fail(WindowText::tr("--pages: unknown page '%1' (known: overview, github, dockerhub, metrics, "
                                    "traffic, map, health, alerts, or the name of a page of your own)")
                         .arg(name),
                2);
            return std::nullopt;
        }
        keys.append(key);
    }
    return keys;
}

// A write error (disk full, read-only file): on Health and in the tray, and on stderr for the log.
void showWriteErrors(
    CommandContext& ctx, CollectionRuntime& collection, MainWindow& window, std::unique_ptr<TrayController>& tray)
{
    QObject::connect(
        &collection, &CollectionRuntime::writeFailed, &window, [&window, &tray, &ctx](const QString& message) {
            if (!message.isEmpty())
                ctx.err() << "activity-dashboard: " << message << Qt::endl;
            if (auto* health = qobject_cast<HealthPage*>(window.page(PageId::Health)))
                health->setWriteError(message);
            if (tray)
                tray->showWriteError(message);
        });
}

// The tray (Show/Hide, Pause/Resume collecting, Quit); it starts collection unless this is the demo.
std::unique_ptr<TrayController> startTray(
    CommandContext& ctx, MainWindow& window, QueryRunner& runner, CollectionRuntime* collection)
{
    auto tray = std::make_unique<TrayController>(window);
    QObject::connect(tray.get(), &TrayController::quitRequested, qApp, &QApplication::quit);
    if (collection) {
        tray->setCollectSwitch(
            [collection](bool on) {
                const QString problem = collection->setCollecting(on);
                return TrayController::CollectState { collection->isCollecting(), problem };
            },
            false);
        if (const QString problem = tray->setCollecting(true); !problem.isEmpty())
            ctx.err() << "activity-dashboard: " << problem << Qt::endl;
    }
    tray->start(&runner);
    return tray;
}

// Offered once the window is up, over it, when nothing is set up yet; the demo reopens the program as --demo does.
void offerFirstRun(CommandContext& ctx, MainWindow& window, DbWriter& writer, SettingsService& settings)
{
    auto* panel = qobject_cast<SourcePanel*>(window.page(PageId::Sources));
    if (!panel || !writer.queryValue([](Database& db) { return FirstRunWizard::shouldOffer(db); }))
        return;
    QTimer::singleShot(0, &window, [&window, &ctx, &settings, panel] {
        FirstRunWizard wizard(*panel, settings, &window);
        if (wizard.exec() == QDialog::Accepted && wizard.demoRequested()) {
            QProcess::startDetached(QCoreApplication::applicationFilePath(),
                { QStringLiteral("--data-dir"), ctx.dataDir(), QStringLiteral("--demo") });
            QCoreApplication::quit();
        } else if (wizard.result() == QDialog::Accepted) {
            window.showPage(PageId::Sources);
        }
    });
}
} // namespace

int runWindow(CommandContext& ctx, const QStringList& args)
{
    WindowOptions o;
    if (const int bad = parseOptions(ctx, args, o); bad != 0)
        return bad;
    WindowStore store;
    if (!openStoreOrAsk(ctx, o.demo, store))
        return 1;
    // The services the window changes things through, on the process's writer.
    DbWriter& writer = *store.writer;
    SourceService sources(writer, ctx.registry(), ctx.clock());
    SettingsService settings(writer);
    DashboardService dashboards(writer, ctx.clock());
    AlertService alerts(writer, ctx.clock());
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/activity-dashboard.svg")));
    QApplication::setApplicationDisplayName(QCoreApplication::translate("Window", "Activity Dashboard"));
    // SIGTERM, SIGINT (a logout, `kill`) end like Quit: collection flushed, positions saved, lock released.
    quitOnSignals();
    // The window collects like `collect` does (not on the throw-away demo database); the tray pauses it.
    std::unique_ptr<CollectionRuntime> collection;
    // A team's viewer login reads the store and never collects into it (its collectors run elsewhere).
    QString readOnly;
    if (!o.demo && ctx.isPostgres()) {
        Database* db = ctx.database();
        if (!db)
            return 1;
        if (!db->mayWrite())
            readOnly = WindowText::tr("this login sees the team's store but may not change it; sources, pages and "
                                      "rules are added with a collector's login (role activity_collector)");
    }
    if (!o.demo && readOnly.isEmpty()) {
        const CollectContext* context = ctx.collectContext();
        if (!context)
            return 1;
        collection = std::make_unique<CollectionRuntime>(*context);
        reportTo(ctx, *collection);
        // The session is ending (logout): save what was received now; the session manager then ends the program
        // (Qt quits on its "die", systemd sends SIGTERM), both through the normal path.
        QObject::connect(qApp, &QGuiApplication::commitDataRequest, collection.get(),
            [runtime = collection.get()](QSessionManager&) { runtime->saveNow(); });
    }
    // Tokens and secrets typed in the source form and the alert rules: the keyring, else a private file next to
    // the database.
    const auto tokens = TokenVault::createDefault(o.demo ? store.dataDir() : ctx.dataDir());
    sources.setTokenVault(tokens.get());
    alerts.setVault(tokens.get());
    QueryRunner runner(store.path);
    MainWindow window(store.path, ctx.clock());
    if (o.demo)
        window.setWindowTitle(WindowText::tr("Activity Dashboard (demo data)"));
    EventService events(writer, ctx.clock());
    PageFactory::install(window, runner, &sources, &events);
    // The header's All / Humans / Bots switch starts where the user left it (traffic.agents) and is kept there.
    window.viewState()->setAgents(agentScopeFromName(settings.get(QStringLiteral("traffic.agents")).value_or(QString()))
                                      .value_or(AgentScope::All));
    QObject::connect(window.viewState(), &ViewState::agentsChanged, &window, [&window, &settings, &ctx, readOnly] {
        if (!readOnly.isEmpty())
            return;
        if (const Status saved
            = settings.set(QStringLiteral("traffic.agents"), agentScopeName(window.viewState()->agents()));
            !saved)
            ctx.err() << "activity-dashboard: " << saved.error() << Qt::endl;
    });
    // The header's "Period before" toggle the same way (charts.previous).
    window.viewState()->setComparePrevious(settings.get(QStringLiteral("charts.previous")) == QStringLiteral("on"));
    QObject::connect(
        window.viewState(), &ViewState::comparePreviousChanged, &window, [&window, &settings, &ctx, readOnly] {
            if (!readOnly.isEmpty())
                return;
            if (const Status saved = settings.set(QStringLiteral("charts.previous"),
                    window.viewState()->comparePrevious() ? QStringLiteral("on") : QStringLiteral("off"));
                !saved)
                ctx.err() << "activity-dashboard: " << saved.error() << Qt::endl;
        });
    if (auto* health = qobject_cast<HealthPage*>(window.page(PageId::Health)); health && ctx.eventLog())
        health->setEventLog(ctx.eventLog());
    CustomPages::install(window, runner, dashboards);
    qobject_cast<AlertsPage*>(window.page(PageId::Alerts))->setService(&alerts);
    window.setReadOnly(readOnly);
    window.setStoreInfo(o.demo ? WindowText::tr("demo data (a temporary file)") : ctx.storeShown(), ctx.storeOrigin());
    // A team's server away: a banner over the pages and a line in the log, until it answers again.
    QObject::connect(
        &runner, &QueryRunner::reachableChanged, &window, [&window, &ctx](bool reachable, const QString& why) {
            window.setStoreProblem(reachable ? QString() : why);
            ctx.err() << "activity-dashboard: "
                      << (reachable ? WindowText::tr("the store answers again")
                                    : WindowText::tr("the store cannot be reached: %1").arg(why))
                      << Qt::endl;
        });
    const std::optional<QStringList> customKeys = kioskCustomKeys(ctx, window, o);
    if (!customKeys)
        return 2;
    if (o.demo) // the window comes up at once and fills as the demo's slices are committed (the runner sees each)
        fillDemo(writer, window, ctx.clock().nowSecs());
    window.setReportExporter([path = store.path, &window](const QString& folder, const TimeRange& range) {
        const AgentScope agents = window.viewState()->agents();
        return writeReport(path, range, QSize(1600, 900), folder, agents, false,
            agents == AgentScope::All ? AgentScope::Humans : agents); // downloads: people's unless narrowed
    });
    std::unique_ptr<TrayController> tray;
    if (collection)
        showWriteErrors(ctx, *collection, window, tray);
    if (!o.kiosk) {
        tray = startTray(ctx, window, runner, collection.get());
    } else if (collection) {
        if (const QString problem = collection->setCollecting(true); !problem.isEmpty())
            ctx.err() << "activity-dashboard: " << problem << Qt::endl;
    }
    std::unique_ptr<KioskController> kioskController;
    if (o.kiosk) {
        kioskController
            = std::make_unique<KioskController>(window, runner, ctx.clock(), o.kioskPages, o.rotateSecs, nullptr);
        kioskController->setExtraPages(*customKeys, o.kioskPages.isEmpty() && !customKeys->isEmpty());
        QObject::connect(kioskController.get(), &KioskController::exitRequested, qApp, &QApplication::quit);
        kioskController->start();
    } else {
        window.show();
        if (o.demo) // when the window is up, its first events handled: what the window benchmark waits for
            QTimer::singleShot(0, &window, [] { qCInfo(lcDemo) << "window shown"; });
        else
            offerFirstRun(ctx, window, writer, settings);
    }
    return QApplication::exec();
}

} // namespace activity
