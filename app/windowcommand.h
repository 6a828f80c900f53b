#pragma once

#include <QStringList>

namespace activity {

class CommandContext;

// The default command: the window (and --kiosk, --demo). Needs a QApplication.
int runWindow(CommandContext& context, const QStringList& args);

} // namespace activity
