// How the window writes values (ui/widgets/format.h).
#include "ui/widgets/format.h"

#include <QLocale>
#include <QTest>

namespace activity {

class TestFormat : public QObject {
    Q_OBJECT
private slots:
    // A change as a percentage, or as a multiple from ten times on (no "+634,183.3%" from a small base).
    void percentChange_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<QString>("shown");
        QTest::addRow("rise") << 200.0 << 245.0 << QStringLiteral("+22.5%");
        QTest::addRow("fall") << 300.0 << 100.0 << QStringLiteral("−66.7%");
        QTest::addRow("nine times") << 100.0 << 900.0 << QStringLiteral("+800.0%");
        QTest::addRow("ten times") << 12.0 << 120.0 << QStringLiteral("×10.0");
        QTest::addRow("small base") << 12.0 << 76114.0 << QStringLiteral("×6,343");
        QTest::addRow("no base") << 0.0 << 5.0 << QString();
    }
    void percentChange()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(QString, shown);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(Format::percentChange(from, to), shown);
    }
    // Rejected lines are raw bytes from the network: Format::visibleBytes shows them as nginx would log them.
    void visibleBytes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("shown");
        QTest::addRow("plain") << QByteArray("GET / HTTP/1.1") << QStringLiteral("GET / HTTP/1.1");
        QTest::addRow("tls handshake") << QByteArray("\x16\x03\x01\x02\x31") << QStringLiteral(R"(\x16\x03\x01\x021)");
        QTest::addRow("utf-8 kept") << QByteArray("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80")
                                    << QStringLiteral("café € 😀");
        QTest::addRow("latin-1 byte") << QByteArray("caf\xe9!") << QStringLiteral(R"(caf\xE9!)");
        QTest::addRow("cut sequence") << QByteArray("a\xe2\x82") << QStringLiteral(R"(a\xE2\x82)");
        QTest::addRow("overlong") << QByteArray("\xc0\xaf") << QStringLiteral(R"(\xC0\xAF)");
        QTest::addRow("not utf-8 lead") << QByteArray("\xf8\x88\x80\x80\x80")
                                        << QStringLiteral(R"(\xF8\x88\x80\x80\x80)");
        QTest::addRow("controls") << QByteArray("a\tb\x7f\x1b[31m") << QStringLiteral(R"(a\x09b\x7F\x1B[31m)");
        QTest::addRow("nul") << QByteArray("a\0b", 3) << QStringLiteral(R"(a\x00b)");
        QTest::addRow("markup stays text") << QByteArray("<b>x</b>") << QStringLiteral("<b>x</b>");
    }
    void visibleBytes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, shown);
        QCOMPARE(Format::visibleBytes(bytes), shown);
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestFormat)
#include "tst_format.moc"
