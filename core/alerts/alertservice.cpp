#include "core/alerts/alertservice.h"

#include "core/alerts/alertstore.h"
#include "core/query/seriescatalogue.h"
#include "core/query/seriesid.h"
#include "core/sources/sourceregistry.h"
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
            return Error { Text::tr("the webhook must be an http:// or https:// URL, got '%1'").arg(rule.webhook) };
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
    try {
        rule.id = m_writer.call([&](Database& db) { return AlertStore(db).add(rule); });
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
    return {};
}

Status AlertService::remove(qint64 id)
{
    try {
        if (!m_writer.call([id](Database& db) { return AlertStore(db).remove(id); }))
            return Error { Text::tr("no alert rule %1").arg(id) };
    } catch (const DatabaseError& e) {
        return Error { e.message() };
    }
    return {};
}

} // namespace activity
