#include "core/secrets/keyringsecretstore.h"

#include <qt6keychain/keychain.h>

namespace activity {

namespace {
SecretStore::Result resultOf(const QKeychain::Job& job)
{
    SecretStore::Result r;
    r.ok = job.error() == QKeychain::NoError;
    r.notFound = job.error() == QKeychain::EntryNotFound;
    if (!r.ok)
        r.error = job.errorString();
    return r;
}
} // namespace

KeyringSecretStore::KeyringSecretStore(QString service)
    : m_service(std::move(service))
{ }

void KeyringSecretStore::read(const QString& key, QObject* context, Callback done)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    // Never QtKeychain's own "insecure fallback" (a plain QSettings file): FileSecretStore does that, privately.
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, context, [context, done](QKeychain::Job* finished) {
        Result r = resultOf(*finished);
        if (r.ok)
            r.value = static_cast<QKeychain::ReadPasswordJob*>(finished)->binaryData();
        answer(context, done, r);
    });
    job->start();
}

void KeyringSecretStore::write(const QString& key, const QByteArray& value, QObject* context, Callback done)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setBinaryData(value);
    QObject::connect(job, &QKeychain::Job::finished, context,
        [context, done](QKeychain::Job* finished) { answer(context, done, resultOf(*finished)); });
    job->start();
}

void KeyringSecretStore::remove(const QString& key, QObject* context, Callback done)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, context, [context, done](QKeychain::Job* finished) {
        Result r = resultOf(*finished);
        if (r.notFound)
            r.ok = true; // forgetting what is not there is done
        answer(context, done, r);
    });
    job->start();
}

} // namespace activity
