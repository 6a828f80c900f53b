#include "core/geo/mmdbfile.h"

#include <QCoreApplication>
#include <QFile>
#include <arpa/inet.h>
#include <cstring>
#include <maxminddb.h>
#include <netinet/in.h>

namespace activity {

namespace {
struct MmdbText {
    Q_DECLARE_TR_FUNCTIONS(MmdbText)
};

QByteArray stringAt(MMDB_lookup_result_s& result, const char* const* path)
{
    MMDB_entry_data_s data;
    if (MMDB_aget_value(&result.entry, &data, path) != MMDB_SUCCESS || !data.has_data
        || data.type != MMDB_DATA_TYPE_UTF8_STRING)
        return {};
    return QByteArray(data.utf8_string, int(data.data_size));
}

bool doubleAt(MMDB_lookup_result_s& result, const char* const* path, double& out)
{
    MMDB_entry_data_s data;
    if (MMDB_aget_value(&result.entry, &data, path) != MMDB_SUCCESS || !data.has_data)
        return false;
    if (data.type == MMDB_DATA_TYPE_DOUBLE)
        out = data.double_value;
    else if (data.type == MMDB_DATA_TYPE_FLOAT)
        out = data.float_value;
    else
        return false;
    return true;
}
} // namespace

MmdbFile::MmdbFile(const QString& path)
    : m_path(path)
{
    auto db = std::make_unique<MMDB_s>();
    const int rc = MMDB_open(QFile::encodeName(path).constData(), MMDB_MODE_MMAP, db.get());
    if (rc != MMDB_SUCCESS) {
        m_error = MmdbText::tr("cannot open GeoIP database %1: %2").arg(path, QString::fromUtf8(MMDB_strerror(rc)));
        return;
    }
    m_db = std::move(db);
}

MmdbFile::~MmdbFile()
{
    if (m_db)
        MMDB_close(m_db.get());
}

QString MmdbFile::databaseType() const
{
    return m_db ? QString::fromUtf8(m_db->metadata.database_type) : QString();
}

bool MmdbFile::lookup(const unsigned char* addr, int len, GeoInfo& out) const
{
    out = GeoInfo();
    if (!m_db || (len != 4 && len != 16))
        return false;
    sockaddr_storage storage {};
    if (len == 4) {
        auto* sa = reinterpret_cast<sockaddr_in*>(&storage);
        sa->sin_family = AF_INET;
        std::memcpy(&sa->sin_addr, addr, 4);
    } else {
        auto* sa = reinterpret_cast<sockaddr_in6*>(&storage);
        sa->sin6_family = AF_INET6;
        std::memcpy(&sa->sin6_addr, addr, 16);
    }
    int error = 0;
    MMDB_lookup_result_s result
        = MMDB_lookup_sockaddr(const_cast<MMDB_s*>(m_db.get()), reinterpret_cast<sockaddr*>(&storage), &error);
    if (error != MMDB_SUCCESS || !result.found_entry)
        return false;
    static const char* const isoCode[] = { "country", "iso_code", nullptr };
    static const char* const countryCode[] = { "country_code", nullptr };
    static const char* const cityName[] = { "city", "names", "en", nullptr };
    static const char* const latitude[] = { "location", "latitude", nullptr };
    static const char* const longitude[] = { "location", "longitude", nullptr };
    out.country = stringAt(result, isoCode);
    if (out.country.isEmpty())
        out.country = stringAt(result, countryCode);
    out.country = out.country.toUpper();
    if (out.country.size() != 2)
        out.country.clear();
    out.city = QString::fromUtf8(stringAt(result, cityName));
    out.hasLocation = doubleAt(result, latitude, out.latitude) && doubleAt(result, longitude, out.longitude);
    return !out.country.isEmpty() || !out.city.isEmpty() || out.hasLocation;
}

} // namespace activity
