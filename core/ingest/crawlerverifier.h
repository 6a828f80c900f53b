#pragma once

#include "core/ingest/crawlerchecks.h"
#include "core/util/ownedthread.h"

#include <QString>
#include <memory>
#include <string_view>

namespace activity {

class Clock;
class CrawlerCheckWorker;
class Database;
class DbWriter;
struct CrawlerCheckState;

// One address's verdict on one owner's crawler, as kept in crawler_verdicts.
struct CrawlerVerdict {
    QString addr; // crawlerAddressText()
    QString owner; // verifiers.json's name: "google"
    QString verdict; // "verified" or "spoofed" (an address that could not be checked has no row)
    QString method; // "ranges" or "dns"
    QString detail; // the reverse DNS name, or why it failed
    qint64 checkedAt = 0;
    qint64 expiresAt = 0; // when it is checked again if the address claims again
};

// The only writer of crawler_verdicts: the latest verdict per (address, owner).
class CrawlerVerdictStore {
public:
    explicit CrawlerVerdictStore(Database& db);
    void put(const CrawlerVerdict& v);
    // Addresses that claimed a checkable crawler and have no verdict, or one expired at `now`: (address, owner).
    QList<QPair<QHostAddress, QString>> unchecked(qint64 now);

private:
    Database& m_db;
};

// Checks the addresses of crawlers that claim a name whose owner publishes a check, without slowing ingest: the
// parsing thread calls claim() (a lock and a hash lookup) and goes on; the check runs on a thread of its own. An
// address in the owner's published ranges is verified at once; else, for owners with DNS domains, its reverse name
// must lie in one of them and that name's forward addresses must include it (verified), or not (spoofed); owners
// without DNS domains spoof outside their ranges. A DNS failure (timeout, refused) leaves the address unverified
// and it is tried again later. Verdicts are cached per (address, owner) until their DNS TTL (ranges: a day),
// lookups are limited to lookupsPerSecond, and at most maxQueued addresses wait (beyond, a claim stays unverified
// until claimed again). Verdicts are written through the DbWriter (CrawlerVerdictStore); reports apply them to the
// claims the ingest writer keeps per minute and address (crawler_claims).
class CrawlerVerifier {
public:
    struct Options {
        QString dnsServer; // setting agents.dns_server: host[:port], empty for the system's resolver
        int lookupsPerSecond = 20;
        int maxQueued = 10'000;
        int maxInFlight = 8;
        qint64 retrySecs = 600; // after a DNS failure
        qint64 minTtlSecs = 300;
        qint64 maxTtlSecs = qint64(7) * 86400;
        qint64 rangesTtlSecs = 86400;
    };
    CrawlerVerifier(
        DbWriter& writer, std::shared_ptr<const CrawlerChecks> checks, const Clock& clock, const Options& options);
    ~CrawlerVerifier();
    // A bad dns server setting: every DNS check fails (unverified), ranges still work.
    QString error() const;

    // Thread-safe and cheap: an address claiming `owner`'s crawler. Checked once per verdict's lifetime.
    void claim(const unsigned char* addr, int len, std::string_view owner);
    void claim(const QHostAddress& address, const QString& owner);
    // Waits until every claim made before is decided and its verdict written, or for timeoutMs. False on timeout.
    bool waitIdle(int timeoutMs);

    struct Counts {
        qint64 verified = 0;
        qint64 spoofed = 0;
        qint64 unverified = 0; // DNS failed, or the queue was full
    };
    Counts counts() const;

private:
    std::shared_ptr<CrawlerCheckState> m_state;
    OwnedThread m_thread; // quits and waits first when the verifier goes
    CrawlerCheckWorker* m_worker = nullptr; // lives on m_thread, deleted there when it ends
};

} // namespace activity
