#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/sourcesecrets.h"
#include "core/sources/sourceservice.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>

namespace activity {

namespace {
struct SourcesText {
    Q_DECLARE_TR_FUNCTIONS(SourcesText)
};

QString isoOrDash(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate) : QStringLiteral("-");
}

// The data folder's token vault, lent to the source service for one command: secrets typed on the command line
// (an API key in a URL, a credential header) go there, and leave with their source.
class LentVault {
public:
    LentVault(CommandContext& ctx, SourceService* service)
        : m_service(service)
        , m_vault(TokenVault::createDefault(ctx.dataDir()))
    {
        if (m_service)
            m_service->setTokenVault(m_vault.get());
    }
    ~LentVault()
    {
        if (m_service)
            m_service->setTokenVault(nullptr);
    }
    LentVault(const LentVault&) = delete;
    LentVault& operator=(const LentVault&) = delete;

private:
    SourceService* m_service;
    std::unique_ptr<TokenVault> m_vault;
};

int add(CommandContext& ctx, const QStringList& args)
{
    if (args.isEmpty())
        return ctx.fail(SourcesText::tr("sources add: missing TYPE (one of: %1)")
                            .arg(ctx.registry().typeNames().join(QStringLiteral(", "))),
            2);
    const QString type = args.first();
    const SourceTypeSpec* spec = ctx.registry().find(type);
    if (!spec)
        return ctx.fail(SourcesText::tr("sources add: unknown source type '%1' (known: %2)")
                            .arg(type, ctx.registry().typeNames().join(QStringLiteral(", "))),
            2);
    ArgParser parser(QStringLiteral("sources add ") + type);
    for (const FieldSpec& f : spec->fields)
        if (!f.storedSecret) // set by the window's token field only
            parser.addOption(f.name, true, f.repeated);
    const bool isLog = spec->kind == SourceKind::Log;
    if (isLog)
        parser.addOption(QStringLiteral("collector"));
    if (const QString error = parser.parse(args.mid(1)); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(
            SourcesText::tr("sources add %1: unexpected argument '%2'").arg(type, parser.positionals().first()), 2);
    QJsonObject settings;
    for (const QString& name : parser.givenOrder())
        settings.insert(name, parser.value(name));
    // Which collector opens it (a listener binds one machine's port, a file is on one machine). A SQLite file has
    // one collector (collect.lock): named only when asked, so a laptop renamed keeps its sources.
    if (isLog && (ctx.isPostgres() || parser.isSet(QStringLiteral("collector")))) {
        const QString collector = parser.isSet(QStringLiteral("collector"))
            ? parser.value(QStringLiteral("collector")).trimmed()
            : ctx.collectorName();
        if (collector.isEmpty())
            return ctx.fail(SourcesText::tr("sources add %1: --collector needs a name").arg(type), 2);
        settings.remove(QStringLiteral("collector"));
        settings.insert(QStringLiteral("collector"), collector);
    }
    SourceService* sources = ctx.sources();
    if (const QString errors = sources ? sources->check(type, settings) : QString(); !errors.isEmpty()) {
        for (const QString& e : errors.split(QLatin1Char('\n')))
            ctx.fail(QStringLiteral("sources add %1: %2").arg(type, e));
        return 2;
    }
    if (!sources)
        return 1;
    const LentVault vault(ctx, sources);
    const SourceChange added = sources->add(type, settings);
    if (!added.ok())
        return ctx.fail(QStringLiteral("sources add %1: %2").arg(type, added.error));
    ctx.out() << SourcesText::tr("added source %1: %2 %3").arg(added.id).arg(type, added.name) << Qt::endl;
    return 0;
}

// sources edit ID --OPTION VALUE...: the options given replace theirs, an empty value removes an optional one;
// the others are kept (a secret shown masked stays as it is).
int edit(CommandContext& ctx, const QStringList& args)
{
    bool ok = false;
    const qint64 id = args.value(0).toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.fail(
            SourcesText::tr("sources edit: give a source ID first (see 'sources list'), got '%1'").arg(args.value(0)),
            2);
    SourceService* service = ctx.sources();
    if (!service)
        return 1;
    std::optional<SourceRecord> record;
    try {
        record = service->get(id);
    } catch (const DatabaseError& e) {
        return ctx.fail(e.message());
    }
    if (!record)
        return ctx.fail(SourcesText::tr("sources edit: no source with ID %1").arg(id));
    const SourceTypeSpec* spec = ctx.registry().find(record->type);
    if (!spec)
        return ctx.fail(
            SourcesText::tr("sources edit: source %1 is of an unknown type '%2'").arg(id).arg(record->type));
    ArgParser parser(QStringLiteral("sources edit %1").arg(id));
    QStringList names;
    for (const FieldSpec& f : spec->fields)
        if (!f.storedSecret) {
            parser.addOption(f.name, true, f.repeated);
            names.append(QStringLiteral("--") + f.name);
        }
    if (const QString error = parser.parse(args.mid(1)); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(
            SourcesText::tr("sources edit %1: unexpected argument '%2'").arg(id).arg(parser.positionals().first()), 2);
    if (parser.givenOrder().isEmpty())
        return ctx.fail(SourcesText::tr("sources edit %1: give the options to change (%2)")
                            .arg(id)
                            .arg(names.join(QStringLiteral(", "))),
            2);
    QJsonObject settings = record->settings;
    settings.remove(SourceSecrets::kSettingsKey); // the secrets are kept again, the unchanged ones as they were
    for (const QString& name : parser.givenOrder()) {
        if (parser.value(name).isEmpty())
            settings.remove(name);
        else
            settings.insert(name, parser.value(name));
    }
    const LentVault vault(ctx, service);
    const SourceChange changed = service->edit(id, settings);
    if (!changed.ok())
        return ctx.fail(QStringLiteral("sources edit %1: %2").arg(id).arg(changed.error));
    ctx.out() << SourcesText::tr("changed source %1: %2 %3").arg(id).arg(record->type, changed.name) << Qt::endl;
    return 0;
}

QJsonObject toJson(const SourceRecord& r)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), r.id);
    o.insert(QStringLiteral("type"), r.type);
    o.insert(QStringLiteral("name"), r.name);
    o.insert(QStringLiteral("enabled"), r.enabled);
    o.insert(QStringLiteral("settings"), r.settings);
    for (auto it = r.settings.constBegin(); it != r.settings.constEnd(); ++it)
        if (!o.contains(it.key()))
            o.insert(it.key(), it.value());
    o.insert(QStringLiteral("created_at"), isoOrDash(r.createdAt));
    o.insert(QStringLiteral("last_success"), r.lastSuccess > 0 ? QJsonValue(isoOrDash(r.lastSuccess)) : QJsonValue());
    o.insert(QStringLiteral("last_error"), r.lastError.isEmpty() ? QJsonValue() : QJsonValue(r.lastError));
    o.insert(QStringLiteral("next_run"), r.nextRun > 0 ? QJsonValue(isoOrDash(r.nextRun)) : QJsonValue());
    o.insert(QStringLiteral("rate_limit_remaining"),
        r.rateLimitRemaining ? QJsonValue(qint64(*r.rateLimitRemaining)) : QJsonValue());
    return o;
}

int list(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("sources list"));
    parser.addOption(QStringLiteral("json"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(SourcesText::tr("sources list: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    SourceService* service = ctx.sources();
    if (!service)
        return 1;
    QList<SourceRecord> sources;
    try {
        sources = service->list();
    } catch (const DatabaseError& e) {
        return ctx.fail(e.message());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const SourceRecord& r : sources)
            array.append(toJson(r));
        ctx.out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return 0;
    }
    if (sources.isEmpty()) {
        ctx.out() << SourcesText::tr("no sources; add one with 'activity-dashboard sources add TYPE ...'") << Qt::endl;
        return 0;
    }
    ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                     .arg(SourcesText::tr("ID"), -4)
                     .arg(SourcesText::tr("TYPE"), -9)
                     .arg(SourcesText::tr("NAME"), -30)
                     .arg(SourcesText::tr("STATE"), -7)
                     .arg(SourcesText::tr("LAST SUCCESS"), -20)
                     .arg(SourcesText::tr("NEXT RUN"), -20)
                     .arg(SourcesText::tr("LAST ERROR"))
              << Qt::endl;
    for (const SourceRecord& r : sources) {
        QString error = r.lastError;
        if (r.rateLimitRemaining)
            error = SourcesText::tr("rate limit left %1").arg(*r.rateLimitRemaining)
                + (error.isEmpty() ? QString() : QStringLiteral("; ") + error);
        ctx.out() << QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                         .arg(r.id, -4)
                         .arg(r.type, -9)
                         .arg(r.name, -30)
                         .arg(r.enabled ? SourcesText::tr("active") : SourcesText::tr("paused"), -7)
                         .arg(isoOrDash(r.lastSuccess), -20)
                         .arg(isoOrDash(r.nextRun), -20)
                         .arg(error.isEmpty() ? QStringLiteral("-") : error)
                  << Qt::endl;
    }
    return 0;
}

int changeOne(CommandContext& ctx, const QString& verb, const QStringList& args)
{
    ArgParser parser(QStringLiteral("sources ") + verb);
    if (verb == QLatin1String("remove"))
        parser.addOption(QStringLiteral("purge"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (parser.positionals().size() != 1)
        return ctx.fail(SourcesText::tr("sources %1: give exactly one source ID (see 'sources list')").arg(verb), 2);
    bool ok = false;
    const qint64 id = parser.positionals().first().toLongLong(&ok);
    if (!ok || id <= 0)
        return ctx.fail(SourcesText::tr("sources %1: ID must be a positive number, got '%2'")
                            .arg(verb, parser.positionals().first()),
            2);
    SourceService* service = ctx.sources();
    if (!service)
        return 1;
    const bool remove = verb == QLatin1String("remove");
    std::optional<SourceRecord> record;
    try {
        record = service->get(id);
    } catch (const DatabaseError& e) {
        return ctx.fail(e.message());
    }
    std::optional<LentVault> vault;
    if (remove)
        vault.emplace(ctx, service);
    const SourceChange change = remove ? service->remove(id, parser.isSet(QStringLiteral("purge")))
                                       : service->setEnabled(id, verb == QLatin1String("resume"));
    if (!change.ok() && record)
        return ctx.fail(QStringLiteral("sources %1: %2").arg(verb, change.error));
    const bool done = change.ok();
    if (done && remove && record->settings.contains(QLatin1String("token"))) {
        // A token typed in the window goes with its source (the keyring answers asynchronously, or times out).
        QEventLoop loop;
        bool forgotten = false;
        service->forgetToken(id, &loop, [&] {
            forgotten = true;
            loop.quit();
        });
        if (!forgotten)
            loop.exec();
    }
    if (!done)
        return ctx.fail(SourcesText::tr("sources %1: no source with ID %2").arg(verb).arg(id));
    if (verb == QLatin1String("remove"))
        ctx.out() << (parser.isSet(QStringLiteral("purge"))
                ? SourcesText::tr("removed source %1 and its history").arg(id)
                : SourcesText::tr("removed source %1 (its history is kept)").arg(id))
                  << Qt::endl;
    else
        ctx.out() << (verb == QLatin1String("pause") ? SourcesText::tr("paused source %1").arg(id)
                                                     : SourcesText::tr("resumed source %1").arg(id))
                  << Qt::endl;
    return 0;
}
} // namespace

int runSources(CommandContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return list(ctx, rest);
    if (sub == QLatin1String("add"))
        return add(ctx, rest);
    if (sub == QLatin1String("edit"))
        return edit(ctx, rest);
    if (sub == QLatin1String("remove") || sub == QLatin1String("pause") || sub == QLatin1String("resume"))
        return changeOne(ctx, sub, rest);
    if (sub.isEmpty())
        return ctx.fail(SourcesText::tr("sources: missing subcommand (list, add, edit, remove, pause, resume)"), 2);
    return ctx.fail(
        SourcesText::tr("sources: unknown subcommand '%1' (list, add, edit, remove, pause, resume)").arg(sub), 2);
}

} // namespace activity
