#include "app/windowcollection.h"

#include "app/collectlock.h"
#include "app/collectors.h"
#include "app/commandcontext.h"

#include <QLockFile>
#include <QStringList>

namespace activity {

WindowCollection::WindowCollection(CommandContext& context)
    : m_context(context)
{ }

WindowCollection::~WindowCollection()
{
    setCollecting(false);
}

void WindowCollection::saveNow()
{
    if (m_logs)
        m_logs->saveNow();
}

QString WindowCollection::setCollecting(bool collect)
{
    if (!collect) {
        if (m_alerts)
            m_alerts->stop();
        m_alerts.reset();
        if (m_apis)
            m_apis->stop();
        if (m_logs)
            m_logs->stop(); // flushes what was received
        m_apis.reset();
        m_logs.reset();
        m_lock.reset();
        return {};
    }
    if (isCollecting())
        return {};
    QString lockError;
    m_lock = lockCollection(m_context.dataDir(), &lockError);
    if (!m_lock)
        return lockError;
    QStringList problems;
    const auto onWriteError = [this](const QString& message) {
        if (m_onWriteError)
            m_onWriteError(message);
    };
    m_logs = createLogCollection(m_context);
    m_logs->setWriteErrorHandler(onWriteError);
    if (const QString error = m_logs->start(); !error.isEmpty())
        problems.append(error);
    m_apis = createApiCollection(m_context);
    m_apis->setWriteErrorHandler(onWriteError);
    if (const QString error = m_apis->start(); !error.isEmpty()) {
        problems.append(error);
        m_apis.reset();
    }
    m_alerts = createAlertCollection(m_context, [this](const AlertNotice& notice) {
        if (m_onAlert)
            m_onAlert(notice);
    });
    if (const QString error = m_alerts->start(); !error.isEmpty()) {
        problems.append(error);
        m_alerts.reset();
    }
    return problems.join(QLatin1Char('\n'));
}

} // namespace activity
