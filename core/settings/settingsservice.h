#pragma once

#include "core/util/result.h"

#include <QString>
#include <optional>

namespace activity {

class DbWriter;

// The settings table for the command line and the window: every write goes through the process's writer (the
// window's without waiting). Keys, defaults and validation are declared in AppSettings.
class SettingsService {
public:
    explicit SettingsService(DbWriter& writer);

    // Validates and normalises `value`, then stores it; the error names the key.
    Status set(const QString& key, QString value);
    Status unset(const QString& key);
    std::optional<QString> get(const QString& key);

    QString firstRunState();
    // Queued: returns at once (the window's first-run set-up).
    void rememberFirstRun(const QString& state);

private:
    DbWriter& m_writer;
};

} // namespace activity
