#include "core/alerts/alertstore.h"

#include "core/storage/database.h"

#include <limits>

namespace activity {

namespace {
AlertRule ruleFrom(Statement& st)
{
    AlertRule r;
    r.id = st.int64(0);
    r.name = st.text(1);
    r.series = st.text(2);
    r.kind = AlertRules::kindFromKey(st.text(3)).value_or(AlertRule::Kind::Above);
    r.threshold = st.real(4);
    r.percent = st.int64(5) != 0;
    r.span = st.int64(6);
    r.window = st.int64(7);
    r.forSecs = st.int64(8);
    r.severity = AlertRules::severityFromKey(st.text(9)).value_or(AlertRule::Severity::Warning);
    r.repeatSecs = st.int64(10);
    r.webhook = st.text(11);
    r.webhookFormat = st.text(12);
    r.createdAt = st.int64(13);
    r.email = st.text(14).split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.webhookSecret = st.text(15);
    return r;
}

constexpr const char* kRuleColumns = "id, name, series, kind, threshold, percent, span, window_secs, for_secs, "
                                     "severity, repeat_secs, coalesce(webhook, ''), webhook_format, created_at, email, "
                                     "webhook_secret";
} // namespace

qint64 AlertStore::add(const AlertRule& r)
{
    Statement st = m_db.prepare("INSERT INTO alert_rules(name, series, kind, threshold, percent, span, window_secs, "
                                "for_secs, severity, repeat_secs, webhook, webhook_format, created_at, email, "
                                "webhook_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), ?)");
    st.bind(1, r.name).bind(2, r.series).bind(3, QString::fromLatin1(AlertRules::kindKey(r.kind)));
    st.bind(4, r.threshold).bind(5, qint64(r.percent)).bind(6, r.span).bind(7, r.window).bind(8, r.forSecs);
    st.bind(9, QString::fromLatin1(AlertRules::severityKey(r.severity))).bind(10, r.repeatSecs);
    if (r.webhook.isEmpty())
        st.bindNull(11);
    else
        st.bind(11, r.webhook);
    st.bind(12, r.webhookFormat).bind(13, r.createdAt).bind(14, r.email.join(QLatin1Char(',')));
    st.bind(15, r.webhookSecret.isNull() ? QStringLiteral("") : r.webhookSecret);
    st.exec();
    return m_db.lastInsertId();
}

bool AlertStore::setWebhook(qint64 id, const QString& shown, const QString& format, const QString& secret)
{
    Statement st
        = m_db.prepare("UPDATE alert_rules SET webhook = ?, webhook_format = ?, webhook_secret = ? WHERE id = ?");
    if (shown.isEmpty())
        st.bindNull(1);
    else
        st.bind(1, shown);
    st.bind(2, format).bind(3, secret.isNull() ? QStringLiteral("") : secret).bind(4, id).exec();
    return m_db.changes() > 0;
}

bool AlertStore::remove(qint64 id)
{
    Statement st = m_db.prepare("DELETE FROM alert_rules WHERE id = ?");
    st.bind(1, id).exec();
    return m_db.changes() > 0;
}

QList<AlertRule> AlertStore::rules()
{
    Statement st
        = m_db.prepare(QByteArray(QByteArray("SELECT ") + kRuleColumns + " FROM alert_rules ORDER BY id").constData());
    QList<AlertRule> out;
    while (st.step())
        out.append(ruleFrom(st));
    return out;
}

std::optional<AlertRule> AlertStore::rule(qint64 id)
{
    Statement st
        = m_db.prepare(QByteArray(QByteArray("SELECT ") + kRuleColumns + " FROM alert_rules WHERE id = ?").constData());
    st.bind(1, id);
    if (st.step())
        return ruleFrom(st);
    return std::nullopt;
}

AlertState AlertStore::state(qint64 ruleId)
{
    AlertState s;
    s.ruleId = ruleId;
    Statement st = m_db.prepare("SELECT firing, pending_since, fired_at, last_sent, last_eval, error FROM alert_state "
                                "WHERE rule_id = ?");
    st.bind(1, ruleId);
    if (st.step()) {
        s.firing = st.int64(0) != 0;
        s.pendingSince = st.int64(1);
        s.firedAt = st.int64(2);
        s.lastSent = st.int64(3);
        s.lastEval = st.int64(4);
        s.error = st.text(5);
    }
    return s;
}

void AlertStore::saveState(const AlertState& s)
{
    Statement st = m_db.prepare("INSERT OR REPLACE INTO alert_state(rule_id, firing, pending_since, fired_at, "
                                "last_sent, last_eval, error) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, ''))");
    st.bind(1, s.ruleId).bind(2, qint64(s.firing)).bind(3, s.pendingSince).bind(4, s.firedAt);
    st.bind(5, s.lastSent).bind(6, s.lastEval).bind(7, s.error).exec();
}

qint64 AlertStore::addEvent(const AlertEvent& e)
{
    Statement st = m_db.prepare(
        "INSERT INTO alert_events(rule_id, rule_name, series, severity, ts, event, value, "
        "message, delivery, email_delivery) VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), "
        "coalesce(?, ''))");
    st.bind(1, e.ruleId).bind(2, e.ruleName).bind(3, e.series).bind(4, e.severity).bind(5, e.ts).bind(6, e.event);
    if (e.value)
        st.bind(7, *e.value);
    else
        st.bindNull(7);
    st.bind(8, e.message).bind(9, e.delivery).bind(10, e.emailDelivery).exec();
    return m_db.lastInsertId();
}

void AlertStore::setEmailDelivery(qint64 eventId, const QString& delivery)
{
    Statement st = m_db.prepare("UPDATE alert_events SET email_delivery = coalesce(?, '') WHERE id = ?");
    st.bind(1, delivery).bind(2, eventId).exec();
}

void AlertStore::setDelivery(qint64 eventId, const QString& delivery)
{
    Statement st = m_db.prepare("UPDATE alert_events SET delivery = coalesce(?, '') WHERE id = ?");
    st.bind(1, delivery).bind(2, eventId).exec();
}

QList<AlertEvent> AlertStore::history(int limit)
{
    return historyBetween(0, std::numeric_limits<qint64>::max(), limit);
}

QList<AlertEvent> AlertStore::historyBetween(qint64 from, qint64 to, int limit)
{
    Statement st = m_db.prepare("SELECT id, rule_id, rule_name, series, severity, ts, event, value, message, delivery, "
                                "email_delivery FROM alert_events WHERE ts >= ? AND ts < ? ORDER BY ts DESC, id DESC "
                                "LIMIT ?");
    st.bind(1, from).bind(2, to).bind(3, qint64(limit));
    QList<AlertEvent> out;
    while (st.step()) {
        AlertEvent e;
        e.id = st.int64(0);
        e.ruleId = st.int64(1);
        e.ruleName = st.text(2);
        e.series = st.text(3);
        e.severity = st.text(4);
        e.ts = st.int64(5);
        e.event = st.text(6);
        if (!st.isNull(7))
            e.value = st.real(7);
        e.message = st.text(8);
        e.delivery = st.text(9);
        e.emailDelivery = st.text(10);
        out.append(e);
    }
    return out;
}

int AlertStore::firingCount()
{
    return int(m_db.queryInt("SELECT count(*) FROM alert_state s JOIN alert_rules r ON r.id = s.rule_id "
                             "WHERE s.firing = 1")
                   .value_or(0));
}

} // namespace activity
