#include "ui/format.h"

#include <QLocale>

QString Format::count(double value)
{
    return QLocale().toString(qint64(std::llround(value)));
}

QString Format::signedCount(double delta)
{
    const qint64 d = std::llround(delta);
    if (d == 0)
        return QStringLiteral("±0");
    return (d > 0 ? QStringLiteral("+") : QStringLiteral("−")) + QLocale().toString(qAbs(d));
}

QString Format::percentChange(double from, double to)
{
    if (from <= 0)
        return {};
    const double pct = (to - from) / from * 100.0;
    return (pct >= 0 ? QStringLiteral("+") : QStringLiteral("−")) + QLocale().toString(qAbs(pct), 'f', 1)
        + QStringLiteral("%");
}

QString Format::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString Format::country(const QString& code)
{
    if (code.isEmpty())
        return FormatText::tr("Unknown");
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    if (territory == QLocale::AnyTerritory)
        return code;
    return QStringLiteral("%1 (%2)").arg(QLocale::territoryToString(territory), code);
}

qint64 Format::bucketFor(const TimeRange& range)
{
    if (range.length() <= 2 * 86400)
        return 600;
    if (range.length() <= 31 * 86400)
        return 3600;
    return 86400;
}

QList<double> Format::thin(const QList<double>& values, int count)
{
    if (values.size() <= count || count < 2)
        return values;
    QList<double> out;
    for (int i = 0; i < count; ++i)
        out.append(values[qsizetype(double(i) * double(values.size() - 1) / double(count - 1))]);
    return out;
}

QList<QPointF> Format::points(const QList<Sample>& samples)
{
    QList<QPointF> out;
    out.reserve(samples.size());
    for (const Sample& s : samples)
        out.append(QPointF(double(s.ts), s.value));
    return out;
}
