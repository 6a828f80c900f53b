// Commands whose collectors arrive with later issues (logs, APIs, window). Each says so plainly.
#include "app/commandcontext.h"
#include "app/commands.h"

#include <QCoreApplication>

namespace {
int notYet(CommandContext& ctx, const char* command)
{
    return ctx.fail(QCoreApplication::translate("Commands", "%1: not available in this build yet")
                        .arg(QString::fromLatin1(command)),
        3);
}
} // namespace

int runImport(CommandContext& ctx, const QStringList&)
{
    return notYet(ctx, "import");
}
int runGeoip(CommandContext& ctx, const QStringList&)
{
    return notYet(ctx, "geoip");
}
