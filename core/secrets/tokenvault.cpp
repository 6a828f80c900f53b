#include "core/secrets/tokenvault.h"

#include "core/secrets/filesecretstore.h"
#include "core/secrets/keyringsecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

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
    const QPointer<QObject> guard(context);
    const QString k = key(sourceId);
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

void TokenVault::load(qint64 sourceId, Location where, QObject* context, LoadDone done)
{
    const QPointer<QObject> guard(context);
    const QString k = key(sourceId);
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

void TokenVault::forget(qint64 sourceId, QObject* context, std::function<void()> done)
{
    const QPointer<QObject> guard(context);
    const QString k = key(sourceId);
    m_file->remove(k, this, {});
    withKeyring([this, k](SecretStore::Callback cb) { m_keyring->remove(k, this, std::move(cb)); },
        [guard, done](const SecretStore::Result&) {
            if (guard && done)
                done();
        });
}

} // namespace activity
