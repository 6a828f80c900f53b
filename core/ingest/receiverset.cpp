#include "core/ingest/receiverset.h"

#include "core/sources/sourceregistry.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/fetchstate.h"
#include "core/storage/ingestcounters.h"
#include "core/util/clock.h"
#include "core/util/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QMap>

namespace activity {

namespace {
struct ReceiverText {
    Q_DECLARE_TR_FUNCTIONS(ReceiverText)
};

constexpr qint64 kRetrySecs = 60;
constexpr int kCommitWaitMs = 5000; // for the sink to store what was offered before a position is saved

QByteArray siteSetting(const QJsonObject& settings)
{
    return settings.value(QLatin1String("site")).toString().toUtf8();
}
} // namespace

ReceiverSet::ReceiverSet(
    DbWriter& writer, const Clock& clock, const SourceRegistry& registry, LineSink& sink, Configure configure)
    : m_writer(writer)
    , m_types(registry.typeNames(SourceKind::Log))
    , m_listenerTypes(registry.typeNames(LogReceiver::Listener))
    , m_followerTypes(registry.typeNames(LogReceiver::Follower))
    , m_clock(clock)
    , m_sink(sink)
    , m_configure(std::move(configure))
{ }

ReceiverSet::ReceiverSet(
    Database& db, const Clock& clock, const SourceRegistry& registry, LineSink& sink, Configure configure)
    : ReceiverSet(*new DbWriter(db), clock, registry, sink, std::move(configure))
{
    m_ownWriter.reset(&m_writer);
}

ReceiverSet::~ReceiverSet()
{
    stopAll();
}

QStringList ReceiverSet::sync()
{
    struct Wanted {
        QString type;
        QJsonObject settings;
        QString fingerprint;
    };
    QMap<qint64, Wanted> wanted; // by id, so sources start (and report) in a stable order
    m_writer.query([&](Database& db) {
        Statement s = db.prepare(
            "SELECT id, type, settings FROM sources WHERE enabled = 1 AND type IN ('syslog', 'logfile') ORDER BY id");
        while (s.step()) {
            Wanted w;
            w.type = s.text(1);
            if (!m_types.contains(w.type))
                continue;
            const QString json = s.text(2);
            w.settings = QJsonDocument::fromJson(json.toUtf8()).object();
            const QString owner = w.settings.value(QLatin1String("collector")).toString();
            if (!owner.isEmpty() && !m_collectorName.isEmpty() && owner != m_collectorName)
                continue; // another collector's listener or file

            w.fingerprint = w.type + QLatin1Char(' ') + json;
            wanted.insert(s.int64(0), w);
        }
    });
    // Stop what was removed, paused or changed.
    for (auto it = m_receivers.begin(); it != m_receivers.end();) {
        const auto w = wanted.constFind(it.key());
        if (w != wanted.cend() && w->fingerprint == it.value()->fingerprint) {
            ++it;
            continue;
        }
        Receiver& old = *it.value();
        if (old.listener)
            old.listener->stop();
        if (old.follower)
            old.follower->stop();
        saveAndRemember(it.key(), old);
        it = m_receivers.erase(it);
    }
    QStringList errors;
    const qint64 now = m_clock.nowSecs();
    for (auto w = wanted.cbegin(); w != wanted.cend(); ++w) {
        auto& slot = m_receivers[w.key()];
        if (slot && (slot->failedAt == 0 || now - slot->failedAt < kRetrySecs))
            continue;
        auto receiver = std::make_shared<Receiver>();
        receiver->fingerprint = w->fingerprint;
        if (slot) { // a failed start being retried: keep what was saved
            receiver->saved = slot->saved;
        }
        const QString error = startReceiver(w.key(), w->type, w->settings, *receiver);
        if (!error.isEmpty()) {
            receiver->failedAt = now;
            recordError(w.key(), error);
            errors.append(ReceiverText::tr("source %1: %2").arg(w.key()).arg(error));
        }
        slot = receiver;
    }
    return errors;
}

QString ReceiverSet::startReceiver(qint64 id, const QString& type, const QJsonObject& settings, Receiver& receiver)
{
    if (m_configure) {
        if (QString error = m_configure(id, settings); !error.isEmpty())
            return error;
    }
    if (m_listenerTypes.contains(type)) {
        SyslogListener::Options options;
        options.sourceId = id;
        const QString listen = settings.value(QLatin1String("listen")).toString(QStringLiteral("udp://127.0.0.1:5514"));
        const auto address = Validators::parseListenUrl(listen);
        if (!address)
            return ReceiverText::tr("cannot listen on '%1': not udp://ADDR:PORT or tcp://ADDR:PORT").arg(listen);
        options.listen = *address;
        const QString allow = settings.value(QLatin1String("allow")).toString(QStringLiteral("127.0.0.0/8,::1/128"));
        const auto allowList = AllowList::parse(allow);
        if (!allowList)
            return ReceiverText::tr("the allow-list '%1' is not a list of networks").arg(allow);
        options.allow = *allowList;
        options.site = siteSetting(settings);
        receiver.listener = std::make_unique<SyslogListener>(options, m_sink);
        const QString error = receiver.listener->start();
        if (!error.isEmpty())
            receiver.listener.reset();
        return error;
    }
    LogFollower::Options options;
    options.sourceId = id;
    options.path = settings.value(QLatin1String("path")).toString();
    options.site = siteSetting(settings);
    m_writer.query([&](Database& db) { options.start = FollowPosition::fromJson(FetchState(db).state(id)); });
    receiver.saved.position = options.start;
    receiver.follower = std::make_unique<LogFollower>(options, m_sink);
    receiver.follower->start();
    return {};
}

ReceiverSet::Receiver::Saved ReceiverSet::snapshot(const Receiver& receiver)
{
    Receiver::Saved now = receiver.saved;
    if (receiver.follower) {
        now.position = receiver.follower->position();
        now.error = receiver.follower->error();
    }
    if (receiver.listener) {
        const ListenerCounters& c = receiver.listener->counters();
        now.received = c.received.load();
        now.denied = c.denied.load();
        now.refused = c.refusedConnections.load();
        now.evicted = c.evictedConnections.load();
        now.kernelDropped = c.kernelDropped.load();
    }
    return now;
}

void ReceiverSet::saveState()
{
    // Positions are read first, then the sink commits every line offered so far, then the positions are written:
    // a saved position never runs ahead of the lines stored (if the sink cannot commit, positions wait). What was
    // written is remembered only once committed: a failed save is tried again in full next time.
    QHash<qint64, Receiver::Saved> now;
    for (auto it = m_receivers.cbegin(); it != m_receivers.cend(); ++it)
        now.insert(it.key(), snapshot(*it.value()));
    if (!m_sink.commitOffered(kCommitWaitMs))
        for (auto it = now.begin(); it != now.end(); ++it)
            it->position = m_receivers.value(it.key())->saved.position;
    QHash<qint64, Receiver::Saved> saved;
    m_writer.run([&](Database& db) {
        saved.clear();
        for (auto it = now.cbegin(); it != now.cend(); ++it) {
            const auto r = m_receivers.value(it.key());
            if (!r)
                continue;
            Receiver::Saved next = r->saved;
            save(db, it.key(), it.value(), next);
            saved.insert(it.key(), next);
        }
    });
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        if (const auto r = m_receivers.value(it.key()))
            r->saved = it.value();
}

void ReceiverSet::saveAndRemember(qint64 id, Receiver& receiver)
{
    try {
        Receiver::Saved now = snapshot(receiver);
        if (!m_sink.commitOffered(kCommitWaitMs))
            now.position = receiver.saved.position;
        Receiver::Saved next = receiver.saved;
        m_writer.run([&](Database& db) {
            next = receiver.saved;
            save(db, id, now, next);
        });
        receiver.saved = next;
    } catch (const std::exception& e) {
        // Not saved: a restart reads again from the last saved position (nothing is lost, a few lines may be
        // counted twice by the listener counters).
        qCWarning(lcIngest) << "position and counters of source" << id << "not saved:" << e.what();
    }
}

void ReceiverSet::save(Database& db, qint64 id, const Receiver::Saved& now, Receiver::Saved& saved)
{
    // Rows are written only while the source exists: a removed (and purged) source gets nothing back.
    if (!(now.position == saved.position)) {
        FetchState(db).setState(id, now.position.toJson(), m_clock.nowSecs());
        saved.position = now.position;
    }
    if (now.error != saved.error) { // shown with the source, cleared once the file is reachable again
        FetchState(db).recordError(id, m_clock.nowSecs(), now.error);
        saved.error = now.error;
    }
    // The sink counts what it stores, rejects and drops; the listener adds what only it sees.
    const std::pair<const char*, std::pair<qint64, qint64*>> counters[] = {
        { "messages_received", { now.received, &saved.received } },
        { "denied", { now.denied, &saved.denied } },
        { "refused_connections", { now.refused, &saved.refused } },
        { "evicted_connections", { now.evicted, &saved.evicted } },
        { "kernel_dropped", { now.kernelDropped, &saved.kernelDropped } },
    };
    for (const auto& [name, values] : counters) {
        const auto [value, before] = values;
        if (value == *before)
            continue;
        IngestCounters(db).add(id, QString::fromLatin1(name), value - *before);
        *before = value;
    }
}

void ReceiverSet::recordError(qint64 id, const QString& message)
{
    try {
        m_writer.run([&](Database& db) { FetchState(db).recordError(id, m_clock.nowSecs(), message); });
    } catch (const std::exception& e) {
        // The error is also returned by sync(), which the caller prints or shows.
        qCWarning(lcIngest) << "the error of source" << id << "could not be recorded:" << e.what();
    }
}

void ReceiverSet::stopReceiving()
{
    for (auto& receiver : m_receivers) {
        if (receiver->listener)
            receiver->listener->stop();
        if (receiver->follower)
            receiver->follower->stop();
    }
}

void ReceiverSet::stopAll()
{
    if (m_receivers.isEmpty())
        return;
    // Stop receiving first, so the saved positions and counters are final.
    stopReceiving();
    try {
        saveState();
    } catch (const std::exception& e) {
        // Positions not saved: a restart reads again from the last saved ones, so no line is lost.
        qCWarning(lcIngest) << "positions not saved when stopping:" << e.what();
    }
    m_receivers.clear();
}

SyslogListener* ReceiverSet::listener(qint64 sourceId) const
{
    const auto it = m_receivers.constFind(sourceId);
    return it == m_receivers.cend() ? nullptr : it.value()->listener.get();
}

LogFollower* ReceiverSet::follower(qint64 sourceId) const
{
    const auto it = m_receivers.constFind(sourceId);
    return it == m_receivers.cend() ? nullptr : it.value()->follower.get();
}

} // namespace activity
