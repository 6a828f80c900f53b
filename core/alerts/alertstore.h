#pragma once

#include "core/alerts/alertrule.h"

#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Database;

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

// The alert tables, read and written only here; calls run in the caller's transaction.
class AlertStore {
public:
    explicit AlertStore(Database& db)
        : m_db(db)
    { }

    qint64 add(const AlertRule& rule);
    bool remove(qint64 id); // false: no such rule
    QList<AlertRule> rules();
    std::optional<AlertRule> rule(qint64 id);
    AlertState state(qint64 ruleId);
    void saveState(const AlertState& state);
    qint64 addEvent(const AlertEvent& event);
    void setDelivery(qint64 eventId, const QString& delivery);
    void setEmailDelivery(qint64 eventId, const QString& delivery);
    // Newest first.
    QList<AlertEvent> history(int limit = 1000);
    // Those in [from, to), newest first.
    QList<AlertEvent> historyBetween(qint64 from, qint64 to, int limit = 1000);
    // Rules firing now.
    int firingCount();

private:
    Database& m_db;
};

} // namespace activity
