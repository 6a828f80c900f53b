#include "ui/widgets/csv.h"

#include "core/report/csvwriter.h"

#include <QDateTime>
#include <QTimeZone>

namespace activity {

QByteArray Csv::field(const QString& text)
{
    return CsvWriter::escape(text);
}

QByteArray Csv::row(const QList<QVariant>& fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        const QVariant& v = fields[i];
        if (v.typeId() == QMetaType::Double)
            out += QByteArray::number(v.toDouble(), 'g', 15);
        else
            out += field(v.toString());
    }
    out += "\r\n";
    return out;
}

QString Csv::timestamp(qint64 secs)
{
    return CsvWriter::timestamp(secs);
}

} // namespace activity
