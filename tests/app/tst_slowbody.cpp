// A slow body for each new source type, end to end: a JSON API, a Prometheus exporter and the npm registry that send
// their headers and a few bytes, then nothing. `collect --once` gives up on each after the timeout (setting
// http.timeout), says which source and why, stores nothing, and stores the figures once the server answers again.
#include "tests/support/fakeapiserver.h"
#include "tests/support/metricscsv.h"
#include "tests/support/runprogram.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

class TestSlowBody : public QObject {
    Q_OBJECT
private slots:
    void slowBodiesTimeOutAndSayWhich()
    {
        FakeHttpServer server;
        bool slow = true;
        server.handler = [&slow](const FakeRequest& r) {
            const QString path = r.url.path();
            FakeResponse answer { 200, { { "Content-Type", "application/json" } }, R"({"queue": {"length": 5}})" };
            if (path == QLatin1String("/metrics"))
                answer = { 200, { { "Content-Type", "text/plain; version=0.0.4" } }, "# TYPE up gauge\nup 1\n" };
            else if (path.startsWith(QLatin1String("/downloads/")))
                answer.body = R"({"start":"2026-11-01","end":"2026-11-30","package":"left-pad","downloads":[]})";
            if (slow) {
                answer.body += QByteArray(4096, ' ');
                answer.stallAfter = 8; // headers and a few bytes, then silence
            }
            return answer;
        };
        QTemporaryDir dir;
        const QString base = server.baseUrl();
        for (const QStringList& args : QList<QStringList> { { "settings", "set", "http.timeout", "1" },
                 { "sources", "add", "http-json", "--url", base + "/stats", "--field", "queue=/queue/length" },
                 { "sources", "add", "prometheus", "--url", base + "/metrics", "--select", "up" },
                 { "sources", "add", "npm", "--package", "left-pad", "--api-url", base } }) {
            const ProgramResult r = runProgram(args, dir.path());
            QVERIFY2(r.code == 0, qPrintable(args.join(' ') + ": " + r.all()));
        }
        QElapsedTimer timer;
        timer.start();
        const ProgramResult slowRun = runProgram({ "collect", "--once" }, dir.path());
        QCOMPARE(slowRun.code, 1);
        QVERIFY2(timer.elapsed() < 80'000, "gave up within the timeout and its retries");
        for (const char* source : { "source 1 (", "source 2 (", "source 3 (left-pad)" })
            QVERIFY2(slowRun.err.contains(QLatin1String(source)), qPrintable(slowRun.err));
        QCOMPARE(int(slowRun.err.count(QStringLiteral("within 1 s"))), 3);
        QCOMPARE(metricRows(dir.path()), QStringList({ "timestamp,source,series,labels,value" }));
        const QJsonArray sources
            = QJsonDocument::fromJson(runProgram({ "sources", "list", "--json" }, dir.path()).out.toUtf8()).array();
        QCOMPARE(sources.size(), 3);
        for (const QJsonValue& s : sources)
            QVERIFY2(s[QStringLiteral("last_error")].toString().contains("within 1 s"),
                qPrintable(s[QStringLiteral("last_error")].toString()));

        // The server answers again: the next poll stores what it says.
        slow = false;
        const ProgramResult healthy = runProgram({ "collect", "--once" }, dir.path());
        QVERIFY2(healthy.code == 0, qPrintable(healthy.all()));
        const QStringList rows = metricRows(dir.path());
        QVERIFY2(rows.contains("127.0.0.1/stats,queue,,5"), qPrintable(rows.join('\n')));
        QVERIFY2(rows.contains("127.0.0.1/metrics,up,,1") || rows.join('\n').contains(",up,,1"),
            qPrintable(rows.join('\n')));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSlowBody)
#include "tst_slowbody.moc"
