#pragma once

#include <QString>
#include <optional>

namespace activity {

class DbWriter;

// The settings table for the command line and the window: every write goes through the process's writer (the
// window's without waiting). Keys, defaults and validation are declared in AppSettings.
class SettingsService {
public:
    explicit SettingsService(DbWriter& writer);

    // Validates and normalises `value`; returns the error (naming the key) or empty when it was stored.
    QString set(const QString& key, QString value);
    QString unset(const QString& key);
    std::optional<QString> get(const QString& key);

    QString firstRunState();
    // Queued: returns at once (the window's first-run set-up).
    void rememberFirstRun(const QString& state);

private:
    DbWriter& m_writer;
};

} // namespace activity
