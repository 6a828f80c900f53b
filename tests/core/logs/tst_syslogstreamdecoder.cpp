#include "core/logs/syslogstreamdecoder.h"
#include "tests/support/fixtures.h"

#include <QTest>

namespace activity {

class TestSyslogStreamDecoder : public QObject {
    Q_OBJECT
private slots:
    void decode_data();
    void decode();
    void memoryStaysBounded();
};

namespace {
struct Result {
    QList<QByteArray> frames;
    QByteArray errors;
};

Result run(const QByteArray& stream, qsizetype maxFrame, qsizetype chunk)
{
    Result result;
    SyslogStreamDecoder decoder(maxFrame);
    const auto onFrame = [&](QByteArrayView f) { result.frames.append(f.toByteArray()); };
    const auto onError = [&](SyslogStreamDecoder::Error e, QByteArrayView) {
        result.errors.append(e == SyslogStreamDecoder::Error::TooLong ? 'T'
                : e == SyslogStreamDecoder::Error::BadLength          ? 'B'
                                                                      : 'X');
    };
    for (qsizetype i = 0; i < stream.size(); i += chunk)
        decoder.feed(QByteArrayView(stream).sliced(i, std::min(chunk, stream.size() - i)), onFrame, onError);
    decoder.finish(onFrame, onError);
    return result;
}
} // namespace

void TestSyslogStreamDecoder::decode_data()
{
    QTest::addColumn<qsizetype>("maxFrame");
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<QByteArray>>("frames");
    QTest::addColumn<QByteArray>("errors");
    const auto rows = Fixtures::readTsv(QStringLiteral(ACTIVITY_TEST_DATA "/listeners/tcp_streams.tsv"));
    QVERIFY(rows.size() >= 15);
    for (const QList<QByteArray>& r : rows) {
        QCOMPARE(r.size(), 5);
        QList<QByteArray> frames;
        for (const QByteArray& f : r[3].split('|'))
            frames.append(Fixtures::unescape(f));
        QTest::addRow("%s", r[0].constData())
            << qsizetype(r[1].toLongLong()) << Fixtures::unescape(r[2]) << frames << r[4];
    }
}

// The same stream must decode the same whether it arrives whole, byte by byte or in odd pieces.
void TestSyslogStreamDecoder::decode()
{
    QFETCH(qsizetype, maxFrame);
    QFETCH(QByteArray, stream);
    QFETCH(QList<QByteArray>, frames);
    QFETCH(QByteArray, errors);
    for (qsizetype chunk : { stream.size(), qsizetype(1), qsizetype(7) }) {
        const Result result = run(stream, maxFrame, chunk);
        QCOMPARE(result.frames, frames);
        QCOMPARE(result.errors, errors);
    }
}

void TestSyslogStreamDecoder::memoryStaysBounded()
{
    // 10 MiB without a newline: skipped, never held; the next line still arrives.
    SyslogStreamDecoder decoder(64 * 1024);
    QList<QByteArray> frames;
    int tooLong = 0;
    const auto onFrame = [&](QByteArrayView f) { frames.append(f.toByteArray()); };
    const auto onError
        = [&](SyslogStreamDecoder::Error e, QByteArrayView) { tooLong += e == SyslogStreamDecoder::Error::TooLong; };
    const QByteArray block(1024 * 1024, 'a');
    qsizetype peak = 0;
    for (int i = 0; i < 10; ++i) {
        decoder.feed(block, onFrame, onError);
        peak = std::max(peak, decoder.buffered());
    }
    decoder.feed("\n<13>a: after\n", onFrame, onError);
    QVERIFY(peak <= 64 * 1024);
    QCOMPARE(tooLong, 1);
    QCOMPARE(frames, QList<QByteArray> { "<13>a: after" });
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestSyslogStreamDecoder)
#include "tst_syslogstreamdecoder.moc"
