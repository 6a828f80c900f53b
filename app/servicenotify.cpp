#include "app/servicenotify.h"

#include <QCoreApplication>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace activity {

ServiceNotify::ServiceNotify()
{
    bool ok = false;
    const qint64 usec = qEnvironmentVariable("WATCHDOG_USEC").toLongLong(&ok);
    const bool forUs = qEnvironmentVariableIsEmpty("WATCHDOG_PID")
        || qEnvironmentVariable("WATCHDOG_PID").toLongLong() == QCoreApplication::applicationPid();
    if (active() && ok && usec > 0 && forUs) {
        m_watchdog.setInterval(int(qMax<qint64>(1, usec / 2000)));
        QObject::connect(&m_watchdog, &QTimer::timeout, &m_watchdog, [] { send("WATCHDOG=1"); });
        m_watchdog.start();
    }
}

bool ServiceNotify::active()
{
    return !qEnvironmentVariableIsEmpty("NOTIFY_SOCKET");
}

void ServiceNotify::ready(const QString& text)
{
    send("READY=1\nSTATUS=" + text.toUtf8());
}

void ServiceNotify::stopping()
{
    m_watchdog.stop();
    send("STOPPING=1");
}

void ServiceNotify::status(const QString& text)
{
    send("STATUS=" + text.toUtf8());
}

void ServiceNotify::send(const QByteArray& message)
{
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    if (path.isEmpty() || (path[0] != '/' && path[0] != '@') || size_t(path.size()) >= sizeof(sockaddr_un::sun_path))
        return;
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    if (address.sun_path[0] == '@') // an abstract socket
        address.sun_path[0] = '\0';
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));
    // Best effort, as sd_notify: a lost message shows in systemd as a unit not ready, not as a failure here.
    (void)::sendto(fd, message.constData(), size_t(message.size()), MSG_NOSIGNAL,
        reinterpret_cast<const sockaddr*>(&address), length);
    ::close(fd);
}

} // namespace activity
