#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/downloads/downloadsizestore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <algorithm>

namespace activity {

namespace {
struct DownloadsText {
    Q_DECLARE_TR_FUNCTIONS(DownloadsText)
};

int size(CommandContext& ctx, DbWriter& writer, const QStringList& args)
{
    if (args.size() != 2)
        return ctx.fail(DownloadsText::tr("downloads size: expected PATH BYTES (or PATH none to forget it)"), 2);
    const QString path = args.at(0);
    if (!path.startsWith(QLatin1Char('/')))
        return ctx.fail(
            DownloadsText::tr("downloads size: PATH is a request path starting with '/', got '%1'").arg(path), 2);
    try {
        if (args.at(1) == QLatin1String("none")) {
            if (!writer.call([&](Database& db) { return DownloadSizeStore(db).remove(path); }))
                return ctx.fail(DownloadsText::tr("downloads size: no size was given for %1").arg(path), 2);
            ctx.out() << DownloadsText::tr("%1: size forgotten (read from the log again)").arg(path) << Qt::endl;
            return 0;
        }
        bool ok = false;
        const qint64 bytes = args.at(1).toLongLong(&ok);
        if (!ok || bytes <= 0)
            return ctx.fail(
                DownloadsText::tr("downloads size: BYTES must be a whole number above 0, got '%1'").arg(args.at(1)), 2);
        const qint64 now = ctx.clock().nowSecs();
        writer.run([&](Database& db) { DownloadSizeStore(db).set(path, bytes, now); });
        ctx.out() << DownloadsText::tr("%1 is %2 bytes").arg(path).arg(bytes) << Qt::endl;
        return 0;
    } catch (const DatabaseError& e) {
        return ctx.fail(DownloadsText::tr("downloads size: %1").arg(e.message()));
    }
}

int sizes(CommandContext& ctx, DbWriter& writer, const QStringList& args)
{
    if (!args.isEmpty())
        return ctx.fail(DownloadsText::tr("downloads sizes: unexpected argument '%1'").arg(args.first()), 2);
    try {
        const QHash<QString, qint64> all = writer.queryValue([](Database& db) { return DownloadSizeStore(db).all(); });
        QStringList paths = all.keys();
        std::sort(paths.begin(), paths.end());
        if (paths.isEmpty())
            ctx.out() << DownloadsText::tr("no size given: sizes come from the log (give one with `downloads size "
                                           "PATH BYTES`)")
                      << Qt::endl;
        for (const QString& path : paths)
            ctx.out() << path << '\t' << all.value(path) << Qt::endl;
        return 0;
    } catch (const DatabaseError& e) {
        return ctx.fail(DownloadsText::tr("downloads sizes: %1").arg(e.message()));
    }
}
} // namespace

int runDownloads(CommandContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub != QLatin1String("size") && sub != QLatin1String("sizes"))
        return ctx.fail(sub.isEmpty()
                ? DownloadsText::tr("downloads: missing subcommand (size or sizes)")
                : DownloadsText::tr("downloads: unknown subcommand '%1' (size or sizes)").arg(sub),
            2);
    DbWriter* writer = ctx.database() ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    return sub == QLatin1String("size") ? size(ctx, *writer, args.mid(1)) : sizes(ctx, *writer, args.mid(1));
}

} // namespace activity
