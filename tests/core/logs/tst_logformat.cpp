#include "core/logs/logformat.h"

#include <QFile>
#include <QTest>
#include <arpa/inet.h>

namespace activity {

namespace {
QByteArray view(std::string_view v)
{
    return QByteArray(v.data(), qsizetype(v.size()));
}

QByteArray addressText(const AccessRecord& r)
{
    char buf[64] = {};
    if (r.addrLen == 4)
        inet_ntop(AF_INET, r.addr, buf, sizeof buf);
    else if (r.addrLen == 16)
        inet_ntop(AF_INET6, r.addr, buf, sizeof buf);
    return QByteArray(buf);
}

QByteArray actual(const AccessRecord& r, const QByteArray& key)
{
    if (key == "addr")
        return addressText(r);
    if (key == "ts")
        return QByteArray::number(r.ts);
    if (key == "status")
        return QByteArray::number(r.status);
    if (key == "bytes")
        return QByteArray::number(r.bodyBytes);
    if (key == "bytes_sent")
        return QByteArray::number(r.bytesSent);
    if (key == "request_time")
        return QByteArray::number(r.requestTime);
    if (key == "upstream")
        return QByteArray::number(r.upstreamTime);
    if (key == "parsed")
        return r.requestParsed ? "1" : "0";
    if (key == "method")
        return view(r.method);
    if (key == "path")
        return view(r.path);
    if (key == "query")
        return view(r.query);
    if (key == "protocol")
        return view(r.protocol);
    if (key == "referrer")
        return view(r.referrer);
    if (key == "agent")
        return view(r.agent);
    if (key == "user")
        return view(r.user);
    if (key == "host")
        return view(r.host);
    if (key == "xff")
        return view(r.forwardedFor);
    if (key.startsWith("extra.")) {
        for (const auto& [name, value] : r.extra)
            if (view(name) == key.mid(6))
                return view(value);
        return "<absent>";
    }
    return "<unknown key " + key + ">";
}
} // namespace

class TestLogFormat : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void recordIsReusable();
    void badFormat();
    void timeParsers_data();
    void timeParsers();
};

void TestLogFormat::parse_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("expect");
    QFile file(QStringLiteral(ACTIVITY_TEST_DATA "/logs/parser_cases.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray name, format = "combined", line;
    int cases = 0;
    while (!file.atEnd()) {
        QByteArray l = file.readLine();
        l.chop(1); // the fixture's own newline
        if (l.startsWith("@case ")) {
            name = l.mid(6);
            format = "combined";
        } else if (l.startsWith("@format ")) {
            format = l.mid(8);
        } else if (l.startsWith("@line")) {
            line = l.mid(6);
            if (line.endsWith("\\r\\n"))
                line = line.chopped(4) + "\r\n";
        } else if (l.startsWith("@expect ")) {
            QTest::addRow("%s", name.constData()) << format << line << l.mid(8);
            ++cases;
        }
    }
    QCOMPARE(cases, 24);
}

void TestLogFormat::parse()
{
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, expect);
    QString error;
    const LogFormat f = LogFormat::compile(format, &error);
    QVERIFY2(f.isValid(), qPrintable(error));
    AccessRecord r;
    const char* reason = nullptr;
    const bool ok = f.parse(std::string_view(line.constData(), size_t(line.size())), r, &reason);
    for (const QByteArray& pair : expect.split('\t')) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray key = pair.left(eq);
        const QByteArray want = QByteArray::fromPercentEncoding(pair.mid(eq + 1));
        if (key == "reject") {
            QVERIFY2(!ok, "the line should be rejected");
            QCOMPARE(QByteArray(reason), want);
            continue;
        }
        QVERIFY2(ok, reason);
        QCOMPARE(actual(r, key), want);
    }
}

void TestLogFormat::recordIsReusable()
{
    // One record for many lines: nothing of a previous line leaks into the next.
    const LogFormat f = LogFormat::compile("combined");
    AccessRecord r;
    const char* reason = nullptr;
    const char* first
        = "1.2.3.4 - bob [25/Nov/2026:05:32:29 +0000] \"GET /a?q=\\x22 HTTP/1.1\" 200 5 \"http://r/\" \"ua\"";
    QVERIFY(f.parse(first, r, &reason));
    QCOMPARE(view(r.query), QByteArray("q=\""));
    const char* second = "5.6.7.8 - - [25/Nov/2026:05:32:30 +0000] \"-\" 400 0 \"-\" \"-\"";
    QVERIFY(f.parse(second, r, &reason));
    QCOMPARE(addressText(r), QByteArray("5.6.7.8"));
    QCOMPARE(view(r.user), QByteArray());
    QCOMPARE(view(r.query), QByteArray());
    QCOMPARE(view(r.referrer), QByteArray());
    QCOMPARE(view(r.path), QByteArray("-"));
    QCOMPARE(r.requestParsed, false);
}

void TestLogFormat::badFormat()
{
    QString error;
    QVERIFY(!LogFormat::compile("$remote_addr $ [x]", &error).isValid());
    QVERIFY(error.contains("position 14"));
    QVERIFY(!LogFormat::compile("${status", &error).isValid());
    QVERIFY(LogFormat::compile("", &error).isValid()); // combined
    QCOMPARE(LogFormat::compile("combined").text(), LogFormat::combinedFormat());
}

void TestLogFormat::timeParsers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("local");
    QTest::addColumn<qint64>("iso");
    QTest::addRow("epoch") << QByteArray("01/Jan/1970:00:00:00 +0000") << qint64(0) << qint64(-1);
    QTest::addRow("iso epoch") << QByteArray("1970-01-01T00:00:00+00:00") << qint64(-1) << qint64(0);
    QTest::addRow("iso Z") << QByteArray("2026-11-25T05:32:29Z") << qint64(-1) << qint64(1795584749);
    QTest::addRow("iso +02:00") << QByteArray("2026-11-25T07:32:29+02:00") << qint64(-1) << qint64(1795584749);
    QTest::addRow("month 13") << QByteArray("2026-13-25T07:32:29+02:00") << qint64(-1) << qint64(-1);
    QTest::addRow("short") << QByteArray("25/Nov/2026:05:32") << qint64(-1) << qint64(-1);
    QTest::addRow("dec 31") << QByteArray("31/Dec/2025:23:59:59 +0000") << qint64(1767225599) << qint64(-1);
}

void TestLogFormat::timeParsers()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, local);
    QFETCH(qint64, iso);
    const std::string_view s(text.constData(), size_t(text.size()));
    QCOMPARE(LogParse::parseTimeLocal(s), local);
    QCOMPARE(LogParse::parseTimeIso8601(s), iso);
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestLogFormat)
#include "tst_logformat.moc"
