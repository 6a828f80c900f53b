#pragma once

namespace activity {

class CollectOnce;
class CollectionRuntime;
class CommandContext;

// Where collection's reports go in a command or the window: problems and alerts to stderr (the log), alerts also
// to the desktop's notifications, `collect --once`'s lines to stdout.
void reportTo(CommandContext& ctx, CollectionRuntime& runtime);
void reportTo(CommandContext& ctx, CollectOnce& once);

} // namespace activity
