#pragma once

#include "core/sources/apicollector.h"

#include <QDate>
#include <QList>
#include <optional>

namespace activity {

// npm and pypi sources: downloads per day, as the registries count them. The first poll back-fills what the API
// keeps (npm: 18 months, in its largest range; pypistats: 180 days); later polls ask for the last days again
// (counts of recent days still grow). Stored as dated points of the series "downloads" (provider http-json, so
// the Metrics page and metrics.csv show them with the other JSON sources). The versions the registry published are
// kept as package-version events (VersionEvents).
class DailyDownloadsCollector final : public ApiCollector {
    Q_OBJECT
public:
    DailyDownloadsCollector(
        QString type, qint64 sourceId, QJsonObject settings, Services services, QObject* parent = nullptr);

    struct Day {
        QDate date;
        double downloads = 0;
    };
    // The answers' shapes: npm's /downloads/range and pypistats' /overall (without mirrors). Nothing when the
    // body is not that shape.
    static std::optional<QList<Day>> parseNpm(const QByteArray& body);
    static std::optional<QList<Day>> parsePypi(const QByteArray& body);

private:
    void startPoll() override;
    void store(const QList<Day>& days);
    QString m_type;
};

} // namespace activity
