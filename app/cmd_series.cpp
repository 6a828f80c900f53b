#include "app/argparser.h"
#include "app/cliranges.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/query/seriescatalogue.h"
#include "core/sources/validators.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace activity {

namespace {
struct SeriesText {
    Q_DECLARE_TR_FUNCTIONS(SeriesText)
};

QJsonObject toJson(const CatalogueEntry& e)
{
    return { { QStringLiteral("id"), e.id }, { QStringLiteral("name"), e.name }, { QStringLiteral("unit"), e.unit } };
}

// Names carry text from logs (paths): one line each, whatever a path holds.
QString oneLine(QString text)
{
    for (QChar& c : text)
        if (c.category() == QChar::Other_Control)
            c = QChar(0xFFFD);
    return text;
}

QString iso(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

int list(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("series list"));
    parser.addOption(QStringLiteral("json"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(SeriesText::tr("series list: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    Database* db = ctx.database();
    if (!db)
        return 1;
    const QList<CatalogueEntry> entries = SeriesCatalogue::list(*db);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const CatalogueEntry& e : entries)
            array.append(toJson(e));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (entries.isEmpty())
        ctx.out() << SeriesText::tr("no series yet: add a source, or import a log") << Qt::endl;
    for (const CatalogueEntry& e : entries)
        ctx.out() << e.id << "\t" << oneLine(e.name)
                  << (e.unit.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(e.unit)) << Qt::endl;
    return 0;
}

// Without --step: buckets of 5 minutes up to a day, hours up to 31 days, days beyond.
qint64 defaultStep(const TimeRange& range)
{
    return range.length() <= 86400 ? 300 : range.length() <= 31 * 86400 ? 3600 : 86400;
}

int get(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("series get"));
    for (const char* option : { "from", "to", "step" })
        parser.addOption(QString::fromLatin1(option));
    parser.addOption(QStringLiteral("json"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (parser.positionals().size() != 1)
        return ctx.fail(parser.positionals().isEmpty()
                ? SeriesText::tr("series get: missing ID (see `series list`)")
                : SeriesText::tr("series get: unexpected argument '%1'").arg(parser.positionals().at(1)),
            2);
    TimeRange range;
    if (const QString error = parseRangeOptions(parser, ctx.clock().nowSecs(), 7 * 86400, &range); !error.isEmpty())
        return ctx.fail(error, 2);
    qint64 step = defaultStep(range);
    if (parser.isSet(QStringLiteral("step"))) {
        const auto secs = Validators::parseDurationSecs(parser.value(QStringLiteral("step")));
        if (!secs)
            return ctx.fail(SeriesText::tr("series get: --step must be a duration like 5m, 1h or 1d, got '%1'")
                                .arg(parser.value(QStringLiteral("step"))),
                2);
        step = *secs;
    }
    if (range.length() / step > 100'000)
        return ctx.fail(SeriesText::tr("series get: --step %1 makes more than 100000 points over this range")
                            .arg(parser.value(QStringLiteral("step"))),
            2);
    Database* db = ctx.database();
    if (!db)
        return 1;
    const SeriesValues values = SeriesCatalogue::get(*db, parser.positionals().first(), range, step);
    if (!values.error.isEmpty())
        return ctx.fail(QStringLiteral("series get: ") + values.error, 2);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject o = toJson(values.entry);
        o.insert(QStringLiteral("from"), iso(range.fromSecs));
        o.insert(QStringLiteral("to"), iso(range.toSecs));
        o.insert(QStringLiteral("step"), values.step);
        QJsonArray points;
        for (const Sample& p : values.points)
            points.append(
                QJsonObject { { QStringLiteral("timestamp"), iso(p.ts) }, { QStringLiteral("value"), p.value } });
        o.insert(QStringLiteral("points"), points);
        ctx.out() << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    ctx.out() << "# " << oneLine(values.entry.name)
              << (values.entry.unit.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(values.entry.unit)) << Qt::endl;
    for (const Sample& p : values.points)
        ctx.out() << iso(p.ts) << "\t" << QString::number(p.value, 'g', 15) << Qt::endl;
    return 0;
}
} // namespace

int runSeries(CommandContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("list"))
        return list(ctx, args.mid(1));
    if (sub == QLatin1String("get"))
        return get(ctx, args.mid(1));
    return ctx.fail(sub.isEmpty() ? SeriesText::tr("series: missing subcommand (list or get)")
                                  : SeriesText::tr("series: unknown subcommand '%1' (list or get)").arg(sub),
        2);
}

} // namespace activity
