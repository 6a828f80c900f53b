#include "app/commands.h"

#include <QtGlobal>

namespace activity {

namespace {
const Command kCommands[] = {
    { "collect", "collect [--once]", runCollect, false },
    { "import", "import [--site NAME] [--format FORMAT] [--force] FILE...", runImport, false,
        QT_TRANSLATE_NOOP("Commands",
            "Stores nginx access logs: FILE is a path, '-' for standard input; .gz files are read as they are.\n"
            "  --site NAME      the site the lines belong to (default: \"default\")\n"
            "  --format FORMAT  combined (the default), or an nginx log_format string in quotes, for example\n"
            "                   '$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent'\n"
            "                   (any nginx variable is accepted; those the dashboard does not use are kept as text)\n"
            "  --force          import again lines already imported from the same file\n"
            "A file imported before (or the same file grown, or its rotated .gz copy) stores only what is new.") },
    { "sources", "sources list [--json] | add TYPE OPTIONS | remove|pause|resume ID [--purge]", runSources, false },
    { "report", "report --out DIR [--from DATE] [--to DATE] [--size WxH]", runReport, true },
    { "geoip", "geoip [--db FILE] IP...", runGeoip, false },
    { "stats", "stats [--json]", runStats, false },
    { "settings", "settings [list] | get KEY | set KEY VALUE | unset KEY", runSettings, false },
    { "backup", "backup FILE", runBackup, false },
    { "restore", "restore FILE", runRestore, false },
};
} // namespace

const Command* findCommand(const QString& name)
{
    for (const Command& c : kCommands)
        if (name == QLatin1String(c.name))
            return &c;
    return nullptr;
}

const Command* allCommands(int* count)
{
    *count = int(sizeof(kCommands) / sizeof(kCommands[0]));
    return kCommands;
}

} // namespace activity
