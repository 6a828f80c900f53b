// The pieces of completed downloads without a database: the patterns setting, a file's release, and the merge of
// requests into attempts, on cases whose answer is written by hand beside them.
#include "core/downloads/downloadattempts.h"

#include <QTest>

using namespace activity;

namespace {
DownloadRequest ranged(qint64 ts, const char* client, qint64 first, qint64 last, qint64 bytes, qint64 file = 1)
{
    DownloadRequest r;
    r.ts = ts;
    r.client = client;
    r.file = file;
    r.status = 206;
    r.bytes = bytes;
    r.rangeFirst = first;
    r.rangeLast = last;
    return r;
}

DownloadRequest whole(qint64 ts, const char* client, qint64 bytes, qint64 file = 1)
{
    DownloadRequest r;
    r.ts = ts;
    r.client = client;
    r.file = file;
    r.status = 200;
    r.bytes = bytes;
    return r;
}

// "started/completed" of a merge.
QString counts(const QList<DownloadAttempt>& attempts)
{
    int completed = 0;
    for (const DownloadAttempt& a : attempts)
        completed += a.completed ? 1 : 0;
    return QStringLiteral("%1/%2").arg(attempts.size()).arg(completed);
}
} // namespace

class TestDownloadAttempts : public QObject {
    Q_OBJECT

private slots:
    void versionFromName_data();
    void versionFromName();
    void patterns();
    void badPatternsNameThemselves();
    void eightParallelRanges();
    void windowEdge();
    void wholeFileInsideAnAttemptCountsAlone();
    void rangesPastTheEndDoNotCover();
    void unknownSizeNeverCompletes();
};

void TestDownloadAttempts::versionFromName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("version");
    QTest::newRow("tarball") << "/dl/app-1.4.2.tar.gz"
                             << "1.4.2";
    QTest::newRow("deb") << "/pool/main/a/app/app_1.4.2_amd64.deb"
                         << "1.4.2";
    QTest::newRow("folder") << "/releases/download/v1.4.2/app-linux.tar.gz"
                            << "1.4.2";
    QTest::newRow("name wins over folder") << "/v2.0/app-1.9.1.zip"
                                           << "1.9.1";
    QTest::newRow("two parts") << "/dl/app-2.0.tgz"
                               << "2.0";
    QTest::newRow("AppImage with arch") << "/dl/App-1.5.0-x86_64.AppImage"
                                        << "1.5.0";
    QTest::newRow("wheel") << "/f/pkg-3.12.1-py3-none-any.whl"
                           << "3.12.1";
    QTest::newRow("release candidate") << "/dl/app-1.5.0-rc2.tar.xz"
                                       << "1.5.0-rc2";
    QTest::newRow("v in name") << "/dl/app-v0.9.3.zip"
                               << "0.9.3";
    QTest::newRow("rpm arch") << "/rpm/app-1.4.2.x86_64.rpm"
                              << "1.4.2";
    QTest::newRow("no version") << "/dl/app-latest.tar.gz"
                                << "";
    QTest::newRow("arch numbers are no version") << "/dl/app-linux-x86_64.tar.gz"
                                                 << "";
    QTest::newRow("a date-like folder is no v-folder") << "/files/2024/app.zip"
                                                       << "";
}

void TestDownloadAttempts::versionFromName()
{
    QFETCH(QString, path);
    QFETCH(QString, version);
    QCOMPARE(downloadVersion(path.toUtf8()), version);
}

void TestDownloadAttempts::patterns()
{
    DownloadPatterns p;
    QVERIFY(DownloadPatterns::parse(DownloadPatterns::defaultText(), &p).isEmpty());
    QVERIFY(p.matches("/dl/app-1.0.tar.gz"));
    QVERIFY(p.matches("/dl/APP-1.0.TAR.GZ"));
    QVERIFY(p.matches("/dl/app.AppImage"));
    QVERIFY(p.matches("/dl/app.appimage"));
    QVERIFY(p.matches("/x.iso"));
    QVERIFY(!p.matches("/dl/app.tar.gz.sig"));
    QVERIFY(!p.matches("/index.html"));
    QVERIFY(!p.matches("/gz"));
    QVERIFY(DownloadPatterns::parse(QStringLiteral(" .iso, /files/*/latest "), &p).isEmpty());
    QVERIFY(p.matches("/a.ISO"));
    QVERIFY(p.matches("/files/app/latest"));
    QVERIFY(!p.matches("/files/app/latest.txt"));
    QVERIFY(!p.matches("/a.tar.gz"));
}

void TestDownloadAttempts::badPatternsNameThemselves()
{
    DownloadPatterns p;
    QVERIFY(DownloadPatterns::parse(QStringLiteral("tar.gz"), &p).contains(QLatin1String("'tar.gz'")));
    QVERIFY(!DownloadPatterns::parse(QStringLiteral("   "), &p).isEmpty());
    QVERIFY(!DownloadPatterns::parse(QStringLiteral(". .zip"), &p).isEmpty());
}

void TestDownloadAttempts::eightParallelRanges()
{
    // 8 ranges of 100 bytes making 800, logged out of order within 3 seconds: one completed download.
    QList<DownloadRequest> rs;
    for (int i : { 5, 0, 7, 2, 1, 6, 3, 4 })
        rs.append(ranged(1000 + i / 3, "a", i * 100, i * 100 + 99, 100));
    QCOMPARE(counts(mergeDownloads(rs, { { 1, 800 } }, 600)), QStringLiteral("1/1"));
    QCOMPARE(mergeDownloads(rs, { { 1, 800 } }, 600).value(0).bytes, 800);
    // Without range 6 and with range 0 twice: as many bytes, one attempt, not complete.
    rs.removeAt(5);
    rs.append(ranged(1003, "a", 0, 99, 100));
    QCOMPARE(counts(mergeDownloads(rs, { { 1, 800 } }, 600)), QStringLiteral("1/0"));
}

void TestDownloadAttempts::windowEdge()
{
    // The window counts from the attempt's first request: 599 s later joins, 600 s later starts another.
    QCOMPARE(counts(mergeDownloads({ ranged(0, "a", 0, 49, 50), ranged(599, "a", 50, 99, 50) }, { { 1, 100 } }, 600)),
        QStringLiteral("1/1"));
    QCOMPARE(counts(mergeDownloads({ ranged(0, "a", 0, 49, 50), ranged(600, "a", 50, 99, 50) }, { { 1, 100 } }, 600)),
        QStringLiteral("2/0"));
    // Another client's half, or the same client's half of another file, never joins.
    QCOMPARE(counts(mergeDownloads({ ranged(0, "a", 0, 49, 50), ranged(1, "b", 50, 99, 50) }, { { 1, 100 } }, 600)),
        QStringLiteral("2/0"));
    QCOMPARE(counts(mergeDownloads(
                 { ranged(0, "a", 0, 49, 50), ranged(1, "a", 50, 99, 50, 2) }, { { 1, 100 }, { 2, 100 } }, 600)),
        QStringLiteral("2/0"));
}

void TestDownloadAttempts::wholeFileInsideAnAttemptCountsAlone()
{
    // A client fetching the file whole twice in a minute downloaded it twice; its cut 200 and the resumed range
    // are one download.
    QCOMPARE(counts(mergeDownloads({ whole(0, "a", 100), whole(60, "a", 100) }, { { 1, 100 } }, 600)),
        QStringLiteral("2/2"));
    QCOMPARE(counts(mergeDownloads({ whole(0, "a", 30), ranged(60, "a", 30, 99, 70) }, { { 1, 100 } }, 600)),
        QStringLiteral("1/1"));
    QCOMPARE(counts(mergeDownloads({ whole(0, "a", 30), ranged(60, "a", 40, 99, 60) }, { { 1, 100 } }, 600)),
        QStringLiteral("1/0")); // bytes 30 to 39 never sent
}

void TestDownloadAttempts::rangesPastTheEndDoNotCover()
{
    // A range cut short counts the bytes sent from its first byte, not the range asked for.
    QCOMPARE(counts(mergeDownloads({ ranged(0, "a", 0, 49, 50), ranged(1, "a", 50, 99, 20) }, { { 1, 100 } }, 600)),
        QStringLiteral("1/0"));
    // Bytes past the file's size (a size the user gave too small?) do not make up for a hole.
    QCOMPARE(counts(mergeDownloads({ ranged(0, "a", 0, 49, 50), ranged(1, "a", 60, 159, 100) }, { { 1, 100 } }, 600)),
        QStringLiteral("1/0"));
}

void TestDownloadAttempts::unknownSizeNeverCompletes()
{
    QCOMPARE(
        counts(mergeDownloads({ whole(0, "a", 100), ranged(1, "b", 0, 99, 100) }, {}, 600)), QStringLiteral("2/0"));
    // Offsets not logged: the bytes sent count toward the size, once it is known.
    DownloadRequest half = ranged(0, "a", -1, -1, 50);
    DownloadRequest other = ranged(5, "a", -1, -1, 50);
    QCOMPARE(counts(mergeDownloads({ half, other }, {}, 600)), QStringLiteral("1/0"));
    QCOMPARE(counts(mergeDownloads({ half, other }, { { 1, 100 } }, 600)), QStringLiteral("1/1"));
}

QTEST_GUILESS_MAIN(TestDownloadAttempts)
#include "tst_downloadattempts.moc"
