#pragma once

#include <QObject>
#include <QTimer>

namespace activity {

// Tells systemd how a `Type=notify` service is doing (sd_notify's protocol: a datagram to $NOTIFY_SOCKET), with no
// library: READY=1 once collecting, STOPPING=1 on the way out, STATUS= lines, and WATCHDOG=1 at half of
// $WATCHDOG_USEC when the unit sets WatchdogSec. Does nothing outside systemd.
class ServiceNotify : public QObject {
public:
    ServiceNotify();
    void ready(const QString& status);
    void stopping();
    void status(const QString& status);
    // True when run by systemd with a notify socket.
    static bool active();

private:
    static void send(const QByteArray& message);
    QTimer m_watchdog;
};

} // namespace activity
