#include "ui/csv.h"

#include <QDateTime>
#include <QTimeZone>

QByteArray Csv::field(const QString& text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\n') && !utf8.contains('\r'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
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
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}
