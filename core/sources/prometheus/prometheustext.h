#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace activity {

// The Prometheus exposition formats: text 0.0.4 and OpenMetrics 1.0 (what exporters answer on /metrics).
namespace PrometheusText {

using Labels = QList<QPair<QString, QString>>; // in the order given

struct Sample {
    QString name;
    Labels labels;
    double value = 0; // +Inf, -Inf and NaN as the format writes them
    std::optional<qint64> timestampMs;
};

struct Parsed {
    QList<Sample> samples;
    QHash<QString, QString> types; // metric family -> counter, gauge, histogram, summary, untyped...
    QStringList errors; // "line N: why", for lines that could not be read (the others are kept)
    bool eof = false; // OpenMetrics' "# EOF" was seen
};

// `openMetrics`: timestamps are seconds (OpenMetrics) rather than milliseconds (0.0.4).
Parsed parse(const QByteArray& text, bool openMetrics);

// `name{label="value",other!="x"}`: which series to keep. A name alone keeps every series of that name.
struct Selector {
    QString name;
    QList<std::pair<QPair<QString, QString>, bool>> matchers; // (label, value), equal (true) or not (false)
    bool matches(const Sample& sample) const;
};
std::optional<Selector> parseSelector(const QString& text, QString* error = nullptr);

// "k=v;k2=v2", as metrics.csv writes labels; labels with an empty value are left out.
QString labelText(const Labels& labels);

} // namespace PrometheusText

} // namespace activity
