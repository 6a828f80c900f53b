#pragma once

#include "core/secrets/secretstore.h"

#include <QJsonObject>

namespace activity {

// Secrets in a JSON file that only the user can read (mode 0600), for machines without a keyring.
// Synchronous: callbacks run before the call returns.
class FileSecretStore final : public SecretStore {
public:
    explicit FileSecretStore(QString path);
    QString path() const { return m_path; }

    void read(const QString& key, QObject* context, Callback done) override;
    void write(const QString& key, const QByteArray& value, QObject* context, Callback done) override;
    void remove(const QString& key, QObject* context, Callback done) override;

private:
    bool load(QJsonObject& out, QString& error) const;
    QString save(const QJsonObject& secrets) const;
    QString m_path;
};

} // namespace activity
