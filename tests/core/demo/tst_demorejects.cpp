// The demo's rejected lines are lines the real parser rejects, for the reason the demo shows.
#include "core/demo/demodata.h"
#include "core/logs/logformat.h"

#include <QTest>

namespace activity {

class TestDemoRejects : public QObject {
    Q_OBJECT
private slots:
    void rejectedByTheParser_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QByteArray>("line");
        const QList<DemoRejected> samples = DemoData::rejectedSamples();
        QCOMPARE(samples.size(), 4);
        for (const DemoRejected& sample : samples)
            QTest::addRow("%d %s", int(&sample - samples.constData()), qPrintable(sample.reason))
                << sample.reason << sample.line;
    }
    void rejectedByTheParser()
    {
        QFETCH(QString, reason);
        QFETCH(QByteArray, line);
        const LogFormat format = LogFormat::compile("combined");
        AccessRecord record;
        const char* why = nullptr;
        QVERIFY2(
            !format.parse(std::string_view(line.constData(), size_t(line.size())), record, &why), line.constData());
        QCOMPARE(QString::fromLatin1(why), reason);
    }

    // What nginx logs for a TLS handshake sent to a plain-HTTP port is a valid line (a 400 request): it must not
    // be shown as rejected.
    void tlsGarbageRequestIsARequest()
    {
        const LogFormat format = LogFormat::compile("combined");
        AccessRecord record;
        const char* why = nullptr;
        const std::string_view line = R"(203.0.113.9 - - [25/Nov/2026:05:32:29 +0000] "\x16\x03\x01" 400 157 "-" "-")";
        QVERIFY(format.parse(line, record, &why));
        QCOMPARE(record.status, 400);
        for (const DemoRejected& sample : DemoData::rejectedSamples())
            QVERIFY(!sample.line.contains("400 157"));
    }

    // The combined lines the benchmark feeds to `import` parse back to the request they came from.
    void combinedLineParses()
    {
        DemoRequest r;
        r.ts = 1795591815; // 2026-11-25 07:30:15 UTC
        r.addr = QByteArray("\x55\x10\x20\x30", 4);
        r.method = "GET";
        r.path = "/download/activity-1.4.2.tar.gz";
        r.status = 200;
        r.bytes = 4800123;
        r.referrer = "https://www.google.com/";
        r.agent = "curl/8.5.0";
        const QByteArray line = DemoData::combinedLine(r);
        QCOMPARE(line,
            QByteArray("85.16.32.48 - - [25/Nov/2026:07:30:15 +0000] \"GET /download/activity-1.4.2.tar.gz HTTP/1.1\" "
                       "200 4800123 \"https://www.google.com/\" \"curl/8.5.0\""));
        const LogFormat format = LogFormat::compile("combined");
        AccessRecord record;
        const char* why = nullptr;
        QVERIFY(format.parse(std::string_view(line.constData(), size_t(line.size())), record, &why));
        QCOMPARE(record.ts, r.ts);
        QCOMPARE(record.status, 200);
        QCOMPARE(record.bodyBytes, r.bytes);
        QCOMPARE(QByteArray(record.path.data(), qsizetype(record.path.size())), r.path);
        QCOMPARE(QByteArray(record.agent.data(), qsizetype(record.agent.size())), r.agent);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestDemoRejects)
#include "tst_demorejects.moc"
