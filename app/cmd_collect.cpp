#include "app/argparser.h"
#include "app/collectlock.h"
#include "app/collectors.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "app/quitsignals.h"

#include <QCoreApplication>
#include <QLockFile>

namespace activity {

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
    if (!ctx.database())
        return 1;
    if (parser.isSet(QStringLiteral("once"))) {
        QString lockError;
        const auto lock = lockCollection(ctx.dataDir(), &lockError); // a running collector follows the files
        const int logs = lock ? readLogFilesOnce(ctx) : 0;
        if (!lock)
            ctx.err() << "activity-dashboard: " << lockError << QStringLiteral("; log files left to it") << Qt::endl;
        const int apis = pollApiSourcesOnce(ctx);
        const int alerts = evaluateAlertsOnce(ctx); // after the polls: rules see what they stored
        return apis != 0 ? apis : logs != 0 ? logs : alerts;
    }

    QString lockError;
    const auto lock = lockCollection(ctx.dataDir(), &lockError);
    if (!lock)
        return ctx.fail(lockError);
    quitOnSignals();
    auto logs = createLogCollection(ctx);
    auto apis = createApiCollection(ctx);
    auto alerts = createAlertCollection(ctx);
    // A write that fails (disk full, read-only file, I/O error) stops collection: going on would only lose more.
    QString writeError;
    for (Collection* c : { logs.get(), apis.get() }) {
        c->setWriteErrorHandler([&writeError](const QString& message) {
            if (writeError.isEmpty() && !message.isEmpty()) {
                writeError = message;
                QCoreApplication::exit(1);
            }
        });
    }
    for (Collection* c : { logs.get(), apis.get(), alerts.get() }) {
        if (const QString error = c->start(); !error.isEmpty())
            return ctx.fail(error);
    }
    ctx.err() << QCoreApplication::translate("CollectCommand", "collecting; stop with Ctrl+C") << Qt::endl;
    int status = QCoreApplication::exec();
    alerts->stop();
    apis->stop();
    logs->stop();
    if (!writeError.isEmpty()) {
        ctx.fail(QCoreApplication::translate("CollectCommand", "collect stopped: %1").arg(writeError));
        status = 1;
    }
    if (const QString loss = logs->lossSummary(); !loss.isEmpty())
        status = ctx.fail(loss);
    return status;
}

} // namespace activity
