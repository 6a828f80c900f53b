#include "app/windowcommand.h"

#include "app/argparser.h"
#include "app/commandcontext.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>

int runWindow(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("activity-dashboard"));
    parser.addOption(QStringLiteral("kiosk"), false);
    parser.addOption(QStringLiteral("rotate"));
    parser.addOption(QStringLiteral("pages"));
    parser.addOption(QStringLiteral("demo"), false);
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    if (!parser.positionals().isEmpty())
        return ctx.fail(
            QCoreApplication::translate("Window", "unknown command '%1'").arg(parser.positionals().first()), 2);
    if (!ctx.database())
        return 1;
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/activity-dashboard.svg")));
    QApplication::setApplicationDisplayName(QCoreApplication::translate("Window", "Activity Dashboard"));
    MainWindow window(ctx.databasePath());
    window.show();
    return QApplication::exec();
}
