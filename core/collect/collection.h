#pragma once

#include "core/alerts/alertevaluator.h"
#include "core/collect/collectcontext.h"

#include <QObject>
#include <QString>
#include <memory>

namespace activity {

// One part of collection: the log receivers (listeners, followed files), the API pollers or the alert rules. It
// reports through signals, delivered on the thread that started it; CollectionRuntime runs the three together.
class Collection : public QObject {
    Q_OBJECT
public:
    explicit Collection(const CollectContext& context)
        : m_context(context)
    { }
    // Starts every enabled source of this kind; returns why one cannot start (what can start runs anyway).
    virtual QString start() = 0;
    // Stops receiving and flushes what was received.
    virtual void stop() = 0;
    // Commits what was received so far and saves positions, without stopping.
    virtual void saveNow() { }
    // What stop() could not store, for the closing message (empty when everything was stored).
    virtual QString lossSummary() const { return {}; }

signals:
    // What was collected cannot be written (disk full, read-only file, I/O error): the message names the database
    // file and the cause. `collect` stops on it; the window shows it.
    void writeFailed(const QString& message);
    // A problem the user should read (a source that failed, a webhook not delivered), as one line for the log.
    void warned(const QString& line);
    // An alert rule fired, repeated or resolved.
    void alerted(const AlertNotice& notice);

protected:
    const CollectContext m_context;
};

std::unique_ptr<Collection> createLogCollection(const CollectContext& context);
std::unique_ptr<Collection> createApiCollection(const CollectContext& context);
// Evaluates the alert rules every alerts.interval seconds, posts webhooks and sends emails.
std::unique_ptr<Collection> createAlertCollection(const CollectContext& context);

} // namespace activity
