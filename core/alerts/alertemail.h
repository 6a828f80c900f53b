#pragma once

#include "core/alerts/alertevaluator.h"
#include "core/net/smtpclient.h"
#include "core/secrets/tokenvault.h"

namespace activity {

class Database;

// Alert emails: the mail server of the settings (alerts.smtp.*, set by `alerts email`) and the message of a notice.
// The password is kept in the keyring (else the private file) under TokenVault::kSmtpPassword.
namespace AlertEmail {
struct Config {
    SmtpServer server; // without the password
    TokenVault::Location passwordAt = TokenVault::Location::None;
    bool configured() const { return !server.host.isEmpty() && !server.from.isEmpty(); }
};
Config read(Database& db);
SmtpMessage message(const AlertNotice& notice);
} // namespace AlertEmail

} // namespace activity
