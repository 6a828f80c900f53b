#include "core/ingest/logfollower.h"
#include "tests/support/recordingsink.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <zlib.h>

namespace activity {

class TestLogFollower : public QObject {
    Q_OBJECT
private slots:
    void readsExistingLinesThenAppends();
    void rotationByRename();
    void truncation();
    void restartResumesWithoutDuplicates();
    void fileAppearsLater();
    void gzipImportedOnce();
    void fullSinkLosesNothing();
    void overlongLineRejected();
};

namespace {
QByteArray line(int i)
{
    return "10.0.0." + QByteArray::number(i % 250) + R"( - - [25/Nov/2026:05:32:29 +0000] "GET /p)"
        + QByteArray::number(i) + R"( HTTP/1.1" 200 5 "-" "-")";
}

QList<QByteArray> lines(int from, int to)
{
    QList<QByteArray> out;
    for (int i = from; i < to; ++i)
        out.append(line(i));
    return out;
}

void append(const QString& path, const QByteArray& data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QCOMPARE(f.write(data), data.size());
}

void appendLines(const QString& path, int from, int to)
{
    QByteArray data;
    for (int i = from; i < to; ++i)
        data += line(i) + '\n';
    append(path, data);
}

std::unique_ptr<LogFollower> follow(LineSink& sink, const QString& path, FollowPosition start = {})
{
    LogFollower::Options options;
    options.sourceId = 3;
    options.path = path;
    options.site = "files";
    options.start = start;
    options.pollMs = 30;
    auto follower = std::make_unique<LogFollower>(options, sink);
    follower->start();
    return follower;
}
} // namespace

void TestLogFollower::readsExistingLinesThenAppends()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("access.log");
    appendLines(path, 0, 3);
    RecordingSink sink;
    auto follower = follow(sink, path);
    QTRY_COMPARE(sink.texts(), lines(0, 3));
    QCOMPARE(sink.lines()[0].sourceId, 3);
    QCOMPARE(sink.lines()[0].site, QByteArray("files"));
    append(path, line(3) + "\n" + line(4).left(20)); // the last line is still being written
    QTRY_COMPARE(sink.texts(), lines(0, 4));
    append(path, line(4).mid(20) + "\r\n");
    QTRY_COMPARE(sink.texts(), lines(0, 5));
    QTRY_COMPARE(follower->position().offset, QFileInfo(path).size());
    QCOMPARE(follower->linesRead(), 5);
}

void TestLogFollower::rotationByRename()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("access.log");
    appendLines(path, 0, 10);
    RecordingSink sink;
    auto follower = follow(sink, path);
    QTRY_COMPARE(sink.count(), 10);
    // logrotate renames; nginx keeps writing to the renamed file until it reopens its log.
    QVERIFY(QFile::rename(path, path + ".1"));
    appendLines(path + ".1", 10, 15);
    QTRY_COMPARE(sink.count(), 15);
    appendLines(path + ".1", 15, 20);
    appendLines(path, 20, 30); // reopened: a new file at the path
    QTRY_COMPARE(sink.count(), 30);
    appendLines(path, 30, 35);
    QTRY_COMPARE(sink.texts(), lines(0, 35));
    // A second rotation where the new file appears at once.
    QVERIFY(QFile::rename(path, path + ".2"));
    appendLines(path, 35, 40);
    QTRY_COMPARE(sink.texts(), lines(0, 40));
}

void TestLogFollower::truncation()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("access.log");
    appendLines(path, 0, 20);
    RecordingSink sink;
    auto follower = follow(sink, path);
    QTRY_COMPARE(sink.count(), 20);
    {
        QFile f(path); // copytruncate: same file, emptied
        QVERIFY(f.resize(0));
    }
    QTRY_COMPARE(follower->position().offset, 0);
    appendLines(path, 20, 25);
    QTRY_COMPARE(sink.texts(), lines(0, 25));
}

void TestLogFollower::restartResumesWithoutDuplicates()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("access.log");
    appendLines(path, 0, 10);
    RecordingSink first;
    auto follower = follow(first, path);
    QTRY_COMPARE(first.count(), 10);
    QTRY_COMPARE(follower->position().offset, QFileInfo(path).size());
    const QJsonObject saved = follower->position().toJson(); // what collect keeps in fetch_state
    follower.reset();
    appendLines(path, 10, 13); // written while collect was stopped
    RecordingSink second;
    follower = follow(second, path, FollowPosition::fromJson(saved));
    QTRY_COMPARE(second.texts(), lines(10, 13));
    // The log rotated while stopped: the old file is finished from the saved position under its new name (the
    // lines after that position, 10-13 here, were written to it), then the new file is read whole.
    follower.reset();
    QVERIFY(QFile::rename(path, path + ".1"));
    appendLines(path, 13, 15);
    RecordingSink third;
    follower = follow(third, path, FollowPosition::fromJson(saved));
    QTRY_COMPARE(third.texts(), lines(10, 15));
}

void TestLogFollower::fileAppearsLater()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("later.log");
    RecordingSink sink;
    auto follower = follow(sink, path);
    QCOMPARE(follower->position().inode, 0);
    appendLines(path, 0, 4);
    QTRY_COMPARE(sink.texts(), lines(0, 4));
}

void TestLogFollower::gzipImportedOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("access.log.1.gz");
    {
        gzFile gz = gzopen(QFile::encodeName(path).constData(), "wb");
        QVERIFY(gz);
        for (int i = 0; i < 5000; ++i) {
            const QByteArray l = line(i) + '\n';
            QCOMPARE(gzwrite(gz, l.constData(), unsigned(l.size())), int(l.size()));
        }
        gzclose(gz);
    }
    RecordingSink sink;
    auto follower = follow(sink, path);
    QTRY_COMPARE(sink.count(), 5000);
    QTRY_VERIFY(follower->position().complete);
    QCOMPARE(sink.texts(), lines(0, 5000));
    const FollowPosition done = follower->position();
    follower.reset();
    RecordingSink again;
    follower = follow(again, path, done);
    QTRY_VERIFY(follower->polls() >= 5); // it looked at the file several times and read nothing
    QCOMPARE(again.count(), 0);
    QVERIFY(follower->position().complete);
}

void TestLogFollower::fullSinkLosesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("access.log");
    appendLines(path, 0, 3000);
    RecordingSink sink(100);
    auto follower = follow(sink, path);
    QTRY_COMPARE(sink.count(), 100);
    QVERIFY(follower->position().offset < QFileInfo(path).size());
    sink.setCapacity(1000000);
    QTRY_COMPARE(sink.count(), 3000);
    QCOMPARE(sink.texts(), lines(0, 3000));
    QVERIFY(sink.refused() > 0); // it did wait
}

void TestLogFollower::overlongLineRejected()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("access.log");
    append(path, line(0) + "\n" + QByteArray(100 * 1024, 'x') + "\n" + line(1) + "\n");
    RecordingSink sink;
    auto follower = follow(sink, path);
    QTRY_COMPARE(sink.texts(), lines(0, 2));
    QCOMPARE(sink.rejectedCount(), 1);
    QCOMPARE(sink.rejected()[0].raw, QByteArray(8 * 1024, 'x'));
    QCOMPARE(follower->linesRejected(), 1);
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestLogFollower)
#include "tst_logfollower.moc"
