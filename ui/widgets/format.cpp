#include "ui/widgets/format.h"

#include <QDateTime>
#include <QLocale>

namespace activity {

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

QString Format::dayAndTime(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QStringLiteral("d MMM HH:mm"));
}

QString Format::percentChange(double from, double to)
{
    if (from <= 0)
        return {};
    // Ten times or more reads as a multiple: "×6,343", never "+634,183.3%" from a small base.
    if (const double ratio = to / from; ratio >= 10)
        return QStringLiteral("×") + QLocale().toString(ratio, 'f', ratio >= 100 ? 0 : 1);
    const double pct = (to - from) / from * 100.0;
    return (pct >= 0 ? QStringLiteral("+") : QStringLiteral("−")) + QLocale().toString(qAbs(pct), 'f', 1)
        + QStringLiteral("%");
}

QString Format::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
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

QList<QPointF> Format::points(const QList<Sample>& samples)
{
    QList<QPointF> out;
    out.reserve(samples.size());
    for (const Sample& s : samples)
        out.append(QPointF(double(s.ts), s.value));
    return out;
}

QString Format::visibleBytes(const QByteArray& line)
{
    QString out;
    out.reserve(line.size());
    const auto escape = [&out](uchar c) {
        out += QStringLiteral("\\x") + QStringLiteral("%1").arg(uint(c), 2, 16, QLatin1Char('0')).toUpper();
    };
    qsizetype i = 0;
    while (i < line.size()) {
        const uchar c = uchar(line[i]);
        if (c < 0x80) {
            if (c >= 0x20 && c != 0x7f)
                out += QLatin1Char(char(c));
            else
                escape(c);
            ++i;
            continue;
        }
        const int length = c >= 0xF0 && c <= 0xF4 ? 4 : (c >= 0xE0 && c <= 0xEF ? 3 : (c >= 0xC2 && c <= 0xDF ? 2 : 0));
        bool valid = length > 0 && i + length <= line.size();
        for (int k = 1; valid && k < length; ++k)
            valid = (uchar(line[i + k]) & 0xC0) == 0x80;
        const QString decoded = valid ? QString::fromUtf8(line.constData() + i, length) : QString();
        if (valid && !decoded.contains(QChar::ReplacementCharacter) && QChar::isPrint(decoded.toUcs4().value(0))) {
            out += decoded;
            i += length;
        } else {
            escape(c);
            ++i;
        }
    }
    return out;
}

} // namespace activity
