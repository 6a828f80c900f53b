#pragma once

#include "core/report/apireport.h"
#include "core/storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStringList>

using namespace activity;

// metrics.csv of `report` without the timestamp column (checked to be ISO 8601 UTC).
inline QStringList metricRows(const QString& dataDir)
{
    const QString out = QDir(dataDir).filePath(QStringLiteral("report"));
    QDir().mkpath(out);
    {
        Database db(QDir(dataDir).filePath(QStringLiteral("activity.sqlite")));
        const QString error = ApiReport::write(db, TimeRange { 0, QDateTime::currentSecsSinceEpoch() + 1 }, out);
        if (!error.isEmpty())
            return { error };
    }
    QFile f(QDir(out).filePath(QStringLiteral("metrics.csv")));
    if (!f.open(QIODevice::ReadOnly))
        return { QStringLiteral("no metrics.csv") };
    QStringList rows;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QString text = QString::fromUtf8(line).trimmed(); // CSV rows end in CRLF
        const QString ts = text.section(QLatin1Char(','), 0, 0);
        if (ts == QLatin1String("timestamp")) {
            rows << text;
            continue;
        }
        if (!QDateTime::fromString(ts, Qt::ISODate).isValid() || !ts.endsWith(QLatin1Char('Z')))
            return { QStringLiteral("bad timestamp: ") + text };
        rows << text.section(QLatin1Char(','), 1);
    }
    return rows;
}
