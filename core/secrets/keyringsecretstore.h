#pragma once

#include "core/secrets/secretstore.h"

namespace activity {

// The desktop keyring (Secret Service, KWallet) through QtKeychain. Answers arrive over D-Bus; a
// keyring that never answers is the caller's to time out (TokenVault does).
class KeyringSecretStore final : public SecretStore {
public:
    explicit KeyringSecretStore(QString service);

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QByteArray& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

private:
    QString m_service;
};

} // namespace activity
