#pragma once
// Keyrings for tests: one that answers from memory (later, like D-Bus), one that never answers.

#include "core/secrets/secretstore.h"

#include <QHash>
#include <QTimer>

using namespace activity;

class MemoryKeyring final : public SecretStore {
public:
    QHash<QString, QByteArray> entries;
    int calls = 0;
    void read(const QString& key, QObject* context, Callback done) override
    {
        ++calls;
        later(context, [this, key, done](const QPointer<QObject>& c) {
            Result r;
            r.ok = entries.contains(key);
            r.notFound = !r.ok;
            r.value = entries.value(key);
            answer(c, done, r);
        });
    }
    void write(const QString& key, const QByteArray& value, QObject* context, Callback done) override
    {
        ++calls;
        later(context, [this, key, value, done](const QPointer<QObject>& c) {
            entries.insert(key, value);
            answer(c, done, { true, false, {}, {} });
        });
    }
    void remove(const QString& key, QObject* context, Callback done) override
    {
        ++calls;
        later(context, [this, key, done](const QPointer<QObject>& c) {
            entries.remove(key);
            answer(c, done, { true, false, {}, {} });
        });
    }

private:
    static void later(QObject* context, std::function<void(const QPointer<QObject>&)> f)
    {
        const QPointer<QObject> guard(context);
        QTimer::singleShot(0, context, [guard, f] { f(guard); });
    }
};

// Like a session bus with no Secret Service behind it: calls go out and nothing comes back.
class SilentKeyring final : public SecretStore {
public:
    int calls = 0;
    void read(const QString&, QObject*, Callback) override { ++calls; }
    void write(const QString&, const QByteArray&, QObject*, Callback) override { ++calls; }
    void remove(const QString&, QObject*, Callback) override { ++calls; }
};
