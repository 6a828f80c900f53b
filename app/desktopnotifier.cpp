#include "app/desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QVariantMap>

namespace activity {

bool DesktopNotifier::notify(const QString& title, const QString& body, const QString& severity)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"), QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("Notify"));
    const uchar urgency = severity == QLatin1String("critical") ? 2 : severity == QLatin1String("info") ? 0 : 1;
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(urgency));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("activity-dashboard"));
    // Body markup is interpreted by some servers: the text comes from logs and APIs, so it is escaped.
    call << QStringLiteral("Activity Dashboard") << uint(0) << QStringLiteral("activity-dashboard") << title
         << body.toHtmlEscaped() << QStringList() << hints << int(-1);
    // Answered at once by every notification server; the cap keeps a hung one from holding the window.
    const QDBusMessage reply = bus.call(call, QDBus::Block, 1000);
    return reply.type() == QDBusMessage::ReplyMessage;
}

} // namespace activity
