#pragma once

#include "core/alerts/alertevent.h"
#include "core/alerts/alertrule.h"

#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Database;

// The alert tables, read and written only here; calls run in the caller's transaction.
class AlertStore {
public:
    explicit AlertStore(Database& db)
        : m_db(db)
    { }

    qint64 add(const AlertRule& rule);
    bool remove(qint64 id); // false: no such rule
    // The webhook as shown, its format and where its URL is; false: no such rule.
    bool setWebhook(qint64 id, const QString& shown, const QString& format, const QString& secret);
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
