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
#include "core/query/queryrunner.h"
#include "core/secrets/tokenvault.h"
#include "core/settings/settingsservice.h"
#include "core/sources/sourceservice.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "ui/firstrun/firstrunwizard.h"
#include "ui/kiosk/kioskcontroller.h"
#include "ui/mainwindow.h"
#include "ui/pagefactory.h"
#include "ui/pages/alertspage.h"
#include "ui/pages/custompages.h"
#include "ui/pages/healthpage.h"
#include "ui/sources/sourcepanel.h"
#include "ui/tray/traycontroller.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QSessionManager>
#include <QTemporaryDir>
#include <QTimer>

namespace activity {

Q_LOGGING_CATEGORY(lcDemo, "activity.demo")

namespace {
struct WindowText {
    Q_DECLARE_TR_FUNCTIONS(WindowText)
};
} // namespace

int runWindow(CommandContext& ctx, const QStringList& args)
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
    // --kiosk [--rotate SECONDS] [--pages LIST], checked before anything is opened.
    const bool kiosk = parser.isSet(QStringLiteral("kiosk"));
    int rotateSecs = 30;
    QList<PageId> kioskPages;
    QStringList kioskCustom; // names of the user's pages, found once the database is open
    if (parser.isSet(QStringLiteral("rotate"))) {
        bool ok = false;
        rotateSecs = parser.value(QStringLiteral("rotate")).toInt(&ok);
        if (!ok || rotateSecs < 5 || rotateSecs > 86400)
            return ctx.fail(WindowText::tr("--rotate: must be a number of seconds from 5 to 86400, got '%1'")
                                .arg(parser.value(QStringLiteral("rotate"))),
                2);
    }
    if (parser.isSet(QStringLiteral("pages"))) {
        QString bad;
        kioskPages = KioskController::parsePages(parser.value(QStringLiteral("pages")), &bad, &kioskCustom);
        if (kioskPages.isEmpty() && kioskCustom.isEmpty())
            return ctx.fail(WindowText::tr("--pages: unknown page '%1' (known: overview, github, dockerhub, metrics, "
                                           "traffic, map, health, alerts)")
                                .arg(bad),
                2);
    }
    if (!kiosk && (parser.isSet(QStringLiteral("rotate")) || parser.isSet(QStringLiteral("pages"))))
        return ctx.fail(WindowText::tr("--rotate and --pages need --kiosk"), 2);

    // --demo: a throw-away database in a temporary folder, filled with 90 days of sample data.
    QTemporaryDir demoDir;
    QString databasePath = ctx.databasePath();
    std::unique_ptr<DbWriter> demoWriter;
    DbWriter* writer = nullptr;
    if (parser.isSet(QStringLiteral("demo"))) {
        if (!demoDir.isValid())
            return ctx.fail(WindowText::tr("cannot create a temporary folder for the demo database"));
        databasePath = demoDir.filePath(QStringLiteral("demo.sqlite"));
        demoWriter = std::make_unique<DbWriter>(databasePath);
        if (const QString error = demoWriter->openError(); !error.isEmpty())
            return ctx.fail(error);
        writer = demoWriter.get();
    } else if (!(writer = ctx.writer())) {
        return 1;
    }
    // The services the window changes things through, on the process's writer.
    SourceService sources(*writer, ctx.registry(), ctx.clock());
    SettingsService settings(*writer);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/activity-dashboard.svg")));
    QApplication::setApplicationDisplayName(QCoreApplication::translate("Window", "Activity Dashboard"));
    const bool demo = parser.isSet(QStringLiteral("demo"));
    // SIGTERM, SIGINT (a logout, `kill`) end like Quit: collection flushed, positions saved, lock released.
    quitOnSignals();
    // The window collects like `collect` does (not on the throw-away demo database); the tray pauses it.
    std::unique_ptr<CollectionRuntime> collection;
    if (!demo) {
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
    QueryRunner runner(databasePath);
    MainWindow window(databasePath, ctx.clock());
    if (parser.isSet(QStringLiteral("demo")))
        window.setWindowTitle(WindowText::tr("Activity Dashboard (demo data)"));
    PageFactory::install(window, runner, &sources);
    if (auto* health = qobject_cast<HealthPage*>(window.page(PageId::Health)); health && ctx.eventLog())
        health->setEventLog(ctx.eventLog());
    DashboardService dashboards(*writer, ctx.clock());
    CustomPages::install(window, runner, dashboards);
    AlertService alerts(*writer, ctx.clock());
    qobject_cast<AlertsPage*>(window.page(PageId::Alerts))->setService(&alerts);
    QStringList kioskCustomKeys;
    for (const QString& name : std::as_const(kioskCustom)) {
        const QString key = CustomPages::keyForName(window, name);
        if (key.isEmpty())
            return ctx.fail(WindowText::tr("--pages: unknown page '%1' (known: overview, github, dockerhub, metrics, "
                                           "traffic, map, health, alerts, or the name of a page of your own)")
                                .arg(name),
                2);
        kioskCustomKeys.append(key);
    }
    if (demo) {
        // The window comes up at once and fills as the demo's slices are committed (the runner sees each).
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
        options.nowSecs = ctx.clock().nowSecs();
        options.progress = [report](int percent) {
            report(percent < 100 ? WindowText::tr("Filling the demo database: %1%").arg(percent)
                                 : WindowText::tr("Demo data ready"),
                percent);
            if (percent >= 100)
                qCInfo(lcDemo) << "demo data ready";
        };
        demoWriter->postTask([w = demoWriter.get(), options, report] {
            try {
                w->query([&options](Database& db) { DemoData::generate(db, options); });
            } catch (const DatabaseError& e) {
                qCCritical(lcDemo) << "the demo database could not be filled:" << e.message();
                report(WindowText::tr("The demo database could not be filled: %1").arg(e.message()), 100);
            }
        });
    }
    // Tokens typed in the source form: the keyring, else a private file next to the database.
    const auto tokens
        = TokenVault::createDefault(parser.isSet(QStringLiteral("demo")) ? demoDir.path() : ctx.dataDir());
    window.setReportExporter([databasePath](const QString& folder, const TimeRange& range) {
        return writeReport(databasePath, range, QSize(1600, 900), folder);
    });
    std::unique_ptr<TrayController> tray;
    std::unique_ptr<KioskController> kioskController;
    // A write error (disk full, read-only file): on Health and in the tray, and on stderr for the log.
    if (collection) {
        QObject::connect(
            collection.get(), &CollectionRuntime::writeFailed, &window, [&window, &tray, &ctx](const QString& message) {
                if (!message.isEmpty())
                    ctx.err() << "activity-dashboard: " << message << Qt::endl;
                if (auto* health = qobject_cast<HealthPage*>(window.page(PageId::Health)))
                    health->setWriteError(message);
                if (tray)
                    tray->showWriteError(message);
            });
    }
    if (!kiosk) {
        tray = std::make_unique<TrayController>(window);
        QObject::connect(tray.get(), &TrayController::quitRequested, qApp, &QApplication::quit);
        if (!demo) {
            tray->setCollectSwitch(
                [runtime = collection.get()](bool on) {
                    const QString problem = runtime->setCollecting(on);
                    return TrayController::CollectState { runtime->isCollecting(), problem };
                },
                false);
            if (const QString problem = tray->setCollecting(true); !problem.isEmpty())
                ctx.err() << "activity-dashboard: " << problem << Qt::endl;
        }
        tray->start(&runner);
    } else if (!demo) {
        if (const QString problem = collection->setCollecting(true); !problem.isEmpty())
            ctx.err() << "activity-dashboard: " << problem << Qt::endl;
    }
    if (kiosk) {
        kioskController
            = std::make_unique<KioskController>(window, runner, ctx.clock(), kioskPages, rotateSecs, nullptr);
        kioskController->setExtraPages(kioskCustomKeys, kioskPages.isEmpty() && !kioskCustomKeys.isEmpty());
        QObject::connect(kioskController.get(), &KioskController::exitRequested, qApp, &QApplication::quit);
        kioskController->start();
    } else {
        window.show();
        if (demo) // when the window is up, its first events handled: what the window benchmark waits for
            QTimer::singleShot(0, &window, [] { qCInfo(lcDemo) << "window shown"; });
        auto* panel = qobject_cast<SourcePanel*>(window.page(PageId::Sources));
        const bool firstRun
            = !demo && panel && writer->queryValue([](Database& db) { return FirstRunWizard::shouldOffer(db); });
        if (firstRun) {
            // Offered once the window is up, over it; the demo reopens the program as --demo does.
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
    }
    return QApplication::exec();
}

} // namespace activity
