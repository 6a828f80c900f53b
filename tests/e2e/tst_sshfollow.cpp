// A log on a server, followed over SSH by the real `collect` through a real sshd (loopback, throw-away keys):
// lines as they are written, then after collect was stopped (a laptop asleep) while the log was rotated twice and
// the older rotation compressed: every line exactly once. An unreachable server is an error on the source.
#include "core/storage/database.h"
#include "tests/support/collectprocess.h"
#include "tests/support/sshserver.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
QByteArray accessLine(int i)
{
    return "81.2.69." + QByteArray::number(i % 250 + 1) + " - - [25/Nov/2026:05:32:29 +0000] \"GET /ssh/"
        + QByteArray::number(i) + " HTTP/1.1\" 200 " + QByteArray::number(100 + i) + " \"-\" \"ssh-test\"";
}

void append(const QString& path, int from, int to)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::Append));
    QByteArray text;
    for (int i = from; i < to; ++i)
        text += accessLine(i) + '\n';
    f.write(text);
}

// As logrotate leaves them: ages a minute apart (its runs are a day apart).
void age(const QString& path, int minutesAgo)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(-60 * minutesAgo), QFileDevice::FileModificationTime));
}
} // namespace

class TestSshFollow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void followsThenCatchesUpAfterRotations();
    void unreachableServerIsAnErrorOnTheSource();

private:
    qint64 stored(const QString& data);
    SshServer m_ssh;
};

void TestSshFollow::initTestCase()
{
    const QString error = m_ssh.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    qputenv("ACTIVITY_SSH", m_ssh.client().toLocal8Bit());
}

qint64 TestSshFollow::stored(const QString& data)
{
    Database db(data + "/activity.sqlite", Database::Mode::ReadOnly);
    return db.queryInt("SELECT count(*) FROM requests").value_or(-1);
}

void TestSshFollow::followsThenCatchesUpAfterRotations()
{
    QTemporaryDir server; // the server's /var/log/nginx
    QTemporaryDir dir;
    const QString log = server.filePath("access.log");
    const QString data = dir.filePath("data");
    append(log, 0, 2000);
    int status = -1;
    const QString out = CollectProcess::cli(
        data, { "sources", "add", "logfile", "--path", m_ssh.url(log), "--site", "remote" }, &status);
    QVERIFY2(status == 0, qPrintable(out));
    QProcess collect;
    QVERIFY(CollectProcess::start(collect, data));
    QTRY_COMPARE_WITH_TIMEOUT(stored(data), 2000, 20'000); // what was there
    append(log, 2000, 2500);
    QTRY_COMPARE_WITH_TIMEOUT(stored(data), 2500, 20'000); // followed as written
    QCOMPARE(CollectProcess::stop(collect), 0);

    // Asleep: more lines, two rotations (the older one compressed), more lines in each new file.
    append(log, 2500, 2800);
    QVERIFY(QFile::rename(log, log + ".1"));
    age(log + ".1", 30);
    append(log, 2800, 3000);
    QVERIFY(QFile::rename(log + ".1", log + ".2"));
    QCOMPARE(QProcess::execute("gzip", { log + ".2" }), 0); // keeps its age
    QVERIFY(QFile::rename(log, log + ".1"));
    age(log + ".1", 20);
    append(log, 3000, 3100);

    QVERIFY(CollectProcess::start(collect, data));
    QTRY_COMPARE_WITH_TIMEOUT(stored(data), 3100, 20'000);
    QTest::qWait(2500); // a poll or two more: nothing twice
    QCOMPARE(CollectProcess::stop(collect), 0);
    Database db(data + "/activity.sqlite", Database::Mode::ReadOnly);
    QCOMPARE(db.queryInt("SELECT count(*) FROM requests"), 3100);
    QCOMPARE(db.queryInt("SELECT count(DISTINCT path_id) FROM requests"), 3100);
    QCOMPARE(db.queryInt("SELECT sum(bytes) FROM requests"), 3100LL * 100 + 3100LL * 3099 / 2);
    QCOMPARE(
        db.queryInt("SELECT count(*) FROM requests r JOIN sites s ON s.id = r.site_id WHERE s.name = 'remote'"), 3100);
}

void TestSshFollow::unreachableServerIsAnErrorOnTheSource()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    const quint16 closed = CollectProcess::freeTcpPort();
    int status = -1;
    CollectProcess::cli(data,
        { "sources", "add", "logfile", "--path",
            QStringLiteral("ssh://nobody@127.0.0.1:%1/var/log/x.log").arg(closed) },
        &status);
    QCOMPARE(status, 0);
    QProcess collect;
    QVERIFY(CollectProcess::start(collect, data));
    QString list;
    QTRY_VERIFY_WITH_TIMEOUT(
        (list = CollectProcess::cli(data, { "sources", "list" })).contains("ssh 127.0.0.1: exit 255"), 20'000);
    QVERIFY2(list.contains("Connection refused"), qPrintable(list));
    QCOMPARE(collect.state(), QProcess::Running);
    QCOMPARE(CollectProcess::stop(collect), 0);
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSshFollow)
#include "tst_sshfollow.moc"
