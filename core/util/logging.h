#pragma once

#include <QLoggingCategory>

// One logging category per core module, named activity.MODULE. Turn one on with QT_LOGGING_RULES (for example
// QT_LOGGING_RULES="activity.ingest.debug=true") or all of them with --verbose. Warnings and errors also reach the
// Health page's log (EventLog).
Q_DECLARE_LOGGING_CATEGORY(lcAlerts)
Q_DECLARE_LOGGING_CATEGORY(lcCollect)
Q_DECLARE_LOGGING_CATEGORY(lcDashboards)
Q_DECLARE_LOGGING_CATEGORY(lcGeo)
Q_DECLARE_LOGGING_CATEGORY(lcIngest)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcQuery)
Q_DECLARE_LOGGING_CATEGORY(lcReport)
Q_DECLARE_LOGGING_CATEGORY(lcScheduler)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcSettings)
Q_DECLARE_LOGGING_CATEGORY(lcSources)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcWriter)
