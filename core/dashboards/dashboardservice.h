#pragma once

#include "core/dashboards/dashboard.h"

#include <QByteArray>
#include <optional>

namespace activity {

class Clock;
class DbWriter;

// The custom pages as the window and the command line change them: checked, then written on the process's writer.
// Each call returns an error for the user (empty on success).
class DashboardService {
public:
    DashboardService(DbWriter& writer, const Clock& clock);
    QList<DashboardSpec> list() const;
    std::optional<DashboardSpec> get(qint64 id) const;
    // Sets spec.id on success.
    QString add(DashboardSpec& spec);
    QString update(const DashboardSpec& spec);
    QString remove(qint64 id);
    // A file's JSON (Dashboards::toJson, indented) and back. Importing a name already used adds " (2)" and so on.
    static QByteArray exportJson(const DashboardSpec& spec);
    QString importJson(const QByteArray& json, DashboardSpec* imported);

private:
    DbWriter& m_writer;
    const Clock& m_clock;
};

} // namespace activity
