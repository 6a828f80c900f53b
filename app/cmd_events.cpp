#include "app/argparser.h"
#include "app/cliranges.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/events/eventservice.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <limits>

namespace activity {

namespace {
struct EventsText {
    Q_DECLARE_TR_FUNCTIONS(EventsText)
};

QString iso(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject toJson(const ProjectEvent& e, bool withId)
{
    QJsonObject o { { QStringLiteral("time"), iso(e.ts) }, { QStringLiteral("kind"), e.kind },
        { QStringLiteral("source"), e.source }, { QStringLiteral("title"), e.title },
        { QStringLiteral("url"), e.url.isEmpty() ? QJsonValue() : QJsonValue(e.url) } };
    if (withId)
        o.insert(QStringLiteral("id"), e.id);
    return o;
}

// Plain text, one event a line: TIME KIND SOURCE TITLE [URL], tab-separated (tabs and newlines in text made spaces).
QString line(const QStringList& fields)
{
    QStringList clean;
    for (const QString& f : fields)
        clean << QString(f).replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
    while (!clean.isEmpty() && clean.last().isEmpty())
        clean.removeLast();
    return clean.join(QLatin1Char('\t'));
}

int add(CommandContext& ctx, EventService& service, const QStringList& args)
{
    ArgParser parser(QStringLiteral("notes add"));
    parser.addOption(QStringLiteral("at"));
    parser.addOption(QStringLiteral("text"));
    parser.addOption(QStringLiteral("url"));
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(EventsText::tr("notes add: unexpected argument '%1' (the text goes in --text)")
                            .arg(parser.positionals().first()),
            2);
    if (!parser.isSet(QStringLiteral("at")))
        return ctx.fail(
            EventsText::tr("notes add: --at TIME is required (like 2026-11-25 or 2026-11-25T14:30:00Z)"), 2);
    if (!parser.isSet(QStringLiteral("text")))
        return ctx.fail(EventsText::tr("notes add: --text TEXT is required"), 2);
    const QString atText = parser.value(QStringLiteral("at"));
    const auto at = parseDateOption(atText);
    if (!at)
        return ctx.fail(
            EventsText::tr(
                "notes add: --at must be a date like 2026-11-25 or a time like 2026-11-25T14:30:00Z, got '%1'")
                .arg(atText),
            2);
    const Result<qint64> id
        = service.addNote(*at, parser.value(QStringLiteral("text")), parser.value(QStringLiteral("url")));
    if (!id)
        return ctx.fail(EventsText::tr("notes add: %1").arg(id.error()), 2);
    ctx.out() << EventsText::tr("added note %1 at %2").arg(*id).arg(iso(*at)) << Qt::endl;
    return 0;
}

int list(CommandContext& ctx, EventService& service, const QStringList& args)
{
    const bool json = args == QStringList { QStringLiteral("--json") };
    if (!args.isEmpty() && !json)
        return ctx.fail(EventsText::tr("notes list: expected [--json], got '%1'").arg(args.join(QLatin1Char(' '))), 2);
    const Result<QList<ProjectEvent>> notes = service.notes();
    if (!notes)
        return ctx.fail(EventsText::tr("notes list: %1").arg(notes.error()));
    if (json) {
        QJsonArray array;
        for (const ProjectEvent& n : *notes)
            array.append(toJson(n, true));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (notes->isEmpty())
        ctx.out() << EventsText::tr("no note yet: add one with `notes add --at TIME --text TEXT`") << Qt::endl;
    for (const ProjectEvent& n : *notes)
        ctx.out() << line({ QString::number(n.id), iso(n.ts), n.title, n.url }) << Qt::endl;
    return 0;
}

int remove(CommandContext& ctx, EventService& service, const QStringList& args)
{
    if (args.size() != 1)
        return ctx.fail(EventsText::tr("notes remove: expected ID (see `notes list`)"), 2);
    bool ok = false;
    const qint64 id = args.first().toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.fail(
            EventsText::tr("notes remove: ID must be a note's number (see `notes list`), got '%1'").arg(args.first()),
            2);
    if (const Status removed = service.removeNote(id); !removed)
        return ctx.fail(EventsText::tr("notes remove: %1").arg(removed.error()), 2);
    ctx.out() << EventsText::tr("removed note %1").arg(id) << Qt::endl;
    return 0;
}
} // namespace

int runNotes(CommandContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub != QLatin1String("add") && sub != QLatin1String("list") && sub != QLatin1String("remove"))
        return ctx.fail(sub.isEmpty() ? EventsText::tr("notes: missing subcommand (add, list or remove)")
                                      : EventsText::tr("notes: unknown subcommand '%1' (add, list or remove)").arg(sub),
            2);
    DbWriter* writer = ctx.database() ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    EventService service(*writer, ctx.clock());
    if (sub == QLatin1String("add"))
        return add(ctx, service, args.mid(1));
    if (sub == QLatin1String("list"))
        return list(ctx, service, args.mid(1));
    return remove(ctx, service, args.mid(1));
}

int runEvents(CommandContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    if (sub != QLatin1String("list"))
        return ctx.fail(sub.isEmpty() ? EventsText::tr("events: missing subcommand (list)")
                                      : EventsText::tr("events: unknown subcommand '%1' (list)").arg(sub),
            2);
    ArgParser parser(QStringLiteral("events list"));
    parser.addOption(QStringLiteral("from"));
    parser.addOption(QStringLiteral("to"));
    parser.addOption(QStringLiteral("json"), false);
    if (const QString error = parser.parse(args.mid(1)); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(EventsText::tr("events list: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    // Without --from and --to: every event, notes in the future included.
    qint64 from = 0;
    qint64 to = std::numeric_limits<qint64>::max();
    for (const char* option : { "from", "to" }) {
        const QString name = QString::fromLatin1(option);
        if (!parser.isSet(name))
            continue;
        const QString text = parser.value(name);
        const auto at = parseDateOption(text);
        if (!at)
            return ctx.fail(EventsText::tr("events list: --%1 must be a date like 2026-11-25 or a time like "
                                           "2026-11-25T14:30:00Z, got '%2'")
                                .arg(name, text),
                2);
        // A bare --to date includes that whole day, as `report` reads it.
        (name == QLatin1String("from") ? from : to)
            = *at + (name == QLatin1String("to") && text.size() == 10 ? 86400 : 0);
    }
    if (from >= to)
        return ctx.fail(EventsText::tr("events list: --from must be before --to"), 2);
    DbWriter* writer = ctx.database() ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    const Result<QList<ProjectEvent>> events = EventService(*writer, ctx.clock()).between(from, to);
    if (!events)
        return ctx.fail(EventsText::tr("events list: %1").arg(events.error()));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ProjectEvent& e : *events)
            array.append(toJson(e, e.id > 0 && e.kind == QLatin1String(ProjectEvents::kNote)));
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (events->isEmpty())
        ctx.out() << EventsText::tr("no event in that range") << Qt::endl;
    for (const ProjectEvent& e : *events)
        ctx.out() << line({ iso(e.ts), e.kind, e.source, e.title, e.url }) << Qt::endl;
    return 0;
}

} // namespace activity
