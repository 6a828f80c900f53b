#pragma once

#include "core/alerts/alertevaluator.h"
#include "core/collect/collectcontext.h"

#include <QObject>
#include <QString>
#include <memory>

class QLockFile;

namespace activity {

class Collection;

// What `collect` runs, and the window while it collects: the log receivers, the API pollers and the alert rules,
// under the data folder's collection lock. Each start builds them afresh from the sources table. Reports through
// signals on the thread that started it.
class CollectionRuntime : public QObject {
    Q_OBJECT
public:
    explicit CollectionRuntime(const CollectContext& context, QObject* parent = nullptr);
    ~CollectionRuntime() override;

    // Returns what could not start, empty when all did; what could start keeps running. When a `collect` (or a
    // window) already collects for this data folder, nothing starts and the error names it.
    QString setCollecting(bool collect);
    bool isCollecting() const { return m_logs || m_apis; }
    // Commits what was received and saves positions now (the session is ending); collection goes on.
    void saveNow();
    // What stopping could not store, for the closing message (empty when everything was stored).
    QString lossSummary() const { return m_loss; }

signals:
    void collectingChanged(bool collecting);
    // What was collected cannot be written (disk full, read-only file, I/O error); names the file and the cause.
    void writeFailed(const QString& message);
    // A problem for the log (a source that failed, a webhook not delivered), one line.
    void warned(const QString& line);
    // An alert rule fired, repeated or resolved.
    void alerted(const AlertNotice& notice);

private:
    void stopAll();
    std::unique_ptr<Collection> started(std::unique_ptr<Collection> part, QStringList& problems, bool keepOnError);

    const CollectContext m_context;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<Collection> m_logs;
    std::unique_ptr<Collection> m_apis;
    std::unique_ptr<Collection> m_alerts;
    QString m_loss;
};

} // namespace activity
