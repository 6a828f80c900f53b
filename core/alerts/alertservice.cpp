#include "core/alerts/alertservice.h"

#include "core/alerts/alertstore.h"
#include "core/query/seriescatalogue.h"
#include "core/query/seriesid.h"
#include "core/secrets/secretmask.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/validators.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QUrl>
#include <cmath>

namespace activity {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(AlertService)
};
} // namespace

AlertService::AlertService(DbWriter& writer, const Clock& clock)
    : m_writer(writer)
    , m_clock(clock)
{ }

Status AlertService::check(const AlertRule& rule, QString* note) const
{
    if (rule.name.trimmed().isEmpty())
        return Error { Text::tr("the rule needs a name") };
    if (!std::isfinite(rule.threshold))
        return Error { Text::tr("the threshold must be a number") };
    if ((rule.kind == AlertRule::Kind::Change || rule.kind == AlertRule::Kind::NoData) && rule.span <= 0)
        return Error { Text::tr("the duration must be positive") };
    if (rule.window <= 0 || rule.forSecs < 0 || rule.repeatSecs < 0)
        return Error { Text::tr("durations cannot be negative") };
    if (!rule.webhook.isEmpty()) {
        const QUrl url(rule.webhook, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            return Error { Text::tr("the webhook must be an http:// or https:// URL, got '%1'")
                               .arg(SecretMask::webhook(rule.webhook)) };
    }
    QString error;
    const std::optional<SeriesId> id = SeriesId::parse(rule.series, &error);
    if (!id)
        return Error { error };
    m_writer.query([&](Database& db) { SeriesCatalogue::describe(db, rule.series, &error); });
    if (error.isEmpty())
        return {};
    // An API figure appears with its source's first poll: a rule may be made before it.
    for (const QString& provider : SourceRegistry::builtIn().seriesProviders()) {
        if (rule.series.startsWith(provider + QLatin1Char('.'))) {
            if (note)
                *note = error;
            return {};
        }
    }
    return Error { error };
}

Status AlertService::add(AlertRule& rule, QString* note)
{
    rule.name = rule.name.trimmed();
    rule.series = rule.series.trimmed();
    if (Status checked = check(rule, note); !checked)
        return checked;
    rule.createdAt = m_clock.nowSecs();
    const QString variable
        = rule.webhookSecret.startsWith(QLatin1String("env:")) ? rule.webhookSecret.mid(4) : QString();
    if (Status kept = keepWebhook(rule, variable); !kept)
        return kept;
    try {
        rule.id = m_writer.call([&](Database& db) { return AlertStore(db).add(rule); });
    } catch (const DatabaseError& e) {
        forgetWebhook(rule.webhookSecret);
        return Error { e.message() };
    }
    return {};
}

Status AlertService::keepWebhook(AlertRule& rule, const QString& variable)
{
    if (!variable.isEmpty()) {
        if (const QString bad = Validators::envVarName(variable); !bad.isEmpty())
            return Error { QStringLiteral("--webhook-env: ") + bad };
        // The format comes from the URL when the variable is set now; else it is said, or generic.
        const QString now = qEnvironmentVariable(variable.toLocal8Bit().constData());
        rule.webhookFormat = AlertRules::webhookFormatFor(
            now, rule.webhookFormat == QLatin1String("generic") ? QString() : rule.webhookFormat);
        rule.webhookSecret = QStringLiteral("env:") + variable;
        rule.webhook = QLatin1Char('$') + variable;
        return {};
    }
    rule.webhookSecret.clear();
    if (rule.webhook.isEmpty())
        return {};
    if (!m_vault)
        return Error { Text::tr("there is nowhere to keep the webhook's URL: name a variable that holds it instead "
                                "(--webhook-env VARIABLE)") };
    QString problem;
    const QString slot = TokenVault::newSlot(QStringLiteral("alert webhook"));
    const TokenVault::Location where = m_vault->storeSlotNow(slot, rule.webhook.toUtf8(), &problem);
    if (where == TokenVault::Location::None)
        return Error { Text::tr("the webhook's URL could not be stored: %1").arg(problem) };
    rule.webhookSecret = TokenVault::reference(where, slot);
    rule.webhook = SecretMask::webhook(rule.webhook);
    return {};
}

void AlertService::forgetWebhook(const QString& secret)
{
    TokenVault::Location where = TokenVault::Location::None;
    QString slot;
    if (m_vault && TokenVault::parseReference(secret, &where, &slot))
        m_vault->forgetSlotNow(slot);
}

Status AlertService::setWebhook(qint64 id, const QString& url, const QString& variable, const QString& format)
{
    std::optional<AlertRule> rule;
    try {
        rule = m_writer.queryValue([id](Database& db) { return AlertStore(db).rule(id); });
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
    if (!rule)
        return Error { Text::tr("no alert rule %1").arg(id) };
    const QString previous = rule->webhookSecret;
    AlertRule changed = *rule;
    changed.webhook = url;
    changed.webhookFormat = AlertRules::webhookFormatFor(url, format);
    if (!url.isEmpty()) {
        if (Status checked = check(changed); !checked)
            return checked;
    }
    if (Status kept = keepWebhook(changed, variable); !kept)
        return kept;
    try {
        m_writer.call([&](Database& db) {
            return AlertStore(db).setWebhook(id, changed.webhook, changed.webhookFormat, changed.webhookSecret);
        });
    } catch (const DatabaseError& e) {
        forgetWebhook(changed.webhookSecret);
        return Error { e.message() };
    }
    if (previous != changed.webhookSecret)
        forgetWebhook(previous);
    return {};
}

Status AlertService::remove(qint64 id)
{
    try {
        const std::optional<AlertRule> rule
            = m_writer.queryValue([id](Database& db) { return AlertStore(db).rule(id); });
        if (!m_writer.call([id](Database& db) { return AlertStore(db).remove(id); }))
            return Error { Text::tr("no alert rule %1").arg(id) };
        if (rule) // the webhook's URL goes with its rule
            forgetWebhook(rule->webhookSecret);
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
    return {};
}

} // namespace activity
