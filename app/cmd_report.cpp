#include "app/argparser.h"
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

// Accepts 2026-11-25 or a full ISO 8601 date-time; a bare date means midnight UTC.
std::optional<qint64> parseDate(const QString& value)
{
    QDate date = QDate::fromString(value, Qt::ISODate);
    if (date.isValid())
        return QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    QDateTime dt = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt.toSecsSinceEpoch();
}
} // namespace

int runReport(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("report"));
    for (const char* option : { "out", "from", "to", "size" })
        parser.addOption(QString::fromLatin1(option));
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(ReportText::tr("report: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    if (!parser.isSet(QStringLiteral("out")))
        return ctx.fail(ReportText::tr("report: --out DIR is required"), 2);

    TimeRange range;
    const qint64 now = ctx.clock().nowSecs();
    range.toSecs = now;
    if (parser.isSet(QStringLiteral("to"))) {
        const auto to = parseDate(parser.value(QStringLiteral("to")));
        if (!to)
            return ctx.fail(ReportText::tr("report: --to must be a date like 2026-11-25, got '%1'")
                                .arg(parser.value(QStringLiteral("to"))),
                2);
        // A bare date includes that whole day.
        range.toSecs = *to + (parser.value(QStringLiteral("to")).size() == 10 ? 86400 : 0);
    }
    range.fromSecs = range.toSecs - 30 * 86400;
    if (parser.isSet(QStringLiteral("from"))) {
        const auto from = parseDate(parser.value(QStringLiteral("from")));
        if (!from)
            return ctx.fail(ReportText::tr("report: --from must be a date like 2026-11-01, got '%1'")
                                .arg(parser.value(QStringLiteral("from"))),
                2);
        range.fromSecs = *from;
    }
    if (range.fromSecs >= range.toSecs)
        return ctx.fail(ReportText::tr("report: --from must be before --to"), 2);

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

    const QString outDir = parser.value(QStringLiteral("out"));
    if (!QDir().mkpath(outDir))
        return ctx.fail(ReportText::tr("report: cannot create --out directory %1").arg(outDir));
    Database* db = ctx.database();
    if (!db)
        return 1;
    if (const QString error = writeReport(ctx.databasePath(), range, size, outDir); !error.isEmpty())
        return ctx.fail(error);
    ctx.out() << ReportText::tr("report written to %1").arg(outDir) << Qt::endl;
    return 0;
}

} // namespace activity
