#include "core/util/eventlog.h"

#include <QMetaObject>
#include <atomic>

namespace activity {

namespace {
std::atomic<EventLog*> g_log { nullptr };
QtMessageHandler g_previous = nullptr;

void handle(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QLatin1String category(context.category ? context.category : "");
    if (type != QtDebugMsg && type != QtInfoMsg && category.startsWith(QLatin1String("activity."))) {
        if (EventLog* log = g_log.load())
            log->record(type, category.mid(9), message);
    }
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

EventLog::EventLog(int capacity, QObject* parent)
    : QObject(parent)
    , m_capacity(capacity)
{ }

EventLog::~EventLog()
{
    EventLog* self = this;
    g_log.compare_exchange_strong(self, nullptr);
}

void EventLog::install()
{
    if (!g_log.exchange(this)) {
        QtMessageHandler previous = qInstallMessageHandler(handle);
        if (previous != handle)
            g_previous = previous;
    }
}

void EventLog::record(QtMsgType type, const QString& category, const QString& message)
{
    {
        std::lock_guard lock(m_mutex);
        m_entries.push_back({ QDateTime::currentDateTimeUtc(), type, category, message });
        while (int(m_entries.size()) > m_capacity)
            m_entries.pop_front();
    }
    QMetaObject::invokeMethod(this, &EventLog::added, Qt::QueuedConnection);
}

QList<EventLog::Entry> EventLog::entries() const
{
    std::lock_guard lock(m_mutex);
    return QList<Entry>(m_entries.begin(), m_entries.end());
}

} // namespace activity
