// `import` is exactly-once: the same file again, the file grown, its rotated .gz copy, an import killed half way
// and a log imported in parts all give the figures of one import of everything, counted independently here.
#include "core/storage/database.h"

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
struct Run {
    int status = -1;
    QString out;
    QString err;
};

Run run(const QStringList& args)
{
    QProcess p;
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
    Database db(data + "/activity.sqlite", Database::Mode::ReadOnly);
    if (!db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'rollups'").value_or(0))
        return {}; // the import has made the file, not yet its tables
    Statement st = db.prepare("SELECT sum(requests), sum(bytes), sum(visitors) FROM rollups WHERE dim = '' AND "
                              "period = 86400");
    st.step();
    return { st.int64(0), st.int64(1), st.int64(2) };
}

char* toString(const Figures& f) // QCOMPARE's message
{
    return qstrdup(QByteArray("requests " + QByteArray::number(f.requests) + ", bytes " + QByteArray::number(f.bytes)
        + ", visitors " + QByteArray::number(f.visitors))
                       .constData());
}
} // namespace

class TestImportOnce : public QObject {
    Q_OBJECT
private slots:
    void sameFileGrownAndRotated();
    void aFileThatOnlyStartsAlikeIsNew();
    void killedImportResumesExactly();
    void oldLogInPartsCountsVisitorsOnce_data();
    void oldLogInPartsCountsVisitorsOnce();
    void helpListsFormats();
};

void TestImportOnce::sameFileGrownAndRotated()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    const QString log = dir.filePath("access.log");
    const QList<QByteArray> all = makeLines(QDateTime::currentSecsSinceEpoch() - 2 * 86400, 4500, 1);
    write(log, all.mid(0, 3000));
    Run r = run({ "import", "--data-dir", data, log });
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.startsWith("lines 3000, stored 3000,"), qPrintable(r.out));

    r = run({ "import", "--data-dir", data, log }); // again: nothing new
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.contains(log + ": skipped 3000 lines already imported"), qPrintable(r.out));
    QVERIFY2(r.out.contains("lines 0, stored 0,"), qPrintable(r.out));
    QCOMPARE(stored(data), expected(all.mid(0, 3000)));

    write(log, all.mid(3000, 1000), QIODevice::Append); // grown
    r = run({ "import", "--data-dir", data, log });
    QVERIFY2(r.out.contains("skipped 3000 lines") && r.out.contains("lines 1000, stored 1000,"), qPrintable(r.out));
    QCOMPARE(stored(data), expected(all.mid(0, 4000)));

    // Rotated and compressed, with the lines written after the last import: only those are new.
    write(log, all.mid(4000), QIODevice::Append);
    QProcess gzip;
    gzip.setStandardOutputFile(log + ".1.gz");
    gzip.start("gzip", { "-c", log });
    QVERIFY(gzip.waitForFinished() && gzip.exitCode() == 0);
    QVERIFY(QFile::remove(log));
    r = run({ "import", "--data-dir", data, log + ".1.gz" });
    QVERIFY2(r.out.contains("skipped 4000 lines") && r.out.contains("lines 500, stored 500,"), qPrintable(r.out));
    QCOMPARE(stored(data), expected(all));
    {
        Database db(data + "/activity.sqlite", Database::Mode::ReadOnly);
        QCOMPARE(db.queryInt("SELECT count(*) FROM requests"), 4500);
    }
    // --force: on purpose, twice.
    r = run({ "import", "--data-dir", data, "--force", log + ".1.gz" });
    QVERIFY2(r.out.contains("lines 4500, stored 4500,") && !r.out.contains("skipped"), qPrintable(r.out));
    QCOMPARE(stored(data).requests, 9000);
}

void TestImportOnce::aFileThatOnlyStartsAlikeIsNew()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    const QList<QByteArray> a = makeLines(QDateTime::currentSecsSinceEpoch() - 86400, 2000, 2);
    QList<QByteArray> b = a.mid(0, 100); // the same first 4 KiB and more, then other lines
    b += makeLines(QDateTime::currentSecsSinceEpoch() - 3600, 1500, 3);
    write(dir.filePath("a.log"), a);
    write(dir.filePath("b.log"), b);
    QCOMPARE(run({ "import", "--data-dir", data, dir.filePath("a.log") }).status, 0);
    const Run r = run({ "import", "--data-dir", data, dir.filePath("b.log") });
    QVERIFY2(r.out.contains("lines 1600, stored 1600,") && !r.out.contains("skipped"), qPrintable(r.out));
    QCOMPARE(stored(data).requests, 3600);
}

void TestImportOnce::killedImportResumesExactly()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    const QString log = dir.filePath("big.log");
    const QList<QByteArray> lines = makeLines(QDateTime::currentSecsSinceEpoch() - 20 * 86400, 300'000, 4);
    write(log, lines);
    QProcess import;
    import.start(ACTIVITY_BIN, { "import", "--data-dir", data, log });
    QVERIFY(import.waitForStarted());
    // Killed once some commits are in, long before the end.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(data + "/activity.sqlite") && stored(data).requests > 0, 30'000);
    ::kill(pid_t(import.processId()), SIGKILL);
    QVERIFY(import.waitForFinished());
    const qint64 before = stored(data).requests;
    QVERIFY2(before > 0 && before < lines.size(), qPrintable(QString::number(before)));
    const Run r = run({ "import", "--data-dir", data, log });
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.contains(QStringLiteral("skipped %1 lines").arg(before)),
        qPrintable(QStringLiteral("%1 stored before: ").arg(before) + r.out + r.err));
    QCOMPARE(stored(data), expected(lines));
    Database db(data + "/activity.sqlite", Database::Mode::ReadOnly);
    QCOMPARE(db.queryInt("SELECT count(*) FROM requests"), lines.size());
}

void TestImportOnce::oldLogInPartsCountsVisitorsOnce_data()
{
    QTest::addColumn<bool>("secondHalfFirst");
    QTest::addRow("in order") << false;
    QTest::addRow("second half first") << true;
}

void TestImportOnce::oldLogInPartsCountsVisitorsOnce()
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
        const Run r = run({ "import", "--data-dir", data, dir.filePath(part) });
        QCOMPARE(r.status, 0);
        // Where the data went, since the default report range (30 days) shows none of it.
        QVERIFY2(r.out.contains("older than the retention are kept as hourly and daily totals"), qPrintable(r.out));
    }
    QCOMPARE(stored(data), expected(lines));
    // `stats` does not say "0 requests" for them.
    const Run stats = run({ "stats", "--data-dir", data });
    QVERIFY2(stats.out.contains("requests counted: 10000 (raw rows are kept for the retention"), qPrintable(stats.out));
}

void TestImportOnce::helpListsFormats()
{
    const Run r = run({ "import", "--help" });
    QCOMPARE(r.status, 0);
    QVERIFY2(r.out.startsWith("usage: activity-dashboard import [--site NAME] [--format FORMAT] [--force] FILE..."),
        qPrintable(r.out));
    QVERIFY(r.out.contains("combined (the default)"));
    QVERIFY(r.out.contains("log_format"));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestImportOnce)
#include "tst_importonce.moc"
