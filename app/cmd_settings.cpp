#include "app/argparser.h"
#include "app/commandcontext.h"
#include "app/commands.h"
#include "core/settings/appsettings.h"
#include "core/settings/settingsservice.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"

#include <QCoreApplication>

namespace activity {

namespace {
struct SettingsCommandText {
    Q_DECLARE_TR_FUNCTIONS(SettingsCommandText)
};
} // namespace

// settings [list] | get KEY | set KEY VALUE | unset KEY
int runSettings(CommandContext& ctx, const QStringList& args)
{
    ArgParser parser(QStringLiteral("settings"));
    if (const QString error = parser.parse(args); !error.isEmpty())
        return ctx.fail(error, 2);
    const QStringList words = parser.positionals();
    const QString action = words.value(0, QStringLiteral("list"));
    const int expected = action == QLatin1String("list")                     ? 1
        : action == QLatin1String("get") || action == QLatin1String("unset") ? 2
        : action == QLatin1String("set")                                     ? 3
                                                                             : -1;
    if (expected < 0)
        return ctx.fail(
            SettingsCommandText::tr("settings: unknown action '%1' (list, get, set, unset)").arg(action), 2);
    if (words.size() > expected || (words.size() < expected && action != QLatin1String("list")))
        return ctx.fail(
            SettingsCommandText::tr("settings: usage: settings list | get KEY | set KEY VALUE | unset KEY"), 2);
    const QString key = words.value(1);
    if (action != QLatin1String("list") && !AppSettings::isKnown(key)) {
        QString none;
        return ctx.fail(QStringLiteral("settings: ") + AppSettings::validate(key, none), 2);
    }
    QString value = words.value(2);
    if (action == QLatin1String("set")) {
        if (const QString error = AppSettings::validate(key, value); !error.isEmpty())
            return ctx.fail(QStringLiteral("settings: ") + error, 2);
    }
    Database* db = ctx.database();
    if (!db)
        return 1;
    if (action == QLatin1String("set") || action == QLatin1String("unset")) {
        DbWriter* writer = ctx.writer();
        if (!writer)
            return 1;
        SettingsService settings(*writer);
        const Status done = action == QLatin1String("set") ? settings.set(key, value) : settings.unset(key);
        if (!done)
            return ctx.fail(QStringLiteral("settings: ") + done.error());
        if (action == QLatin1String("set"))
            ctx.out() << key << " = " << value << Qt::endl;
    } else if (action == QLatin1String("get")) {
        ctx.out() << AppSettings::get(*db, key).value_or(QString()) << Qt::endl;
    } else {
        for (const AppSettings::Key& k : AppSettings::keys()) {
            const QString name = QString::fromLatin1(k.name);
            const std::optional<QString> stored = AppSettings::get(*db, name);
            ctx.out() << name << " = "
                      << (stored ? *stored : SettingsCommandText::tr("%1 (default)").arg(k.defaultValue)) << Qt::endl
                      << "    " << QCoreApplication::translate("AppSettings", k.description) << Qt::endl;
        }
    }
    return 0;
}

} // namespace activity
