#pragma once

#include <QSize>
#include <QString>

class Database;

// What `report` writes, one function per owner so each part evolves in its own file.
struct ReportRange {
    qint64 fromSecs = 0; // inclusive, UTC
    qint64 toSecs = 0; // exclusive, UTC
};

// Each returns an empty string on success, else the reason. They write into `outDir`.
QString writeTrafficReport(
    Database& db, const ReportRange& range, const QString& outDir); // summary/status/countries/paths/requests.csv
QString writeApiReport(Database& db, const ReportRange& range, const QString& outDir); // github.csv, dockerhub.csv
QString writePageImages(
    const QString& databasePath, const ReportRange& range, QSize size, const QString& outDir); // *.png
