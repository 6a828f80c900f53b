#pragma once

#include "core/sources/sourcestore.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace activity {

class Clock;
class Database;
class DbWriter;
class SourceRegistry;
class TokenVault;

// What a change of the sources came to: an error (empty on success), and the source it made or changed.
struct SourceChange {
    QString error;
    qint64 id = 0;
    QString name;
    bool ok() const { return error.isEmpty(); }
    static SourceChange failure(const QString& error, qint64 id = 0)
    {
        SourceChange c;
        c.error = error;
        c.id = id;
        return c;
    }
    static SourceChange success(qint64 id, const QString& name = {})
    {
        SourceChange c;
        c.id = id;
        c.name = name;
        return c;
    }
};

// The sources as the user manages them: add, edit, pause, resume, remove (and purge), with the registry's
// validation, defaults and display names, and the tokens typed in the window. The command line, the window's
// panel, the first-run set-up and the demo all change sources here; the writes run on the process's writer.
// The synchronous calls may be made from any thread; `later` runs one on the writer's thread and answers on the
// caller's (the window never waits for a write).
class SourceService {
public:
    SourceService(DbWriter& writer, const SourceRegistry& registry, const Clock& clock);

    const SourceRegistry& registry() const { return m_registry; }
    // Where tokens typed in a form are kept; without it no token can be given.
    void setTokenVault(TokenVault* vault) { m_vault = vault; }
    TokenVault* tokenVault() const { return m_vault; }

    // Every problem with these settings, one per line; empty when they can be saved. `token`: one will be stored.
    QString check(const QString& type, const QJsonObject& settings, const QByteArray& token = {}) const;
    // The settings as stored (defaults filled in), and the name lists show.
    QJsonObject withDefaults(const QString& type, QJsonObject settings) const;
    QString displayName(const QString& type, const QJsonObject& settings) const;

    // Puts the secrets of `settings` (as the user typed them: whole API keys, credential headers) in the vault and
    // returns the settings to store: masked, with where the secrets are (SourceSecrets). For an edit, `previous`
    // is the stored source: a field left as it was shown (masked) keeps its secret. Runs on the vault's thread
    // (it waits for the keyring); add() and edit() call it when given settings not yet through it.
    Result<QJsonObject> keepSecrets(
        const QString& type, const QJsonObject& settings, const std::optional<SourceRecord>& previous);
    // Removes the secrets a source's stored settings point to (after the source is removed).
    void forgetSecrets(const QJsonObject& storedSettings, QObject* context);
    // Whether these settings went through keepSecrets() (or hold no secret).
    bool secretsKept(const QString& type, const QJsonObject& settings) const;

    SourceChange add(const QString& type, const QJsonObject& settings, const QByteArray& token = {});
    enum class TokenChange { Keep, Replace, Forget };
    SourceChange edit(
        qint64 id, const QJsonObject& settings, TokenChange token = TokenChange::Keep, const QByteArray& newToken = {});
    SourceChange setEnabled(qint64 id, bool enabled);
    // Keeps collected history unless `purge`. The source's token, if any, is forgotten by forgetToken().
    SourceChange remove(qint64 id, bool purge);
    // Records where the source's token now is ("keyring", "file"; empty: none).
    SourceChange setTokenLocation(qint64 id, const QString& location);

    // Keeps `token` for source `id` (keyring, else the private file), then records where; `done` gets a message
    // for the user and whether it worked, on `context`'s thread. Needs the vault (and an event loop).
    void storeToken(qint64 id, const QString& name, const QByteArray& token, QObject* context,
        std::function<void(bool ok, const QString& message)> done);
    // Removes the token of a source that had one (removed, or its token cleared); `done` may be empty.
    void forgetToken(qint64 id, QObject* context, std::function<void()> done);

    QList<SourceRecord> list();
    // The list as read on another connection (the window's query runner).
    static QList<SourceRecord> read(Database& db);
    std::optional<SourceRecord> get(qint64 id);

    // Runs `job(*this)` on the writer's thread, then `done(result)` on `context`'s thread (unless it is gone).
    template <class R> void later(QObject* context, std::function<R(SourceService&)> job, std::function<void(R)> done)
    {
        QPointer<QObject> guard(context);
        post([this, job = std::move(job), done = std::move(done), guard] {
            auto result = std::make_shared<R>(job(*this));
            if (guard)
                QMetaObject::invokeMethod(
                    guard.data(), [done, result] { done(std::move(*result)); }, Qt::QueuedConnection);
        });
    }

private:
    void post(std::function<void()> task);
    SourceChange guarded(const std::function<SourceChange()>& change);

    DbWriter& m_writer;
    const SourceRegistry& m_registry;
    const Clock& m_clock;
    TokenVault* m_vault = nullptr;
};

} // namespace activity
