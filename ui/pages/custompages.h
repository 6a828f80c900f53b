#pragma once

#include <QString>

namespace activity {

class DashboardService;
class MainWindow;
class QueryRunner;

// The pages the user builds, in the window: each saved page after the fixed ones, and the "New page" button.
namespace CustomPages {
void install(MainWindow& window, QueryRunner& runner, DashboardService& service);
// Adds a page named `name` (what the button does after asking for the name); returns the error, empty on success.
QString create(MainWindow& window, QueryRunner& runner, DashboardService& service, const QString& name);
// The window's key ("custom-ID") of the user's page named `name` (case ignored), empty when none is.
QString keyForName(const MainWindow& window, const QString& name);
} // namespace CustomPages

} // namespace activity
