#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

namespace activity {

// RFC 4180 CSV, UTF-8, CRLF line ends. Text from logs is hostile: every field that needs it is quoted.
namespace Csv {
QByteArray field(const QString& text);
QByteArray row(const QList<QVariant>& fields);
// ISO 8601 UTC ("2026-11-25T07:00:00Z").
QString timestamp(qint64 secs);
} // namespace Csv

} // namespace activity
