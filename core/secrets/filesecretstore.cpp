#include "core/secrets/filesecretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <sys/stat.h>

namespace activity {

namespace {
struct SecretFileText {
    Q_DECLARE_TR_FUNCTIONS(SecretFileText)
};
} // namespace

FileSecretStore::FileSecretStore(QString path)
    : m_path(std::move(path))
{ }

bool FileSecretStore::load(QJsonObject& out, QString& error) const
{
    QFile file(m_path);
    if (!file.exists()) {
        out = {};
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        error = SecretFileText::tr("cannot read %1: %2").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        // The parser's message could quote the file's text, which holds tokens: say only where.
        error = SecretFileText::tr("%1 is not a token file of this program").arg(m_path);
        return false;
    }
    out = doc.object();
    return true;
}

QString FileSecretStore::save(const QJsonObject& secrets) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return SecretFileText::tr("cannot write %1: %2").arg(m_path, file.errorString());
    // Restrict the temporary file before a byte is written: it becomes the file on commit.
    if (::fchmod(file.handle(), S_IRUSR | S_IWUSR) != 0) {
        file.cancelWriting();
        return SecretFileText::tr("cannot make %1 private").arg(m_path);
    }
    file.write(QJsonDocument(secrets).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return SecretFileText::tr("cannot write %1: %2").arg(m_path, file.errorString());
    return {};
}

void FileSecretStore::read(const QString& key, QObject* context, Callback done)
{
    const QPointer<QObject> guard(context);
    Result r;
    QJsonObject secrets;
    if (!load(secrets, r.error)) {
        answer(guard, done, r);
        return;
    }
    const QJsonValue value = secrets.value(key);
    if (!value.isString() || value.toString().isEmpty()) {
        r.notFound = true;
        r.error = SecretFileText::tr("no token stored in %1").arg(m_path);
    } else {
        r.ok = true;
        r.value = value.toString().toUtf8();
    }
    answer(guard, done, r);
}

void FileSecretStore::write(const QString& key, const QByteArray& value, QObject* context, Callback done)
{
    const QPointer<QObject> guard(context);
    Result r;
    QJsonObject secrets;
    if (load(secrets, r.error)) {
        secrets.insert(key, QString::fromUtf8(value));
        r.error = save(secrets);
        r.ok = r.error.isEmpty();
    }
    answer(guard, done, r);
}

void FileSecretStore::remove(const QString& key, QObject* context, Callback done)
{
    const QPointer<QObject> guard(context);
    Result r;
    QJsonObject secrets;
    if (load(secrets, r.error)) {
        if (!secrets.contains(key)) {
            r.ok = true;
            r.notFound = true;
        } else {
            secrets.remove(key);
            r.error = save(secrets);
            r.ok = r.error.isEmpty();
        }
    }
    answer(guard, done, r);
}

} // namespace activity
