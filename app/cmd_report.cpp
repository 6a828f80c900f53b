#include "app/argparser.h"
#include "app/cliranges.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "app/reportparts.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QRegularExpression>

namespace activity {

namespace {
struct ReportText {
    Q_DECLARE_TR_FUNCTIONS(ReportText)
};

} // namespace

int runReport(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("report"));
    for (const char* option : { "out", "from", "to", "size", "agents" })
        parser.addOption(QString::fromLatin1(option));
    parser.addOption(QStringLiteral("compare"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(ReportText::tr("report: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    if (!parser.isSet(QStringLiteral("out")))
        return ctx.fail(ReportText::tr("report: --out DIR is required"), 2);

    TimeRange range;
    if (const QString error = parseRangeOptions(parser, ctx.clock().nowSecs(), 30 * 86400, &range); !error.isEmpty())
        return ctx.fail(error, 2);

    QSize size(1600, 900);
    if (parser.isSet(QStringLiteral("size"))) {
        static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const auto m = re.match(parser.value(QStringLiteral("size")));
        if (!m.hasMatch() || m.captured(1).toInt() < 320 || m.captured(2).toInt() < 200 || m.captured(1).toInt() > 8000
            || m.captured(2).toInt() > 8000)
            return ctx.fail(
                ReportText::tr("report: --size must be WIDTHxHEIGHT between 320x200 and 8000x8000, got '%1'")
                    .arg(parser.value(QStringLiteral("size"))),
                2);
        size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }

    AgentScope agents = AgentScope::All; // under all, every file keeps its meaning from before classification
    if (parser.isSet(QStringLiteral("agents"))) {
        const auto scope = agentScopeFromName(parser.value(QStringLiteral("agents")));
        if (!scope)
            return ctx.fail(ReportText::tr("report: --agents must be humans, bots or all, got '%1'")
                                .arg(parser.value(QStringLiteral("agents"))),
                2);
        agents = *scope;
    }

    // Downloads are people's unless --agents names a scope (the traffic files' default, all, keeps older meanings).
    const AgentScope downloads = parser.isSet(QStringLiteral("agents")) ? agents : AgentScope::Humans;
    const QString outDir = parser.value(QStringLiteral("out"));
    if (!QDir().mkpath(outDir))
        return ctx.fail(ReportText::tr("report: cannot create --out directory %1").arg(outDir));
    Database* db = ctx.database();
    if (!db)
        return 1;
    if (const QString error = writeReport(
            ctx.databasePath(), range, size, outDir, agents, parser.isSet(QStringLiteral("compare")), downloads);
        !error.isEmpty())
        return ctx.fail(error);
    ctx.out() << ReportText::tr("report written to %1").arg(outDir) << Qt::endl;
    return 0;
}

} // namespace activity
