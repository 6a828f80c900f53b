#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace activity {

// A rule watching one catalogue series (see SeriesCatalogue). Rules are rows (alert_rules): a running
// `collect` or window reads them at every evaluation, so adding or removing one needs no restart.
struct AlertRule {
    enum class Kind { Above, Below, Change, NoData, Anomaly };
    enum class Severity { Info, Warning, Critical };

    qint64 id = 0;
    QString name;
    QString series; // a catalogue id
    Kind kind = Kind::Above;
    // Above/Below: the value; Change: the change (negative: a fall); Anomaly: how many spreads wide the band is
    // (AnomalyBand::multiplier of its sensitivity)
    double threshold = 0;
    bool percent = false; // Change: threshold is a percentage of the earlier value
    qint64 span = 0; // Change: compared with the value this many seconds before; NoData: the silence that fires
    qint64 window = 300; // traffic and ingest figures are summed over this many seconds before the evaluation
    qint64 forSecs = 0; // the condition holds this long before the rule fires
    Severity severity = Severity::Warning;
    qint64 repeatSecs = qint64(4) * 3600; // sent again while firing, this often
    QString webhook; // as shown ("hooks.slack.com/…", see SecretMask::webhook); empty: none
    // Where the webhook's whole URL is (the URL is the secret): "keyring:SLOT" or "file:SLOT" (TokenVault), or
    // "env:VARIABLE" (--webhook-env).
    QString webhookSecret;
    QString webhookFormat = QStringLiteral("generic"); // or "slack", "matrix"
    QStringList email; // addresses mailed through the mail server of `alerts email`; empty: none
    qint64 createdAt = 0;

    // "above 5", "below 1", "change over 1d by -10%", "no data for 15m", "outside its usual band (medium)"
    QString condition() const;
};

namespace AlertRules {
const char* kindKey(AlertRule::Kind kind);
std::optional<AlertRule::Kind> kindFromKey(const QString& key);
const char* severityKey(AlertRule::Severity severity);
std::optional<AlertRule::Severity> severityFromKey(const QString& key);
// "generic", "slack" (hooks.slack.com) or "matrix" (a Matrix client API URL) from the URL, unless given.
QString webhookFormatFor(const QString& url, const QString& asked);
// "90s", "10m", "2h", "1d": the largest unit that divides it (read back by Validators::parseDurationSecs).
QString formatDuration(qint64 secs);
// A time that passed, for people: "45s", "12m", "3h 20m", "11d 2h".
QString formatElapsed(qint64 secs);
} // namespace AlertRules

} // namespace activity
