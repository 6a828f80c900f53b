#include "core/query/movers.h"
#include "tests/support/runprogram.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
struct Referrer {
    const char* host;
    int before; // requests on 2026-11-10
    int now; // on 2026-11-11
};
// One referrer spikes (news.ycombinator.com), one grows big, one falls, one steady, one tiny that rises 2 -> 9.
const Referrer kReferrers[] = {
    { "news.ycombinator.com", 5, 3000 },
    { "big.example", 2000, 5000 },
    { "falling.example", 300, 100 },
    { "steady.example", 100, 100 },
    { "tiny.example", 2, 9 },
};

QByteArray logOf()
{
    QByteArray out;
    for (const Referrer& r : kReferrers)
        for (const auto& [day, count] : { std::pair { 10, r.before }, std::pair { 11, r.now } })
            for (int i = 0; i < count; ++i)
                out += QStringLiteral("81.2.69.%1 - - [%2/Nov/2026:%3:%4:%5 +0000] \"GET /from/%6 HTTP/1.1\" 200 100 "
                                      "\"https://%6/item\" \"curl/8.0\"\n")
                           .arg(i % 250 + 1)
                           .arg(day)
                           .arg(i % 24, 2, 10, QLatin1Char('0'))
                           .arg(i / 24 % 60, 2, 10, QLatin1Char('0'))
                           .arg(i % 60, 2, 10, QLatin1Char('0'))
                           .arg(QString::fromLatin1(r.host))
                           .toUtf8();
    return out;
}
} // namespace

// movers.csv: what rose or fell between the day before and the day of the report, most significant first, with a
// minimum volume, so that a rise from 2 to 9 never ranks above one from 2,000 to 5,000.
class TestReportMovers : public QObject {
    Q_OBJECT
private slots:
    void significanceBeatsPercentages()
    {
        const QList<Mover> ranked
            = Movers::rank(QStringLiteral("referrer"), { { "a", 2 }, { "b", 2000 }, { "c", 40 }, { "d", 3 } },
                { { "a", 9 }, { "b", 5000 }, { "c", 60 }, { "d", 30 } });
        QStringList keys;
        for (const Mover& m : ranked)
            keys << m.key;
        // b: 2,000 -> 5,000 is sure; d: 3 -> 30 is (25 more than chance allows); c: 40 -> 60 is not (score 2.0 just
        // above 1.96: kept, last); a: 2 -> 9 has too few requests to say anything.
        QCOMPARE(keys, (QStringList { "b", "d", "c" }));
        QCOMPARE(ranked[0].changePercent().value_or(-1), 150.0);
        QVERIFY(!ranked[1].changePercent()); // 3 before: no percentage from such a base
        QCOMPARE(ranked[2].changePercent().value_or(-1), 50.0);
    }

    void reportWritesMoversCsv()
    {
        QTemporaryDir dir;
        QFile log(dir.filePath("access.log"));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write(logOf());
        log.close();
        const QString data = dir.filePath("data");
        const ProgramResult imported = runProgram({ "import", log.fileName() }, data);
        QVERIFY2(imported.code == 0, qPrintable(imported.all()));
        const QString out = dir.filePath("report");
        const ProgramResult r
            = runProgram({ "report", "--out", out, "--from", "2026-11-11", "--to", "2026-11-11" }, data);
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QFile csv(out + "/movers.csv");
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("dimension,key,before,now,change,change_percent"));
        QStringList referrers;
        QStringList paths;
        for (const QString& line : lines.mid(1)) {
            if (line.startsWith("referrer,"))
                referrers << line;
            else if (line.startsWith("path,"))
                paths << line;
        }
        // By construction: the spike first (3,000 from 5), then the big rise, then the fall; the steady referrer did
        // not move and the tiny one is under the minimum volume.
        QCOMPARE(referrers,
            (QStringList { "referrer,https://news.ycombinator.com/item,5,3000,2995,",
                "referrer,https://big.example/item,2000,5000,3000,150.0",
                "referrer,https://falling.example/item,300,100,-200,-66.7" }));
        // Each referrer's requests went to a path of its own: the same movers.
        QCOMPARE(paths,
            (QStringList { "path,/from/news.ycombinator.com,5,3000,2995,",
                "path,/from/big.example,2000,5000,3000,150.0", "path,/from/falling.example,300,100,-200,-66.7" }));
        // Without --compare, requests.csv is as it was.
        QFile plain(out + "/requests.csv");
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QVERIFY(plain.readLine().startsWith("bucket_start,requests,visitors,bytes\r\n"));

        // --compare: each hour of the 11th beside the same hour of the 10th. Counted from the log's construction:
        // request i of a referrer's day is at hour i % 24, and every request is 100 bytes.
        const QString compared = dir.filePath("compared");
        QCOMPARE(
            runProgram({ "report", "--out", compared, "--from", "2026-11-11", "--to", "2026-11-11", "--compare" }, data)
                .code,
            0);
        QFile requests(compared + "/requests.csv");
        QVERIFY(requests.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(requests.readAll()).split("\r\n", Qt::SkipEmptyParts);
        QCOMPARE(rows.value(0),
            QStringLiteral("bucket_start,requests,visitors,bytes,requests_before,visitors_before,bytes_before"));
        QCOMPARE(rows.size(), 1 + 24);
        const auto inHour = [](int count, int hour) { return count / 24 + (hour < count % 24 ? 1 : 0); };
        for (int hour = 0; hour < 24; ++hour) {
            int now = 0;
            int before = 0;
            for (const Referrer& referrer : kReferrers) {
                now += inHour(referrer.now, hour);
                before += inHour(referrer.before, hour);
            }
            const QStringList f = rows[hour + 1].split(',');
            QCOMPARE(f.value(0), QStringLiteral("2026-11-11T%1:00:00Z").arg(hour, 2, 10, QLatin1Char('0')));
            QCOMPARE(f.value(1).toInt(), now);
            QCOMPARE(f.value(3).toLongLong(), qint64(now) * 100);
            QCOMPARE(f.value(4).toInt(), before);
            QCOMPARE(f.value(6).toLongLong(), qint64(before) * 100);
        }

        // Nowhere a percentage from a tiny base.
        for (const QString& line : lines)
            QVERIFY2(!line.contains("59900"), qPrintable(line));
    }

    // report --compare draws the period before in the page images too: over the 11th (the 10th before it) the images
    // change; over the 10th (nothing logged before it) there is nothing to draw and they are the same.
    void compareDrawsThePeriodBeforeInPages()
    {
        QTemporaryDir dir;
        QFile log(dir.filePath("access.log"));
        QVERIFY(log.open(QIODevice::WriteOnly) && log.write(logOf()) > 0);
        log.close();
        const QString data = dir.filePath("data");
        QCOMPARE(runProgram({ "import", log.fileName() }, data).code, 0);
        const auto images = [&](const char* day, bool compare) {
            const QString out = dir.filePath(QStringLiteral("%1-%2").arg(QLatin1String(day)).arg(compare));
            QStringList args { "report", "--out", out, "--from", day, "--to", day, "--size", "1000x700" };
            if (compare)
                args << "--compare";
            const ProgramResult r = runProgram(args, data);
            QStringList failed;
            if (r.code != 0)
                failed << r.all();
            QList<QImage> out2;
            for (const char* file : { "overview.png", "traffic.png" })
                out2 << QImage(out + QLatin1Char('/') + QLatin1String(file));
            return std::pair { out2, failed.join(QString()) };
        };
        const auto [plain11, e1] = images("2026-11-11", false);
        const auto [compared11, e2] = images("2026-11-11", true);
        QVERIFY2(e1.isEmpty() && e2.isEmpty(), qPrintable(e1 + e2));
        QVERIFY(!plain11[0].isNull() && !compared11[0].isNull());
        QVERIFY(plain11[0] != compared11[0]);
        QVERIFY(plain11[1] != compared11[1]);
        const auto [plain10, e3] = images("2026-11-10", false);
        const auto [compared10, e4] = images("2026-11-10", true);
        QVERIFY2(e3.isEmpty() && e4.isEmpty(), qPrintable(e3 + e4));
        QVERIFY(plain10[0] == compared10[0]);
        QVERIFY(plain10[1] == compared10[1]);
    }

    // The header's toggle is kept in charts.previous: on or off, nothing else.
    void previousSettingIsValidated()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath("data");
        ProgramResult r = runProgram({ "settings" }, data);
        QVERIFY2(r.out.contains("charts.previous = off (default)"), qPrintable(r.all()));
        r = runProgram({ "settings", "set", "charts.previous", "maybe" }, data);
        QVERIFY(r.code != 0);
        QVERIFY2(r.err.contains("charts.previous") && r.err.contains("maybe"), qPrintable(r.all()));
        QCOMPARE(runProgram({ "settings", "set", "charts.previous", "On" }, data).code, 0);
        QCOMPARE(runProgram({ "settings", "get", "charts.previous" }, data).out, QStringLiteral("on\n"));
    }

    // A traffic alert that holds names what rose in its window, as "at the same time" (built on the clock: the
    // command evaluates the rule now).
    void alertNamesTheMovers()
    {
        QTemporaryDir dir;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QByteArray log;
        const auto line = [&log](const QDateTime& at, const char* host, int i) {
            log += QStringLiteral("81.2.69.%1 - - [%2 +0000] \"GET /from/%3 HTTP/1.1\" 200 100 \"https://%3/item\" "
                                  "\"curl/8.0\"\n")
                       .arg(i % 250 + 1)
                       .arg(at.toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss")), QString::fromLatin1(host))
                       .toUtf8();
        };
        // The hour before: 50 steady, 2 from Hacker News; the last hour: 50 steady, 600 from Hacker News.
        for (int i = 0; i < 50; ++i) {
            line(now.addSecs(-100 * 60 + i * 10), "steady.example", i);
            line(now.addSecs(-40 * 60 + i * 10), "steady.example", i);
        }
        for (int i = 0; i < 2; ++i)
            line(now.addSecs(-90 * 60 + i), "news.ycombinator.com", i);
        for (int i = 0; i < 600; ++i)
            line(now.addSecs(-30 * 60 + i), "news.ycombinator.com", i);
        QFile file(dir.filePath("access.log"));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(log) == log.size());
        file.close();
        const QString data = dir.filePath("data");
        QCOMPARE(runProgram({ "import", file.fileName() }, data).code, 0);
        const ProgramResult added = runProgram(
            { "alerts", "add", "--series", "traffic.requests", "--above", "100", "--window", "1h", "--name", "spike" },
            data);
        QVERIFY2(added.code == 0, qPrintable(added.all()));
        const ProgramResult tested = runProgram({ "alerts", "test", "1" }, data);
        QVERIFY2(tested.out.contains("the condition holds now"), qPrintable(tested.all()));
        // The most significant of each dimension (the log's addresses are in GeoIP's test block of GB).
        // The window against the hour before (52 requests then, 650 now: x12.5), then the movers.
        QVERIFY2(tested.out.contains(QStringLiteral("requests ×%1 in 1 h: referrer https://news.ycombinator.com/item "
                                                    "+%2, path /from/news.ycombinator.com +%2")
                                         .arg(QString::number(650.0 / 52.0, 'f', 1))
                                         .arg(600 - 2)),
            qPrintable(tested.out));
        QVERIFY2(tested.out.contains("(Requests is 650, above 100)"), qPrintable(tested.out));
        QVERIFY2(!tested.out.contains("steady.example"), qPrintable(tested.out)); // it did not move
        // Evaluated by `collect --once`, it fires: the history (what every channel sent) names them too.
        const ProgramResult collected = runProgram({ "collect", "--once" }, data);
        QVERIFY2(collected.code == 0, qPrintable(collected.all()));
        const ProgramResult history = runProgram({ "alerts", "history" }, data);
        QVERIFY2(history.out.contains("firing")
                && history.out.contains("in 1 h: referrer https://news.ycombinator.com/item +598"),
            qPrintable(history.all()));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestReportMovers)
#include "tst_reportmovers.moc"
