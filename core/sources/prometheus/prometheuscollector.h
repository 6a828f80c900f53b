#pragma once

#include "core/sources/apicollector.h"
#include "core/sources/prometheus/prometheustext.h"
#include "core/sources/sourceregistry.h"

namespace activity {

// A `prometheus` source: scrapes an exporter's /metrics (text 0.0.4 or OpenMetrics) and keeps the series its
// selectors choose, as they come (counters as totals: the Metrics page shows them as rates). Provider
// "prometheus"; the repository column holds the source id and the labels, as for http-json.
class PrometheusCollector final : public ApiCollector {
    Q_OBJECT
public:
    PrometheusCollector(qint64 sourceId, QJsonObject settings, Services services, QObject* parent = nullptr);
    static const QString kProvider;
    static constexpr int kMaxSeries = 2000; // more from one source is a selector too wide, not data to keep

private:
    void startPoll() override;
    QList<PrometheusText::Selector> m_selectors;
};

SourceTypeSpec prometheusSpec();

} // namespace activity
