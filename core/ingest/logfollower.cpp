#include "core/ingest/logfollower.h"

#include "core/ingest/followworker.h"
#include "core/ingest/remotefollowworker.h"

namespace activity {

QJsonObject FollowPosition::toJson() const
{
    QJsonObject o;
    o.insert(QLatin1String("inode"), inode);
    o.insert(QLatin1String("offset"), offset);
    if (complete)
        o.insert(QLatin1String("complete"), true);
    if (!head.isEmpty())
        o.insert(QLatin1String("head"), QString::fromLatin1(head));
    return o;
}

FollowPosition FollowPosition::fromJson(const QJsonObject& state)
{
    FollowPosition p;
    p.inode = state.value(QLatin1String("inode")).toInteger();
    p.offset = state.value(QLatin1String("offset")).toInteger();
    p.complete = state.value(QLatin1String("complete")).toBool();
    p.head = state.value(QLatin1String("head")).toString().toLatin1();
    return p;
}

LogFollower::LogFollower(Options options, LineSink& sink)
    : m_options(std::move(options))
    , m_sink(sink)
    , m_position(m_options.start)
{ }

LogFollower::~LogFollower() = default; // the thread quits and deletes its worker first

void LogFollower::start()
{
    if (m_thread)
        return;
    m_thread = makeOwnedThread(QStringLiteral("follow %1").arg(m_options.sourceId));
    const auto run = [this](auto* worker) {
        worker->moveToThread(m_thread.get());
        QObject::connect(m_thread.get(), &QThread::started, worker, [worker] { worker->begin(); });
        QObject::connect(m_thread.get(), &QThread::finished, worker, &QObject::deleteLater);
    };
    if (RemoteLog::isRemote(m_options.path))
        run(new RemoteFollowWorker(*this, m_sink));
    else
        run(new FollowWorker(*this, m_sink));
    m_thread->start();
}

QString LogFollower::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void LogFollower::setError(const QString& error)
{
    std::lock_guard lock(m_mutex);
    m_error = error;
}

FollowPosition LogFollower::position() const
{
    std::lock_guard lock(m_mutex);
    return m_position;
}

void LogFollower::setPosition(const FollowPosition& position)
{
    std::lock_guard lock(m_mutex);
    m_position = position;
}

} // namespace activity
