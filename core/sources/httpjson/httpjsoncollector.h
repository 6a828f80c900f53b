#pragma once

#include "core/sources/apicollector.h"
#include "core/sources/httpjson/httpjsonfields.h"

namespace activity {

// One `http-json` source: GETs its URL (conditionally, with its own headers and token) and stores each field's
// number as a series (provider "http-json", the field name as metric, the item's label as repository).
class HttpJsonCollector final : public ApiCollector {
    Q_OBJECT
public:
    HttpJsonCollector(qint64 sourceId, QJsonObject settings, Services services, QObject* parent = nullptr);

    static const QString kProvider;
    // "K: V" lines of the `header` setting; sets `error` naming the first bad one.
    static QList<QPair<QByteArray, QByteArray>> parseHeaders(const QString& lines, QString* error = nullptr);
    // "X-Api-Key=VAR" lines (--header-env): each header's value is read from the variable at each poll.
    static QList<std::pair<QString, QString>> parseHeaderEnv(const QString& lines, QString* error = nullptr);
    // Series are unique by (provider, repository, metric): the repository column holds the source id and the
    // labels ("12" or "12:num=1.2.3"), so two sources with the same field names keep apart.
    static QString seriesKey(qint64 sourceId, const QString& labels);
    static QString labelsOf(const QString& seriesKey);

private:
    void startPoll() override;
    void store(const QList<HttpJsonFields::Value>& values, const QString& labelKey);
    void storeVersions(const QByteArray& body);
};

} // namespace activity
