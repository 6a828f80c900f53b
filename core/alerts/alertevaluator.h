#pragma once

#include "core/alerts/alertevent.h"
#include "core/alerts/alertrule.h"

#include <QList>
#include <QString>
#include <optional>

namespace activity {

class Database;
class DbWriter;

// What an evaluation decided to tell the user: the rule and the history line written for it.
struct AlertNotice {
    AlertRule rule;
    AlertEvent event;
};

// What one rule finds at one time.
struct AlertCheck {
    bool matches = false;
    std::optional<double> value; // the figure compared (for no-data: the seconds of silence)
    QString error; // the series cannot be read (removed source, mistyped id): the rule cannot fire
    QString text; // "Requests answered 5xx (www) is 12, above 5"
};

// Evaluates the rules against the series catalogue. A rule fires once its condition has held for its `for`
// duration, is sent again every repeat interval while it holds, and resolves (said once) when it stops holding.
namespace AlertEvaluator {
AlertCheck check(Database& db, const AlertRule& rule, qint64 now);
// `text` headed, for a traffic rule, by how its window compares with the one before and what moved most in it
// ("requests ×4.8 in 1 h: referrer X +4,812, path Y +3,990 (TEXT)"): what a firing or repeated notification says.
QString withMovers(Database& db, const AlertRule& rule, qint64 now, const QString& text);
// Evaluates every rule that was not evaluated in the last `interval` seconds (by this process or another one
// on the same database), in one write transaction: state and history are written there. Returns what to send.
QList<AlertNotice> evaluate(DbWriter& writer, qint64 now, qint64 interval);
// One rule's step, on `state` (no I/O): the event it makes, if any.
std::optional<AlertEvent> advance(const AlertRule& rule, const AlertCheck& check, AlertState& state, qint64 now);
} // namespace AlertEvaluator

} // namespace activity
