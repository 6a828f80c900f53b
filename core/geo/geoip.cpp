#include "core/geo/geoip.h"

#include "core/settings/appsettings.h"
#include "core/storage/database.h"
#include "core/util/hashmix.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <cstring>

namespace activity {

namespace {
constexpr size_t kCacheSlots = 1 << 17; // ~9 MiB

size_t slotOf(quint64 hi, quint64 lo)
{
    return size_t(hashMix(hi * 0x9E3779B97F4A7C15ULL ^ lo)) & (kCacheSlots - 1);
}
constexpr char kCountryFile[] = "dbip-country.mmdb";
} // namespace

GeoIp::GeoIp(const QString& countryDb, const QString& cityDb)
{
    if (!countryDb.isEmpty())
        m_country = std::make_unique<MmdbFile>(countryDb);
    if (!cityDb.isEmpty())
        m_city = std::make_unique<MmdbFile>(cityDb);
}

QString GeoIp::defaultCountryDatabase()
{
    QStringList dirs;
    // Installed (.deb: /usr/bin/../share/activity-dashboard/geoip), then system-wide, then the source tree.
    if (QCoreApplication::instance())
        dirs << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/activity-dashboard/geoip");
    dirs << QStringLiteral("/usr/share/activity-dashboard/geoip");
#ifdef ACTIVITY_RESOURCE_DIR
    dirs << QStringLiteral(ACTIVITY_RESOURCE_DIR "/geoip");
#endif
    for (const QString& dir : std::as_const(dirs)) {
        const QFileInfo file(dir + QLatin1Char('/') + QLatin1String(kCountryFile));
        if (file.isFile())
            return file.canonicalFilePath();
    }
    return {};
}

QString GeoIp::cityDatabaseFor(Database& db)
{
    if (const QString configured = AppSettings::cityDatabase(db); !configured.isEmpty())
        return configured;
    const QDir system(QStringLiteral("/usr/share/GeoIP"));
    const QStringList files = system.entryList({ QStringLiteral("*.mmdb") }, QDir::Files, QDir::Name);
    for (const QString& name : files) {
        MmdbFile file(system.filePath(name));
        if (file.isOpen() && file.databaseType().contains(QLatin1String("City"), Qt::CaseInsensitive))
            return file.path();
    }
    return {};
}

std::unique_ptr<GeoIp> GeoIp::openDefault(Database& db)
{
    return std::make_unique<GeoIp>(defaultCountryDatabase(), cityDatabaseFor(db));
}

QStringList GeoIp::errors() const
{
    QStringList out;
    if (m_country && !m_country->isOpen())
        out << m_country->error();
    if (m_city && !m_city->isOpen())
        out << m_city->error();
    return out;
}

const GeoInfo& GeoIp::lookup(const unsigned char* addr, int len)
{
    Key key;
    if (len == 4) {
        quint32 v = 0;
        std::memcpy(&v, addr, 4);
        key.hi = 0xffffffffffffffffULL; // no IPv6 address uses this prefix in a log we care about
        key.lo = v;
    } else if (len == 16) {
        std::memcpy(&key.hi, addr, 8);
        std::memcpy(&key.lo, addr + 8, 8);
    }
    if (m_cache.empty())
        m_cache.resize(kCacheSlots);
    Slot& slot = m_cache[slotOf(key.hi, key.lo)];
    if (slot.used && slot.key == key)
        return slot.info;
    // The City database answers first (it is the more precise); the country one fills a missing country.
    GeoInfo info;
    if (m_city)
        m_city->lookup(addr, len, info);
    if (info.country.isEmpty() && m_country) {
        GeoInfo country;
        m_country->lookup(addr, len, country);
        if (info.city.isEmpty() && !info.hasLocation)
            info = country;
        else
            info.country = country.country;
    }
    info.cityKey = cityKey(info.country, info.city, info.latitude, info.longitude);
    if (!info.hasLocation)
        info.cityKey.clear();
    slot.key = key;
    slot.used = true;
    slot.info = std::move(info);
    return slot.info;
}

QByteArray GeoIp::cityKey(const QByteArray& country, const QString& city, double latitude, double longitude)
{
    if (city.isEmpty())
        return {};
    QString name = city;
    name.replace(QLatin1Char('\t'), QLatin1Char(' '));
    return country + '\t' + QByteArray::number(latitude, 'f', 4) + '\t' + QByteArray::number(longitude, 'f', 4) + '\t'
        + name.toUtf8();
}

QString GeoIp::countryName(const QByteArray& code)
{
    if (code.size() != 2)
        return {};
    const QLocale::Territory territory = QLocale::codeToTerritory(QString::fromLatin1(code));
    if (territory == QLocale::AnyTerritory)
        return QString::fromLatin1(code);
    return QLocale::territoryToString(territory);
}

} // namespace activity
