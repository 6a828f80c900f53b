#pragma once

#include "core/alerts/alertevaluator.h"
#include "core/collect/collectcontext.h"

#include <QObject>

namespace activity {

// `collect --once`: what a running collection does, once, then returns. Each call returns the exit status (non-zero
// when something failed) and reports through the signals on the caller's thread.
class CollectOnce : public QObject {
    Q_OBJECT
public:
    explicit CollectOnce(const CollectContext& context, QObject* parent = nullptr);

    // Reads each enabled `logfile` source from where it was left to the end of the file, stores the lines and saves
    // the position; says that `syslog` sources only receive while collecting.
    int readLogFiles();
    // Polls each enabled API source once.
    int pollApiSources();
    // Evaluates the alert rules due, then posts their webhooks and emails and waits for the answers.
    int evaluateAlerts();

signals:
    // A line for the user (what was done).
    void said(const QString& line);
    // A problem, one line.
    void warned(const QString& line);
    void alerted(const AlertNotice& notice);

private:
    int fail(const QString& message);
    const CollectContext m_context;
};

} // namespace activity
