#include "tests/support/runprogram.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
// A day of a small site: 40 requests on 2026-11-20, every tenth answered 503, from four countries' addresses
// (the shipped GeoIP file's): 16 from GB, 8 each from US, JP and DE.
QByteArray accessLog()
{
    const char* addresses[] = { "81.2.69.1", "8.8.8.8", "133.1.1.1", "5.9.1.1", "81.2.69.2" };
    QByteArray out;
    for (int i = 0; i < 40; ++i)
        out += QStringLiteral("%1 - - [20/Nov/2026:%2:%3:00 +0000] \"GET /p%4 HTTP/1.1\" %5 %6 \"-\" \"curl\"\n")
                   .arg(QLatin1String(addresses[i % 5]))
                   .arg(8 + i / 10, 2, 10, QLatin1Char('0'))
                   .arg(i % 60, 2, 10, QLatin1Char('0'))
                   .arg(i % 3)
                   .arg(i % 10 == 0 ? 503 : 200)
                   .arg(100 + i)
                   .toUtf8();
    return out;
}

const char* kDashboard = R"({"schema":1,"name":"Release week","panels":[
 {"kind":"figure","title":"Requests","series":["traffic.requests"],"width":1},
 {"kind":"figure","series":["traffic.share.5xx"],"width":1},
 {"kind":"table","series":["traffic.requests","traffic.status.5xx","traffic.bytes"],"width":2},
 {"kind":"line","title":"Requests and errors","series":["traffic.requests","traffic.status.5xx"],"width":2,"height":2},
 {"kind":"bars","series":["traffic.status.2xx"],"width":2,"range":""},
 {"kind":"map","series":[],"width":2}]})";
} // namespace

// Custom pages as files and in reports: a page made on one machine is exported, imported on another with the
// same data, and renders the same (PNG sizes, CSV bytes); bad files are refused with their fault named.
class TestDashboardCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(write("access.log", accessLog()));
        QVERIFY(write("dashboard.json", kDashboard));
        for (const QString& machine : { QStringLiteral("a"), QStringLiteral("b") }) {
            const ProgramResult r = runProgram({ "import", m_dir.filePath("access.log") }, data(machine));
            QVERIFY2(r.code == 0, qPrintable(r.all()));
        }
    }

    void importListExport()
    {
        const ProgramResult imported
            = runProgram({ "dashboards", "import", m_dir.filePath("dashboard.json") }, data("a"));
        QVERIFY2(
            imported.code == 0 && imported.out.contains("imported page 1: Release week"), qPrintable(imported.all()));
        const QJsonArray listed
            = QJsonDocument::fromJson(runProgram({ "dashboards", "list", "--json" }, data("a")).out.toUtf8()).array();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed[0]["name"].toString(), QString("Release week"));
        QCOMPARE(listed[0]["panels"].toInt(), 6);
        const ProgramResult exported
            = runProgram({ "dashboards", "export", "1", m_dir.filePath("exported.json") }, data("a"));
        QVERIFY2(exported.code == 0, qPrintable(exported.all()));
        QFile file(m_dir.filePath("exported.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json["schema"].toInt(), 1);
        QCOMPARE(json["panels"].toArray().size(), 6);
        QCOMPARE(json["panels"].toArray()[3].toObject()["series"].toArray().size(), 2);
        QCOMPARE(json["panels"].toArray()[3].toObject()["height"].toInt(), 2);
        // The same name again on the same machine: kept apart.
        const ProgramResult again = runProgram({ "dashboards", "import", m_dir.filePath("exported.json") }, data("a"));
        QVERIFY2(again.out.contains("Release week (2)"), qPrintable(again.all()));
        QCOMPARE(runProgram({ "dashboards", "remove", "2" }, data("a")).code, 0);
    }

    void importedElsewhereRendersTheSame()
    {
        QCOMPARE(runProgram({ "dashboards", "import", m_dir.filePath("exported.json") }, data("b")).code, 0);
        const QStringList range { "--from", "2026-11-19", "--to", "2026-11-21", "--size", "1200x800" };
        for (const QString& machine : { QStringLiteral("a"), QStringLiteral("b") }) {
            const ProgramResult r = runProgram(
                QStringList { "report", "--out", m_dir.filePath("report-" + machine) } + range, data(machine));
            QVERIFY2(r.code == 0, qPrintable(r.all()));
        }
        const QByteArray csvA = read("report-a/custom-release-week.csv");
        QCOMPARE(read("report-b/custom-release-week.csv"), csvA);
        QVERIFY(csvA.startsWith("panel,series,timestamp,value"));
        // Every figure of the day: 40 requests in the line panel's hourly buckets, 4 answered 503.
        double requests = 0;
        double errors = 0;
        for (const QByteArray& row : csvA.split('\n')) {
            const QList<QByteArray> f = row.trimmed().split(',');
            if (f.value(0) == "Requests and errors" && f.value(1) == "traffic.requests")
                requests += f.value(3).toDouble();
            if (f.value(0) == "Requests and errors" && f.value(1) == "traffic.status.5xx")
                errors += f.value(3).toDouble();
        }
        QCOMPARE(requests, 40.0);
        QCOMPARE(errors, 4.0);
        // The map panel's countries, busiest first and ties by code: the same bytes at every run.
        QByteArrayList countries;
        for (const QByteArray& row : csvA.split('\n'))
            if (row.contains("traffic.requests{country="))
                countries << row.mid(row.indexOf("country=") + 10, 2) + ':' + row.trimmed().split(',').last();
        QCOMPARE(countries, QByteArrayList({ "GB:16", "DE:8", "JP:8", "US:8" }));
        const QImage a(m_dir.filePath("report-a/custom-release-week.png"));
        const QImage b(m_dir.filePath("report-b/custom-release-week.png"));
        QCOMPARE(a.size(), QSize(1200, 800));
        QCOMPARE(b.size(), a.size());
        QSet<QRgb> colours;
        for (int y = 0; y < a.height(); y += 3)
            for (int x = 0; x < a.width(); x += 3)
                colours.insert(a.pixel(x, y));
        QVERIFY2(colours.size() > 30, "the page renders charts, not a blank");
    }

    void badFilesNameTheirFault_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("fault");
        QTest::addRow("not json") << QByteArray("<html>") << "not a dashboard file";
        QTest::addRow("no schema") << QByteArray(R"({"name":"x","panels":[]})") << "no \"schema\"";
        QTest::addRow("newer schema") << QByteArray(R"({"schema":9,"name":"x","panels":[]})")
                                      << "newer than this program";
        QTest::addRow("bad kind") << QByteArray(
            R"({"schema":1,"name":"x","panels":[{"kind":"pie","series":["traffic.requests"]}]})")
                                  << "panel 1: kind must be one of line, area, bars, figure, table, map, got 'pie'";
        QTest::addRow("too wide") << QByteArray(
            R"({"schema":1,"name":"x","panels":[{"kind":"line","series":["traffic.requests"],"width":9}]})")
                                  << "width must be 1 to 4";
        QTest::addRow("bad id") << QByteArray(
            R"({"schema":1,"name":"x","panels":[{"kind":"line","series":["a{b=c}"]}]})")
                                << "is not a series id";
        QTest::addRow("no name") << QByteArray(R"({"schema":1,"name":"","panels":[]})") << "needs a name";
    }
    void badFilesNameTheirFault()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, fault);
        QVERIFY(write("bad.json", content));
        const ProgramResult r = runProgram({ "dashboards", "import", m_dir.filePath("bad.json") }, data("b"));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(fault), qPrintable(r.err));
    }

    void removedPageLeavesTheReport()
    {
        QCOMPARE(runProgram({ "dashboards", "remove", "1" }, data("b")).code, 0);
        QCOMPARE(runProgram({ "dashboards", "remove", "1" }, data("b")).code, 2);
        QVERIFY(runProgram({ "dashboards", "list" }, data("b")).out.contains("no custom page yet"));
        const ProgramResult r = runProgram({ "report", "--out", m_dir.filePath("report-c") }, data("b"));
        QCOMPARE(r.code, 0);
        QVERIFY(!QFile::exists(m_dir.filePath("report-c/custom-release-week.png")));
    }

private:
    QString data(const QString& machine) const { return m_dir.filePath("data-" + machine); }
    bool write(const QString& name, const QByteArray& content)
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    }
    QByteArray read(const QString& name) const
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QTemporaryDir m_dir;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestDashboardCommands)
#include "tst_dashboardcommands.moc"
