#pragma once

#include "core/dashboards/dashboard.h"
#include "core/util/result.h"

#include <QByteArray>
#include <optional>

namespace activity {

class Clock;
class DbWriter;

// The custom pages as the window and the command line change them: checked, then written on the process's writer.
// Each change returns a Result whose error the user can read.
class DashboardService {
public:
    DashboardService(DbWriter& writer, const Clock& clock);
    QList<DashboardSpec> list() const;
    std::optional<DashboardSpec> get(qint64 id) const;
    // Sets spec.id on success.
    Status add(DashboardSpec& spec);
    Status update(const DashboardSpec& spec);
    Status remove(qint64 id);
    // A file's JSON (Dashboards::toJson, indented) and back. Importing a name already used adds " (2)" and so on.
    static QByteArray exportJson(const DashboardSpec& spec);
    Result<DashboardSpec> importJson(const QByteArray& json);

private:
    DbWriter& m_writer;
    const Clock& m_clock;
};

} // namespace activity
