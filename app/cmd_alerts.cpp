#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/alerts/alertemail.h"
#include "core/alerts/alertevaluator.h"
#include "core/alerts/alertnotifier.h"
#include "core/alerts/alertservice.h"
#include "core/alerts/alertstore.h"
#include "core/alerts/anomalyband.h"
#include "core/query/seriescatalogue.h"
#include "core/secrets/secretmask.h"
#include "core/secrets/tokenvault.h"
#include "core/settings/appsettings.h"
#include "core/sources/validators.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace activity {

namespace {
struct AlertsText {
    Q_DECLARE_TR_FUNCTIONS(AlertsText)
};

QString iso(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate) : QString();
}

std::optional<double> parseNumber(const QString& text)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    return ok && std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

// --for 0 is allowed (fire at once, the default); other durations as everywhere else.
std::optional<qint64> parseDurationOrZero(const QString& text)
{
    if (text.trimmed() == QLatin1String("0"))
        return 0;
    return Validators::parseDurationSecs(text);
}

// A webhook URL may carry its secret in the path (Slack, Matrix): only its host is ever shown.
QString webhookShown(const AlertRule& r)
{
    // Stored masked ("hooks.slack.com/…", or "$VARIABLE"); an older plain one is masked here too.
    const QString shown = r.webhookSecret.isEmpty() ? SecretMask::webhook(r.webhook) : r.webhook;
    return r.webhook.isEmpty() ? QString() : QStringLiteral("%1 (%2)").arg(shown, r.webhookFormat);
}

// --webhook URL or --webhook-env VARIABLE, and --webhook-format, into the rule; the error, or empty.
QString webhookOptions(const ArgParser& parser, AlertRule& rule)
{
    const QString url = parser.value(QStringLiteral("webhook"));
    const QString variable = parser.value(QStringLiteral("webhook-env"));
    if (parser.isSet(QStringLiteral("webhook")) && parser.isSet(QStringLiteral("webhook-env")))
        return AlertsText::tr("give one of --webhook URL and --webhook-env VARIABLE");
    if (parser.isSet(QStringLiteral("webhook")) && !url.isEmpty()) {
        if (const QString e = Validators::httpUrl(url); !e.isEmpty())
            return QStringLiteral("--webhook ") + e;
        rule.webhook = url;
    }
    if (parser.isSet(QStringLiteral("webhook-env"))) {
        if (const QString e = Validators::envVarName(variable); !e.isEmpty())
            return QStringLiteral("--webhook-env ") + e;
        rule.webhookSecret = QStringLiteral("env:") + variable;
    }
    const QString format = parser.value(QStringLiteral("webhook-format"));
    if (!format.isEmpty() && format != QLatin1String("generic") && format != QLatin1String("slack")
        && format != QLatin1String("matrix"))
        return AlertsText::tr("--webhook-format must be generic, slack or matrix, got '%1'").arg(format);
    if (!format.isEmpty() && rule.webhook.isEmpty() && rule.webhookSecret.isEmpty())
        return AlertsText::tr("--webhook-format goes with --webhook or --webhook-env");
    rule.webhookFormat = AlertRules::webhookFormatFor(rule.webhook, format);
    return {};
}

int add(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("alerts add"));
    for (const char* o : { "series", "above", "below", "change-over", "by", "no-data", "for", "window", "severity",
             "repeat", "webhook", "webhook-env", "webhook-format", "name", "email", "sensitivity" })
        parser.addOption(QString::fromLatin1(o));
    parser.addOption(QStringLiteral("anomaly"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(AlertsText::tr("alerts add: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    const auto value = [&](const char* name) { return parser.value(QString::fromLatin1(name)); };
    const auto isSet = [&](const char* name) { return parser.isSet(QString::fromLatin1(name)); };
    const auto bad = [&](const QString& message) { return ctx.fail(QStringLiteral("alerts add: ") + message, 2); };
    if (!isSet("series"))
        return bad(AlertsText::tr("--series ID is required (see `series list`)"));
    int conditions = 0;
    for (const char* c : { "above", "below", "change-over", "no-data", "anomaly" })
        conditions += isSet(c) ? 1 : 0;
    if (conditions != 1)
        return bad(AlertsText::tr("give one condition: --above X, --below X, --change-over DURATION --by X[%], "
                                  "--no-data DURATION or --anomaly"));
    if (isSet("sensitivity") && !isSet("anomaly"))
        return bad(AlertsText::tr("--sensitivity goes with --anomaly"));
    AlertRule rule;
    rule.series = value("series").trimmed();
    if (isSet("above") || isSet("below")) {
        const char* option = isSet("above") ? "above" : "below";
        const auto n = parseNumber(value(option));
        if (!n)
            return bad(AlertsText::tr("--%1 must be a number, got '%2'").arg(QLatin1String(option), value(option)));
        rule.kind = isSet("above") ? AlertRule::Kind::Above : AlertRule::Kind::Below;
        rule.threshold = *n;
    } else if (isSet("change-over")) {
        const auto span = Validators::parseDurationSecs(value("change-over"));
        if (!span)
            return bad(
                AlertsText::tr("--change-over must be a duration like 1h or 1d, got '%1'").arg(value("change-over")));
        if (!isSet("by"))
            return bad(AlertsText::tr("--change-over needs --by X (a change, negative for a fall) or --by X%"));
        QString by = value("by").trimmed();
        rule.percent = by.endsWith(QLatin1Char('%'));
        if (rule.percent)
            by.chop(1);
        const auto n = parseNumber(by);
        if (!n)
            return bad(AlertsText::tr("--by must be a number or a percentage like -10%, got '%1'").arg(value("by")));
        rule.kind = AlertRule::Kind::Change;
        rule.span = *span;
        rule.threshold = *n;
    } else if (isSet("anomaly")) {
        // The band of the same hour of the week: summed over an hour unless --window says otherwise.
        const auto sensitivity = isSet("sensitivity") ? AnomalyBand::sensitivityFromKey(value("sensitivity"))
                                                      : std::optional(AnomalyBand::Sensitivity::Medium);
        if (!sensitivity)
            return bad(AlertsText::tr("--sensitivity must be low, medium or high, got '%1'").arg(value("sensitivity")));
        rule.kind = AlertRule::Kind::Anomaly;
        rule.threshold = AnomalyBand::multiplier(*sensitivity);
        rule.window = 3600;
    } else {
        const auto span = Validators::parseDurationSecs(value("no-data"));
        if (!span)
            return bad(AlertsText::tr("--no-data must be a duration like 15m or 1h, got '%1'").arg(value("no-data")));
        rule.kind = AlertRule::Kind::NoData;
        rule.span = *span;
    }
    if (isSet("by") && rule.kind != AlertRule::Kind::Change)
        return bad(AlertsText::tr("--by goes with --change-over"));
    for (const auto& [option, target] : { std::pair<const char*, qint64*> { "for", &rule.forSecs },
             { "window", &rule.window }, { "repeat", &rule.repeatSecs } }) {
        if (!isSet(option))
            continue;
        const auto secs = parseDurationOrZero(value(option));
        if (!secs || (*secs == 0 && QLatin1String(option) == QLatin1String("window")))
            return bad(
                AlertsText::tr("--%1 must be a duration like 10m, got '%2'").arg(QLatin1String(option), value(option)));
        *target = *secs;
    }
    if (isSet("severity")) {
        const auto s = AlertRules::severityFromKey(value("severity"));
        if (!s)
            return bad(AlertsText::tr("--severity must be info, warning or critical, got '%1'").arg(value("severity")));
        rule.severity = *s;
    }
    if (const QString e = webhookOptions(parser, rule); !e.isEmpty())
        return bad(e);
    if (isSet("email")) {
        for (const QString& address : value("email").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (const QString e = AppSettings::checkAddress(address.trimmed()); !e.isEmpty())
                return bad(QStringLiteral("--email ") + e);
            rule.email.append(address.trimmed());
        }
        if (rule.email.isEmpty())
            return bad(AlertsText::tr("--email needs an address"));
    }
    rule.name = isSet("name") ? value("name").trimmed() : QStringLiteral("%1 %2").arg(rule.series, rule.condition());
    if (rule.name.isEmpty())
        return bad(AlertsText::tr("--name is empty"));

    DbWriter* writer = ctx.database() ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    AlertService service(*writer, ctx.clock());
    const auto vault = TokenVault::createDefault(ctx.dataDir());
    service.setVault(vault.get());
    QString note;
    if (const Status added = service.add(rule, &note); !added)
        return bad(added.error());
    if (!note.isEmpty())
        ctx.err() << AlertsText::tr("alerts add: note: %1; the rule waits for it").arg(note) << Qt::endl;
    ctx.out() << AlertsText::tr("added alert %1: %2").arg(rule.id).arg(rule.name) << Qt::endl;
    return 0;
}

// alerts edit ID --webhook URL | --webhook-env VARIABLE | --webhook '' [--webhook-format F]: a rule's webhook
// again (a restored backup left its URL behind) or another.
int edit(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("alerts edit"));
    for (const char* o : { "webhook", "webhook-env", "webhook-format" })
        parser.addOption(QString::fromLatin1(o));
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    const auto bad = [&](const QString& message) { return ctx.fail(QStringLiteral("alerts edit: ") + message, 2); };
    bool ok = false;
    const qint64 id = parser.positionals().value(0).toLongLong(&ok);
    if (parser.positionals().size() != 1 || !ok || id <= 0)
        return bad(AlertsText::tr("give one rule ID (see `alerts list`)"));
    if (!parser.isSet(QStringLiteral("webhook")) && !parser.isSet(QStringLiteral("webhook-env")))
        return bad(AlertsText::tr("give --webhook URL, --webhook-env VARIABLE, or --webhook '' to remove it"));
    AlertRule rule;
    if (const QString e = webhookOptions(parser, rule); !e.isEmpty())
        return bad(e);
    DbWriter* writer = ctx.database() ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    AlertService service(*writer, ctx.clock());
    const auto vault = TokenVault::createDefault(ctx.dataDir());
    service.setVault(vault.get());
    const QString variable
        = rule.webhookSecret.startsWith(QLatin1String("env:")) ? rule.webhookSecret.mid(4) : QString();
    if (const Status changed
        = service.setWebhook(id, rule.webhook, variable, parser.value(QStringLiteral("webhook-format")));
        !changed)
        return ctx.fail(QStringLiteral("alerts edit: ") + changed.error());
    ctx.out() << AlertsText::tr("changed the webhook of alert %1").arg(id) << Qt::endl;
    return 0;
}

std::optional<qint64> ruleIdArg(CommandContext& ctx, const QString& command, const QStringList& args)
{
    if (args.size() != 1) {
        ctx.fail(args.isEmpty() ? AlertsText::tr("%1: missing rule ID (see `alerts list`)").arg(command)
                                : AlertsText::tr("%1: unexpected argument '%2'").arg(command, args.at(1)),
            2);
        return std::nullopt;
    }
    bool ok = false;
    const qint64 id = args.first().toLongLong(&ok);
    if (!ok || id <= 0) {
        ctx.fail(AlertsText::tr("%1: ID must be a rule number, got '%2'").arg(command, args.first()), 2);
        return std::nullopt;
    }
    return id;
}

int list(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("alerts list"));
    parser.addOption(QStringLiteral("json"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(AlertsText::tr("alerts list: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    Database* db = ctx.database();
    if (!db)
        return 1;
    QJsonArray array;
    const QList<AlertRule> rules = AlertStore(*db).rules();
    for (const AlertRule& r : rules) {
        const AlertState s = AlertStore(*db).state(r.id);
        const QString state = !s.error.isEmpty() ? QStringLiteral("waiting: ") + s.error
            : s.firing                           ? QStringLiteral("firing")
            : s.pendingSince                     ? QStringLiteral("pending")
            : s.lastEval                         ? QStringLiteral("ok")
                                                 : QStringLiteral("not evaluated");
        if (parser.isSet(QStringLiteral("json"))) {
            array.append(QJsonObject { { QStringLiteral("id"), r.id }, { QStringLiteral("name"), r.name },
                { QStringLiteral("series"), r.series }, { QStringLiteral("condition"), r.condition() },
                { QStringLiteral("for"), r.forSecs }, { QStringLiteral("window"), r.window },
                { QStringLiteral("severity"), QString::fromLatin1(AlertRules::severityKey(r.severity)) },
                { QStringLiteral("repeat"), r.repeatSecs }, { QStringLiteral("webhook"), webhookShown(r) },
                { QStringLiteral("email"), QJsonArray::fromStringList(r.email) }, { QStringLiteral("state"), state },
                { QStringLiteral("since"), s.firing ? QJsonValue(iso(s.firedAt)) : QJsonValue() },
                { QStringLiteral("last_evaluated"), s.lastEval ? QJsonValue(iso(s.lastEval)) : QJsonValue() } });
            continue;
        }
        ctx.out() << QStringLiteral("%1\t%2\t%3 %4\t%5\t%6%7")
                         .arg(r.id)
                         .arg(r.name, r.series, r.condition(), QString::fromLatin1(AlertRules::severityKey(r.severity)),
                             state, r.webhook.isEmpty() ? QString() : QStringLiteral("\twebhook: ") + webhookShown(r))
                  << Qt::endl;
    }
    if (parser.isSet(QStringLiteral("json")))
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else if (rules.isEmpty())
        ctx.out() << AlertsText::tr("no alert rules; add one with `alerts add`") << Qt::endl;
    return 0;
}

int remove(CommandContext& ctx, const QStringList& args)
{
    const auto id = ruleIdArg(ctx, QStringLiteral("alerts remove"), args);
    if (!id)
        return 2;
    DbWriter* writer = ctx.database() ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    AlertService service(*writer, ctx.clock());
    const auto vault = TokenVault::createDefault(ctx.dataDir());
    service.setVault(vault.get()); // the webhook's URL goes with its rule
    if (const Status removed = service.remove(*id); !removed)
        return ctx.fail(QStringLiteral("alerts remove: ") + removed.error(), 2);
    ctx.out() << AlertsText::tr("removed alert %1 (its history is kept)").arg(*id) << Qt::endl;
    return 0;
}

int test(CommandContext& ctx, const QStringList& args)
{
    const auto id = ruleIdArg(ctx, QStringLiteral("alerts test"), args);
    if (!id)
        return 2;
    Database* db = ctx.database();
    if (!db)
        return 1;
    const std::optional<AlertRule> rule = AlertStore(*db).rule(*id);
    if (!rule)
        return ctx.fail(AlertsText::tr("alerts test: no alert rule %1").arg(*id), 2);
    const qint64 now = ctx.clock().nowSecs();
    const AlertCheck check = AlertEvaluator::check(*db, *rule, now);
    if (!check.error.isEmpty())
        return ctx.fail(AlertsText::tr("alerts test: %1").arg(check.error));
    // What it would send if it fired now, whatever its `for` duration and state.
    AlertNotice notice { *rule, {} };
    notice.event.ruleId = rule->id;
    notice.event.ruleName = rule->name;
    notice.event.series = rule->series;
    notice.event.severity = QString::fromLatin1(AlertRules::severityKey(rule->severity));
    notice.event.ts = now;
    notice.event.event = QStringLiteral("firing");
    notice.event.value = check.value;
    notice.event.message = check.matches ? AlertEvaluator::withMovers(*db, *rule, now, check.text) : check.text;
    ctx.out() << (check.matches ? AlertsText::tr("the condition holds now: %1").arg(check.text)
                                : AlertsText::tr("the condition does not hold now: %1").arg(check.text))
              << Qt::endl;
    ctx.out() << AlertsText::tr("when it fires, it sends:") << Qt::endl;
    ctx.out() << AlertsText::tr("  desktop: %1 — %2").arg(AlertMessages::title(notice), AlertMessages::text(notice))
              << Qt::endl;
    if (!rule->email.isEmpty())
        ctx.out() << AlertsText::tr("  email to %1: %2")
                         .arg(rule->email.join(QStringLiteral(", ")), AlertEmail::message(notice).subject)
                  << Qt::endl;
    if (!rule->webhook.isEmpty())
        ctx.out() << AlertsText::tr("  webhook to %1: %2")
                         .arg(webhookShown(*rule), QString::fromUtf8(AlertMessages::webhookBody(notice)))
                  << Qt::endl;
    return 0;
}

int history(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("alerts history"));
    parser.addOption(QStringLiteral("json"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(
            AlertsText::tr("alerts history: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    Database* db = ctx.database();
    if (!db)
        return 1;
    const QList<AlertEvent> events = AlertStore(*db).history();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const AlertEvent& e : events)
            array.append(QJsonObject { { QStringLiteral("at"), iso(e.ts) }, { QStringLiteral("rule"), e.ruleId },
                { QStringLiteral("name"), e.ruleName }, { QStringLiteral("series"), e.series },
                { QStringLiteral("severity"), e.severity }, { QStringLiteral("event"), e.event },
                { QStringLiteral("value"), e.value ? QJsonValue(*e.value) : QJsonValue() },
                { QStringLiteral("message"), e.message },
                { QStringLiteral("delivery"), e.delivery.isEmpty() ? QJsonValue() : QJsonValue(e.delivery) },
                { QStringLiteral("email"), e.emailDelivery.isEmpty() ? QJsonValue() : QJsonValue(e.emailDelivery) } });
        ctx.out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (events.isEmpty())
        ctx.out() << AlertsText::tr("no alert has fired yet") << Qt::endl;
    for (const AlertEvent& e : events)
        ctx.out() << QStringLiteral("%1\t%2\t%3\t%4\t%5%6%7")
                         .arg(iso(e.ts), e.event, e.severity, e.ruleName, e.message,
                             e.delivery.isEmpty() ? QString() : QStringLiteral("\twebhook: ") + e.delivery,
                             e.emailDelivery.isEmpty() ? QString() : QStringLiteral("\temail: ") + e.emailDelivery)
                  << Qt::endl;
    return 0;
}
// `alerts email`: the mail server alert emails go through; the password (from an environment variable, never an
// argument: it would show in `ps`) goes to the keyring, else the private file.
int email(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("alerts email"));
    for (const char* o : { "host", "port", "user", "from", "password-env", "ca-file" })
        parser.addOption(QString::fromLatin1(o));
    parser.addOption(QStringLiteral("tls"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(AlertsText::tr("alerts email: unexpected argument '%1'").arg(parser.positionals().first()), 2);
    Database* db = ctx.database();
    DbWriter* writer = db ? ctx.writer() : nullptr;
    if (!writer)
        return 1;
    if (args.isEmpty()) {
        const AlertEmail::Config config = AlertEmail::read(*db);
        if (!config.configured()) {
            ctx.out() << AlertsText::tr("no mail server set up: alerts email --host HOST [--port 587] [--tls] "
                                        "[--user USER --password-env VAR] --from ADDRESS [--ca-file PEM]")
                      << Qt::endl;
            return 0;
        }
        ctx.out() << AlertsText::tr("mail server %1:%2 (%3), user %4, from %5, password: %6")
                         .arg(config.server.host)
                         .arg(config.server.port)
                         .arg(config.server.implicitTls ? QStringLiteral("tls") : QStringLiteral("starttls"),
                             config.server.user.isEmpty() ? QStringLiteral("-") : config.server.user,
                             config.server.from,
                             config.passwordAt == TokenVault::Location::None
                                 ? QStringLiteral("-")
                                 : TokenVault::locationName(config.passwordAt))
                  << Qt::endl;
        return 0;
    }
    const auto bad = [&](const QString& message) { return ctx.fail(QStringLiteral("alerts email: ") + message, 2); };
    if (!parser.isSet(QStringLiteral("host")) || !parser.isSet(QStringLiteral("from")))
        return bad(AlertsText::tr("--host HOST and --from ADDRESS are required"));
    QList<std::pair<QString, QString>> settings {
        { QStringLiteral("alerts.smtp.host"), parser.value(QStringLiteral("host")) },
        { QStringLiteral("alerts.smtp.port"),
            parser.isSet(QStringLiteral("port"))      ? parser.value(QStringLiteral("port"))
                : parser.isSet(QStringLiteral("tls")) ? QStringLiteral("465")
                                                      : QStringLiteral("587") },
        { QStringLiteral("alerts.smtp.tls"),
            parser.isSet(QStringLiteral("tls")) ? QStringLiteral("tls") : QStringLiteral("starttls") },
        { QStringLiteral("alerts.smtp.from"), parser.value(QStringLiteral("from")) },
    };
    if (parser.isSet(QStringLiteral("user")))
        settings.append({ QStringLiteral("alerts.smtp.user"), parser.value(QStringLiteral("user")) });
    if (parser.isSet(QStringLiteral("ca-file")))
        settings.append({ QStringLiteral("alerts.smtp.ca_file"), parser.value(QStringLiteral("ca-file")) });
    for (auto& [key, value] : settings)
        if (const QString error = AppSettings::validate(key, value); !error.isEmpty())
            return bad(error);
    QByteArray password;
    if (parser.isSet(QStringLiteral("password-env"))) {
        const QString var = parser.value(QStringLiteral("password-env"));
        if (const QString e = Validators::envVarName(var); !e.isEmpty())
            return bad(QStringLiteral("--password-env ") + e);
        password = qgetenv(var.toLocal8Bit().constData());
        if (password.isEmpty())
            return bad(AlertsText::tr("the environment variable %1 is empty or not set").arg(var));
        if (!parser.isSet(QStringLiteral("user")))
            return bad(AlertsText::tr("--password-env goes with --user"));
    }
    QString where;
    if (!password.isEmpty()) {
        const auto vault = TokenVault::createDefault(ctx.dataDir());
        QEventLoop loop;
        QString error;
        vault->store(TokenVault::kSmtpPassword, password, &loop, [&](TokenVault::Location at, const QString& e) {
            where = TokenVault::locationName(at);
            error = e;
            loop.quit();
        });
        if (where.isEmpty() && error.isEmpty())
            loop.exec();
        if (where.isEmpty())
            return ctx.fail(AlertsText::tr("alerts email: cannot keep the password: %1").arg(error));
        settings.append({ QStringLiteral("alerts.smtp.password"), where });
    }
    try {
        writer->run([&](Database& w) {
            for (const auto& [key, value] : settings)
                AppSettings::set(w, key, value);
            if (!parser.isSet(QStringLiteral("user")))
                AppSettings::unset(w, QStringLiteral("alerts.smtp.user"));
        });
    } catch (const std::exception& e) {
        return ctx.fail(
            AlertsText::tr("alerts email: cannot write to %1: %2").arg(ctx.storeShown(), QString::fromUtf8(e.what())));
    }
    ctx.out() << AlertsText::tr("alert emails go through %1 from %2%3")
                     .arg(parser.value(QStringLiteral("host")), parser.value(QStringLiteral("from")),
                         where.isEmpty() ? QString() : AlertsText::tr(" (password kept in the %1)").arg(where))
              << Qt::endl;
    return 0;
}
} // namespace

int runAlerts(CommandContext& ctx, const QStringList& args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add"))
        return add(ctx, rest);
    if (sub == QLatin1String("list"))
        return list(ctx, rest);
    if (sub == QLatin1String("edit"))
        return edit(ctx, rest);
    if (sub == QLatin1String("remove"))
        return remove(ctx, rest);
    if (sub == QLatin1String("test"))
        return test(ctx, rest);
    if (sub == QLatin1String("history"))
        return history(ctx, rest);
    if (sub == QLatin1String("email"))
        return email(ctx, rest);
    return ctx.fail(sub.isEmpty()
            ? AlertsText::tr("alerts: missing subcommand (add, list, edit, remove, test, history or email)")
            : AlertsText::tr("alerts: unknown subcommand '%1' (add, list, edit, remove, test, history or email)")
                  .arg(sub),
        2);
}

} // namespace activity
