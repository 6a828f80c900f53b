#include "core/storage/database.h"
#include "tests/support/teststore.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

namespace activity {

namespace {
const QString kLog = QStringLiteral(ACTIVITY_TEST_DATA "/logs/report_access.log");

struct Run {
    int status = -1;
    QByteArray out;
    QByteArray err;
};

// The suite's PostgreSQL twin: the data folder's store is a database (TestStore::urlForDataDir).
void useTestStore(QProcess& p, const QStringList& args)
{
    const qsizetype at = args.indexOf(QStringLiteral("--data-dir"));
    if (!TestStore::onPostgres() || at < 0 || at + 1 >= args.size())
        return;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ACTIVITY_STORE"), TestStore::urlForDataDir(args.at(at + 1)));
    p.setProcessEnvironment(env);
}

Run run(const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    useTestStore(p, args);
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

namespace {
// The program's output as text (importing a big file may take two minutes).
struct TextRun {
    int status = -1;
    QString out;
    QString err;
};

TextRun runText(const QStringList& args)
{
    QProcess p;
    useTestStore(p, args);
    p.start(QStringLiteral(ACTIVITY_BIN), args);
    if (!p.waitForFinished(120'000))
        return {};
    return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

// `count` lines from `first` on (one every 7 seconds), visitors repeating across the whole file.
QList<QByteArray> makeLines(qint64 first, int count, int seed)
{
    QRandomGenerator rng { quint32(seed) };
    QList<QByteArray> lines;
    for (int i = 0; i < count; ++i) {
        const QDateTime t = QDateTime::fromSecsSinceEpoch(first + qint64(i) * 7, Qt::UTC);
        lines << "10.1." + QByteArray::number(rng.bounded(40)) + '.' + QByteArray::number(rng.bounded(40)) + " - - ["
                + QLocale::c().toString(t, QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1() + " +0000] \"GET /p"
                + QByteArray::number(rng.bounded(300)) + " HTTP/1.1\" 200 " + QByteArray::number(100 + i % 50)
                + " \"-\" \"agent-" + QByteArray::number(rng.bounded(5)) + "\"";
    }
    return lines;
}

void write(const QString& path, const QList<QByteArray>& lines, QIODevice::OpenMode mode = QIODevice::WriteOnly)
{
    QFile f(path);
    QVERIFY(f.open(mode));
    for (const QByteArray& l : lines)
        f.write(l + '\n');
}

// What a correct store holds: requests, bytes and visitors (distinct address, UTC day, agent), counted here.
struct Figures {
    qint64 requests = 0;
    qint64 bytes = 0;
    qint64 visitors = 0;
    bool operator==(const Figures&) const = default;
};

Figures expected(const QList<QByteArray>& lines)
{
    Figures f;
    QSet<QByteArray> visitors;
    for (const QByteArray& l : lines) {
        ++f.requests;
        const QList<QByteArray> parts = l.split(' ');
        f.bytes += parts.at(9).toLongLong();
        visitors.insert(parts.at(0) + ' ' + parts.at(3).mid(1, 11) + ' ' + l.mid(l.lastIndexOf(" \"")));
    }
    f.visitors = visitors.size();
    return f;
}

Figures stored(const QString& data)
{
    if (!TestStore::onPostgres() && !QFile::exists(data + "/activity.sqlite"))
        return {};
    try {
        Database db(TestStore::storeOfDataDir(data), Database::Mode::ReadOnly);
        Statement st = db.prepare("SELECT sum(requests), sum(bytes), sum(visitors) FROM rollups WHERE dim = '' AND "
                                  "period = 86400");
        st.step();
        return { st.int64(0), st.int64(1), st.int64(2) };
    } catch (const DatabaseError&) {
        return {}; // the import has made the store, not yet its tables
    }
}

char* toString(const Figures& f) // QCOMPARE's message
{
    return qstrdup(QByteArray("requests " + QByteArray::number(f.requests) + ", bytes " + QByteArray::number(f.bytes)
        + ", visitors " + QByteArray::number(f.visitors))
                       .constData());
}
} // namespace

class TestImportCommand : public QObject {
    Q_OBJECT
private slots:
    void importThenReportExactFigures();
    void gzipAndStdinGiveTheSameFigures();
    void badArguments_data();
    void badArguments();

    // `import` is exactly-once: the same file again, the file grown, its rotated .gz copy, an import killed half way
    // and a log imported in parts all give the figures of one import of everything, counted independently here.
    void sameFileGrownAndRotated();
    void aFileThatOnlyStartsAlikeIsNew();
    void killedImportResumesExactly();
    void oldLogInPartsCountsVisitorsOnce_data();
    void oldLogInPartsCountsVisitorsOnce();
    void helpListsFormats();
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
    // Bots: curl/8 (50 bytes) and the line without an agent ("-", 0 bytes); the other 6 are people, 5 visitors
    // (81.2.69.142 and 193.51.224.1 on the 20th, 8.8.8.8, the IPv6 address and 81.2.69.142 on the 21st).
    QCOMPARE(file(out + "/summary.csv"),
        QByteArray("metric,value\r\nrequests,8\r\nvisitors,7\r\nbytes,1457\r\nrejected,0\r\nhuman_requests,6\r\n"
                   "human_visitors,5\r\nbot_requests,2\r\nbot_bytes,50\r\n"));
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
    // Twice the same lines: twice the requests, the same visitors (the 22nd adds a person, agent "x").
    QCOMPARE(file(out + "/summary.csv"),
        QByteArray("metric,value\r\nrequests,18\r\nvisitors,8\r\nbytes,4912\r\nrejected,0\r\nhuman_requests,14\r\n"
                   "human_visitors,6\r\nbot_requests,4\r\nbot_bytes,100\r\n"));
    // Rejected while importing, i.e. today: a report ending now counts the 2 rejected lines of each import.
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    r = run({ "report", "--data-dir", data, "--out", out, "--to", today });
    QVERIFY2(file(out + "/summary.csv").contains("\r\nrejected,4\r\n"), file(out + "/summary.csv").constData());
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

void TestImportCommand::sameFileGrownAndRotated()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    const QString log = dir.filePath("access.log");
    const QList<QByteArray> all = makeLines(QDateTime::currentSecsSinceEpoch() - 2 * 86400, 4500, 1);
    write(log, all.mid(0, 3000));
    TextRun r = runText({ "import", "--data-dir", data, log });
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.startsWith("lines 3000, stored 3000,"), qPrintable(r.out));

    r = runText({ "import", "--data-dir", data, log }); // again: nothing new
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.contains(log + ": skipped 3000 lines already imported"), qPrintable(r.out));
    QVERIFY2(r.out.contains("lines 0, stored 0,"), qPrintable(r.out));
    QCOMPARE(stored(data), expected(all.mid(0, 3000)));

    write(log, all.mid(3000, 1000), QIODevice::Append); // grown
    r = runText({ "import", "--data-dir", data, log });
    QVERIFY2(r.out.contains("skipped 3000 lines") && r.out.contains("lines 1000, stored 1000,"), qPrintable(r.out));
    QCOMPARE(stored(data), expected(all.mid(0, 4000)));

    // Rotated and compressed, with the lines written after the last import: only those are new.
    write(log, all.mid(4000), QIODevice::Append);
    QProcess gzip;
    gzip.setStandardOutputFile(log + ".1.gz");
    gzip.start("gzip", { "-c", log });
    QVERIFY(gzip.waitForFinished() && gzip.exitCode() == 0);
    QVERIFY(QFile::remove(log));
    r = runText({ "import", "--data-dir", data, log + ".1.gz" });
    QVERIFY2(r.out.contains("skipped 4000 lines") && r.out.contains("lines 500, stored 500,"), qPrintable(r.out));
    QCOMPARE(stored(data), expected(all));
    {
        Database db(TestStore::storeOfDataDir(data), Database::Mode::ReadOnly);
        QCOMPARE(db.queryInt("SELECT count(*) FROM requests"), 4500);
    }
    // --force: on purpose, twice.
    r = runText({ "import", "--data-dir", data, "--force", log + ".1.gz" });
    QVERIFY2(r.out.contains("lines 4500, stored 4500,") && !r.out.contains("skipped"), qPrintable(r.out));
    QCOMPARE(stored(data).requests, 9000);
}

void TestImportCommand::aFileThatOnlyStartsAlikeIsNew()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    const QList<QByteArray> a = makeLines(QDateTime::currentSecsSinceEpoch() - 86400, 2000, 2);
    QList<QByteArray> b = a.mid(0, 100); // the same first 4 KiB and more, then other lines
    b += makeLines(QDateTime::currentSecsSinceEpoch() - 3600, 1500, 3);
    write(dir.filePath("a.log"), a);
    write(dir.filePath("b.log"), b);
    QCOMPARE(runText({ "import", "--data-dir", data, dir.filePath("a.log") }).status, 0);
    const TextRun r = runText({ "import", "--data-dir", data, dir.filePath("b.log") });
    QVERIFY2(r.out.contains("lines 1600, stored 1600,") && !r.out.contains("skipped"), qPrintable(r.out));
    QCOMPARE(stored(data).requests, 3600);
}

void TestImportCommand::killedImportResumesExactly()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    const QString log = dir.filePath("big.log");
    const QList<QByteArray> lines = makeLines(QDateTime::currentSecsSinceEpoch() - 20 * 86400, 300'000, 4);
    write(log, lines);
    QProcess import;
    const QStringList args { "import", "--data-dir", data, log };
    useTestStore(import, args);
    import.start(ACTIVITY_BIN, args);
    QVERIFY(import.waitForStarted());
    // Killed once some commits are in, long before the end.
    QTRY_VERIFY_WITH_TIMEOUT(stored(data).requests > 0, 30'000);
    ::kill(pid_t(import.processId()), SIGKILL);
    QVERIFY(import.waitForFinished());
    const qint64 before = stored(data).requests;
    QVERIFY2(before > 0 && before < lines.size(), qPrintable(QString::number(before)));
    const TextRun r = runText({ "import", "--data-dir", data, log });
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.contains(QStringLiteral("skipped %1 lines").arg(before)),
        qPrintable(QStringLiteral("%1 stored before: ").arg(before) + r.out + r.err));
    QCOMPARE(stored(data), expected(lines));
    Database db(TestStore::storeOfDataDir(data), Database::Mode::ReadOnly);
    QCOMPARE(db.queryInt("SELECT count(*) FROM requests"), lines.size());
}

void TestImportCommand::oldLogInPartsCountsVisitorsOnce_data()
{
    QTest::addColumn<bool>("secondHalfFirst");
    QTest::addRow("in order") << false;
    QTest::addRow("second half first") << true;
}

void TestImportCommand::oldLogInPartsCountsVisitorsOnce()
{
    QFETCH(bool, secondHalfFirst);
    QTemporaryDir dir;
    // A year-old log (past the retention: rollups and visitor sets only), visitors recurring in both halves.
    const QList<QByteArray> lines = makeLines(QDateTime::currentSecsSinceEpoch() - 365 * 86400, 10'000, 5);
    write(dir.filePath("first.log"), lines.mid(0, 5000));
    write(dir.filePath("second.log"), lines.mid(5000));
    const QString data = dir.filePath("data");
    const QStringList parts
        = secondHalfFirst ? QStringList { "second.log", "first.log" } : QStringList { "first.log", "second.log" };
    for (const QString& part : parts) {
        const TextRun r = runText({ "import", "--data-dir", data, dir.filePath(part) });
        QCOMPARE(r.status, 0);
        // Where the data went, since the default report range (30 days) shows none of it.
        QVERIFY2(r.out.contains("older than the retention are kept as hourly and daily totals"), qPrintable(r.out));
    }
    QCOMPARE(stored(data), expected(lines));
    // `stats` does not say "0 requests" for them.
    const TextRun stats = runText({ "stats", "--data-dir", data });
    QVERIFY2(stats.out.contains("requests counted: 10000 (raw rows are kept for the retention"), qPrintable(stats.out));
}

void TestImportCommand::helpListsFormats()
{
    const TextRun r = runText({ "import", "--help" });
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.startsWith("usage: activity-dashboard import [--site NAME] [--format FORMAT] [--force] FILE..."),
        qPrintable(r.out));
    QVERIFY(r.out.contains("combined (the default)"));
    QVERIFY(r.out.contains("log_format"));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestImportCommand)
#include "tst_importcommand.moc"
