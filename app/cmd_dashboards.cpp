#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/dashboards/dashboardservice.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace activity {

namespace {
struct DashboardsText {
    Q_DECLARE_TR_FUNCTIONS(DashboardsText)
};

std::optional<qint64> idArg(CommandContext& ctx, const QString& command, const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        ctx.fail(
            DashboardsText::tr("%1: ID must be a page number (see `dashboards list`), got '%2'").arg(command, text), 2);
        return std::nullopt;
    }
    return id;
}
} // namespace

int runDashboards(CommandContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    const auto usage = [&](const QString& command, const QString& expected) {
        return ctx.fail(DashboardsText::tr("%1: expected %2").arg(command, expected), 2);
    };
    if (sub != QLatin1String("list") && sub != QLatin1String("export") && sub != QLatin1String("import")
        && sub != QLatin1String("remove"))
        return ctx.fail(sub.isEmpty()
                ? DashboardsText::tr("dashboards: missing subcommand (list, export, import or remove)")
                : DashboardsText::tr("dashboards: unknown subcommand '%1' (list, export, import or remove)").arg(sub),
            2);
    const bool json = sub == QLatin1String("list") && rest == QStringList { QStringLiteral("--json") };
    if (sub == QLatin1String("list") && !rest.isEmpty() && !json)
        return usage(QStringLiteral("dashboards list"), QStringLiteral("[--json]"));
    if (sub == QLatin1String("export") && rest.size() != 2)
        return usage(QStringLiteral("dashboards export"), QStringLiteral("ID FILE"));
    if ((sub == QLatin1String("import") || sub == QLatin1String("remove")) && rest.size() != 1)
        return usage(QStringLiteral("dashboards ") + sub,
            sub == QLatin1String("import") ? QStringLiteral("FILE") : QStringLiteral("ID"));
    DbWriter* writer = ctx.database() ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    DashboardService service(*writer, ctx.clock());
    if (sub == QLatin1String("list")) {
        QJsonArray array;
        const QList<DashboardSpec> pages = service.list();
        for (const DashboardSpec& d : pages) {
            if (json)
                array.append(QJsonObject { { QStringLiteral("id"), d.id }, { QStringLiteral("name"), d.name },
                    { QStringLiteral("panels"), int(d.panels.size()) } });
            else
                ctx.out() << d.id << "\t" << d.name << "\t" << DashboardsText::tr("%1 panels").arg(d.panels.size())
                          << Qt::endl;
        }
        if (json)
            ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        else if (pages.isEmpty())
            ctx.out() << DashboardsText::tr("no custom page yet: add one in the window (New page), or import a file")
                      << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("export")) {
        const auto id = idArg(ctx, QStringLiteral("dashboards export"), rest.first());
        if (!id)
            return 2;
        const std::optional<DashboardSpec> spec = service.get(*id);
        if (!spec)
            return ctx.fail(DashboardsText::tr("dashboards export: no page %1").arg(*id), 2);
        QSaveFile file(rest.at(1));
        if (!file.open(QIODevice::WriteOnly) || file.write(DashboardService::exportJson(*spec)) < 0 || !file.commit())
            return ctx.fail(
                DashboardsText::tr("dashboards export: cannot write %1: %2").arg(rest.at(1), file.errorString()));
        ctx.out() << DashboardsText::tr("exported page %1 (%2) to %3").arg(*id).arg(spec->name, rest.at(1)) << Qt::endl;
        return 0;
    }
    if (sub == QLatin1String("import")) {
        QFile file(rest.first());
        if (!file.open(QIODevice::ReadOnly))
            return ctx.fail(
                DashboardsText::tr("dashboards import: cannot read %1: %2").arg(rest.first(), file.errorString()), 2);
        const Result<DashboardSpec> imported = service.importJson(file.read(8 * 1024 * 1024));
        if (!imported)
            return ctx.fail(DashboardsText::tr("dashboards import: %1: %2").arg(rest.first(), imported.error()), 2);
        ctx.out() << DashboardsText::tr("imported page %1: %2").arg(imported->id).arg(imported->name) << Qt::endl;
        return 0;
    }
    const auto id = idArg(ctx, QStringLiteral("dashboards remove"), rest.first());
    if (!id)
        return 2;
    if (const Status removed = service.remove(*id); !removed)
        return ctx.fail(QStringLiteral("dashboards remove: ") + removed.error(), 2);
    ctx.out() << DashboardsText::tr("removed page %1").arg(*id) << Qt::endl;
    return 0;
}

} // namespace activity
