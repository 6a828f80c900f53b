#pragma once

#include "core/query/apiquery.h"
#include "core/query/timerange.h"

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QString>

namespace activity {

// Number, change and country formatting shared by the pages (locale-aware).
namespace Format {
QString count(double value);
// "+1,234" / "−56" / "±0".
QString signedCount(double delta);
// "25 Nov 07:20" in local time: when a sample was taken.
QString dayAndTime(qint64 secs);
// "+12.5%" of `from` to `to`, "×12.5" from ten times on; empty when `from` is 0.
QString percentChange(double from, double to);
// "3.0 MiB": powers of 1024 with IEC units, as the chart axes print them (CSV keeps raw bytes).
QString bytes(qint64 bytes);
// "Germany (DE)"; "Unknown" for an empty code.
QString country(const QString& code);
QList<QPointF> points(const QList<Sample>& samples);
// Raw bytes from the network (a rejected line: often binary, TLS handshakes, other encodings) for display: printable
// UTF-8 as it is, every control byte or byte that is not UTF-8 as \xNN (how nginx logs them), never U+FFFD marks.
QString visibleBytes(const QByteArray& bytes);
} // namespace Format

struct FormatText {
    Q_DECLARE_TR_FUNCTIONS(FormatText)
};

} // namespace activity
