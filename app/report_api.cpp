// github.csv and dockerhub.csv: every API sample in the range.
#include "app/reportparts.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSaveFile>

namespace {
struct ReportApiText {
    Q_DECLARE_TR_FUNCTIONS(ReportApiText)
};

// RFC 4180: quote a field holding a comma, quote or line break, doubling the quotes.
QByteArray csvField(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r'))
        bytes = '"' + bytes.replace("\"", "\"\"") + '"';
    return bytes;
}

QString writeProvider(Database& db, const ReportRange& range, const QString& provider, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return ReportApiText::tr("cannot write %1: %2").arg(path, file.errorString());
    file.write("timestamp,repository,metric,value\r\n");
    Statement s = db.prepare("SELECT m.ts, s.repository, s.metric, m.value FROM samples m JOIN series s ON s.id = "
                             "m.series_id WHERE s.provider = ? AND m.ts >= ? AND m.ts < ? "
                             "ORDER BY m.ts, s.repository, s.metric");
    s.bind(1, provider).bind(2, range.fromSecs).bind(3, range.toSecs);
    while (s.step()) {
        QByteArray line = QDateTime::fromSecsSinceEpoch(s.int64(0), Qt::UTC).toString(Qt::ISODate).toUtf8();
        line += ',' + csvField(s.text(1)) + ',' + csvField(s.text(2)) + ',' + QByteArray::number(s.real(3), 'g', 17)
            + "\r\n";
        file.write(line);
    }
    if (!file.commit())
        return ReportApiText::tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}
} // namespace

QString writeApiReport(Database& db, const ReportRange& range, const QString& outDir)
{
    const QDir dir(outDir);
    if (QString error = writeProvider(db, range, QStringLiteral("github"), dir.filePath(QStringLiteral("github.csv")));
        !error.isEmpty())
        return error;
    return writeProvider(db, range, QStringLiteral("dockerhub"), dir.filePath(QStringLiteral("dockerhub.csv")));
}
