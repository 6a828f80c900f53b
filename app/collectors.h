#pragma once

#include <QString>
#include <functional>
#include <memory>

namespace activity {

class CommandContext;
struct AlertNotice;

// The two halves of `collect`: nginx log receivers (listeners, followed files) and API pollers.
// Each lives in its own file (collect_logs.cpp, collect_api.cpp).
class Collection {
public:
    virtual ~Collection() = default;
    // Starts every enabled source of this kind; returns an error message if one cannot start.
    virtual QString start() = 0;
    // Stops receiving and flushes what was received.
    virtual void stop() = 0;
    // Commits what was received so far and saves positions, without stopping.
    virtual void saveNow() { }
    // Called on the main thread when what was collected cannot be written (disk full, read-only file, I/O error):
    // the message names the database file and the cause. `collect` stops on it; the window shows it.
    void setWriteErrorHandler(std::function<void(const QString&)> handler) { m_onWriteError = std::move(handler); }
    // What stop() could not store, for the closing message (empty when everything was stored).
    virtual QString lossSummary() const { return {}; }

protected:
    std::function<void(const QString&)> m_onWriteError;
};

std::unique_ptr<Collection> createLogCollection(CommandContext& context);
std::unique_ptr<Collection> createApiCollection(CommandContext& context);
// Evaluates the alert rules every alerts.interval seconds; each notice is printed, shown on the desktop, posted to
// its webhook and handed to `onNotice` (the window's tray).
std::unique_ptr<Collection> createAlertCollection(
    CommandContext& context, std::function<void(const AlertNotice&)> onNotice = {});
// `collect --once`: evaluates the alert rules due, tells and posts their notices (waits for the webhooks' answers).
int evaluateAlertsOnce(CommandContext& context);
// `collect --once`: polls each enabled API source once. Returns the exit status (non-zero if a source failed).
int pollApiSourcesOnce(CommandContext& context);
// `collect --once` for log sources: reads each enabled `logfile` source from where it was left to the end of the
// file, stores the lines and saves the position; says that `syslog` sources only receive while collecting.
// Returns the exit status.
int readLogFilesOnce(CommandContext& context);

} // namespace activity
