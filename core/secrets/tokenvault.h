#pragma once

#include "core/secrets/secretstore.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>

namespace activity {

class FileSecretStore;

// Where the API tokens of sources are kept: the desktop keyring when one answers, else a file only the
// user can read (FileSecretStore). A source's settings say which ("token": "keyring" or "file"), never
// the token. A keyring that does not answer within the timeout counts as absent for a while (10 min),
// so a machine without one (CI, a server) falls back at once after the first try, and a keyring that was
// only locked is asked again later.
class TokenVault : public QObject {
    Q_OBJECT
public:
    enum class Location { None, Keyring, File };
    // The slot of the mail server's password (alert emails) beside the sources' tokens.
    static constexpr qint64 kSmtpPassword = -1;

    // `keyring` may be null (no keyring on this machine). `scope` tells data folders apart in the keyring.
    TokenVault(std::unique_ptr<SecretStore> keyring, std::unique_ptr<FileSecretStore> file, QString scope,
        QObject* parent = nullptr);
    ~TokenVault() override;
    // The keyring (QtKeychain) and DATA_DIR/tokens.json.
    static std::unique_ptr<TokenVault> createDefault(const QString& dataDir, QObject* parent = nullptr);

    void setKeyringTimeoutMs(int ms) { m_timeoutMs = ms; }
    // How long a keyring that failed is left alone before it is asked again.
    void setKeyringRetryMs(qint64 ms) { m_retryMs = ms; }
    bool keyringUsable() const
    {
        return m_keyring && (!m_keyringDown.isValid() || m_keyringDown.elapsed() >= m_retryMs);
    }
    QString filePath() const;

    using StoreDone = std::function<void(Location where, const QString& error)>;
    using LoadDone = std::function<void(const QByteArray& token, const QString& error)>;
    // Keyring first, else the file; the copy in the other place (from an earlier token) is removed.
    void store(qint64 sourceId, const QByteArray& token, QObject* context, StoreDone done);
    void load(qint64 sourceId, Location where, QObject* context, LoadDone done);
    // Removes the token from both places.
    void forget(qint64 sourceId, QObject* context, std::function<void()> done);

    // The same for any other secret, kept under a named slot ("source secrets 3f9a…", "alert webhook 5c2e…").
    void storeSlot(const QString& slot, const QByteArray& value, QObject* context, StoreDone done);
    void loadSlot(const QString& slot, Location where, QObject* context, LoadDone done);
    void forgetSlot(const QString& slot, QObject* context, std::function<void()> done);
    // Waits for the vault (a local event loop, as long as the keyring's timeout at most): for commands and the
    // services they call. Empty error on success.
    Location storeSlotNow(const QString& slot, const QByteArray& value, QString* error);
    QByteArray loadSlotNow(const QString& slot, Location where, QString* error);
    void forgetSlotNow(const QString& slot);
    // A new slot name with this prefix, unique in practice.
    static QString newSlot(const QString& prefix);
    // "keyring:SLOT" or "file:SLOT", what the database records of a secret; and back.
    static QString reference(Location where, const QString& slot);
    static bool parseReference(const QString& reference, Location* where, QString* slot);
    // The key under which `slot` of the data folder `scope` is kept (also for the schema upgrade, which writes
    // the private file directly).
    static QString slotKey(const QString& slot, const QString& scope);

    QString key(qint64 sourceId) const;
    static QString locationName(Location where); // "keyring", "file", ""
    static Location parseLocation(const QString& name);
    // "ghp_…abcd": enough to recognise a token, not enough to use it.
    static QString mask(const QByteArray& token);
    // Empty when the text can be sent in an HTTP header as a token; else why not.
    static QString checkToken(const QByteArray& token);

private:
    void storeKey(const QString& k, const QByteArray& value, QObject* context, StoreDone done);
    void loadKey(const QString& k, Location where, QObject* context, LoadDone done);
    void forgetKey(const QString& k, QObject* context, std::function<void()> done);
    void withKeyring(const std::function<void(SecretStore::Callback)>& call, SecretStore::Callback done);

    std::unique_ptr<SecretStore> m_keyring;
    std::unique_ptr<FileSecretStore> m_file;
    QString m_scope;
    int m_timeoutMs = 3000;
    QElapsedTimer m_keyringDown; // valid: since when the keyring failed
    qint64 m_retryMs = qint64(10) * 60 * 1000;
};

} // namespace activity
