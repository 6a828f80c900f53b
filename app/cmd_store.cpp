#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/storage/database.h"
#include "core/storage/postgres/pgschema.h"
#include "core/storage/storecopy.h"
#include "core/storage/storeurl.h"

#include <QCoreApplication>
#include <unistd.h>

namespace activity {

namespace {
struct StoreCommandText {
    Q_DECLARE_TR_FUNCTIONS(StoreCommand)
};

int storeInit(CommandContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("store init"));
    if (const QString error = p.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (p.positionals().size() != 1)
        return ctx.fail(StoreCommandText::tr("store init: give the store's URL (postgresql://USER@HOST:PORT/DB)"), 2);
    const QString url = p.positionals().first();
    if (!StoreUrl::isPostgres(url))
        return ctx.fail(StoreCommandText::tr("store init: '%1' is not a PostgreSQL URL (a SQLite file is made when "
                                             "first used)")
                            .arg(StoreUrl::shown(url)),
            2);
    try {
        Database db(url);
        const auto outcome = PgSchema::init(db);
        if (!outcome)
            return ctx.fail(outcome.error());
        ctx.out() << (outcome->created ? StoreCommandText::tr("created the schema (version %1) in %2")
                                       : StoreCommandText::tr("%2 has the schema already (version %1)"))
                         .arg(outcome->version)
                         .arg(db.path())
                  << Qt::endl;
        if (outcome->rolesMade)
            ctx.out() << StoreCommandText::tr("roles %1 (writes) and %2 (reads only) are ready: GRANT one to each "
                                              "login")
                             .arg(QLatin1String(PgSchema::kCollectorRole), QLatin1String(PgSchema::kViewerRole))
                      << Qt::endl;
        else {
            ctx.out() << StoreCommandText::tr("this user may not make roles; an administrator runs:") << Qt::endl;
            for (const QString& grant : outcome->grants)
                ctx.out() << "  " << grant << ';' << Qt::endl;
        }
    } catch (const DatabaseError& e) {
        return ctx.fail(e.message());
    }
    return 0;
}

int storeMigrate(CommandContext& ctx, const QStringList& args)
{
    ArgParser p(QStringLiteral("store migrate"));
    p.addOption(QStringLiteral("from"));
    p.addOption(QStringLiteral("to"));
    if (const QString error = p.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    for (const char* option : { "from", "to" }) {
        const QString name = QString::fromLatin1(option);
        if (!p.isSet(name))
            return ctx.fail(StoreCommandText::tr("store migrate: --%1 URL is needed").arg(name), 2);
        if (const QString problem = StoreUrl::problem(p.value(name)); !problem.isEmpty())
            return ctx.fail(QStringLiteral("store migrate: --%1: %2").arg(name, problem), 2);
    }
    // A bar redrawn in place on a terminal; one line per table in a log.
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    QString lastTable;
    const auto copied = StoreCopy::run(
        p.value(QStringLiteral("from")), p.value(QStringLiteral("to")), [&](const StoreCopy::Progress& at) {
            if (!terminal) {
                if (at.table != lastTable)
                    ctx.err() << StoreCommandText::tr("copying %1").arg(at.table) << Qt::endl;
                lastTable = at.table;
                return;
            }
            const int width = 30;
            const int filled = at.totalRows > 0 ? int(width * at.doneRows / at.totalRows) : width;
            ctx.err() << QStringLiteral("\r[%1%2] %3 of %4 rows  %5")
                             .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char(' ')))
                             .arg(at.doneRows)
                             .arg(at.totalRows)
                             .arg(at.table.leftJustified(20))
                      << Qt::flush;
        });
    if (terminal)
        ctx.err() << Qt::endl;
    if (!copied)
        return ctx.fail(QStringLiteral("store migrate: %1").arg(copied.error()));
    for (const StoreCopy::TableCount& t : copied->tables)
        ctx.out() << QStringLiteral("%1 %2 rows").arg(t.table.leftJustified(16)).arg(t.rows) << Qt::endl;
    ctx.out() << StoreCommandText::tr("copied %1 rows from %2 to %3; every table's rows counted the same on both")
                     .arg(copied->totalRows)
                     .arg(StoreUrl::shown(p.value(QStringLiteral("from"))),
                         StoreUrl::shown(p.value(QStringLiteral("to"))))
              << Qt::endl;
    return 0;
}
} // namespace

int runStore(CommandContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("init"))
        return storeInit(ctx, args.mid(1));
    if (sub == QLatin1String("migrate"))
        return storeMigrate(ctx, args.mid(1));
    if (sub.isEmpty())
        return ctx.fail(StoreCommandText::tr("store: give init or migrate"), 2);
    return ctx.fail(StoreCommandText::tr("store: unknown subcommand '%1' (init or migrate)").arg(sub), 2);
}

} // namespace activity
