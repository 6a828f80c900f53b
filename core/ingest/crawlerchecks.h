#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace activity {

// How to check crawlers that claim a name (agents.json's "verify" key names an owner here): the owners' published
// address ranges and the domains their reverse DNS names end in. From verifiers.json and the range files it names
// (the owners' own format: {"prefixes": [{"ipv4Prefix": ...}, {"ipv6Prefix": ...}]}), shipped as resources; a file
// of the same name in the data folder replaces the shipped one, so a user updates the ranges without a rebuild.
// Immutable once made: shared by threads.
class CrawlerChecks {
public:
    struct Owner {
        QString name; // "google"
        QList<QPair<QHostAddress, int>> prefixes;
        QStringList dnsDomains; // empty: checked by ranges only
    };
    static std::shared_ptr<const CrawlerChecks> load(const QString& dataDir, QString* error);
    // The shipped files only.
    static std::shared_ptr<const CrawlerChecks> shipped();

    const Owner* owner(const QString& name) const;
    static bool inRanges(const Owner& owner, const QHostAddress& address);
    // `name` (a PTR answer, with or without the final dot) is `domain` or below it: crawl-1.googlebot.com is in
    // googlebot.com, evilgooglebot.com and googlebot.com.example.net are not.
    static bool inDomains(const QString& name, const QStringList& domains);

private:
    std::vector<Owner> m_owners;
};

// An address as stored in the crawler tables ("192.0.2.1", "2001:db8::1"): `len` 4 or 16 bytes, network order.
QString crawlerAddressText(const unsigned char* addr, int len);
QHostAddress crawlerAddress(const unsigned char* addr, int len);

} // namespace activity
