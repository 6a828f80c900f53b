#include "ui/kiosk/screensaverinhibitor.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>

namespace activity {

namespace {
const QString kService = QStringLiteral("org.freedesktop.ScreenSaver");
const QString kPath = QStringLiteral("/org/freedesktop/ScreenSaver");
} // namespace

ScreenSaverInhibitor::ScreenSaverInhibitor(const QString& reason)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        m_error = bus.lastError().message();
        return;
    }
    QDBusInterface screenSaver(kService, kPath, kService, bus);
    if (!screenSaver.isValid()) {
        m_error = screenSaver.lastError().message();
        return;
    }
    const QDBusReply<uint> reply
        = screenSaver.call(QStringLiteral("Inhibit"), QCoreApplication::applicationName(), reason);
    if (reply.isValid())
        m_cookie = reply.value();
    else
        m_error = reply.error().message();
}

ScreenSaverInhibitor::~ScreenSaverInhibitor()
{
    if (m_cookie == 0)
        return;
    QDBusInterface screenSaver(kService, kPath, kService, QDBusConnection::sessionBus());
    screenSaver.call(QStringLiteral("UnInhibit"), m_cookie);
}

} // namespace activity
