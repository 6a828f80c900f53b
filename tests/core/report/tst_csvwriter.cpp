#include "core/report/csvwriter.h"

#include <QTemporaryDir>
#include <QTest>

namespace activity {

class TestCsvWriter : public QObject {
    Q_OBJECT
private slots:
    void escape_data();
    void escape();
    void writesRows();
};

void TestCsvWriter::escape_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("csv");
    QTest::addRow("plain") << "/index.html" << QByteArray("/index.html");
    QTest::addRow("empty") << "" << QByteArray("");
    QTest::addRow("comma") << "a,b" << QByteArray("\"a,b\"");
    QTest::addRow("quote") << "say \"hi\"" << QByteArray("\"say \"\"hi\"\"\"");
    QTest::addRow("newline") << "a\nb" << QByteArray("\"a\nb\"");
    QTest::addRow("carriage return") << "a\rb" << QByteArray("\"a\rb\"");
    QTest::addRow("formula stays text") << "=1+1" << QByteArray("=1+1");
    QTest::addRow("utf-8") << QString::fromUtf8("/café") << QByteArray("/caf\xc3\xa9");
}

void TestCsvWriter::escape()
{
    QFETCH(QString, field);
    QFETCH(QByteArray, csv);
    QCOMPARE(CsvWriter::escape(field), csv);
}

void TestCsvWriter::writesRows()
{
    QTemporaryDir dir;
    CsvWriter w(dir.filePath("x.csv"));
    QVERIFY(w.isOpen());
    w.row({ "path", "requests" });
    w.row({ "/a,\"b\"", "3" });
    QCOMPARE(w.finish(), QString());
    QFile f(dir.filePath("x.csv"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("path,requests\r\n\"/a,\"\"b\"\"\",3\r\n"));
    CsvWriter bad(dir.filePath("no/such/dir/x.csv"));
    QVERIFY(!bad.isOpen());
    QVERIFY(bad.finish().contains("x.csv"));
}

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestCsvWriter)
#include "tst_csvwriter.moc"
