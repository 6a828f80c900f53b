#include "app/application.h"

#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "app/guardedapplication.h"
#include "app/windowcommand.h"
#include "core/settings/storechoice.h"
#include "core/storage/database.h"
#include "core/storage/datadir.h"
#include "core/storage/storeurl.h"
#include "core/util/eventlog.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>
#include <cstdio>
#include <memory>

namespace activity {

Q_LOGGING_CATEGORY(lcApp, "activity.app")

void reportEscapedException(const char* what)
{
    qCCritical(lcApp) << "internal error:" << what;
    std::fprintf(stderr, "activity-dashboard: internal error: %s; stopping\n", what);
    if (auto* app = QCoreApplication::instance())
        QMetaObject::invokeMethod(
            app, [] { QCoreApplication::exit(70); }, Qt::QueuedConnection);
}

namespace {
void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("activity-dashboard"));
    QCoreApplication::setApplicationName(QStringLiteral("activity-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ACTIVITY_VERSION));
}

void loadTranslations(QCoreApplication& app)
{
    auto* ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("activity"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(ours);
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

QString usage()
{
    QString text = QStringLiteral(
        "usage: activity-dashboard [--data-dir DIR] [--store URL] [--verbose] [COMMAND] [OPTIONS]\n\n"
        "  --store URL         sqlite:PATH (default DIR/activity.sqlite) or postgresql://USER@HOST:PORT/DB;\n"
        "                      ACTIVITY_STORE when not given\n"
        "  (no command)        the window; --kiosk [--rotate SECONDS] [--pages LIST], --demo\n");
    int count = 0;
    const Command* commands = allCommands(&count);
    for (int i = 0; i < count; ++i)
        text += QStringLiteral("  %1\n").arg(QString::fromLatin1(commands[i].usage));
    return text;
}

// Pulls "--NAME VALUE" or "--NAME=VALUE" (anywhere) out of the arguments. Returns false with a message on error.
bool takeGlobal(QStringList& args, const QString& name, QString& value, QString& error)
{
    const QString option = QStringLiteral("--") + name;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == option) {
            if (i + 1 >= args.size()) {
                error = QStringLiteral("option %1 needs a value").arg(option);
                return false;
            }
            value = args[i + 1];
            args.remove(i, 2);
            --i;
        } else if (args[i].startsWith(option + QLatin1Char('='))) {
            value = args[i].mid(option.size() + 1);
            args.remove(i);
            --i;
        }
    }
    return true;
}

// --store, else ACTIVITY_STORE; empty means the data folder's SQLite file. `from` names which one gave it.
bool takeStore(QStringList& args, QString& store, QString& from, QString& error)
{
    if (!takeGlobal(args, QStringLiteral("store"), store, error))
        return false;
    from = QStringLiteral("--store");
    if (store.isEmpty() && !qEnvironmentVariableIsEmpty("ACTIVITY_STORE")) {
        store = qEnvironmentVariable("ACTIVITY_STORE");
        from = QStringLiteral("ACTIVITY_STORE");
    }
    if (store.isEmpty()) {
        from.clear();
        return true;
    }
    if (const QString problem = StoreUrl::problem(store); !problem.isEmpty()) {
        error = QStringLiteral("%1: %2").arg(from, problem);
        return false;
    }
    return true;
}
} // namespace

namespace {
// Each area logs under its own category (activity.storage, activity.ingest, activity.net, activity.sources, ...).
// Warnings go to stderr; run as a service (systemd sets JOURNAL_STREAM), stderr is the journal: lines carry their
// priority (sd-daemon prefixes) and what the program does (info) is logged too. Debug (the SQL of a failed
// statement) only when asked for with --verbose or QT_LOGGING_RULES.
void installLogging(bool verbose)
{
    const bool journal = !qEnvironmentVariableIsEmpty("JOURNAL_STREAM");
    if (verbose) // what each module does, and the SQL of a failed statement
        QLoggingCategory::setFilterRules(QStringLiteral("activity.*.debug=true\nactivity.*.info=true"));
    else if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(journal ? QStringLiteral("activity.*.debug=false")
                                                 : QStringLiteral("activity.*.debug=false\nactivity.*.info=false"));
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(journal
                ? QStringLiteral("%{if-critical}<2>%{endif}%{if-fatal}<2>%{endif}%{if-warning}<4>"
                                 "%{endif}%{if-info}<6>%{endif}%{if-debug}<7>%{endif}"
                                 "%{if-category}%{category}: %{endif}%{message}")
                : QStringLiteral("activity-dashboard: %{if-category}%{category}: %{endif}%{message}"));
}
} // namespace

int Application::main(int argc, char** argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString dataDir;
    QString error;
    QString store;
    QString storeFrom;
    const bool dataDirOk
        = takeGlobal(args, QStringLiteral("data-dir"), dataDir, error) && takeStore(args, store, storeFrom, error);
    const bool verbose = args.removeAll(QStringLiteral("--verbose")) > 0;

    // Decide before building the application object: headless commands must not need a display.
    const QString first = args.isEmpty() ? QString() : args.first();
    const Command* command = first.startsWith(QLatin1Char('-')) ? nullptr : findCommand(first);
    const bool wantsHelp
        = first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help");
    const bool wantsVersion = first == QLatin1String("--version");
    const bool unknownCommand = !command && !wantsHelp && !first.isEmpty() && !first.startsWith(QLatin1Char('-'));

    installLogging(verbose);
    std::unique_ptr<QCoreApplication> app;
    if (command && command->needsGui) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<GuardedApplication<QApplication>>(argc, argv);
    } else if (command || wantsHelp || wantsVersion || unknownCommand || !dataDirOk) {
        app = std::make_unique<GuardedApplication<QCoreApplication>>(argc, argv);
    } else {
        app = std::make_unique<GuardedApplication<QApplication>>(argc, argv);
    }
    setIdentity();
    loadTranslations(*app);
    EventLog eventLog; // the last warnings and errors, for the Health page
    eventLog.install();
    const bool dataDirGiven = !dataDir.isEmpty();
    if (dataDir.isEmpty())
        dataDir = DataDir::defaultPath();

    if (!dataDirOk) {
        err << "activity-dashboard: " << error << Qt::endl;
        return 2;
    }
    if (wantsHelp) {
        out << usage();
        return 0;
    }
    if (wantsVersion) {
        out << "activity-dashboard " << ACTIVITY_VERSION << Qt::endl;
        return 0;
    }
    if (unknownCommand) {
        err << "activity-dashboard: unknown command '" << first << "'\n\n" << usage();
        return 2;
    }
    // The window alone also takes the store chosen in its File > Store dialog, unless told where its data is
    // (--data-dir, --store, ACTIVITY_STORE); a command keeps to what it is told.
    if (!command && store.isEmpty() && !dataDirGiven) {
        const QString chosen = StoreChoice::saved();
        if (const QString problem = chosen.isEmpty() ? QString() : StoreUrl::problem(chosen); !problem.isEmpty())
            err << "activity-dashboard: the store chosen in File > Store is not one (" << problem
                << "); opening the data folder's file" << Qt::endl;
        else if (!chosen.isEmpty())
            store = chosen;
    }
    CommandContext context(dataDir, store, out, err);
    context.setStoreOrigin(storeFrom);
    context.setEventLog(&eventLog);
    if (command && (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h")))) {
        out << "usage: activity-dashboard " << command->usage << '\n';
        if (command->help)
            out << QCoreApplication::translate("Commands", command->help) << '\n';
        return 0;
    }
    try {
        if (command)
            return command->run(context, args.mid(1));
        return runWindow(context, args);
    } catch (const DatabaseError& e) {
        return context.fail(e.message()); // e.g. another program held the database longer than we wait
    } catch (const std::exception& e) {
        // Outside any event loop (a command's own code): the same clear stop.
        return context.fail(QStringLiteral("internal error: %1").arg(QString::fromUtf8(e.what())), 70);
    }
}

} // namespace activity
