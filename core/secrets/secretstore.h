#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>

namespace activity {

// One place secrets can live (the desktop keyring, a private file). Calls answer through a callback,
// which may run before the call returns (the file) or later (the keyring answers over D-Bus). The
// callback is dropped when `context` is destroyed first. Messages never contain the secret.
class SecretStore {
public:
    struct Result {
        bool ok = false;
        bool notFound = false; // nothing stored under that key (ok is false)
        QByteArray value; // read only
        QString error;
    };
    using Callback = std::function<void(const Result&)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString& key, QObject* context, Callback done) = 0;
    virtual void write(const QString& key, const QByteArray& value, QObject* context, Callback done) = 0;
    virtual void remove(const QString& key, QObject* context, Callback done) = 0;

protected:
    // Calls `done` unless `context` has gone away meanwhile.
    static void answer(const QPointer<QObject>& context, const Callback& done, const Result& result)
    {
        if (context && done)
            done(result);
    }
};

} // namespace activity
