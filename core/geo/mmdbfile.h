#pragma once

#include <QString>
#include <memory>

struct MMDB_s;

namespace activity {

// What a GeoIP database says about one address. An empty country means unknown.
struct GeoInfo {
    QByteArray country; // ISO 3166-1 alpha-2, upper case
    QString city;
    double latitude = 0;
    double longitude = 0;
    bool hasLocation = false;
    // "CC<TAB>latitude<TAB>longitude<TAB>city": the rollup key of a located city (GeoIp fills it), else empty.
    QByteArray cityKey;
};

// RAII over one opened .mmdb file. Lookups are thread-safe (libmaxminddb only reads the mapped file).
class MmdbFile {
public:
    explicit MmdbFile(const QString& path);
    ~MmdbFile();
    MmdbFile(const MmdbFile&) = delete;
    MmdbFile& operator=(const MmdbFile&) = delete;

    bool isOpen() const { return m_db != nullptr; }
    QString error() const { return m_error; }
    QString path() const { return m_path; }
    QString databaseType() const;

    // addr: 4 (IPv4) or 16 (IPv6) bytes in network order. Reads both the GeoIP2 schema (country.iso_code,
    // city.names.en, location) and the single-field `country_code` schema. Returns false when unknown.
    bool lookup(const unsigned char* addr, int len, GeoInfo& out) const;

private:
    QString m_path;
    QString m_error;
    std::unique_ptr<MMDB_s> m_db;
};

} // namespace activity
