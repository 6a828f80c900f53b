#pragma once

#include <QString>

namespace activity {

// Keeps the screen on while it lives, through the freedesktop ScreenSaver D-Bus service where one
// answers (KDE, GNOME via its compatibility name, XFCE, LXQt). Without a session bus it does nothing.
class ScreenSaverInhibitor {
public:
    explicit ScreenSaverInhibitor(const QString& reason);
    ~ScreenSaverInhibitor();
    ScreenSaverInhibitor(const ScreenSaverInhibitor&) = delete;
    ScreenSaverInhibitor& operator=(const ScreenSaverInhibitor&) = delete;
    bool isActive() const { return m_cookie != 0; }
    // Why it is not active (no session bus, no service), for the log.
    QString error() const { return m_error; }

private:
    uint m_cookie = 0;
    QString m_error;
};

} // namespace activity
