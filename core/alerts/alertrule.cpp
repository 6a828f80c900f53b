#include "core/alerts/alertrule.h"

#include "core/alerts/anomalyband.h"

#include <QUrl>

namespace activity {

namespace {
QString number(double v)
{
    return QString::number(v, 'g', 12);
}
} // namespace

QString AlertRule::condition() const
{
    switch (kind) {
    case Kind::Above:
        return QStringLiteral("above %1").arg(number(threshold));
    case Kind::Below:
        return QStringLiteral("below %1").arg(number(threshold));
    case Kind::Change:
        return QStringLiteral("change over %1 by %2%3%4")
            .arg(AlertRules::formatDuration(span), threshold >= 0 ? QStringLiteral("+") : QString(), number(threshold),
                percent ? QStringLiteral("%") : QString());
    case Kind::NoData:
        return QStringLiteral("no data for %1").arg(AlertRules::formatDuration(span));
    case Kind::Anomaly:
        return QStringLiteral("outside its usual band (%1)")
            .arg(QLatin1String(AnomalyBand::sensitivityKey(AnomalyBand::sensitivityOf(threshold))));
    }
    return {};
}

const char* AlertRules::kindKey(AlertRule::Kind kind)
{
    switch (kind) {
    case AlertRule::Kind::Above:
        return "above";
    case AlertRule::Kind::Below:
        return "below";
    case AlertRule::Kind::Change:
        return "change";
    case AlertRule::Kind::NoData:
        return "no-data";
    case AlertRule::Kind::Anomaly:
        return "anomaly";
    }
    return "";
}

std::optional<AlertRule::Kind> AlertRules::kindFromKey(const QString& key)
{
    for (AlertRule::Kind k : { AlertRule::Kind::Above, AlertRule::Kind::Below, AlertRule::Kind::Change,
             AlertRule::Kind::NoData, AlertRule::Kind::Anomaly })
        if (key == QLatin1String(kindKey(k)))
            return k;
    return std::nullopt;
}

const char* AlertRules::severityKey(AlertRule::Severity severity)
{
    switch (severity) {
    case AlertRule::Severity::Info:
        return "info";
    case AlertRule::Severity::Warning:
        return "warning";
    case AlertRule::Severity::Critical:
        return "critical";
    }
    return "";
}

std::optional<AlertRule::Severity> AlertRules::severityFromKey(const QString& key)
{
    for (AlertRule::Severity s :
        { AlertRule::Severity::Info, AlertRule::Severity::Warning, AlertRule::Severity::Critical })
        if (key == QLatin1String(severityKey(s)))
            return s;
    return std::nullopt;
}

QString AlertRules::webhookFormatFor(const QString& url, const QString& asked)
{
    if (!asked.isEmpty())
        return asked;
    const QUrl u(url);
    if (u.host() == QLatin1String("hooks.slack.com"))
        return QStringLiteral("slack");
    if (u.path().contains(QLatin1String("/_matrix/")))
        return QStringLiteral("matrix");
    return QStringLiteral("generic");
}

QString AlertRules::formatDuration(qint64 secs)
{
    const struct {
        qint64 size;
        char suffix;
    } units[] = { { 86400, 'd' }, { 3600, 'h' }, { 60, 'm' } };
    for (const auto& u : units)
        if (secs >= u.size && secs % u.size == 0)
            return QString::number(secs / u.size) + QLatin1Char(u.suffix);
    return QString::number(secs) + QLatin1Char('s');
}

QString AlertRules::formatElapsed(qint64 secs)
{
    if (secs < 60)
        return QStringLiteral("%1s").arg(secs);
    if (secs < 3600)
        return QStringLiteral("%1m").arg(secs / 60);
    if (secs < 86400)
        return secs % 3600 >= 60 ? QStringLiteral("%1h %2m").arg(secs / 3600).arg(secs % 3600 / 60)
                                 : QStringLiteral("%1h").arg(secs / 3600);
    return secs % 86400 >= 3600 ? QStringLiteral("%1d %2h").arg(secs / 86400).arg(secs % 86400 / 3600)
                                : QStringLiteral("%1d").arg(secs / 86400);
}

} // namespace activity
