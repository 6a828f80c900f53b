#pragma once

#include <QString>
#include <memory>

class CommandContext;

// The two halves of `collect`: nginx log receivers (listeners, followed files) and API pollers.
// Each lives in its own file (collect_logs.cpp, collect_api.cpp).
class Collection {
public:
    virtual ~Collection() = default;
    // Starts every enabled source of this kind; returns an error message if one cannot start.
    virtual QString start() = 0;
    // Stops receiving and flushes what was received.
    virtual void stop() = 0;
};

std::unique_ptr<Collection> createLogCollection(CommandContext& context);
std::unique_ptr<Collection> createApiCollection(CommandContext& context);
// `collect --once`: polls each enabled API source once. Returns the exit status (non-zero if a source failed).
int pollApiSourcesOnce(CommandContext& context);
