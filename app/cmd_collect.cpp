#include "app/argparser.h"
#include "app/collectreport.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "app/quitsignals.h"
#include "app/servicenotify.h"
#include "core/collect/collectionruntime.h"
#include "core/collect/collectlock.h"
#include "core/collect/collectonce.h"

#include <QCoreApplication>
#include <QLockFile>

namespace activity {

namespace {
int collectOnce(CommandContext& ctx, const CollectContext& context)
{
    CollectOnce once(context);
    reportTo(ctx, once);
    QString lockError;
    const auto lock = lockCollection(ctx.dataDir(), &lockError); // a running collector follows the files
    const int logs = lock ? once.readLogFiles() : 0;
    if (!lock)
        ctx.err() << "activity-dashboard: " << lockError << QStringLiteral("; log files left to it") << Qt::endl;
    const int apis = once.pollApiSources();
    const int alerts = once.evaluateAlerts(); // after the polls: rules see what they stored
    return apis != 0 ? apis : logs != 0 ? logs : alerts;
}
} // namespace

int runCollect(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("collect"));
    parser.addOption(QStringLiteral("once"), false);
    parser.addOption(QStringLiteral("name"));
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(QCoreApplication::translate("CollectCommand", "collect: unexpected argument '%1'")
                            .arg(parser.positionals().first()),
            2);
    if (parser.isSet(QStringLiteral("name"))) {
        const QString name = parser.value(QStringLiteral("name")).trimmed();
        if (name.isEmpty())
            return ctx.fail(QCoreApplication::translate("CollectCommand", "collect: --name needs a name"), 2);
        ctx.setCollectorName(name);
    }
    const CollectContext* context = ctx.collectContext();
    if (!context)
        return 1;
    if (parser.isSet(QStringLiteral("once")))
        return collectOnce(ctx, *context);

    quitOnSignals();
    CollectionRuntime runtime(*context);
    reportTo(ctx, runtime);
    // A write that fails (a full disk, the store away) does not stop collection: the lines wait in memory (up to
    // store.buffer) and are written once it works again. Said once when it starts failing and once when it is over.
    QString writeError;
    QObject::connect(&runtime, &CollectionRuntime::writeFailed, &runtime, [&ctx, &writeError](const QString& message) {
        if (!message.isEmpty() && writeError.isEmpty())
            ctx.fail(
                QCoreApplication::translate("CollectCommand", "%1; keeping what arrives in memory and trying again")
                    .arg(message));
        else if (message.isEmpty() && !writeError.isEmpty())
            ctx.err() << QCoreApplication::translate("CollectCommand", "activity-dashboard: writing again") << Qt::endl;
        writeError = message;
    });
    if (const QString error = runtime.setCollecting(true); !error.isEmpty())
        return ctx.fail(error);
    ctx.err() << QCoreApplication::translate("CollectCommand", "collecting; stop with Ctrl+C") << Qt::endl;
    ServiceNotify service; // systemd (Type=notify): ready now, and the watchdog while the event loop runs
    service.ready(QCoreApplication::translate("CollectCommand", "collecting into %1 as %2")
                      .arg(ctx.storeShown(), context->collectorName));
    QObject::connect(&runtime, &CollectionRuntime::writeFailed, &runtime, [&service](const QString& message) {
        service.status(message.isEmpty()
                ? QCoreApplication::translate("CollectCommand", "collecting")
                : QCoreApplication::translate("CollectCommand", "cannot write, buffering: %1").arg(message));
    });
    int status = QCoreApplication::exec();
    service.stopping();
    runtime.setCollecting(false);
    if (const QString loss = runtime.lossSummary(); !loss.isEmpty())
        status = ctx.fail(loss);
    return status;
}

} // namespace activity
