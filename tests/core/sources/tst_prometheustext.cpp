// The exposition formats' corner cases (text 0.0.4 and OpenMetrics) and the selectors a user writes.
#include "core/query/metricsquery.h"
#include "core/sources/prometheus/prometheustext.h"

#include <QTest>
#include <cmath>

namespace activity {

class TestPrometheusText : public QObject {
    Q_OBJECT
private slots:
    void textFormat()
    {
        const QByteArray text = "# HELP http_requests_total The total number of HTTP requests.\n"
                                "# TYPE http_requests_total counter\n"
                                "http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000\n"
                                "http_requests_total{method=\"post\",code=\"400\"}    3 1395066363000\n"
                                "\n"
                                "# Escaping in label values:\n"
                                "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find "
                                "file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9\n"
                                "metric_without_timestamp_and_labels 12.47\n"
                                "something_weird{problem=\"division by zero\"} +Inf -3982045\n"
                                "http_request_duration_seconds_bucket{le=\"+Inf\"} 144320\n"
                                "not_a_number NaN\n"
                                "broken{label=\"unclosed} 1\n";
        const PrometheusText::Parsed p = PrometheusText::parse(text, false);
        QCOMPARE(p.types.value(QStringLiteral("http_requests_total")), QStringLiteral("counter"));
        QCOMPARE(p.samples.size(), 7);
        QCOMPARE(p.samples[0].name, QStringLiteral("http_requests_total"));
        QCOMPARE(PrometheusText::labelText(p.samples[0].labels), QStringLiteral("method=post;code=200"));
        QCOMPARE(p.samples[0].value, 1027.0);
        QCOMPARE(*p.samples[0].timestampMs, qint64(1395066363000));
        QCOMPARE(p.samples[1].value, 3.0);
        QCOMPARE(p.samples[2].labels.value(0).second, QStringLiteral("C:\\DIR\\FILE.TXT"));
        QCOMPARE(p.samples[2].labels.value(1).second, QStringLiteral("Cannot find file:\n\"FILE.TXT\""));
        QCOMPARE(p.samples[2].value, 1.458255915e9);
        QVERIFY(!p.samples[3].timestampMs);
        QVERIFY(std::isinf(p.samples[4].value) && p.samples[4].value > 0);
        QCOMPARE(*p.samples[4].timestampMs, qint64(-3982045));
        QCOMPARE(p.samples[5].labels.value(0).second, QStringLiteral("+Inf"));
        QVERIFY(std::isnan(p.samples[6].value));
        QCOMPARE(p.errors.size(), 1);
        QVERIFY(p.errors.first().startsWith(QStringLiteral("line 12:")));
        QVERIFY(!p.eof);
    }

    void openMetrics()
    {
        const QByteArray text = "# TYPE acme_http_router_request_seconds summary\n"
                                "# UNIT acme_http_router_request_seconds seconds\n"
                                "acme_http_router_request_seconds_sum{path=\"/api/v1\",method=\"GET\"} 9036.32\n"
                                "acme_http_router_request_seconds_count{path=\"/api/v1\",method=\"GET\"} 807283.0\n"
                                "go_goroutines 69 1520879607.789\n"
                                "# EOF\n";
        const PrometheusText::Parsed p = PrometheusText::parse(text, true);
        QCOMPARE(p.samples.size(), 3);
        QCOMPARE(p.samples[1].value, 807283.0);
        QCOMPARE(*p.samples[2].timestampMs, qint64(1520879607789)); // seconds in OpenMetrics
        QVERIFY(p.eof);
        QVERIFY(p.errors.isEmpty());
    }

    void selectors()
    {
        const auto sample = [](const char* name, PrometheusText::Labels labels) {
            PrometheusText::Sample s;
            s.name = QString::fromLatin1(name);
            s.labels = std::move(labels);
            return s;
        };
        const auto idle = sample("node_cpu_seconds_total", { { "cpu", "0" }, { "mode", "idle" } });
        const auto user = sample("node_cpu_seconds_total", { { "cpu", "0" }, { "mode", "user" } });
        auto sel = PrometheusText::parseSelector(QStringLiteral("node_cpu_seconds_total{mode=\"idle\"}"));
        QVERIFY(sel);
        QVERIFY(sel->matches(idle));
        QVERIFY(!sel->matches(user));
        sel = PrometheusText::parseSelector(QStringLiteral("node_cpu_seconds_total{mode!=\"idle\", cpu=\"0\"}"));
        QVERIFY(sel && !sel->matches(idle) && sel->matches(user));
        sel = PrometheusText::parseSelector(QStringLiteral("node_cpu_seconds_total"));
        QVERIFY(sel && sel->matches(idle) && sel->matches(user));
        QVERIFY(!sel->matches(sample("node_load1", {})));
        QString error;
        QVERIFY(!PrometheusText::parseSelector(QStringLiteral("node_cpu{mode=idle}"), &error));
        QVERIFY(error.contains(QStringLiteral("node_cpu{mode=idle}")));
        QVERIFY(!PrometheusText::parseSelector(QStringLiteral("{mode=\"idle\"}"), &error));
        QVERIFY(!PrometheusText::parseSelector(QStringLiteral("a b"), &error));
    }

    // Counters are drawn as rates; a fall is a restart of the exporter, counted from zero.
    void countersAsRates()
    {
        const QList<Sample> totals = { { 0, 100 }, { 60, 160 }, { 120, 160 }, { 180, 30 } };
        const QList<Sample> rates = MetricsQuery::perSecond(totals);
        QCOMPARE(rates.size(), 3);
        QCOMPARE(rates[0].value, 1.0);
        QCOMPARE(rates[1].value, 0.0);
        QCOMPARE(rates[2].value, 0.5);
        QCOMPARE(rates[2].ts, qint64(180));
    }
};

} // namespace activity

QTEST_APPLESS_MAIN(activity::TestPrometheusText)
#include "tst_prometheustext.moc"
