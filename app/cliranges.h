#pragma once

#include "core/query/timerange.h"

#include <QString>
#include <optional>

namespace activity {

class ArgParser;

// --from and --to as `report` and `series get` take them: 2026-11-25 (midnight UTC; a bare --to date includes
// that whole day) or an ISO 8601 date-time. Without --to the range ends after `now`'s second; without --from it is
// `defaultLength` seconds long. Returns the error (naming the option) or sets `range`.
QString parseRangeOptions(const ArgParser& parser, qint64 now, qint64 defaultLength, TimeRange* range);
std::optional<qint64> parseDateOption(const QString& value);

} // namespace activity
