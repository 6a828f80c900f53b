#include "core/sources/prometheus/prometheuscollector.h"

#include "core/sources/apistore.h"
#include "core/sources/httpjson/httpjsoncollector.h"
#include "core/sources/validators.h"
#include "core/util/clock.h"

#include <QCoreApplication>
#include <QUrl>
#include <cmath>

namespace activity {

namespace {
struct PrometheusSourceText {
    Q_DECLARE_TR_FUNCTIONS(PrometheusSourceText)
};

QString selectorLines(const QString& value)
{
    int count = 0;
    for (const QString& line : value.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        QString error;
        if (!PrometheusText::parseSelector(line, &error))
            return error;
        ++count;
    }
    return count == 0 ? PrometheusSourceText::tr("give at least one selector, e.g. node_load1") : QString();
}
} // namespace

const QString PrometheusCollector::kProvider = QStringLiteral("prometheus");

PrometheusCollector::PrometheusCollector(qint64 sourceId, QJsonObject settings, Services services, QObject* parent)
    : ApiCollector(sourceId, std::move(settings), services, parent)
{
    for (const QString& line : this->settings().value(QLatin1String("select")).toString().split(QLatin1Char('\n'))) {
        if (const auto s = PrometheusText::parseSelector(line))
            m_selectors.append(*s);
    }
}

void PrometheusCollector::startPoll()
{
    const QUrl url(settings().value(QLatin1String("url")).toString());
    fetch(url, "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5", false,
        [this, url](const Page& page) {
            const bool openMetrics = page.response.header("content-type").contains("openmetrics");
            const PrometheusText::Parsed parsed = PrometheusText::parse(page.body, openMetrics);
            QList<const PrometheusText::Sample*> kept;
            for (const PrometheusText::Sample& s : parsed.samples) {
                for (const PrometheusText::Selector& sel : m_selectors) {
                    if (sel.matches(s)) {
                        kept.append(&s);
                        break;
                    }
                }
            }
            if (kept.size() > kMaxSeries) {
                fail(PrometheusSourceText::tr("GET %1: the selectors choose %2 series (at most %3): narrow them")
                         .arg(describe(url))
                         .arg(kept.size())
                         .arg(kMaxSeries),
                    page.response.status);
                return;
            }
            const qint64 now = m_clock.nowSecs();
            m_store.transaction([&] {
                for (const PrometheusText::Sample* s : kept) {
                    if (!std::isfinite(s->value))
                        continue; // NaN and infinities have no place on a chart (and SQLite has no NaN)
                    const QString key = HttpJsonCollector::seriesKey(sourceId(), PrometheusText::labelText(s->labels));
                    m_store.recordSnapshot(m_store.seriesId(sourceId(), kProvider, key, s->name), now, s->value);
                }
            });
            if (kept.isEmpty())
                fail(PrometheusSourceText::tr("GET %1: no series matches the selectors").arg(describe(url)),
                    page.response.status);
            else if (!parsed.errors.isEmpty())
                fail(QStringLiteral("GET %1: %2").arg(describe(url), parsed.errors.first()), page.response.status);
        });
}

SourceTypeSpec prometheusSpec()
{
    SourceTypeSpec s;
    s.type = QStringLiteral("prometheus");
    s.label = PrometheusSourceText::tr("Prometheus exporter");
    FieldSpec url;
    url.name = QStringLiteral("url");
    url.label = PrometheusSourceText::tr("URL");
    url.help = PrometheusSourceText::tr("the exporter's metrics address, e.g. http://127.0.0.1:9100/metrics");
    url.required = true;
    url.validate = Validators::httpUrl;
    url.secrets = FieldSpec::Secrets::InUrl;
    FieldSpec select;
    select.name = QStringLiteral("select");
    select.label = PrometheusSourceText::tr("Series");
    select.help = PrometheusSourceText::tr("selectors like node_load1 or node_cpu_seconds_total{mode=\"idle\"}");
    select.required = true;
    select.repeated = true;
    select.validate = selectorLines;
    FieldSpec interval;
    interval.name = QStringLiteral("interval");
    interval.label = PrometheusSourceText::tr("Interval");
    interval.help = PrometheusSourceText::tr("how often to scrape, e.g. 1m");
    interval.defaultValue = QStringLiteral("1m");
    interval.validate = Validators::duration;
    s.fields = { url, select, interval };
    s.seriesProvider = PrometheusCollector::kProvider;
    s.onMetricsPage = true;
    s.formTest = SourceTypeSpec::FormTest::PrometheusFigures;
    s.createCollector = [](qint64 id, const QJsonObject& settings, const ApiCollectorServices& services) {
        return std::unique_ptr<ApiCollector>(std::make_unique<PrometheusCollector>(id, settings, services));
    };
    s.displayName = [](const QJsonObject& o) {
        const QUrl u(o.value(QLatin1String("url")).toString());
        const int defaultPort = u.scheme() == QLatin1String("https") ? 443 : 80;
        return QString(u.host() + QLatin1Char(':') + QString::number(u.port(defaultPort)) + u.path());
    };
    return s;
}

} // namespace activity
