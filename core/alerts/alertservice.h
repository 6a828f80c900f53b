#pragma once

#include "core/alerts/alertrule.h"
#include "core/util/result.h"

#include <QString>

namespace activity {

class Clock;
class DbWriter;

// Alert rules as the command line and the window change them: checked against the series catalogue, then written
// on the process's writer. A running collector or window reads the rules at each evaluation: no restart.
class TokenVault;

class AlertService {
public:
    AlertService(DbWriter& writer, const Clock& clock);
    // Sets rule.id and rule.createdAt on success. `note` (may be null) says when the series has no data yet but
    // will (an API figure before its source's first poll): the rule waits for it.
    // rule.webhook is the whole URL as typed (kept in the vault, stored masked), or empty with
    // rule.webhookSecret "env:VARIABLE" (--webhook-env).
    Status add(AlertRule& rule, QString* note = nullptr);
    Status remove(qint64 id);
    // Gives a rule its webhook again (a restored backup left the URL behind), or another: `url` as typed, or
    // `variable` naming where it is; both empty: none. `format` empty: found from the URL.
    Status setWebhook(qint64 id, const QString& url, const QString& variable, const QString& format);
    // Where webhook URLs are kept; without it a rule can only name a variable (--webhook-env). Used on its thread.
    void setVault(TokenVault* vault) { m_vault = vault; }
    // The checks add() makes, without writing.
    Status check(const AlertRule& rule, QString* note = nullptr) const;

private:
    // Fills rule.webhookSecret (and masks rule.webhook) from a URL or a variable.
    Status keepWebhook(AlertRule& rule, const QString& variable);
    void forgetWebhook(const QString& secret);
    DbWriter& m_writer;
    TokenVault* m_vault = nullptr;
    const Clock& m_clock;
};

} // namespace activity
