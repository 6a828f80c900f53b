#pragma once

#include <QString>

namespace activity {

// Desktop notifications through the freedesktop Notifications service on the session bus (what GNOME, KDE and
// the other desktops show). Nothing happens when there is no session bus (a server, a test without one).
namespace DesktopNotifier {
// severity: "info", "warning" or "critical" (the notification's urgency). Returns false when none could be sent.
bool notify(const QString& title, const QString& body, const QString& severity);
} // namespace DesktopNotifier

} // namespace activity
