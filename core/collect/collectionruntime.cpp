#include "core/collect/collectionruntime.h"

#include "core/collect/collection.h"
#include "core/collect/collectlock.h"

#include <QLockFile>
#include <QStringList>

namespace activity {

CollectionRuntime::CollectionRuntime(const CollectContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{ }

CollectionRuntime::~CollectionRuntime()
{
    stopAll();
}

void CollectionRuntime::saveNow()
{
    if (m_logs)
        m_logs->saveNow();
}

void CollectionRuntime::stopAll()
{
    if (m_alerts)
        m_alerts->stop();
    m_alerts.reset();
    if (m_apis)
        m_apis->stop();
    if (m_logs) {
        m_logs->stop(); // flushes what was received
        m_loss = m_logs->lossSummary();
    }
    m_apis.reset();
    m_logs.reset();
    m_lock.reset();
}

std::unique_ptr<Collection> CollectionRuntime::started(
    std::unique_ptr<Collection> part, QStringList& problems, bool keepOnError)
{
    connect(part.get(), &Collection::writeFailed, this, &CollectionRuntime::writeFailed);
    connect(part.get(), &Collection::warned, this, &CollectionRuntime::warned);
    connect(part.get(), &Collection::alerted, this, &CollectionRuntime::alerted);
    if (const QString error = part->start(); !error.isEmpty()) {
        problems.append(error);
        if (!keepOnError)
            return nullptr;
    }
    return part;
}

QString CollectionRuntime::setCollecting(bool collect)
{
    if (!collect) {
        const bool was = isCollecting();
        stopAll();
        if (was)
            emit collectingChanged(false);
        return {};
    }
    if (isCollecting())
        return {};
    QString lockError;
    m_lock = lockCollection(m_context.dataDir, &lockError);
    if (!m_lock)
        return lockError;
    m_loss.clear();
    QStringList problems;
    // Log receivers that could not start stay: the sources table is followed, so a source fixed later starts.
    m_logs = started(createLogCollection(m_context), problems, true);
    m_apis = started(createApiCollection(m_context), problems, false);
    m_alerts = started(createAlertCollection(m_context), problems, false);
    emit collectingChanged(true);
    return problems.join(QLatin1Char('\n'));
}

} // namespace activity
