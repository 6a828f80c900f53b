#pragma once

#include <QString>
#include <memory>

class Collection;
class CommandContext;

// What `collect` does, run inside the window: the log receivers and the API pollers, switched on and
// off by the tray's Pause/Resume. Each start builds them afresh from the sources table.
class WindowCollection {
public:
    explicit WindowCollection(CommandContext& context);
    ~WindowCollection();

    // Returns what could not start (e.g. a port already bound by a running `collect`), empty when all did.
    // What could start keeps running.
    QString setCollecting(bool collect);
    bool isCollecting() const { return m_logs || m_apis; }

private:
    CommandContext& m_context;
    std::unique_ptr<Collection> m_logs;
    std::unique_ptr<Collection> m_apis;
};
