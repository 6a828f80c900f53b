#pragma once

#include "core/alerts/alertemail.h"

namespace activity {

class TokenVault;

// The mail server of the settings with its password from the keyring (or the private file); waits for the vault.
// `error` says why the password could not be read (the server is then returned without it).
SmtpServer mailServer(const AlertEmail::Config& config, TokenVault& vault, QString* error);

} // namespace activity
