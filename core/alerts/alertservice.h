#pragma once

#include "core/alerts/alertrule.h"
#include "core/util/result.h"

#include <QString>

namespace activity {

class Clock;
class DbWriter;

// Alert rules as the command line and the window change them: checked against the series catalogue, then written
// on the process's writer. A running collector or window reads the rules at each evaluation: no restart.
class AlertService {
public:
    AlertService(DbWriter& writer, const Clock& clock);
    // Sets rule.id and rule.createdAt on success. `note` (may be null) says when the series has no data yet but
    // will (an API figure before its source's first poll): the rule waits for it.
    Status add(AlertRule& rule, QString* note = nullptr);
    Status remove(qint64 id);
    // The checks add() makes, without writing.
    Status check(const AlertRule& rule, QString* note = nullptr) const;

private:
    DbWriter& m_writer;
    const Clock& m_clock;
};

} // namespace activity
