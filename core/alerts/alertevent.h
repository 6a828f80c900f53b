#pragma once

#include <QString>
#include <optional>

namespace activity {

// Where a rule stands between evaluations (alert_state).
struct AlertState {
    qint64 ruleId = 0;
    bool firing = false;
    qint64 pendingSince = 0; // the condition has held since (0: it does not hold)
    qint64 firedAt = 0;
    qint64 lastSent = 0;
    qint64 lastEval = 0;
    QString error; // why the last evaluation could not read the series (empty when it could)
};

// One line of the alert history (alert_events): a rule fired, was sent again while firing, or resolved.
struct AlertEvent {
    qint64 id = 0;
    qint64 ruleId = 0;
    QString ruleName;
    QString series;
    QString severity;
    qint64 ts = 0;
    QString event; // "firing", "repeat", "resolved"
    std::optional<double> value;
    QString message;
    QString delivery; // what became of the webhook ("sent", "failed: ..."); empty when it has none
    QString emailDelivery; // the same for the email
};

} // namespace activity
