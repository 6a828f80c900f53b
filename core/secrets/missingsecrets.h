#pragma once

#include <QList>
#include <QString>

namespace activity {

class Database;
class TokenVault;

// The sources and alert rules whose secrets are not on this machine (a restored backup, a data folder moved):
// what `restore` lists, with how to give each again.
struct MissingSecret {
    QString what; // "source 3 (http-json api.example.org/x: header, url)", "alert 2 (errors: webhook)"
    QString how; // the command that gives it again
};

namespace MissingSecrets {
// Asks the vault for each secret the database points to (waits for the keyring); variables are looked up too.
QList<MissingSecret> find(Database& db, TokenVault& vault);
} // namespace MissingSecrets

} // namespace activity
