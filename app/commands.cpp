#include "app/commands.h"

namespace {
const Command kCommands[] = {
    { "collect", "collect [--once]", runCollect, false },
    { "import", "import [--site NAME] [--format FORMAT] FILE...", runImport, false },
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
