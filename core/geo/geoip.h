#pragma once

#include "core/geo/mmdbfile.h"

#include <QStringList>
#include <memory>
#include <unordered_map>

class Database;

// The active GeoIP databases: a country database (the shipped DB-IP one by default) and an optional City
// database that adds city and coordinates. Holds a lookup cache, so use one instance per thread.
class GeoIp {
public:
    GeoIp(const QString& countryDb, const QString& cityDb);

    // The shipped country database, found next to the installed program, in /usr/share/activity-dashboard
    // or in the source tree (a development build). Empty when none is found.
    static QString defaultCountryDatabase();
    // A City database: the `geoip.city_db` setting if set, else the first /usr/share/GeoIP/*.mmdb with cities.
    static QString cityDatabaseFor(Database& db);
    // What the program uses: the default country database plus the City database the settings name.
    static std::unique_ptr<GeoIp> openDefault(Database& db);

    // Empty when every database opened; else the reasons (a missing database is not fatal: lookups say unknown).
    QStringList errors() const;
    bool hasCountryDatabase() const { return m_country && m_country->isOpen(); }
    bool hasCityDatabase() const { return m_city && m_city->isOpen(); }

    // Unknown addresses give an empty GeoInfo, never an error.
    const GeoInfo& lookup(const unsigned char* addr, int len);
    static QString countryName(const QByteArray& code);

private:
    struct Key {
        quint64 hi = 0;
        quint64 lo = 0;
        bool operator==(const Key& o) const { return hi == o.hi && lo == o.lo; }
    };
    struct KeyHash {
        size_t operator()(const Key& k) const
        {
            quint64 x = k.hi * 0x9E3779B97F4A7C15ULL ^ k.lo;
            x ^= x >> 30;
            x *= 0xbf58476d1ce4e5b9ULL;
            x ^= x >> 27;
            x *= 0x94d049bb133111ebULL;
            return size_t(x ^ (x >> 31));
        }
    };
    std::unique_ptr<MmdbFile> m_country;
    std::unique_ptr<MmdbFile> m_city;
    std::unordered_map<Key, GeoInfo, KeyHash> m_cache;
};
