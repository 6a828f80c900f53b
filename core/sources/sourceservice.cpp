#include "core/sources/sourceservice.h"

#include "core/secrets/secretmask.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourcesecrets.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/util/clock.h"
#include "core/util/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QThread>

namespace activity {

namespace {
const QString kTokenKey = QStringLiteral("token");

struct ServiceText {
    Q_DECLARE_TR_FUNCTIONS(SourceService)
};
} // namespace

SourceService::SourceService(DbWriter& writer, const SourceRegistry& registry, const Clock& clock)
    : m_writer(writer)
    , m_registry(registry)
    , m_clock(clock)
{ }

QString SourceService::check(const QString& type, const QJsonObject& settings, const QByteArray& token) const
{
    QJsonObject checked = settings;
    if (!token.isEmpty())
        checked.insert(kTokenKey, QStringLiteral("keyring")); // where it will say its token is
    QStringList errors;
    for (const FieldError& e : m_registry.validate(type, checked))
        errors.append(e.toString());
    if (!token.isEmpty() && !m_vault)
        errors.append(ServiceText::tr("there is nowhere to keep a token"));
    else if (!token.isEmpty())
        if (const QString bad = TokenVault::checkToken(token); !bad.isEmpty())
            errors.append(bad);
    return errors.join(QLatin1Char('\n'));
}

QJsonObject SourceService::withDefaults(const QString& type, QJsonObject settings) const
{
    m_registry.validate(type, settings);
    return settings;
}

QString SourceService::displayName(const QString& type, const QJsonObject& settings) const
{
    const SourceTypeSpec* spec = m_registry.find(type);
    return spec && spec->displayName ? spec->displayName(settings) : type;
}

SourceChange SourceService::guarded(const std::function<SourceChange()>& change)
{
    try {
        return change();
    } catch (const DatabaseError& e) {
        qCWarning(lcSources) << "changing the sources failed:" << e.message();
        return SourceChange::failure(e.message());
    }
}

bool SourceService::secretsKept(const QString& type, const QJsonObject& settings) const
{
    if (settings.contains(SourceSecrets::kSettingsKey))
        return true;
    const SourceTypeSpec* spec = m_registry.find(type);
    if (!spec)
        return true;
    if (!SourceSecrets::split(*spec, settings).secrets.isEmpty())
        return false;
    for (const FieldSpec& f : spec->fields)
        if (f.secrets != FieldSpec::Secrets::None && SourceSecrets::showsMask(settings.value(f.name).toString()))
            return false;
    return true;
}

Result<QJsonObject> SourceService::keepSecrets(
    const QString& type, const QJsonObject& settings, const std::optional<SourceRecord>& previous)
{
    const SourceTypeSpec* spec = m_registry.find(type);
    if (!spec)
        return Error { ServiceText::tr("unknown source type '%1'").arg(type) };
    if (m_vault && m_vault->thread() != QThread::currentThread())
        return Error { QStringLiteral("secrets are kept on the vault's thread, not the writer's") };
    QJsonObject full = settings;
    full.remove(SourceSecrets::kSettingsKey);
    TokenVault::Location where = TokenVault::Location::None;
    QString slot;
    const bool had = previous
        && TokenVault::parseReference(previous->settings.value(SourceSecrets::kSettingsKey).toString(), &where, &slot);
    // A field left as it was shown keeps the secret it stands for.
    QJsonObject kept;
    QString readError;
    if (had && m_vault)
        kept = QJsonDocument::fromJson(m_vault->loadSlotNow(slot, where, &readError)).object();
    for (const FieldSpec& f : spec->fields) {
        if (f.secrets == FieldSpec::Secrets::None || !full.contains(f.name))
            continue;
        const QString value = full.value(f.name).toString();
        if (!SourceSecrets::showsMask(value))
            continue;
        if (previous && value == previous->settings.value(f.name).toString() && kept.contains(f.name))
            full.insert(f.name, kept.value(f.name));
        else
            return Error { ServiceText::tr("--%1 shows %2 where a secret was, and that secret is not on this "
                                           "machine%3: type the whole value again")
                               .arg(f.name, SecretMask::mask(),
                                   readError.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(readError)) };
    }
    SourceSecrets::Split split = SourceSecrets::split(*spec, full);
    if (split.secrets.isEmpty()) {
        if (had && m_vault)
            m_vault->forgetSlotNow(slot);
        return split.shown;
    }
    if (!m_vault)
        return Error { ServiceText::tr("these settings hold a secret (%1), and there is nowhere to keep it")
                           .arg(split.secrets.keys().join(QStringLiteral(", "))) };
    if (!had)
        slot = TokenVault::newSlot(QStringLiteral("source secrets"));
    QString problem;
    const TokenVault::Location stored
        = m_vault->storeSlotNow(slot, QJsonDocument(split.secrets).toJson(QJsonDocument::Compact), &problem);
    if (stored == TokenVault::Location::None)
        return Error { ServiceText::tr("the secrets of these settings could not be stored: %1").arg(problem) };
    split.shown.insert(SourceSecrets::kSettingsKey, TokenVault::reference(stored, slot));
    return split.shown;
}

void SourceService::forgetSecrets(const QJsonObject& storedSettings, QObject* context)
{
    TokenVault::Location where = TokenVault::Location::None;
    QString slot;
    if (m_vault
        && TokenVault::parseReference(storedSettings.value(SourceSecrets::kSettingsKey).toString(), &where, &slot))
        m_vault->forgetSlot(slot, context, {});
}

SourceChange SourceService::add(const QString& type, const QJsonObject& settings, const QByteArray& token)
{
    QJsonObject s = settings;
    s.remove(kTokenKey); // said once the token is stored (setTokenLocation)
    if (const QString error = check(type, s, token); !error.isEmpty())
        return SourceChange::failure(error);
    s = withDefaults(type, s);
    // The secrets go to the vault first: the row never holds them, even for a moment.
    if (!secretsKept(type, s)) {
        Result<QJsonObject> kept = keepSecrets(type, s, std::nullopt);
        if (!kept)
            return SourceChange::failure(kept.error());
        s = *kept;
    }
    const QString name = displayName(type, s);
    return guarded([&] {
        const qint64 id = m_writer.call([&](Database& db) { return SourceStore(db, m_clock).add(type, name, s); });
        qCInfo(lcSources) << "added source" << id << type << name;
        return SourceChange::success(id, name);
    });
}

SourceChange SourceService::edit(qint64 id, const QJsonObject& settings, TokenChange token, const QByteArray& newToken)
{
    return guarded([&] {
        const auto record = get(id);
        if (!record)
            return SourceChange::failure(ServiceText::tr("source %1 does not exist").arg(id), id);
        QJsonObject s = settings;
        s.remove(kTokenKey);
        if (token == TokenChange::Keep && record->settings.contains(kTokenKey))
            s.insert(kTokenKey, record->settings.value(kTokenKey));
        if (const QString error = check(record->type, s, token == TokenChange::Replace ? newToken : QByteArray());
            !error.isEmpty())
            return SourceChange::failure(error, id);
        if (token == TokenChange::Replace && newToken.isEmpty())
            return SourceChange::failure(ServiceText::tr("the new token is empty"), id);
        s = withDefaults(record->type, s);
        if (!secretsKept(record->type, s)
            || record->settings.contains(SourceSecrets::kSettingsKey) != s.contains(SourceSecrets::kSettingsKey)) {
            Result<QJsonObject> kept = keepSecrets(record->type, s, record);
            if (!kept)
                return SourceChange::failure(kept.error(), id);
            s = *kept;
        }
        const QString name = displayName(record->type, s);
        const bool found = m_writer.call([&](Database& db) { return SourceStore(db, m_clock).update(id, name, s); });
        if (!found)
            return SourceChange::failure(ServiceText::tr("source %1 does not exist").arg(id), id);
        return SourceChange::success(id, name);
    });
}

SourceChange SourceService::setEnabled(qint64 id, bool enabled)
{
    return guarded([&] {
        const bool found
            = m_writer.call([&](Database& db) { return SourceStore(db, m_clock).setEnabled(id, enabled); });
        if (!found)
            return SourceChange::failure(ServiceText::tr("no source with ID %1").arg(id), id);
        return SourceChange::success(id);
    });
}

SourceChange SourceService::remove(qint64 id, bool purge)
{
    return guarded([&] {
        const auto record = get(id);
        const bool found = m_writer.call([&](Database& db) { return SourceStore(db, m_clock).remove(id, purge); });
        if (!found)
            return SourceChange::failure(ServiceText::tr("no source with ID %1").arg(id), id);
        TokenVault::Location where = TokenVault::Location::None;
        QString slot;
        if (record && m_vault && m_vault->thread() == QThread::currentThread()
            && TokenVault::parseReference(
                record->settings.value(SourceSecrets::kSettingsKey).toString(), &where, &slot))
            m_vault->forgetSlotNow(slot);
        qCInfo(lcSources) << "removed source" << id << (purge ? "and its history" : "");
        return SourceChange::success(id);
    });
}

SourceChange SourceService::setTokenLocation(qint64 id, const QString& location)
{
    return guarded([&] {
        const bool found = m_writer.call([&](Database& db) {
            SourceStore store(db, m_clock);
            const auto record = store.get(id);
            if (!record)
                return false;
            QJsonObject s = record->settings;
            if (location.isEmpty())
                s.remove(kTokenKey);
            else
                s.insert(kTokenKey, location);
            return store.update(id, record->name, s);
        });
        return found ? SourceChange::success(id)
                     : SourceChange::failure(ServiceText::tr("no source with ID %1").arg(id), id);
    });
}

void SourceService::storeToken(qint64 id, const QString& name, const QByteArray& token, QObject* context,
    std::function<void(bool, const QString&)> done)
{
    if (!m_vault) {
        done(false, ServiceText::tr("there is nowhere to keep a token"));
        return;
    }
    m_vault->store(id, token, context,
        [this, id, name, context, done = std::move(done)](TokenVault::Location where, const QString& error) {
            if (where == TokenVault::Location::None) {
                done(false, ServiceText::tr("The token of %1 could not be stored: %2").arg(name, error));
                return;
            }
            const QString message = where == TokenVault::Location::Keyring
                ? ServiceText::tr("The token of %1 is stored in the desktop keyring.").arg(name)
                : ServiceText::tr("No desktop keyring answered: the token of %1 is stored in %2, readable only by you.")
                      .arg(name, m_vault->filePath());
            // Only now does the source say where its token is: a collector never looks for one that is not there.
            const QString location = TokenVault::locationName(where);
            later<SourceChange>(
                context, [id, location](SourceService& s) { return s.setTokenLocation(id, location); },
                [done, message](const SourceChange& c) { done(c.ok(), c.ok() ? message : c.error); });
        });
}

void SourceService::forgetToken(qint64 id, QObject* context, std::function<void()> done)
{
    if (!m_vault) {
        if (done)
            done();
        return;
    }
    m_vault->forget(id, context, std::move(done));
}

QList<SourceRecord> SourceService::list()
{
    return m_writer.queryValue([&](Database& db) { return SourceStore(db, m_clock).list(); });
}

QList<SourceRecord> SourceService::read(Database& db)
{
    const SystemClock unused; // a read needs no clock
    return SourceStore(db, unused).list();
}

std::optional<SourceRecord> SourceService::get(qint64 id)
{
    return m_writer.queryValue([&](Database& db) { return SourceStore(db, m_clock).get(id); });
}

void SourceService::post(std::function<void()> task)
{
    m_writer.postTask(std::move(task));
}

} // namespace activity
