#include "core/alerts/alertstore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/runprogram.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
qint64 secs(const char* iso)
{
    QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    t.setTimeSpec(Qt::UTC);
    return t.toSecsSinceEpoch();
}

// A CSV field as RFC 4180 writes it (quoted when it holds a comma, a quote or a line end).
QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + QLatin1Char('"');
}

struct Note {
    const char* at; // as typed
    const char* stored; // the time it means, UTC
    QString text;
    QString url;
};
const QList<Note> kNotes = {
    { "2026-11-20T14:30:00Z", "2026-11-20T14:30:00Z", QStringLiteral("Posted on Hacker News"),
        QStringLiteral("https://news.ycombinator.com/item?id=1") },
    { "2026-11-18", "2026-11-18T00:00:00Z", QStringLiteral("Talk at \"FOSDEM\", room K"), QString() },
    { "2026-11-25T08:00:00", "2026-11-25T08:00:00Z", QStringLiteral("Newsletter"), QString() },
};
} // namespace

// Notes and events as a user types and reads them: notes add/list/remove, events list with the alert history
// beside them, events.csv in the report, and `store migrate` carrying them over.
class TestEventCommands : public QObject {
    Q_OBJECT
private slots:
    void notesAddListRemove()
    {
        for (int i = 0; i < kNotes.size(); ++i) {
            QStringList args { "notes", "add", "--at", kNotes[i].at, "--text", kNotes[i].text };
            if (!kNotes[i].url.isEmpty())
                args << "--url" << kNotes[i].url;
            const ProgramResult r = runProgram(args, data());
            QVERIFY2(r.code == 0, qPrintable(r.all()));
            QCOMPARE(r.out.trimmed(), QStringLiteral("added note %1 at %2").arg(i + 1).arg(kNotes[i].stored));
        }
        const ProgramResult listed = runProgram({ "notes", "list", "--json" }, data());
        QVERIFY2(listed.code == 0, qPrintable(listed.all()));
        const QJsonArray notes = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        // Oldest first: the second note (18th), the first (20th), the third (25th).
        const QList<int> order { 1, 0, 2 };
        QCOMPARE(notes.size(), order.size());
        for (int i = 0; i < order.size(); ++i) {
            const Note& n = kNotes[order[i]];
            QCOMPARE(notes[i]["id"].toInt(), order[i] + 1);
            QCOMPARE(notes[i]["time"].toString(), QString::fromLatin1(n.stored));
            QCOMPARE(notes[i]["kind"].toString(), QStringLiteral("note"));
            QCOMPARE(notes[i]["title"].toString(), n.text);
            QCOMPARE(notes[i]["url"].toString(), n.url);
        }
        QCOMPARE(runProgram({ "notes", "add", "--at", "2026-11-22", "--text", "typo" }, data()).code, 0);
        const ProgramResult removed = runProgram({ "notes", "remove", "4" }, data());
        QVERIFY2(removed.code == 0 && removed.out.contains("removed note 4"), qPrintable(removed.all()));
        const ProgramResult text = runProgram({ "notes", "list" }, data());
        QCOMPARE(text.out,
            QStringLiteral("2\t2026-11-18T00:00:00Z\tTalk at \"FOSDEM\", room K\n"
                           "1\t2026-11-20T14:30:00Z\tPosted on Hacker News\thttps://news.ycombinator.com/item?id=1\n"
                           "3\t2026-11-25T08:00:00Z\tNewsletter\n"));
    }

    void badArgumentsNameThemselves_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("no --at") << QStringList { "notes", "add", "--text", "x" } << "--at TIME is required";
        QTest::newRow("bad --at") << QStringList { "notes", "add", "--at", "yesterday", "--text", "x" }
                                  << "--at must be a date like 2026-11-25 or a time like 2026-11-25T14:30:00Z, got "
                                     "'yesterday'";
        QTest::newRow("no --text") << QStringList { "notes", "add", "--at", "2026-11-20" } << "--text TEXT is required";
        QTest::newRow("blank text") << QStringList { "notes", "add", "--at", "2026-11-20", "--text", "  " }
                                    << "the note's text is empty";
        QTest::newRow("long text") << QStringList { "notes", "add", "--at", "2026-11-20", "--text", QString(501, 'a') }
                                   << "501 characters long; at most 500";
        QTest::newRow("ftp url") << QStringList { "notes", "add", "--at", "2026-11-20", "--text", "x", "--url",
            "ftp://example.org/a" }
                                 << "the note's URL 'ftp://example.org/a' is not an http:// or https:// address";
        QTest::newRow("unknown option") << QStringList { "notes", "add", "--at", "2026-11-20", "--text", "x",
            "--colour", "red" } << "--colour";
        QTest::newRow("remove word") << QStringList { "notes", "remove", "abc" } << "got 'abc'";
        QTest::newRow("remove missing") << QStringList { "notes", "remove", "99" } << "no note 99";
        QTest::newRow("subcommand") << QStringList { "notes", "frob" } << "unknown subcommand 'frob'";
        QTest::newRow("events bad --from") << QStringList { "events", "list", "--from", "nope" }
                                           << "--from must be a date like 2026-11-25 or a time like "
                                              "2026-11-25T14:30:00Z, got 'nope'";
        QTest::newRow("events reversed") << QStringList { "events", "list", "--from", "2026-11-21", "--to",
            "2026-11-20" } << "--from must be before --to";
        QTest::newRow("events extra") << QStringList { "events", "list", "today" } << "unexpected argument 'today'";
    }
    void badArgumentsNameThemselves()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        const ProgramResult r = runProgram(args, data());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(says), qPrintable(r.all()));
        // Nothing was added by a refused command.
        QCOMPARE(
            QJsonDocument::fromJson(runProgram({ "notes", "list", "--json" }, data()).out.toUtf8()).array().size(), 3);
    }

    // The alert history's firings and resolutions are events too ("repeat" reminders are not), in time order.
    void eventsListMergesAlertsAndFilters()
    {
        {
            Database db(TestStore::storeOfDataDir(data()));
            Migrations::migrate(db);
            AlertStore alerts(db);
            const auto add = [&](const char* at, const char* event) {
                AlertEvent e;
                e.ruleId = 1;
                e.ruleName = QStringLiteral("errors");
                e.series = QStringLiteral("traffic.errors");
                e.severity = QStringLiteral("warning");
                e.ts = secs(at);
                e.event = QString::fromLatin1(event);
                e.message = QStringLiteral("errors %1").arg(QString::fromLatin1(event));
                alerts.addEvent(e);
            };
            add("2026-11-20T15:00:00Z", "firing");
            add("2026-11-20T19:00:00Z", "repeat");
            add("2026-11-21T01:00:00Z", "resolved");
        }
        const ProgramResult all = runProgram({ "events", "list" }, data());
        QVERIFY2(all.code == 0, qPrintable(all.all()));
        QCOMPARE(all.out,
            QStringLiteral(
                "2026-11-18T00:00:00Z\tnote\tnote\tTalk at \"FOSDEM\", room K\n"
                "2026-11-20T14:30:00Z\tnote\tnote\tPosted on Hacker News\thttps://news.ycombinator.com/item?id=1\n"
                "2026-11-20T15:00:00Z\talert-fired\terrors\terrors firing\n"
                "2026-11-21T01:00:00Z\talert-resolved\terrors\terrors resolved\n"
                "2026-11-25T08:00:00Z\tnote\tnote\tNewsletter\n"));
        // A bare --to date includes its day; --from is inclusive.
        const ProgramResult range = runProgram(
            { "events", "list", "--from", "2026-11-20T14:30:00Z", "--to", "2026-11-20", "--json" }, data());
        const QJsonArray events = QJsonDocument::fromJson(range.out.toUtf8()).array();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events[0]["title"].toString(), QStringLiteral("Posted on Hacker News"));
        QCOMPARE(events[1]["kind"].toString(), QStringLiteral("alert-fired"));
        QCOMPARE(events[1]["time"].toString(), QStringLiteral("2026-11-20T15:00:00Z"));
        QVERIFY(events[1]["url"].isNull());
        QVERIFY2(
            runProgram({ "events", "list", "--from", "2026-12-01" }, data()).out.contains("no event in that range"),
            "an empty range says so");
    }

    void reportWritesEventsCsv()
    {
        const QString out = m_dir.filePath(QStringLiteral("report"));
        const ProgramResult r
            = runProgram({ "report", "--out", out, "--from", "2026-11-19", "--to", "2026-11-24" }, data());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QFile file(out + QStringLiteral("/events.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        // Built from the inputs: the first note, the firing and the resolution are in [19th, 25th).
        QStringList expected { QStringLiteral("time,kind,source,title,url") };
        expected << QStringLiteral("%1,note,note,%2,%3")
                        .arg(QString::fromLatin1(kNotes[0].stored), csvField(kNotes[0].text), kNotes[0].url);
        expected << QStringLiteral("2026-11-20T15:00:00Z,alert-fired,errors,errors firing,");
        expected << QStringLiteral("2026-11-21T01:00:00Z,alert-resolved,errors,errors resolved,");
        QCOMPARE(QString::fromUtf8(file.readAll()), expected.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n"));
        // The note with a comma and quotes, escaped, in a wider report.
        const QString wide = m_dir.filePath(QStringLiteral("wide"));
        QCOMPARE(runProgram({ "report", "--out", wide, "--from", "2026-11-01", "--to", "2026-11-30" }, data()).code, 0);
        QFile wideFile(wide + QStringLiteral("/events.csv"));
        QVERIFY(wideFile.open(QIODevice::ReadOnly));
        QVERIFY(wideFile.readAll().contains("2026-11-18T00:00:00Z,note,note,\"Talk at \"\"FOSDEM\"\", room K\",\r\n"));
    }

    // The report's traffic.png: the note's marker is drawn at its hour, where the requests chart has its spike (two
    // things drawn independently: the line by Qt Charts from the log, the marker from the note).
    void reportPngHasTheMarkerAtItsTime()
    {
        const QString dir = m_dir.filePath(QStringLiteral("spike"));
        QByteArray log;
        const auto line = [&log](int day, int hour, int minute, int i) {
            log += QStringLiteral(
                "81.2.69.%1 - - [%2/Nov/2026:%3:%4:00 +0000] \"GET / HTTP/1.1\" 200 512 \"-\" \"curl\"\n")
                       .arg(i % 200 + 1)
                       .arg(day)
                       .arg(hour, 2, 10, QLatin1Char('0'))
                       .arg(minute, 2, 10, QLatin1Char('0'))
                       .toUtf8();
        };
        for (int day : { 10, 11 })
            for (int hour = 0; hour < 24; ++hour)
                for (int minute = 0; minute < 60; minute += 5) {
                    line(day, hour, minute, minute);
                    if (day == 10 && hour == 12 && minute == 0) // the spike: 400 requests in that minute
                        for (int i = 0; i < 400; ++i)
                            line(day, hour, minute, i);
                }
        QFile file(m_dir.filePath(QStringLiteral("spike.log")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(log) == log.size());
        file.close();
        QCOMPARE(runProgram({ "import", file.fileName() }, dir).code, 0);
        QCOMPARE(runProgram({ "notes", "add", "--at", "2026-11-10T12:00:00Z", "--text", "Launch" }, dir).code, 0);
        const QString out = m_dir.filePath(QStringLiteral("spike-report"));
        const ProgramResult r = runProgram(
            { "report", "--out", out, "--from", "2026-11-10", "--to", "2026-11-11", "--size", "1600x900" }, dir);
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        const QImage image = QImage(out + QStringLiteral("/traffic.png")).convertToFormat(QImage::Format_RGB32);
        QVERIFY(!image.isNull());
        // The note's dashed line is pink (its colour blended over the chart's light background).
        const auto isNote = [](QRgb c) { return qRed(c) - qGreen(c) > 20 && qBlue(c) - qGreen(c) > 8; };
        const auto isRequests = [](QRgb c) { // the first series' blue (0072B2)
            return qRed(c) < 60 && qAbs(qGreen(c) - 0x72) < 45 && qAbs(qBlue(c) - 0xB2) < 45;
        };
        // The leftmost marker is the requests chart's (the page's first chart, top left).
        int markerX = -1;
        int top = image.height();
        for (int x = 0; x < image.width() && markerX < 0; ++x) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                n += isNote(image.pixel(x, y));
            if (n < 20)
                continue;
            markerX = x;
            for (int y = 0; y < image.height(); ++y)
                if (isNote(image.pixel(x, y)))
                    top = qMin(top, y);
        }
        // The chart's plot: from the marker's top, a third of the page down (the charts below start lower).
        const int bottom = qMin(image.height() - 1, top + image.height() / 3);
        QVERIFY2(markerX >= 0, "no marker in traffic.png");
        // Within those rows and the left part of the page, the spike is the column with the most blue.
        int spikeX = -1;
        int most = 0;
        for (int x = 0; x < image.width() / 4; ++x) {
            int n = 0;
            for (int y = top; y <= bottom; ++y)
                n += isRequests(image.pixel(x, y));
            if (n > most) {
                most = n;
                spikeX = x;
            }
        }
        QVERIFY2(most > 40, qPrintable(QString::number(most)));
        QVERIFY2(qAbs(markerX - spikeX) <= 3,
            qPrintable(QStringLiteral("marker at x %1, spike at x %2").arg(markerX).arg(spikeX)));
    }

    void storeMigrateCarriesEvents()
    {
        const QString from = TestStore::onPostgres() ? TestStore::storeOfDataDir(data())
                                                     : QStringLiteral("sqlite:") + TestStore::storeOfDataDir(data());
        const QString to = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("copy.sqlite"));
        const ProgramResult copied = runProgram({ "store", "migrate", "--from", from, "--to", to }, data());
        QVERIFY2(copied.code == 0, qPrintable(copied.all()));
        const QString before = runProgram({ "events", "list", "--json" }, data()).out;
        const QString after = runProgram({ "--store", to, "events", "list", "--json" }, data()).out;
        QCOMPARE(QJsonDocument::fromJson(after.toUtf8()).array().size(), 5);
        QCOMPARE(after, before);
    }

private:
    QString data() const { return m_dir.filePath(QStringLiteral("data")); }
    QTemporaryDir m_dir;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestEventCommands)
#include "tst_eventcommands.moc"
