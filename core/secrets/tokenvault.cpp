#include "core/secrets/tokenvault.h"

#include "core/secrets/filesecretstore.h"
#include "core/secrets/keyringsecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QTimer>
#include <QUuid>

namespace activity {

namespace {
struct TokenText {
    Q_DECLARE_TR_FUNCTIONS(TokenText)
};
} // namespace

TokenVault::TokenVault(
    std::unique_ptr<SecretStore> keyring, std::unique_ptr<FileSecretStore> file, QString scope, QObject* parent)
    : QObject(parent)
    , m_keyring(std::move(keyring))
    , m_file(std::move(file))
    , m_scope(std::move(scope))
{ }

TokenVault::~TokenVault() = default;

std::unique_ptr<TokenVault> TokenVault::createDefault(const QString& dataDir, QObject* parent)
{
    const QString dir = QDir(dataDir).absolutePath();
    return std::make_unique<TokenVault>(std::make_unique<KeyringSecretStore>(QStringLiteral("activity-dashboard")),
        std::make_unique<FileSecretStore>(QDir(dir).filePath(QStringLiteral("tokens.json"))), dir, parent);
}

QString TokenVault::filePath() const
{
    return m_file->path();
}

QString TokenVault::key(qint64 sourceId) const
{
    if (sourceId == kSmtpPassword)
        return QStringLiteral("mail server password (%1)").arg(m_scope);
    return QStringLiteral("source %1 token (%2)").arg(sourceId).arg(m_scope);
}

QString TokenVault::locationName(Location where)
{
    switch (where) {
    case Location::Keyring:
        return QStringLiteral("keyring");
    case Location::File:
        return QStringLiteral("file");
    case Location::None:
        break;
    }
    return {};
}

TokenVault::Location TokenVault::parseLocation(const QString& name)
{
    if (name == QLatin1String("keyring"))
        return Location::Keyring;
    if (name == QLatin1String("file"))
        return Location::File;
    return Location::None;
}

QString TokenVault::mask(const QByteArray& token)
{
    const QString t = QString::fromUtf8(token.trimmed());
    if (t.size() < 12)
        return QStringLiteral("••••");
    // Keep a known prefix (ghp_, github_pat_) so the kind of token shows, then the last four characters.
    const qsizetype underscore = t.lastIndexOf(QLatin1Char('_'), 10);
    const qsizetype keep = underscore > 0 ? underscore + 1 : 4;
    return t.left(keep) + QStringLiteral("…") + t.right(4);
}

QString TokenVault::checkToken(const QByteArray& token)
{
    if (token.isEmpty())
        return TokenText::tr("the token is empty");
    for (const char c : token)
        if (c <= ' ' || c > '~') // also keeps line breaks out of the Authorization header
            return TokenText::tr("a token has no spaces, line breaks or accented letters");
    return {};
}

void TokenVault::withKeyring(const std::function<void(SecretStore::Callback)>& call, SecretStore::Callback done)
{
    if (!keyringUsable()) {
        done({ false, false, {}, TokenText::tr("no desktop keyring") });
        return;
    }
    auto settled = std::make_shared<bool>(false);
    QTimer::singleShot(m_timeoutMs, this, [this, settled, done] {
        if (*settled)
            return;
        *settled = true;
        m_keyringDown.start();
        done({ false, false, {}, TokenText::tr("the desktop keyring did not answer") });
    });
    call([settled, done](const SecretStore::Result& r) {
        if (*settled)
            return;
        *settled = true;
        done(r);
    });
}

void TokenVault::store(qint64 sourceId, const QByteArray& token, QObject* context, StoreDone done)
{
    storeKey(key(sourceId), token, context, std::move(done));
}

void TokenVault::load(qint64 sourceId, Location where, QObject* context, LoadDone done)
{
    loadKey(key(sourceId), where, context, std::move(done));
}

void TokenVault::forget(qint64 sourceId, QObject* context, std::function<void()> done)
{
    forgetKey(key(sourceId), context, std::move(done));
}

void TokenVault::storeSlot(const QString& slot, const QByteArray& value, QObject* context, StoreDone done)
{
    storeKey(slotKey(slot, m_scope), value, context, std::move(done));
}

void TokenVault::loadSlot(const QString& slot, Location where, QObject* context, LoadDone done)
{
    loadKey(slotKey(slot, m_scope), where, context, std::move(done));
}

void TokenVault::forgetSlot(const QString& slot, QObject* context, std::function<void()> done)
{
    forgetKey(slotKey(slot, m_scope), context, std::move(done));
}

TokenVault::Location TokenVault::storeSlotNow(const QString& slot, const QByteArray& value, QString* error)
{
    QEventLoop loop;
    bool settled = false;
    Location stored = Location::None;
    storeSlot(slot, value, &loop, [&](Location where, const QString& problem) {
        stored = where;
        if (error)
            *error = problem;
        settled = true;
        loop.quit();
    });
    if (!settled)
        loop.exec();
    return stored;
}

QByteArray TokenVault::loadSlotNow(const QString& slot, Location where, QString* error)
{
    QEventLoop loop;
    bool settled = false;
    QByteArray value;
    loadSlot(slot, where, &loop, [&](const QByteArray& got, const QString& problem) {
        value = got;
        if (error)
            *error = problem;
        settled = true;
        loop.quit();
    });
    if (!settled)
        loop.exec();
    return value;
}

void TokenVault::forgetSlotNow(const QString& slot)
{
    QEventLoop loop;
    bool settled = false;
    forgetSlot(slot, &loop, [&] {
        settled = true;
        loop.quit();
    });
    if (!settled)
        loop.exec();
}

QString TokenVault::newSlot(const QString& prefix)
{
    return prefix + QLatin1Char(' ') + QUuid::createUuid().toString(QUuid::Id128).left(16);
}

QString TokenVault::reference(Location where, const QString& slot)
{
    return locationName(where) + QLatin1Char(':') + slot;
}

bool TokenVault::parseReference(const QString& reference, Location* where, QString* slot)
{
    const qsizetype colon = reference.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    *where = parseLocation(reference.left(colon));
    *slot = reference.mid(colon + 1);
    return *where != Location::None && !slot->isEmpty();
}

QString TokenVault::slotKey(const QString& slot, const QString& scope)
{
    return QStringLiteral("%1 (%2)").arg(slot, scope);
}

void TokenVault::storeKey(const QString& k, const QByteArray& token, QObject* context, StoreDone done)
{
    const QPointer<QObject> guard(context);
    withKeyring([this, k, token](SecretStore::Callback cb) { m_keyring->write(k, token, this, std::move(cb)); },
        [this, k, token, guard, done](const SecretStore::Result& r) {
            if (r.ok) {
                m_file->remove(k, this, {});
                if (guard)
                    done(Location::Keyring, {});
                return;
            }
            if (keyringUsable())
                m_keyringDown.start(); // a keyring that refused once would refuse the next token too
            m_file->write(k, token, this, [this, k, guard, done](const SecretStore::Result& written) {
                if (written.ok && keyringUsable())
                    m_keyring->remove(k, this, {});
                if (guard)
                    done(written.ok ? Location::File : Location::None, written.error);
            });
        });
}

void TokenVault::loadKey(const QString& k, Location where, QObject* context, LoadDone done)
{
    const QPointer<QObject> guard(context);
    auto fromFile = [this, k, guard, done](const QString& keyringError) {
        m_file->read(k, this, [guard, done, keyringError](const SecretStore::Result& r) {
            if (guard)
                done(r.ok ? r.value : QByteArray(), r.ok ? QString() : keyringError.isEmpty() ? r.error : keyringError);
        });
    };
    if (where != Location::Keyring) {
        fromFile({});
        return;
    }
    withKeyring([this, k](SecretStore::Callback cb) { m_keyring->read(k, this, std::move(cb)); },
        [guard, done, fromFile](const SecretStore::Result& r) {
            if (r.ok) {
                if (guard)
                    done(r.value, {});
                return;
            }
            // Saved while the keyring was away, or the keyring is away now: the file may have it.
            fromFile(r.notFound ? TokenText::tr("the token is not in the desktop keyring any more") : r.error);
        });
}

void TokenVault::forgetKey(const QString& k, QObject* context, std::function<void()> done)
{
    const QPointer<QObject> guard(context);
    m_file->remove(k, this, {});
    withKeyring([this, k](SecretStore::Callback cb) { m_keyring->remove(k, this, std::move(cb)); },
        [guard, done](const SecretStore::Result&) {
            if (guard && done)
                done();
        });
}

} // namespace activity
