#pragma once

#include <QStringList>

namespace activity {

class CommandContext;

// One function per command; each lives in its own cmd_*.cpp file. `args` excludes the command name
// and the global --data-dir option.
struct Command {
    const char* name;
    const char* usage;
    int (*run)(CommandContext& context, const QStringList& args);
    bool needsGui; // report renders pages and needs a (offscreen) QApplication
    const char* help = nullptr; // what `COMMAND --help` prints after the usage line (untranslated source text)
};

const Command* findCommand(const QString& name);
const Command* allCommands(int* count);

int runSources(CommandContext& context, const QStringList& args);
int runStats(CommandContext& context, const QStringList& args);
int runSettings(CommandContext& context, const QStringList& args);
int runBackup(CommandContext& context, const QStringList& args);
int runRestore(CommandContext& context, const QStringList& args);
int runImport(CommandContext& context, const QStringList& args);
int runCollect(CommandContext& context, const QStringList& args);
int runReport(CommandContext& context, const QStringList& args);
int runGeoip(CommandContext& context, const QStringList& args);
int runSeries(CommandContext& context, const QStringList& args);
int runAlerts(CommandContext& context, const QStringList& args);
int runDashboards(CommandContext& context, const QStringList& args);
int runStore(CommandContext& context, const QStringList& args);
int runNotes(CommandContext& context, const QStringList& args);
int runEvents(CommandContext& context, const QStringList& args);
int runDownloads(CommandContext& context, const QStringList& args);
int runAgents(CommandContext& context, const QStringList& args);

} // namespace activity
