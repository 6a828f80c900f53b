#include "app/argparser.h"
#include "app/collectreport.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "app/quitsignals.h"
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
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(QCoreApplication::translate("CollectCommand", "collect: unexpected argument '%1'")
                            .arg(parser.positionals().first()),
            2);
    const CollectContext* context = ctx.collectContext();
    if (!context)
        return 1;
    if (parser.isSet(QStringLiteral("once")))
        return collectOnce(ctx, *context);

    quitOnSignals();
    CollectionRuntime runtime(*context);
    reportTo(ctx, runtime);
    // A write that fails (disk full, read-only file, I/O error) stops collection: going on would only lose more.
    QString writeError;
    QObject::connect(&runtime, &CollectionRuntime::writeFailed, &runtime, [&writeError](const QString& message) {
        if (writeError.isEmpty() && !message.isEmpty()) {
            writeError = message;
            QCoreApplication::exit(1);
        }
    });
    if (const QString error = runtime.setCollecting(true); !error.isEmpty())
        return ctx.fail(error);
    ctx.err() << QCoreApplication::translate("CollectCommand", "collecting; stop with Ctrl+C") << Qt::endl;
    int status = QCoreApplication::exec();
    runtime.setCollecting(false);
    if (!writeError.isEmpty()) {
        ctx.fail(QCoreApplication::translate("CollectCommand", "collect stopped: %1").arg(writeError));
        status = 1;
    }
    if (const QString loss = runtime.lossSummary(); !loss.isEmpty())
        status = ctx.fail(loss);
    return status;
}

} // namespace activity
