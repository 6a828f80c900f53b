#pragma once

#include "core/alerts/alertservice.h"
#include "core/dashboards/dashboardservice.h"
#include "core/query/queryrunner.h"
#include "core/secrets/filesecretstore.h"
#include "core/secrets/tokenvault.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourceservice.h"
#include "core/storage/dbwriter.h"
#include "ui/mainwindow.h"
#include "ui/pagefactory.h"
#include "ui/pages/alertspage.h"
#include "ui/pages/custompages.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QPalette>

namespace activity {

// The window as `run` builds it: every page (the user's too), the query runner, and the source and dashboard
// services with their own writer.
struct FullWindow {
    FullWindow(const QString& databasePath, const Clock& clock)
        : runner(databasePath, 0)
        , window(databasePath, clock)
        , writer(databasePath)
        , sources(writer, registry, clock)
        , dashboards(writer, clock)
        , alerts(writer, clock)
        , vault(nullptr,
              std::make_unique<FileSecretStore>(
                  QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("tokens.json"))),
              QFileInfo(databasePath).absolutePath())
    {
        // As the window does: secrets typed in the forms go to the private file beside the database.
        sources.setTokenVault(&vault);
        alerts.setVault(&vault);
        PageFactory::install(window, runner, &sources);
        qobject_cast<AlertsPage*>(window.page(PageId::Alerts))->setService(&alerts);
        CustomPages::install(window, runner, dashboards);
    }
    QueryRunner runner;
    MainWindow window;
    DbWriter writer;
    SourceRegistry registry;
    SourceService sources;
    DashboardService dashboards;
    AlertService alerts;
    TokenVault vault;
};

// A desktop's dark mode, as a user's platform theme would give it.
inline QPalette darkTestPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x25, 0x27, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1c, 0x1e, 0x21));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2d, 0x31));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    return p;
}

} // namespace activity
