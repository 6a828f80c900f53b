#pragma once

#include <QString>
#include <functional>
#include <memory>

class QLockFile;

namespace activity {

class Collection;
class CommandContext;
struct AlertNotice;

// What `collect` does, run inside the window: the log receivers, the API pollers and the alert rules, switched on and
// off by the tray's Pause/Resume. Each start builds them afresh from the sources table.
class WindowCollection {
public:
    explicit WindowCollection(CommandContext& context);
    ~WindowCollection();

    // Returns what could not start, empty when all did; what could start keeps running. When a `collect`
    // (or another window) already collects for this data folder, nothing starts: the window shows its data.
    QString setCollecting(bool collect);
    bool isCollecting() const { return m_logs || m_apis; }
    // Commits what was received and saves positions now (the session is ending), collection goes on.
    void saveNow();
    // Called on the main thread when what is collected cannot be written (see Collection).
    void setWriteErrorHandler(std::function<void(const QString&)> handler) { m_onWriteError = std::move(handler); }
    // Called on the main thread for each alert that fires, repeats or resolves while the window collects.
    void setAlertHandler(std::function<void(const AlertNotice&)> handler) { m_onAlert = std::move(handler); }

private:
    CommandContext& m_context;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Collection> m_logs;
    std::unique_ptr<Collection> m_apis;
    std::unique_ptr<Collection> m_alerts;
    std::function<void(const QString&)> m_onWriteError;
    std::function<void(const AlertNotice&)> m_onAlert;
};

} // namespace activity
