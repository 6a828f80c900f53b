#include "core/alerts/alertstore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "tests/support/runprogram.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
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
            Database db(data() + QStringLiteral("/activity.sqlite"));
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

    void storeMigrateCarriesEvents()
    {
        const QString from = QStringLiteral("sqlite:") + data() + QStringLiteral("/activity.sqlite");
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
