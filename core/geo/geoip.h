#pragma once

#include "core/geo/mmdbfile.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace activity {

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
    // The key city rollups use: country, coordinates (4 decimals) and name, tab-separated; empty without a
    // city name or coordinates.
    static QByteArray cityKey(const QByteArray& country, const QString& city, double latitude, double longitude);

private:
    struct Key {
        quint64 hi = 0;
        quint64 lo = 0;
        bool operator==(const Key& o) const { return hi == o.hi && lo == o.lo; }
    };
    // Direct-mapped: one slot per hash, a colliding address replaces the previous one. One memory access per
    // hit, bounded size, no allocation per entry.
    struct Slot {
        Key key;
        bool used = false;
        GeoInfo info;
    };
    std::unique_ptr<MmdbFile> m_country;
    std::unique_ptr<MmdbFile> m_city;
    std::vector<Slot> m_cache;
};

} // namespace activity
