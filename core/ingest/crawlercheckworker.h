#pragma once

#include "core/ingest/crawlerverifier.h"

#include <QHostAddress>
#include <QObject>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

class QTimer;

namespace activity {

class DnsResolver;

// What the claiming threads, the checking thread and the writer's callbacks share (the callbacks may outlive the
// verifier: they hold this, not it). Handed over only through `mutex` and the thread's start, never through a
// posted closure: ThreadSanitizer cannot see Qt's event queue hand a closure to another thread.
struct CrawlerCheckState {
    // Set before the checking thread starts, read-only after.
    DbWriter* writer = nullptr;
    std::shared_ptr<const CrawlerChecks> checks;
    const Clock* clock = nullptr;
    CrawlerVerifier::Options options;

    struct Entry {
        bool pending = true;
        qint64 until = 0; // decided: checked again after this
    };
    struct Job {
        std::string key; // the address's bytes, then the owner
        QHostAddress address;
        QString owner;
    };
    // Under `mutex`.
    std::mutex mutex;
    std::condition_variable changed; // started, or a claim done
    std::unordered_map<std::string, Entry> known;
    std::deque<Job> queue;
    qint64 outstanding = 0; // claims queued, being checked or being written
    bool pumpScheduled = false;
    CrawlerVerifier::Counts counts;
    bool started = false; // the checking thread made its resolver
    QString error; // the resolver's
};

// The checking thread's side of a CrawlerVerifier: the DNS resolver, the retry timer and the lookup rate. It lives on
// that thread; begin() runs when the thread starts, pump() is invoked by name (a queued call with no arguments).
class CrawlerCheckWorker final : public QObject {
    Q_OBJECT
public:
    explicit CrawlerCheckWorker(std::shared_ptr<CrawlerCheckState> state);
    ~CrawlerCheckWorker() override;

public slots:
    void begin();
    // Decides what the ranges decide, starts DNS checks within the rate and in-flight limits.
    void pump();

private:
    using Job = CrawlerCheckState::Job;
    void checkByDns(const Job& job);
    void finish(const Job& job, const QString& verdict, const QString& method, const QString& detail, qint64 ttl);

    std::shared_ptr<CrawlerCheckState> m_state;
    std::unique_ptr<DnsResolver> m_dns;
    QTimer* m_retry = nullptr; // a child: pumps again when the rate or in-flight limit held the queue
    int m_inFlight = 0;
    double m_tokens = 0;
    qint64 m_tokensAtMs = 0;
};

} // namespace activity
