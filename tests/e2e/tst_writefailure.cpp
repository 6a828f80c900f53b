// A disk that fills up while collecting or importing: an error the user sees (naming the database file and the
// cause); collect goes on and writes what waited once there is room; "stored" counts only what was committed.
#include "core/geo/geoip.h"
#include "core/ingest/ingestpipeline.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/collectprocess.h"

#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <mutex>
#include <unistd.h>

namespace activity {

namespace {
// A folder whose file system is nearly full: a small tmpfs when we may mount one (root, as in CI), else a limit
// on file sizes for the program (ulimit -f, with SIGXFSZ ignored so the write fails instead of killing it).
class SmallDisk {
public:
    explicit SmallDisk(const QString& path)
        : m_path(path)
    {
        QDir().mkpath(path);
        if (::geteuid() == 0)
            m_mounted = QProcess::execute("mount", { "-t", "tmpfs", "-o", "size=24m", "tmpfs", path }) == 0;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            QProcess::execute("umount", { "-l", m_path });
    }
    // Starts the program with the limit in place.
    void start(QProcess& p, const QStringList& args) const
    {
        if (m_mounted) {
            p.start(ACTIVITY_BIN, args);
            return;
        }
        p.start(
            "bash", QStringList { "-c", "ulimit -f 24576; trap '' XFSZ; exec \"$@\"", "limited", ACTIVITY_BIN } + args);
    }
    QString describe() const { return m_mounted ? QStringLiteral("24 MiB tmpfs") : QStringLiteral("ulimit -f 24 MiB"); }
    bool mounted() const { return m_mounted; }

private:
    QString m_path;
    bool m_mounted = false;
};

QByteArray uniqueLine(int i, int daysAgo = 0)
{
    const QByteArray stamp
        = QDateTime::currentDateTimeUtc().addDays(-daysAgo).toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1();
    // What a URL scanner sends: every path, referrer and agent different, and long.
    const QByteArray noise = QByteArray::number(i).repeated(8);
    return "81.2.69." + QByteArray::number(i % 250 + 1) + " - - [" + stamp + " +0000] \"GET /scan/" + noise
        + " HTTP/1.1\" 404 10 \"http://ref.example/" + noise + "\" \"scanner/" + noise + "\"";
}

qint64 scalar(const QString& dataDir, const char* sql)
{
    Database db(dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
    return db.queryInt(sql).value_or(-1);
}
} // namespace

class TestWriteFailure : public QObject {
    Q_OBJECT
private slots:
    void pipelineSaysWhenWritingWorksAgain();
    void collectGoesOnThroughAFullDisk();
    void windowShowsAFullDiskAndGoesOn();
    void importSaysWhatItStoredBeforeAFullDisk();
};

void TestWriteFailure::pipelineSaysWhenWritingWorksAgain()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    SmallDisk disk(data);
    if (!disk.mounted())
        QSKIP("needs a small file system of its own (root mounts a tmpfs): the window's recovery is not testable "
              "with a file size limit");
    const QString path = data + "/activity.sqlite";
    {
        Database db(path);
        Migrations::migrate(db);
    }
    // Fill the disk up with something the user can delete.
    {
        QFile filler(data + "/filler");
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(1 << 20, 'x');
        while (filler.write(block) == block.size()) { }
    }
    SystemClock clock;
    IngestPipeline pipeline(path, nullptr, clock);
    QStringList said;
    std::mutex mutex;
    pipeline.setErrorHandler([&](const QString& message) {
        std::lock_guard lock(mutex);
        said.append(message);
    });
    const auto heard = [&] {
        std::lock_guard lock(mutex);
        return said;
    };
    for (int i = 0; i < 3000; ++i)
        pipeline.offer({ 1, "site", uniqueLine(i) });
    QTRY_VERIFY_WITH_TIMEOUT(!heard().isEmpty(), 20'000);
    QVERIFY2(heard().first().contains("cannot write to " + path), qPrintable(heard().first()));
    QVERIFY(!pipeline.lastError().isEmpty());
    QVERIFY(QFile::remove(data + "/filler")); // the user makes room
    QTRY_VERIFY2_WITH_TIMEOUT(heard().last().isEmpty(), qPrintable(heard().join(" / ").right(600)), 20000);
    QVERIFY(pipeline.flush(20'000));
    QCOMPARE(pipeline.counters(1).stored, 3000); // the lines kept while it failed are all there
    QCOMPARE(pipeline.lastError(), QString());
}

void TestWriteFailure::collectGoesOnThroughAFullDisk()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    SmallDisk disk(data);
    if (!disk.mounted())
        QSKIP("needs a small file system of its own (root mounts a tmpfs) to make room again");
    const quint16 port = CollectProcess::freeTcpPort();
    int status = -1;
    CollectProcess::cli(
        data, { "sources", "add", "syslog", "--listen", QStringLiteral("tcp://127.0.0.1:%1").arg(port) }, &status);
    QCOMPARE(status, 0);
    // Something the user can delete to make room, taking 10 of the 24 MiB.
    {
        QFile filler(data + "/filler");
        QVERIFY(filler.open(QIODevice::WriteOnly));
        QCOMPARE(filler.write(QByteArray(10 << 20, 'x')), qint64(10 << 20));
    }
    QProcess collect;
    collect.setProcessChannelMode(QProcess::MergedChannels);
    disk.start(collect, { "collect", "--data-dir", data });
    QVERIFY(collect.waitForStarted(10'000));
    QTcpSocket tcp;
    QTRY_VERIFY_WITH_TIMEOUT(
        (tcp.abort(), tcp.connectToHost(QHostAddress::LocalHost, port), tcp.waitForConnected(200)), 20'000);
    // 2,000 lines a second until the disk is full and collect says so, then 2,000 more while it is.
    QByteArray said;
    int sent = 0;
    int after = -1;
    while (sent < 300'000 && (after < 0 || sent < after + 2000)) {
        QByteArray frames;
        for (int i = 0; i < 100; ++i, ++sent) {
            const QByteArray msg = "<190>Nov 25 05:32:29 web1 full: " + uniqueLine(sent, sent % 60);
            frames += QByteArray::number(msg.size()) + ' ' + msg;
        }
        tcp.write(frames);
        tcp.flush();
        QTest::qWait(50);
        said += collect.readAll();
        if (after < 0 && said.contains("keeping what arrives in memory"))
            after = sent;
        QVERIFY2(collect.state() == QProcess::Running, said.right(400).constData());
    }
    QVERIFY2(after > 0, "the disk never filled up");
    QVERIFY2(said.contains(QByteArray("cannot write to " + data.toUtf8() + "/activity.sqlite")),
        said.right(400).constData());
    tcp.disconnectFromHost();
    // The user makes room: what waited in memory is written, and collect says so.
    QVERIFY(QFile::remove(data + "/filler"));
    QTRY_VERIFY_WITH_TIMEOUT((said += collect.readAll()).contains("writing again"), 60'000);
    QCOMPARE(CollectProcess::stop(collect), 0);
    said += collect.readAll();
    qInfo("%d lines sent, %d of them after the disk was full; collect said: %s", sent, sent - after,
        qPrintable(QString::fromUtf8(said.right(300))));
    // Every line is stored, or counted as dropped past the buffer's bound (none at this pace).
    const qint64 rows = scalar(data, "SELECT count(*) FROM requests");
    const qint64 dropped = scalar(data, "SELECT coalesce(sum(value), 0) FROM ingest_counters WHERE name = 'dropped'");
    QCOMPARE(rows + dropped, qint64(sent));
    QCOMPARE(dropped, 0);
    QCOMPARE(scalar(data, "SELECT value FROM ingest_counters WHERE name = 'stored'"), rows);
}

void TestWriteFailure::windowShowsAFullDiskAndGoesOn()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    SmallDisk disk(data);
    const quint16 port = CollectProcess::freeTcpPort();
    int status = -1;
    CollectProcess::cli(
        data, { "sources", "add", "syslog", "--listen", QStringLiteral("tcp://127.0.0.1:%1").arg(port) }, &status);
    QCOMPARE(status, 0);
    QProcess window;
    window.setProcessChannelMode(QProcess::MergedChannels);
    disk.start(window, { "--data-dir", data });
    QVERIFY(window.waitForStarted(10'000));
    QTcpSocket tcp;
    QTRY_VERIFY_WITH_TIMEOUT(
        (tcp.abort(), tcp.connectToHost(QHostAddress::LocalHost, port), tcp.waitForConnected(200)), 20'000);
    QByteArray said;
    for (int sent = 0; sent < 100'000 && !said.contains("cannot write"); sent += 200) {
        QByteArray frames;
        for (int i = 0; i < 200; ++i) {
            const QByteArray msg = "<190>Nov 25 05:32:29 web1 full: " + uniqueLine(sent + i, (sent + i) % 60);
            frames += QByteArray::number(msg.size()) + ' ' + msg;
        }
        tcp.write(frames);
        QTest::qWait(20);
        said += window.readAll();
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        (said += window.readAll()).contains(QByteArray("cannot write to " + data.toUtf8() + "/activity.sqlite")),
        20'000);
    // The window stays (Health and the tray say what is wrong), and still quits cleanly.
    QTest::qWait(500);
    QCOMPARE(window.state(), QProcess::Running);
    QCOMPARE(CollectProcess::stop(window), 0);
}

void TestWriteFailure::importSaysWhatItStoredBeforeAFullDisk()
{
    QTemporaryDir dir;
    const QString log = dir.filePath("scan.log");
    {
        QFile f(log);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Spread over 60 days: each day's budget of new texts keeps every text, so the disk fills.
        for (int i = 0; i < 60'000; ++i)
            f.write(uniqueLine(i, i % 60) + '\n');
    }
    const QString data = dir.filePath("data");
    SmallDisk disk(data);
    QProcess import;
    disk.start(import, { "import", "--data-dir", data, log });
    QVERIFY(import.waitForFinished(120'000));
    const QString err = QString::fromUtf8(import.readAllStandardError());
    QCOMPARE(import.exitCode(), 1);
    QVERIFY2(err.contains("import stopped: cannot write to " + data + "/activity.sqlite"), qPrintable(err));
    const qint64 rows = scalar(data, "SELECT count(*) FROM requests");
    QVERIFY(rows > 0 && rows < 60'000);
    QVERIFY2(
        err.contains(QStringLiteral("stored %1 lines and rejected 0 before the error").arg(rows)), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("up to line %1 of %2").arg(rows).arg(log)), qPrintable(err));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestWriteFailure)
#include "tst_writefailure.moc"
