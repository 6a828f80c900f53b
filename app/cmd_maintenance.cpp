#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/query/healthquery.h"
#include "core/secrets/missingsecrets.h"
#include "core/secrets/tokenvault.h"
#include "core/storage/database.h"
#include "core/storage/maintenance.h"
#include "core/storage/storecopy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <array>

namespace activity {

namespace {
struct MaintenanceCommandText {
    Q_DECLARE_TR_FUNCTIONS(MaintenanceCommandText)
};

// Parses "COMMAND FILE" with no options.
std::optional<QString> oneFile(CommandContext& ctx, const char* command, const QStringList& args, int* status)
{
    ArgParser parser(QString::fromLatin1(command));
    if (const QString error = parser.parse(args); !error.isEmpty()) {
        *status = ctx.fail(error, 2);
        return std::nullopt;
    }
    if (parser.positionals().size() != 1) {
        *status
            = ctx.fail(MaintenanceCommandText::tr("%1: give exactly one FILE").arg(QString::fromLatin1(command)), 2);
        return std::nullopt;
    }
    return parser.positionals().first();
}
} // namespace

int runStats(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("stats"));
    parser.addOption(QStringLiteral("json"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(
            MaintenanceCommandText::tr("stats: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    if (!ctx.database())
        return 1;
    const Maintenance::Stats stats = Maintenance::stats(ctx.databasePath());
    // Per log source what Health shows: lines received, stored, rejected, dropped (queue full), denied senders.
    const HealthReport health = HealthQuery::read(*ctx.database(), 0, false);
    const QList<ListenerHealth>& sources = health.listeners;
    const auto figures = [](const ListenerHealth& l) {
        return std::array<std::pair<const char*, qint64>, 5> { { { "received", l.received() },
            { "stored", l.counter("stored") }, { "rejected", l.counter("rejected") }, { "dropped", l.dropped() },
            { "denied", l.counter("denied") } } };
    };
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject tables;
        for (const auto& [name, rows] : stats.rowCounts)
            tables.insert(name, rows);
        QJsonArray perSource;
        for (const ListenerHealth& l : sources) {
            QJsonObject s { { QStringLiteral("id"), l.sourceId }, { QStringLiteral("name"), l.name },
                { QStringLiteral("type"), l.type } };
            for (const auto& [name, value] : figures(l))
                s.insert(QString::fromLatin1(name), value);
            perSource.append(s);
        }
        QJsonObject o;
        o.insert(QStringLiteral("sources"), perSource);
        o.insert(QStringLiteral("requests_counted"), HealthQuery::requestsCounted(*ctx.database()));
        o.insert(QStringLiteral("database"), ctx.storeShown());
        o.insert(QStringLiteral("schema_version"), stats.schemaVersion);
        o.insert(QStringLiteral("database_bytes"), stats.databaseBytes);
        o.insert(QStringLiteral("tables"), tables);
        QJsonArray collectors;
        for (const CollectorHealth& c : health.collectors)
            collectors.append(
                QJsonObject { { QStringLiteral("name"), c.name }, { QStringLiteral("version"), c.version },
                    { QStringLiteral("host"), c.host }, { QStringLiteral("heartbeat_at"), c.heartbeatAt },
                    { QStringLiteral("sources"), QJsonArray::fromStringList(c.sources) } });
        o.insert(QStringLiteral("collectors"), collectors);
        ctx.out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return 0;
    }
    ctx.out() << MaintenanceCommandText::tr("database:       %1").arg(ctx.storeShown()) << Qt::endl
              << MaintenanceCommandText::tr("schema version: %1").arg(stats.schemaVersion) << Qt::endl
              << MaintenanceCommandText::tr("size:           %1 bytes").arg(stats.databaseBytes) << Qt::endl;
    for (const auto& [name, rows] : stats.rowCounts)
        ctx.out() << QStringLiteral("  %1 %2").arg(name, -16).arg(rows) << Qt::endl;
    // The requests table keeps raw rows for the retention only: the count of every request is in the rollups.
    ctx.out() << MaintenanceCommandText::tr("requests counted: %1 (raw rows are kept for the retention, totals for "
                                            "ever)")
                     .arg(HealthQuery::requestsCounted(*ctx.database()))
              << Qt::endl;
    if (!health.collectors.isEmpty()) {
        ctx.out() << MaintenanceCommandText::tr(
            "collectors:     name, version, host, last heartbeat, API sources polled")
                  << Qt::endl;
        for (const CollectorHealth& c : health.collectors)
            ctx.out() << QStringLiteral("  %1 %2 %3 %4 %5")
                             .arg(c.name, c.version, c.host,
                                 QDateTime::fromSecsSinceEpoch(c.heartbeatAt, Qt::UTC).toString(Qt::ISODate),
                                 c.sources.isEmpty() ? QStringLiteral("-") : c.sources.join(QLatin1Char(',')))
                      << Qt::endl;
    }
    if (!sources.isEmpty()) {
        ctx.out() << MaintenanceCommandText::tr("log sources:    received, stored, rejected, dropped, denied")
                  << Qt::endl;
        for (const ListenerHealth& l : sources) {
            QStringList values;
            for (const auto& [name, value] : figures(l))
                values << QString::number(value);
            // The name is the user's (or a syslog tag's): printed as given, one line.
            QString name = l.name;
            name.replace(QLatin1Char('\n'), QLatin1Char(' '));
            ctx.out() << QStringLiteral("  %1 %2 (%3): %4")
                             .arg(l.sourceId)
                             .arg(name, l.type, values.join(QStringLiteral(", ")))
                      << Qt::endl;
        }
    }
    return 0;
}

int runBackup(CommandContext& ctx, const QStringList& args)
{
    int status = 0;
    const auto file = oneFile(ctx, "backup", args, &status);
    if (!file)
        return status;
    if (!ctx.database())
        return 1;
    if (ctx.isPostgres()) { // a team store is backed up into a SQLite file (pg_dump is the administrator's way)
        if (QFileInfo::exists(*file))
            return ctx.fail(MaintenanceCommandText::tr("backup: %1 exists already").arg(*file));
        const auto copied = StoreCopy::run(ctx.databasePath(), QStringLiteral("sqlite:") + *file, {});
        if (!copied)
            return ctx.fail(QStringLiteral("backup: %1").arg(copied.error()));
        ctx.out() << MaintenanceCommandText::tr("backed up %1 to %2").arg(ctx.storeShown(), *file) << Qt::endl;
        return 0;
    }
    if (const QString error = Maintenance::backup(ctx.databasePath(), *file); !error.isEmpty())
        return ctx.fail(error);
    ctx.out() << MaintenanceCommandText::tr("backed up %1 to %2").arg(ctx.storeShown(), *file) << Qt::endl;
    return 0;
}

int runRestore(CommandContext& ctx, const QStringList& args)
{
    int status = 0;
    const auto file = oneFile(ctx, "restore", args, &status);
    if (!file)
        return status;
    if (!QFileInfo::exists(*file))
        return ctx.fail(MaintenanceCommandText::tr("restore: %1 does not exist").arg(*file));
    if (ctx.isPostgres())
        return ctx.fail(MaintenanceCommandText::tr("restore: a team store is not replaced in place; copy the backup "
                                                   "into an empty database with `store migrate --from sqlite:%1 --to "
                                                   "URL`")
                            .arg(*file),
            2);
    if (!ctx.database())
        return 1;
    if (const QString error = Maintenance::restore(ctx.databasePath(), *file); !error.isEmpty())
        return ctx.fail(error);
    ctx.out() << MaintenanceCommandText::tr("restored %1 from %2").arg(ctx.storeShown(), *file) << Qt::endl;
    // Secrets stay behind when data moves: say which sources and rules need theirs given again.
    try {
        const auto vault = TokenVault::createDefault(ctx.dataDir());
        const QList<MissingSecret> missing = MissingSecrets::find(*ctx.database(), *vault);
        if (!missing.isEmpty()) {
            ctx.out() << MaintenanceCommandText::tr(
                "%n source(s) and rule(s) need their secrets on this machine (backups never hold them):", nullptr,
                int(missing.size()))
                      << Qt::endl;
            for (const MissingSecret& m : missing)
                ctx.out() << "  " << m.what << Qt::endl << "    " << m.how << Qt::endl;
        }
    } catch (const DatabaseError& e) {
        return ctx.fail(e.message());
    }
    return 0;
}

} // namespace activity
