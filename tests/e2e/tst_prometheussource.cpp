// A prometheus source against a real exporter: Debian's prometheus-node-exporter, started by the test on a
// loopback port with a textfile collector giving figures the test knows, scraped by `collect --once`.
#include "tests/support/metricscsv.h"
#include "tests/support/runprogram.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool waitForPort(quint16 port)
{
    for (int i = 0; i < 100; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(100))
            return true;
        QTest::qWait(50);
    }
    return false;
}

QStringList rowsNamed(const QStringList& rows, const QString& series)
{
    QStringList out;
    for (const QString& r : rows) {
        if (r.section(QLatin1Char(','), 1, 1) == series)
            out.append(r.section(QLatin1Char(','), 2));
    }
    return out;
}
} // namespace

class TestPrometheusSource : public QObject {
    Q_OBJECT
private slots:
    void scrapesARealExporter()
    {
        const QString exporter = QStandardPaths::findExecutable(QStringLiteral("prometheus-node-exporter"));
        QVERIFY2(!exporter.isEmpty(), "prometheus-node-exporter is installed by packaging/install-deps.sh");
        QTemporaryDir dir;
        const QString textDir = dir.filePath(QStringLiteral("textfile"));
        QDir().mkpath(textDir);
        QFile prom(textDir + QStringLiteral("/activity.prom"));
        QVERIFY(prom.open(QIODevice::WriteOnly));
        prom.write("# TYPE activity_test_value gauge\n"
                   "activity_test_value{kind=\"a\"} 42\n"
                   "activity_test_value{kind=\"b\",path=\"C:\\\\dir\"} 7.5\n"
                   "# TYPE activity_test_jobs_total counter\n"
                   "activity_test_jobs_total 1234\n");
        prom.close();
        const quint16 port = freePort();
        QProcess node;
        node.start(exporter,
            { QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                QStringLiteral("--collector.disable-defaults"), QStringLiteral("--collector.textfile"),
                QStringLiteral("--collector.textfile.directory=") + textDir, QStringLiteral("--collector.loadavg") });
        QVERIFY(node.waitForStarted(10000));
        QVERIFY2(waitForPort(port), qPrintable(QString::fromUtf8(node.readAllStandardError())));

        const QString data = dir.filePath(QStringLiteral("data"));
        const QString url = QStringLiteral("http://127.0.0.1:%1/metrics").arg(port);
        ProgramResult r = runProgram({ "sources", "add", "prometheus", "--url", url, "--select", "activity_test_value",
                                         "--select", "activity_test_jobs_total", "--select", "node_load1" },
            data);
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        r = runProgram({ "collect", "--once" }, data);
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        const QStringList rows = metricRows(data);
        QCOMPARE(rowsNamed(rows, QStringLiteral("activity_test_value")),
            QStringList({ "kind=a,42", "kind=b;path=C:\\dir,7.5" }));
        QCOMPARE(rowsNamed(rows, QStringLiteral("activity_test_jobs_total")), QStringList({ ",1234" }));
        QCOMPARE(rowsNamed(rows, QStringLiteral("node_load1")).size(), 1);
        // Only what the selectors chose: none of the exporter's other series.
        QVERIFY(rowsNamed(rows, QStringLiteral("node_load5")).isEmpty());
        QVERIFY(rowsNamed(rows, QStringLiteral("go_goroutines")).isEmpty());

        // A selector that matches nothing is an error the user sees.
        r = runProgram({ "sources", "add", "prometheus", "--url", url, "--select", "no_such_metric" }, data);
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        r = runProgram({ "collect", "--once" }, data);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.all().contains(QStringLiteral("no series matches")), qPrintable(r.all()));
        node.terminate();
        node.waitForFinished(5000);
    }

    // A source is named by host, port and path: the scheme's own port when the URL names none.
    void sourceNameHasTheSchemesPort()
    {
        QTemporaryDir dir;
        for (const char* url : { "https://127.0.0.1/metrics", "http://127.0.0.1/metrics" }) {
            const ProgramResult r
                = runProgram({ "sources", "add", "prometheus", "--url", url, "--select", "node_load1" }, dir.path());
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        const ProgramResult list = runProgram({ "sources", "list" }, dir.path());
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains(QStringLiteral("127.0.0.1:443/metrics")), qPrintable(list.out));
        QVERIFY2(list.out.contains(QStringLiteral("127.0.0.1:80/metrics")), qPrintable(list.out));
    }

    void badSelectorsNameThemselves()
    {
        QTemporaryDir dir;
        const ProgramResult r = runProgram({ "sources", "add", "prometheus", "--url", "http://127.0.0.1:9/metrics",
                                               "--select", "node_cpu{mode=idle}" },
            dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--select")) && r.err.contains(QStringLiteral("node_cpu{mode=idle}")),
            qPrintable(r.err));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestPrometheusSource)
#include "tst_prometheussource.moc"
