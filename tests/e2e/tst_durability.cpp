// The durability promise, measured on the real `collect`: a line received is committed within a second of its
// arrival, so a kill -9 at any moment loses only lines younger than a second, and never the database.
#include "core/storage/database.h"
#include "tests/support/collectprocess.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <csignal>
#include <memory>
#include <vector>

namespace activity {

namespace {
constexpr qint64 kPromiseMs = 1000;

QByteArray frame(int round, int seq)
{
    const QByteArray stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss")).toLatin1();
    const QByteArray msg = "<190>Nov 25 05:32:29 web1 durable: 81.2.69." + QByteArray::number(seq % 250 + 1) + " - - ["
        + stamp + " +0000] \"GET /r" + QByteArray::number(round) + "/" + QByteArray::number(seq)
        + " HTTP/1.1\" 200 5 \"-\" \"durability\"";
    return QByteArray::number(msg.size()) + ' ' + msg; // RFC 6587 octet counting
}

// Sends `rate` lines a second on one TCP connection and remembers when each left.
class PacedSender {
public:
    PacedSender(quint16 port, int round, int rate)
        : m_round(round)
        , m_rate(rate)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        m_socket.waitForConnected(5000);
        m_clock.start();
    }
    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void sendDue(const QElapsedTimer& clock)
    {
        const qint64 due = m_clock.elapsed() * m_rate / 1000;
        while (qint64(m_sentAt.size()) < due) {
            m_socket.write(frame(m_round, int(m_sentAt.size())));
            m_sentAt.push_back(clock.elapsed());
        }
        m_socket.flush();
    }
    // Lines that left before `ms` (on the test's clock).
    qint64 sentBefore(qint64 ms) const
    {
        return std::upper_bound(m_sentAt.begin(), m_sentAt.end(), ms) - m_sentAt.begin();
    }
    qint64 sentAt(qint64 index) const { return m_sentAt.at(size_t(index)); }
    qint64 count() const { return qint64(m_sentAt.size()); }

private:
    QTcpSocket m_socket;
    QElapsedTimer m_clock;
    int m_round;
    int m_rate;
    std::vector<qint64> m_sentAt;
};
} // namespace

class TestDurability : public QObject {
    Q_OBJECT
private slots:
    void init();
    void committedWithinASecondOfArrival();
    void killAtRandomMomentsLosesUnderASecond();

private:
    qint64 stored();
    QString addTcpSource(quint16 port);
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
};

void TestDurability::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_dataDir = m_dir->filePath("data");
}

qint64 TestDurability::stored()
{
    Database db(m_dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
    return db.queryInt("SELECT count(*) FROM requests").value_or(-1);
}

QString TestDurability::addTcpSource(quint16 port)
{
    int status = -1;
    const QString out = CollectProcess::cli(
        m_dataDir, { "sources", "add", "syslog", "--listen", QStringLiteral("tcp://127.0.0.1:%1").arg(port) }, &status);
    return status == 0 ? QString() : out;
}

void TestDurability::committedWithinASecondOfArrival()
{
    const quint16 port = CollectProcess::freeTcpPort();
    QCOMPARE(addTcpSource(port), QString());
    QProcess collect;
    QVERIFY(CollectProcess::start(collect, m_dataDir));
    QElapsedTimer clock;
    clock.start();
    PacedSender sender(port, 0, 300);
    QVERIFY(sender.connected());
    // Poll the database while sending: every line that left more than a second before a look must be there.
    // Lines of one connection are committed in order, so the count of stored rows says which ones are.
    Database db(m_dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
    int looks = 0;
    qint64 worstMs = 0;
    QString late;
    while (clock.elapsed() < 12'000) {
        sender.sendDue(clock);
        const qint64 lookAt = clock.elapsed();
        const qint64 have = db.queryInt("SELECT count(*) FROM requests").value_or(0);
        ++looks;
        const qint64 due = sender.sentBefore(lookAt - kPromiseMs);
        if (have < sender.count())
            worstMs = qMax(worstMs, lookAt - sender.sentAt(have));
        if (have < due && late.isEmpty())
            late = QStringLiteral("at %1 ms: %2 rows stored, but %3 lines left more than 1 s before (line %4 is %5 ms "
                                  "old)")
                       .arg(lookAt)
                       .arg(have)
                       .arg(due)
                       .arg(have)
                       .arg(lookAt - sender.sentAt(have));
        QTest::qWait(25);
    }
    qInfo("%d looks, oldest line not yet committed at any look: %lld ms", looks, worstMs);
    QVERIFY2(late.isEmpty(), qPrintable(late));
    QVERIFY(looks > 100);
    QCOMPARE(CollectProcess::stop(collect), 0);
    QCOMPARE(stored(), sender.count());
}

void TestDurability::killAtRandomMomentsLosesUnderASecond()
{
    const quint16 port = CollectProcess::freeTcpPort();
    QCOMPARE(addTcpSource(port), QString());
    QRandomGenerator rng(20261201);
    qint64 before = 0;
    for (int round = 1; round <= 5; ++round) {
        QProcess collect;
        QVERIFY(CollectProcess::start(collect, m_dataDir));
        QElapsedTimer clock;
        clock.start();
        PacedSender sender(port, round, 400);
        QVERIFY(sender.connected());
        const qint64 killAfter = 1500 + rng.bounded(3000);
        while (clock.elapsed() < killAfter) {
            sender.sendDue(clock);
            QTest::qWait(5);
        }
        const qint64 killedAt = clock.elapsed();
        ::kill(pid_t(collect.processId()), SIGKILL);
        QVERIFY(collect.waitForFinished(10'000));
        const qint64 now = stored();
        const qint64 kept = now - before;
        const qint64 due = sender.sentBefore(killedAt - kPromiseMs);
        qInfo("round %d: killed after %lld ms, %lld of %lld lines sent were committed, %lld had to be", round, killedAt,
            kept, sender.count(), due);
        QVERIFY2(kept >= due,
            qPrintable(QStringLiteral("round %1: %2 lines committed, but %3 were sent more than 1 s before the kill")
                           .arg(round)
                           .arg(kept)
                           .arg(due)));
        QVERIFY(kept <= sender.count());
        Database db(m_dataDir + "/activity.sqlite", Database::Mode::ReadOnly);
        Statement check = db.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
        before = now;
    }
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestDurability)
#include "tst_durability.moc"
