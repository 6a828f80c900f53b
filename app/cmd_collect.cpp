#include "app/argparser.h"
#include "app/collectlock.h"
#include "app/collectors.h"
#include "app/commandcontext.h"
#include "app/commands.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QSocketNotifier>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {
int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

// SIGINT/SIGTERM end the event loop (through a self-pipe: only write() is safe in a handler).
void quitOnSignals()
{
    if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto* notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] {
        char buffer[16];
        while (::read(g_signalPipe[0], buffer, sizeof buffer) > 0) { }
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
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
    if (!ctx.database())
        return 1;
    if (parser.isSet(QStringLiteral("once")))
        return pollApiSourcesOnce(ctx);

    QString lockError;
    const auto lock = lockCollection(ctx.dataDir(), &lockError);
    if (!lock)
        return ctx.fail(lockError);
    quitOnSignals();
    auto logs = createLogCollection(ctx);
    auto apis = createApiCollection(ctx);
    for (Collection* c : { logs.get(), apis.get() }) {
        if (const QString error = c->start(); !error.isEmpty())
            return ctx.fail(error);
    }
    ctx.err() << QCoreApplication::translate("CollectCommand", "collecting; stop with Ctrl+C") << Qt::endl;
    QCoreApplication::exec();
    apis->stop();
    logs->stop();
    return 0;
}
