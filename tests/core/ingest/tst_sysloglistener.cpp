#include "core/ingest/sysloglistener.h"
#include "tests/support/recordingsink.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>
#include <QUdpSocket>
#include <memory>

namespace activity {

using Protocol = Validators::ListenAddress::Protocol;

class TestSyslogListener : public QObject {
    Q_OBJECT
private slots:
    void udpIpv4AndSiteFromTag();
    void udpIpv6();
    void siteSettingReplacesNginxDefaultTag();
    void udpLargestDatagramsAndHostileBytes();
    void udpDeniedOutsideAllowList();
    void tcpManyConnectionsMixedFraming();
    void tcpLoggerAsRealSender();
    void tcpIpv6();
    void udpLoggerAsRealSender();
    void tcpHostileInputThenGoodLines();
    void tcpIdleConnectionsClosed();
    void tcpConnectionCap();
    void tcpIdleConnectionsMakeRoomForNewSenders();
    void tcpDeniedOutsideAllowList();
    void fullSinkCountsDrops();
    void tcpBackPressureLosesNothing();
    void bindErrorNamesTheAddress();
    void stopClosesConnectionsAndPort();
};

namespace {
const QByteArray kLine = R"(81.2.69.142 - - [25/Nov/2026:05:32:29 +0000] "GET / HTTP/1.1" 200 612 "-" "curl/7.88")";

std::unique_ptr<SyslogListener> makeListener(LineSink& sink, Protocol protocol, const QHostAddress& address,
    const QString& allow = QStringLiteral("127.0.0.0/8,::1/128"),
    const std::function<void(SyslogListener::Options&)>& tune = {})
{
    SyslogListener::Options options;
    options.sourceId = 7;
    options.listen.protocol = protocol;
    options.listen.address = address;
    options.listen.port = 0;
    options.allow = *AllowList::parse(allow);
    if (tune)
        tune(options);
    auto listener = std::make_unique<SyslogListener>(std::move(options), sink);
    const QString error = listener->start();
    if (!error.isEmpty())
        qWarning() << error;
    return error.isEmpty() ? std::move(listener) : nullptr;
}

void sendUdp(const QHostAddress& to, quint16 port, const QByteArray& datagram)
{
    QUdpSocket socket;
    QCOMPARE(socket.writeDatagram(datagram, to, port), qint64(datagram.size()));
}

std::unique_ptr<QTcpSocket> connectTcp(quint16 port, const QHostAddress& to = QHostAddress::LocalHost)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(to, port);
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

void writeAll(QTcpSocket& socket, const QByteArray& data)
{
    socket.write(data);
    while (socket.bytesToWrite() > 0)
        QVERIFY(socket.waitForBytesWritten(5000));
}

QByteArray octetCounted(const QByteArray& message)
{
    return QByteArray::number(message.size()) + ' ' + message;
}
} // namespace

void TestSyslogListener::udpIpv4AndSiteFromTag()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Udp, QHostAddress::LocalHost);
    QVERIFY(listener);
    QVERIFY(listener->port() != 0);
    sendUdp(QHostAddress::LocalHost, listener->port(), "<190>Nov 25 05:32:29 web1 mysite: " + kLine);
    sendUdp(QHostAddress::LocalHost, listener->port(), "<190>Nov 25 05:32:30 other: " + kLine + "2");
    QTRY_COMPARE(sink.count(), 2);
    const QList<LogLine> lines = sink.lines();
    QCOMPARE(lines[0].sourceId, 7);
    QCOMPARE(lines[0].site, QByteArray("mysite"));
    QCOMPARE(lines[0].text, kLine);
    QCOMPARE(lines[1].site, QByteArray("other"));
    QCOMPARE(lines[1].text, kLine + "2");
    QCOMPARE(listener->counters().received.load(), 2);
    QCOMPARE(listener->counters().denied.load(), 0);
}

void TestSyslogListener::udpIpv6()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Udp, QHostAddress::LocalHostIPv6);
    QVERIFY(listener);
    sendUdp(QHostAddress::LocalHostIPv6, listener->port(), "<190>Nov 25 05:32:29 v6site: " + kLine);
    QTRY_COMPARE(sink.count(), 1);
    QCOMPARE(sink.lines()[0].site, QByteArray("v6site"));
}

void TestSyslogListener::siteSettingReplacesNginxDefaultTag()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Udp, QHostAddress::LocalHost, QStringLiteral("127.0.0.1"),
        [](SyslogListener::Options& o) { o.site = "docs"; });
    QVERIFY(listener);
    sendUdp(QHostAddress::LocalHost, listener->port(), "<190>Nov 25 05:32:29 host nginx: " + kLine);
    sendUdp(QHostAddress::LocalHost, listener->port(), "<190>Nov 25 05:32:29 host blog: " + kLine);
    sendUdp(QHostAddress::LocalHost, listener->port(), kLine); // no header at all
    QTRY_COMPARE(sink.count(), 3);
    QCOMPARE(sink.lines()[0].site, QByteArray("docs"));
    QCOMPARE(sink.lines()[1].site, QByteArray("blog"));
    QCOMPARE(sink.lines()[2].site, QByteArray("docs"));
    QCOMPARE(sink.lines()[2].text, kLine);
}

void TestSyslogListener::udpLargestDatagramsAndHostileBytes()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Udp, QHostAddress::LocalHost);
    QVERIFY(listener);
    const QByteArray header = "<190>Nov 25 05:32:29 big: ";
    const QByteArray huge = header + QByteArray(65507 - header.size(), 'x'); // the IPv4 maximum
    sendUdp(QHostAddress::LocalHost, listener->port(), huge);
    QByteArray random(4096, '\0');
    QRandomGenerator rng(42);
    for (int i = 0; i < 50; ++i) {
        for (char& c : random)
            c = char(rng.bounded(256));
        sendUdp(QHostAddress::LocalHost, listener->port(), random);
    }
    sendUdp(QHostAddress::LocalHost, listener->port(), "<190>Nov 25 05:32:29 h s: \xff\xfe\xc3\x28");
    sendUdp(QHostAddress::LocalHost, listener->port(), "\n");
    sendUdp(QHostAddress::LocalHost, listener->port(), "<190>Nov 25 05:32:29 h good: " + kLine);
    QTRY_COMPARE(listener->counters().received.load(), 54);
    QTRY_COMPARE(sink.count() + sink.rejectedCount(), 54);
    const QList<LogLine> lines = sink.lines();
    QCOMPARE(lines.first().text.size(), 65507 - header.size());
    QCOMPARE(lines.last().site, QByteArray("good"));
    QCOMPARE(lines.last().text, kLine);
    QCOMPARE(lines[lines.size() - 2].text, QByteArray("\xff\xfe\xc3\x28"));
    QCOMPARE(sink.rejected().last().raw, QByteArray("\n")); // the empty message
}

void TestSyslogListener::udpDeniedOutsideAllowList()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Udp, QHostAddress::LocalHost, QStringLiteral("10.0.0.0/8"));
    QVERIFY(listener);
    for (int i = 0; i < 5; ++i)
        sendUdp(QHostAddress::LocalHost, listener->port(), "<190>Nov 25 05:32:29 s: " + kLine);
    QTRY_COMPARE(listener->counters().denied.load(), 5);
    QCOMPARE(sink.count(), 0);
    QCOMPARE(listener->counters().received.load(), 0);
}

void TestSyslogListener::tcpManyConnectionsMixedFraming()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHost);
    QVERIFY(listener);
    constexpr int kConnections = 8;
    constexpr int kPerConnection = 250;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int c = 0; c < kConnections; ++c) {
        sockets.push_back(connectTcp(listener->port()));
        QVERIFY(sockets.back());
    }
    // Interleaved writes, each connection mixing the two framings and the two header formats.
    for (int i = 0; i < kPerConnection; ++i) {
        for (int c = 0; c < kConnections; ++c) {
            const QByteArray text = kLine + " c" + QByteArray::number(c) + " n" + QByteArray::number(i);
            QByteArray frame;
            switch (i % 4) {
            case 0:
                frame = octetCounted("<190>Nov 25 05:32:29 host site" + QByteArray::number(c) + ": " + text);
                break;
            case 1:
                frame = "<190>Nov 25 05:32:29 site" + QByteArray::number(c) + ": " + text + "\n";
                break;
            case 2:
                frame = octetCounted("<165>1 2026-11-25T05:32:29Z host site" + QByteArray::number(c)
                    + " - - [a b=\"c\"] \xEF\xBB\xBF" + text);
                break;
            default:
                frame = "<165>1 2026-11-25T05:32:29Z host site" + QByteArray::number(c) + " 12 - - " + text + "\r\n";
                break;
            }
            sockets[size_t(c)]->write(frame);
        }
    }
    for (auto& s : sockets)
        writeAll(*s, {});
    QTRY_COMPARE_WITH_TIMEOUT(sink.count(), kConnections * kPerConnection, 10000);
    QList<int> next(kConnections, 0);
    for (const LogLine& line : sink.lines()) {
        const int c = line.site.mid(4).toInt();
        QCOMPARE(line.site, "site" + QByteArray::number(c));
        QCOMPARE(line.text, kLine + " c" + QByteArray::number(c) + " n" + QByteArray::number(next[c]));
        ++next[c];
    }
    QCOMPARE(sink.rejectedCount(), 0);
    QCOMPARE(listener->connectionCount(), kConnections);
    sockets.clear();
    QTRY_COMPARE(listener->connectionCount(), 0);
}

void TestSyslogListener::tcpLoggerAsRealSender()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHost);
    QVERIFY(listener);
    const QString port = QString::number(listener->port());
    QCOMPARE(QProcess::execute("logger",
                 { "--tcp", "--octet-count", "--rfc3164", "-n", "127.0.0.1", "-P", port, "-t", "alpha",
                     QString::fromLatin1(kLine) }),
        0);
    // Each sender is its own connection, and lines of different connections have no order between them: the
    // next one starts once this one's line is in.
    QTRY_COMPARE(sink.count(), 1);
    QCOMPARE(QProcess::execute("logger",
                 { "--tcp", "--rfc5424", "-n", "127.0.0.1", "-P", port, "-t", "beta", "--sd-id", "x@1", "--sd-param",
                     "k=\"v\"", QString::fromLatin1(kLine) }),
        0);
    QTRY_COMPARE(sink.count(), 2);
    QCOMPARE(QProcess::execute("logger",
                 { "--tcp", "--octet-count", "--rfc5424", "-n", "127.0.0.1", "-P", port, "-t", "gamma",
                     QString::fromLatin1(kLine) }),
        0);
    QTRY_COMPARE(sink.count(), 3);
    const QList<LogLine> lines = sink.lines();
    QCOMPARE(lines[0].site, QByteArray("alpha"));
    QCOMPARE(lines[1].site, QByteArray("beta"));
    QCOMPARE(lines[2].site, QByteArray("gamma"));
    for (const LogLine& line : lines)
        QCOMPARE(line.text, kLine);
}

void TestSyslogListener::tcpIpv6()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHostIPv6);
    QVERIFY(listener);
    auto socket = connectTcp(listener->port(), QHostAddress::LocalHostIPv6);
    QVERIFY(socket);
    writeAll(
        *socket, octetCounted("<190>Nov 25 05:32:29 h v6: " + kLine) + "<190>Nov 25 05:32:29 v6b: " + kLine + "\n");
    QTRY_COMPARE(sink.count(), 2);
    QCOMPARE(sink.lines()[0].site, QByteArray("v6"));
    QCOMPARE(sink.lines()[1].site, QByteArray("v6b"));
    QCOMPARE(sink.texts(), (QList<QByteArray> { kLine, kLine }));
}

void TestSyslogListener::udpLoggerAsRealSender()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Udp, QHostAddress::LocalHostIPv6);
    QVERIFY(listener);
    const QString port = QString::number(listener->port());
    QCOMPARE(QProcess::execute("logger",
                 { "--udp", "--rfc3164", "-n", "::1", "-P", port, "-t", "delta", QString::fromLatin1(kLine) }),
        0);
    QTRY_COMPARE(sink.count(), 1);
    QCOMPARE(sink.lines()[0].site, QByteArray("delta"));
    QCOMPARE(sink.lines()[0].text, kLine);
}

void TestSyslogListener::tcpHostileInputThenGoodLines()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHost);
    QVERIFY(listener);
    QRandomGenerator rng(7);
    {
        auto random = connectTcp(listener->port());
        QVERIFY(random);
        QByteArray bytes(1 << 20, '\0');
        for (char& c : bytes)
            c = char(rng.bounded(256));
        writeAll(*random, bytes);
    }
    {
        auto liar = connectTcp(listener->port());
        QVERIFY(liar);
        // Counts over the limit, then a count that swallows part of the next message.
        writeAll(*liar, "99999999 <13>a: lie\n" + octetCounted("<13>a: fine") + "30 <13>a: one\n<13>a: two\n");
        writeAll(*liar, QByteArray(200 * 1024, 'z') + "\n"); // a newline frame over 64 KiB
        writeAll(*liar, "<190>Nov 25 05:32:29 h good: " + kLine + "\n");
    }
    auto good = connectTcp(listener->port());
    QVERIFY(good);
    writeAll(*good, "<190>Nov 25 05:32:29 h good: \xc3\x28 invalid utf-8\n");
    writeAll(*good, octetCounted("<190>Nov 25 05:32:29 h good: " + kLine));
    // One after the liar's garbage, one on the good connection.
    QTRY_COMPARE(sink.texts().count(kLine), 2);
    QTRY_COMPARE(listener->connectionCount(), 1);
    const QList<QByteArray> texts = sink.texts();
    QVERIFY(texts.contains(QByteArray("99999999 <13>a: lie")));
    QVERIFY(texts.contains(QByteArray("\xc3\x28 invalid utf-8")));
    bool tooLongSeen = false;
    for (const auto& r : sink.rejected())
        tooLongSeen = tooLongSeen || (r.reason.contains("64 KiB") && r.raw.size() <= 256);
    QVERIFY(tooLongSeen);
}

void TestSyslogListener::tcpIdleConnectionsClosed()
{
    RecordingSink sink;
    auto listener = makeListener(
        sink, Protocol::Tcp, QHostAddress::LocalHost, QStringLiteral("127.0.0.0/8"), [](SyslogListener::Options& o) {
            o.idleTimeoutMs = 400;
            o.maxConnections = 400;
        });
    QVERIFY(listener);
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < 300; ++i) {
        idle.push_back(connectTcp(listener->port()));
        QVERIFY(idle.back());
    }
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 300, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(listener->connectionCount(), 0, 5000);
    auto fresh = connectTcp(listener->port());
    QVERIFY(fresh);
    writeAll(*fresh, "<190>Nov 25 05:32:29 h s: " + kLine + "\n");
    QTRY_COMPARE(sink.count(), 1);
}

void TestSyslogListener::tcpConnectionCap()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHost, QStringLiteral("127.0.0.0/8"),
        [](SyslogListener::Options& o) { o.maxConnections = 20; });
    QVERIFY(listener);
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < 30; ++i) {
        sockets.push_back(connectTcp(listener->port()));
        QVERIFY(sockets.back());
    }
    QTRY_COMPARE(listener->counters().refusedConnections.load(), 10);
    QCOMPARE(listener->counters().dropped.load(), 0);
    QCOMPARE(listener->connectionCount(), 20);
    sockets.clear();
    QTRY_COMPARE(listener->connectionCount(), 0);
    auto fresh = connectTcp(listener->port());
    writeAll(*fresh, "<190>Nov 25 05:32:29 h s: " + kLine + "\n");
    QTRY_COMPARE(sink.count(), 1);
}

void TestSyslogListener::tcpIdleConnectionsMakeRoomForNewSenders()
{
    RecordingSink sink;
    auto listener = makeListener(
        sink, Protocol::Tcp, QHostAddress::LocalHost, QStringLiteral("127.0.0.0/8"), [](SyslogListener::Options& o) {
            o.maxConnections = 20;
            o.evictIdleAfterMs = 300;
        });
    QVERIFY(listener);
    // Ten senders half way through a frame (never evicted: their line would be cut), ten idle between frames.
    const QByteArray frame = "<190>Nov 25 05:32:29 h s: " + kLine;
    const QByteArray firstHalf = QByteArray::number(frame.size()) + ' ' + frame.left(20);
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < 20; ++i) {
        held.push_back(connectTcp(listener->port()));
        QVERIFY(held.back());
        if (i < 10)
            writeAll(*held.back(), firstHalf);
    }
    QTRY_COMPARE(listener->connectionCount(), 20);
    QTest::qWait(400);
    // Each new sender takes an idle one's place and is heard, instead of being locked out for the idle timeout.
    for (int i = 0; i < 10; ++i) {
        auto fresh = connectTcp(listener->port());
        QVERIFY(fresh);
        writeAll(*fresh, "<190>Nov 25 05:32:29 h s: " + kLine + "\n");
        QTRY_COMPARE(sink.count(), i + 1);
        held.push_back(std::move(fresh));
        QTest::qWait(350); // it too becomes the idlest after a while; the half-framed ones never do
    }
    QCOMPARE(listener->counters().evictedConnections.load(), 10);
    QCOMPARE(listener->counters().refusedConnections.load(), 0);
    QCOMPARE(listener->connectionCount(), 20);
    // The half-framed senders are still there: they finish their lines.
    for (int i = 0; i < 10; ++i)
        writeAll(*held[size_t(i)], frame.mid(20));
    QTRY_COMPARE(sink.count(), 20);
}

void TestSyslogListener::tcpDeniedOutsideAllowList()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHost, QStringLiteral("192.168.0.0/16,::1"));
    QVERIFY(listener);
    auto socket = connectTcp(listener->port());
    QVERIFY(socket);
    socket->write("<190>Nov 25 05:32:29 h s: " + kLine + "\n");
    QTRY_COMPARE(listener->counters().denied.load(), 1);
    QVERIFY(socket->state() == QAbstractSocket::UnconnectedState || socket->waitForDisconnected(5000));
    QCOMPARE(sink.count(), 0);
}

void TestSyslogListener::fullSinkCountsDrops()
{
    RecordingSink sink(3);
    auto listener = makeListener(sink, Protocol::Udp, QHostAddress::LocalHost);
    QVERIFY(listener);
    for (int i = 0; i < 10; ++i)
        sendUdp(QHostAddress::LocalHost, listener->port(), "<190>Nov 25 05:32:29 s: " + kLine);
    QTRY_COMPARE(listener->counters().received.load(), 10);
    QTRY_COMPARE(listener->counters().dropped.load(), 7); // counted just after `received`
    QCOMPARE(sink.count(), 3);
}

void TestSyslogListener::tcpBackPressureLosesNothing()
{
    RecordingSink sink(100);
    auto listener = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHost);
    QVERIFY(listener);
    auto socket = connectTcp(listener->port());
    QVERIFY(socket);
    QByteArray data;
    QList<QByteArray> expected;
    for (int i = 0; i < 20000; ++i) {
        expected.append(kLine + " " + QByteArray::number(i));
        data += octetCounted("<190>Nov 25 05:32:29 h s: " + expected.last());
    }
    socket->write(data); // about 2 MiB: more than the socket buffers hold while the sink is full
    QTRY_COMPARE(sink.count(), 100);
    QVERIFY(socket->bytesToWrite() > 0 || listener->counters().received.load() < 20000);
    sink.setCapacity(1 << 30);
    while (socket->bytesToWrite() > 0)
        QVERIFY(socket->waitForBytesWritten(10000));
    QTRY_COMPARE(sink.count(), 20000);
    QCOMPARE(sink.texts(), expected);
    QCOMPARE(listener->counters().dropped.load(), 0);
    QCOMPARE(listener->counters().received.load(), 20000);
    QVERIFY(sink.refused() > 0); // it did wait
}

void TestSyslogListener::bindErrorNamesTheAddress()
{
    RecordingSink sink;
    auto first = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHost);
    QVERIFY(first);
    SyslogListener::Options options;
    options.listen.protocol = Protocol::Tcp;
    options.listen.address = QHostAddress::LocalHost;
    options.listen.port = first->port();
    options.allow = *AllowList::parse(QStringLiteral("127.0.0.1"));
    SyslogListener second(options, sink);
    const QString error = second.start();
    QCOMPARE(error, QStringLiteral("cannot listen on tcp://127.0.0.1:%1: Address already in use").arg(first->port()));
}

void TestSyslogListener::stopClosesConnectionsAndPort()
{
    RecordingSink sink;
    auto listener = makeListener(sink, Protocol::Tcp, QHostAddress::LocalHost);
    QVERIFY(listener);
    const quint16 port = listener->port();
    auto socket = connectTcp(port);
    QVERIFY(socket);
    QTRY_COMPARE(listener->connectionCount(), 1);
    listener->stop();
    QVERIFY(socket->state() == QAbstractSocket::UnconnectedState || socket->waitForDisconnected(5000));
    QTcpSocket again;
    again.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!again.waitForConnected(2000));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSyslogListener)
#include "tst_sysloglistener.moc"
