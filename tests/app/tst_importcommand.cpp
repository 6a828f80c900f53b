#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
const QString kLog = QStringLiteral(ACTIVITY_TEST_DATA "/logs/report_access.log");

struct Run {
    int status = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.start(QStringLiteral(ACTIVITY_BIN), args);
    if (!input.isNull()) {
        p.write(input);
        p.closeWriteChannel();
    }
    if (!p.waitForFinished(60000))
        return {};
    return { p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError() };
}

QByteArray file(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing " + path.toUtf8() + '>');
}
} // namespace

class TestImportCommand : public QObject {
    Q_OBJECT
private slots:
    void importThenReportExactFigures();
    void gzipAndStdinGiveTheSameFigures();
    void badArguments_data();
    void badArguments();
};

void TestImportCommand::importThenReportExactFigures()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    Run r = run({ "import", "--data-dir", data, "--site", "example.org", kLog });
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.startsWith("lines 11, stored 9, rejected 2, seconds "), r.out.constData());
    QVERIFY(r.out.contains(", lines/s "));
    QVERIFY(r.err.isEmpty()); // not a terminal: no progress bar

    const QString out = dir.filePath("report");
    // The exit status also covers the PNG pages (another part): only the CSV files are checked here.
    r = run({ "report", "--data-dir", data, "--out", out, "--from", "2026-11-20", "--to", "2026-11-21" });
    // The 2 lines were rejected now (at the import), not on the 20th or 21st: the report's range leaves them out.
    QCOMPARE(file(out + "/summary.csv"),
        QByteArray("metric,value\r\nrequests,8\r\nvisitors,7\r\nbytes,1457\r\nrejected,0\r\n"));
    QCOMPARE(file(out + "/status.csv"), QByteArray("status,requests\r\n200,4\r\n201,1\r\n304,1\r\n400,1\r\n404,1\r\n"));
    QCOMPARE(file(out + "/countries.csv"),
        QByteArray("country_code,country,requests,visitors\r\nGB,United Kingdom,4,3\r\n,,1,1\r\nDE,Germany,1,1\r\n"
                   "FR,France,1,1\r\nUS,United States,1,1\r\n"));
    // The hostile path (comma, quote, newline: decoded from \x22 and \x0A) is one quoted field.
    QCOMPARE(file(out + "/paths.csv"),
        QByteArray("path,requests,bytes\r\n/,3,1200\r\n/docs,2,200\r\n-,1,0\r\n\"/a,b\"\"c\nd\",1,50\r\n/api,1,7\r\n"));
    const QList<QByteArray> rows = file(out + "/requests.csv").split('\n');
    QCOMPARE(rows.size(), 1 + 48 + 1); // header, 48 hours of two days, the empty piece after the last CRLF
    QCOMPARE(rows[0], QByteArray("bucket_start,requests,visitors,bytes\r"));
    QCOMPARE(rows[1], QByteArray("2026-11-20T00:00:00Z,0,0,0\r"));
    QCOMPARE(rows[1 + 10], QByteArray("2026-11-20T10:00:00Z,2,1,300\r"));
    QCOMPARE(rows[1 + 11], QByteArray("2026-11-20T11:00:00Z,1,1,50\r"));
    QCOMPARE(rows[1 + 12], QByteArray("2026-11-20T12:00:00Z,1,1,1000\r"));
    QCOMPARE(rows[1 + 24], QByteArray("2026-11-21T00:00:00Z,1,1,0\r"));
    QCOMPARE(rows[1 + 32], QByteArray("2026-11-21T08:00:00Z,1,1,0\r"));
    QCOMPARE(rows[1 + 33], QByteArray("2026-11-21T09:00:00Z,1,1,100\r"));
    QCOMPARE(rows[1 + 47], QByteArray("2026-11-21T23:00:00Z,1,1,7\r"));
    qint64 requests = 0;
    for (int i = 1; i <= 48; ++i)
        requests += rows[i].split(',').value(1).toLongLong();
    QCOMPARE(requests, 8);

    // A longer range gives day buckets, and includes the 22nd.
    r = run({ "report", "--data-dir", data, "--out", out, "--from", "2026-11-15", "--to", "2026-11-24" });
    const QByteArray days = file(out + "/requests.csv");
    QVERIFY2(days.contains("\r\n2026-11-20T00:00:00Z,4,3,1350\r\n2026-11-21T00:00:00Z,4,4,107\r\n"
                           "2026-11-22T00:00:00Z,1,1,999\r\n"),
        days.constData());
    QCOMPARE(days.count('\n'), 1 + 10);
}

void TestImportCommand::gzipAndStdinGiveTheSameFigures()
{
    QTemporaryDir dir;
    const QString gz = dir.filePath("access.log.1.gz");
    QProcess gzip;
    gzip.setStandardOutputFile(gz);
    gzip.start("gzip", { "-c", kLog });
    QVERIFY(gzip.waitForFinished());
    QCOMPARE(gzip.exitCode(), 0);
    const QString data = dir.filePath("data");
    Run r = run({ "import", "--data-dir", data, gz });
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.startsWith("lines 11, stored 9, rejected 2,"), r.out.constData());
    r = run({ "import", "--data-dir", data, "-" }, file(kLog));
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.startsWith("lines 11, stored 9, rejected 2,"), r.out.constData());
    const QString out = dir.filePath("report");
    r = run({ "report", "--data-dir", data, "--out", out, "--from", "2026-11-20", "--to", "2026-11-22" });
    // Twice the same lines: twice the requests, the same visitors.
    QCOMPARE(file(out + "/summary.csv"),
        QByteArray("metric,value\r\nrequests,18\r\nvisitors,8\r\nbytes,4912\r\nrejected,0\r\n"));
    // Rejected while importing, i.e. today: a report ending now counts the 2 rejected lines of each import.
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    r = run({ "report", "--data-dir", data, "--out", out, "--to", today });
    QVERIFY2(file(out + "/summary.csv").endsWith("\r\nrejected,4\r\n"), file(out + "/summary.csv").constData());
}

void TestImportCommand::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addRow("no file") << QStringList { "import" } << "import: give at least one FILE";
    QTest::addRow("missing file") << QStringList { "import", "/nonexistent/access.log" }
                                  << "import: /nonexistent/access.log: no such file";
    QTest::addRow("bad format") << QStringList { "import", "--format", "$remote_addr $", kLog }
                                << "import: --format: log format: '$' without a variable name at position 14";
    QTest::addRow("unknown option") << QStringList { "import", "--sight", "x", kLog } << "--sight";
}

void TestImportCommand::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Run r = run(args << "--data-dir" << dir.path());
    QVERIFY(r.status != 0);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestImportCommand)
#include "tst_importcommand.moc"
