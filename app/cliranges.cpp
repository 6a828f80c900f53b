#include "app/cliranges.h"

#include "app/argparser.h"

#include <QCoreApplication>
#include <QDateTime>

namespace activity {

std::optional<qint64> parseDateOption(const QString& value)
{
    // Only a bare date is a day: QDate's ISO parser also reads the date part of a date-time.
    const QDate date = value.size() == 10 ? QDate::fromString(value, Qt::ISODate) : QDate();
    if (date.isValid())
        return QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    QDateTime dt = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC);
    return dt.toSecsSinceEpoch();
}

QString parseRangeOptions(const ArgParser& parser, qint64 now, qint64 defaultLength, TimeRange* range)
{
    const QString command = parser.command();
    range->toSecs = now + 1; // up to now, this second included: what was stored a moment ago is in
    if (parser.isSet(QStringLiteral("to"))) {
        const QString text = parser.value(QStringLiteral("to"));
        const auto to = parseDateOption(text);
        if (!to)
            return QCoreApplication::translate("ReportText", "%1: --to must be a date like 2026-11-25, got '%2'")
                .arg(command, text);
        range->toSecs = *to + (text.size() == 10 ? 86400 : 0);
    }
    range->fromSecs = range->toSecs - defaultLength;
    if (parser.isSet(QStringLiteral("from"))) {
        const QString text = parser.value(QStringLiteral("from"));
        const auto from = parseDateOption(text);
        if (!from)
            return QCoreApplication::translate("ReportText", "%1: --from must be a date like 2026-11-01, got '%2'")
                .arg(command, text);
        range->fromSecs = *from;
    }
    if (range->fromSecs >= range->toSecs)
        return QCoreApplication::translate("ReportText", "%1: --from must be before --to").arg(command);
    return {};
}

} // namespace activity
