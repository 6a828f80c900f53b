// Following a log on a server: the addresses accepted, the server's listing read, and which file and offset to
// read next after any pause (rotations, compression, truncation), without a network.
#include "core/ingest/remotelog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

using RemoteLog::File;

namespace {
File file(const char* name, qint64 inode, qint64 size, qint64 mtime, const char* head, bool current = false)
{
    File f;
    f.name = QString::fromLatin1(name);
    f.inode = inode;
    f.size = size;
    f.mtime = mtime;
    f.head = head;
    f.gz = f.name.endsWith(QLatin1String(".gz"));
    f.current = current;
    return f;
}
} // namespace

class TestRemoteLog : public QObject {
    Q_OBJECT
private slots:
    void addresses_data();
    void addresses();
    void listingFromARealShell();
    void next_data();
    void next();
    void rotationOrder();
};

void TestRemoteLog::addresses_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");
    QTest::addRow("full") << "ssh://deploy@web1.example.org:2222/var/log/nginx/access.log" << true << "deploy"
                          << "web1.example.org" << 2222 << "/var/log/nginx/access.log";
    QTest::addRow("no user, no port") << "ssh://web1/var/log/nginx/access.log" << true << ""
                                      << "web1" << 0 << "/var/log/nginx/access.log";
    QTest::addRow("ipv6") << "ssh://me@[::1]:22/a.log" << true << "me"
                          << "::1" << 22 << "/a.log";
    QTest::addRow("no path") << "ssh://web1" << false << ""
                             << "" << 0 << "";
    QTest::addRow("root only") << "ssh://web1/" << false << ""
                               << "" << 0 << "";
    QTest::addRow("password") << "ssh://me:secret@web1/a.log" << false << ""
                              << "" << 0 << "";
    QTest::addRow("option as host") << "ssh://-oProxyCommand=x/a.log" << false << ""
                                    << "" << 0 << "";
    QTest::addRow("local path") << "/var/log/nginx/access.log" << false << ""
                                << "" << 0 << "";
}

void TestRemoteLog::addresses()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    const auto t = RemoteLog::parse(url);
    QCOMPARE(t.has_value(), ok);
    if (!ok)
        return;
    QTEST(t->user, "user");
    QTEST(t->host, "host");
    QTEST(t->port, "port");
    QTEST(t->path, "path");
}

void TestRemoteLog::listingFromARealShell()
{
    // The commands run by sh, as the server would: names with spaces and quotes, a rotation, a .gz.
    QTemporaryDir dir;
    const QString log = dir.filePath("it's access.log");
    const auto write = [](const QString& path, const QByteArray& text) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(log, "new 1\nnew 2\n");
    write(log + ".1", "older\n");
    write(dir.filePath("unrelated.log"), "x\n");
    write(log + ".2", QByteArray("oldest line\n").repeated(500));
    QCOMPARE(QProcess::execute("gzip", { log + ".2" }), 0);
    QProcess sh;
    sh.start("sh", { "-c", RemoteLog::listCommand(log) });
    QVERIFY(sh.waitForFinished());
    const QList<File> files = RemoteLog::parseList(sh.readAllStandardOutput(), log);
    QCOMPARE(files.size(), 3);
    QCOMPARE(files[0].name, log);
    QVERIFY(files[0].current);
    QCOMPARE(files[0].size, 12);
    QCOMPARE(files[0].head, QCryptographicHash::hash("new 1\nnew 2\n", QCryptographicHash::Md5).toHex());
    QVERIFY(files[2].gz);
    QCOMPARE(files[2].head,
        QCryptographicHash::hash(QByteArray("oldest line\n").repeated(500).left(4096), QCryptographicHash::Md5)
            .toHex());
    // Reading: from an offset, uncompressed for a .gz.
    sh.start("sh", { "-c", RemoteLog::readCommand(files[0], 6, 100) });
    QVERIFY(sh.waitForFinished());
    QCOMPARE(sh.readAllStandardOutput(), QByteArray("new 2\n"));
    sh.start("sh", { "-c", RemoteLog::readCommand(files[2], 12 * 499, 100) });
    QVERIFY(sh.waitForFinished());
    QCOMPARE(sh.readAllStandardOutput(), QByteArray("oldest line\n"));
}

void TestRemoteLog::next_data()
{
    QTest::addColumn<QList<File>>("files");
    QTest::addColumn<qint64>("inode");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("expectFile"); // empty: nothing to read
    QTest::addColumn<qint64>("expectOffset");
    const QList<File> quiet { file("/l/a.log", 10, 5000, 100, "h10", true) };
    QTest::addRow("new source: the current file from its start")
        << quiet << qint64(0) << qint64(0) << QByteArray() << "/l/a.log" << qint64(0);
    QTest::addRow("grown") << quiet << qint64(10) << qint64(4000) << QByteArray("h10") << "/l/a.log" << qint64(4000);
    QTest::addRow("nothing new") << quiet << qint64(10) << qint64(5000) << QByteArray("h10") << "" << qint64(0);
    QTest::addRow("truncated in place") << quiet << qint64(10) << qint64(9000) << QByteArray("h10") << "/l/a.log"
                                        << qint64(0);
    const QList<File> rotated { file("/l/a.log", 11, 300, 200, "h11", true), file("/l/a.log.1", 10, 5000, 150, "h10") };
    QTest::addRow("rotated: the rest of the old one first")
        << rotated << qint64(10) << qint64(4000) << QByteArray("h10") << "/l/a.log.1" << qint64(4000);
    QTest::addRow("rotated, old one read: the new one")
        << rotated << qint64(10) << qint64(5000) << QByteArray("h10") << "/l/a.log" << qint64(0);
    const QList<File> twice { file("/l/a.log", 12, 100, 300, "h12", true), file("/l/a.log.1", 11, 300, 200, "h11"),
        file("/l/a.log.2.gz", 99, 900, 150, "h10") };
    QTest::addRow("rotated twice: found compressed by its first bytes")
        << twice << qint64(10) << qint64(4000) << QByteArray("h10") << "/l/a.log.2.gz" << qint64(4000);
    QTest::addRow("rotated twice, middle one")
        << twice << qint64(11) << qint64(100) << QByteArray("h11") << "/l/a.log.1" << qint64(100);
    QTest::addRow("the old one deleted: what is there is new")
        << rotated << qint64(7) << qint64(4000) << QByteArray("h7") << "/l/a.log" << qint64(0);
    const QList<File> reused { file("/l/a.log", 10, 6, 300, "hnew", true), file("/l/a.log.1", 11, 300, 200, "h11"),
        file("/l/a.log.2.gz", 12, 900, 150, "h10") };
    QTest::addRow("the old inode reused by the new file: found by its first bytes")
        << reused << qint64(10) << qint64(4000) << QByteArray("h10") << "/l/a.log.2.gz" << qint64(4000);
    QTest::addRow("missing log") << QList<File>() << qint64(10) << qint64(1) << QByteArray() << "" << qint64(0);
}

void TestRemoteLog::next()
{
    QFETCH(QList<File>, files);
    QFETCH(qint64, inode);
    QFETCH(qint64, offset);
    QFETCH(QByteArray, head);
    QFETCH(QString, expectFile);
    QFETCH(qint64, expectOffset);
    const auto read = RemoteLog::next(files, { inode, offset, head });
    QCOMPARE(read ? read->file.name : QString(), expectFile);
    if (read)
        QCOMPARE(read->offset, expectOffset);
}

void TestRemoteLog::rotationOrder()
{
    // Same second (a rotation by hand): logrotate's numbers decide; the current file is always last.
    const QList<File> files { file("/l/a.log", 12, 1, 300, "c", true), file("/l/a.log.1", 11, 1, 300, "b"),
        file("/l/a.log.3.gz", 9, 1, 300, "z"), file("/l/a.log.2.gz", 10, 1, 300, "a") };
    QCOMPARE(RemoteLog::after(files, files[2])->name, QStringLiteral("/l/a.log.2.gz"));
    QCOMPARE(RemoteLog::after(files, files[3])->name, QStringLiteral("/l/a.log.1"));
    QCOMPARE(RemoteLog::after(files, files[1])->name, QStringLiteral("/l/a.log"));
    QVERIFY(!RemoteLog::after(files, files[0]));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestRemoteLog)
#include "tst_remotelog.moc"
