#include "tests/support/fakeapiserver.h"
#include "tests/support/runprogram.h"

#include <QDateTime>
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
// nginx combined lines `secondsAgo` before now, answered `status`.
QByteArray lines(int count, int status, int secondsAgo)
{
    const QString when = QLocale::c().toString(
        QDateTime::currentDateTimeUtc().addSecs(-secondsAgo), QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000"));
    QByteArray out;
    for (int i = 0; i < count; ++i)
        out += QStringLiteral("203.0.113.%1 - - [%2] \"GET /page%3 HTTP/1.1\" %4 512 \"-\" \"curl/8.5.0\"\n")
                   .arg(i % 200 + 1)
                   .arg(when)
                   .arg(i)
                   .arg(status)
                   .toUtf8();
    return out;
}

QJsonArray jsonArray(const QString& text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}
} // namespace

// `series` and `alerts` as a user runs them: a log imported, rules added, `collect --once` evaluating them and posting
// to webhook servers on loopback (Slack-shaped and generic), then resolving, with the history to show for it.
class TestAlertCommands : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_server.handler = [](const FakeRequest& r) {
            return r.url.path() == QLatin1String("/broken") ? FakeResponse { 500, {}, "no" }
                                                            : FakeResponse { 200, {}, "ok" };
        };
        // 20 requests in the last minutes, 4 of them answered 500: a 5xx share of 20%.
        QVERIFY(write("first.log", lines(16, 200, 120) + lines(4, 500, 90)));
        const ProgramResult imported = run({ "import", "--site", "www", m_dir.filePath("first.log") });
        QVERIFY2(imported.code == 0, qPrintable(imported.all()));
        QCOMPARE(run({ "settings", "set", "alerts.interval", "1" }).code, 0);
    }

    void seriesListAndGet()
    {
        const ProgramResult listed = run({ "series", "list", "--json" });
        QCOMPARE(listed.code, 0);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue& v : jsonArray(listed.out))
            byId.insert(v[QStringLiteral("id")].toString(), v.toObject());
        QVERIFY2(byId.contains("traffic.status.5xx"), qPrintable(listed.out.left(2000)));
        QCOMPARE(byId.value("traffic.share.5xx").value("unit").toString(), QString("%"));
        QCOMPARE(byId.value("traffic.requests").value("name").toString(), QString("Requests"));

        const QString today = QDateTime::currentDateTimeUtc().date().addDays(-1).toString(Qt::ISODate);
        const ProgramResult got
            = run({ "series", "get", "traffic.status.5xx", "--from", today, "--step", "1h", "--json" });
        QCOMPARE(got.code, 0);
        const QJsonObject o = QJsonDocument::fromJson(got.out.toUtf8()).object();
        double total = 0;
        for (const QJsonValue& p : o.value("points").toArray())
            total += p[QStringLiteral("value")].toDouble();
        QCOMPARE(total, 4.0);
        QCOMPARE(o.value("step").toInt(), 3600);

        const ProgramResult bad = run({ "series", "get", "traffic.requests{site=www}" });
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains("is not a series id"), qPrintable(bad.err));
        const ProgramResult badStep = run({ "series", "get", "traffic.requests", "--step", "often" });
        QCOMPARE(badStep.code, 2);
        QVERIFY2(badStep.err.contains("--step"), qPrintable(badStep.err));
    }

    void badRulesNameTheirFault_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("fault");
        QTest::addRow("two conditions") << QStringList { "--series", "traffic.requests", "--above", "1", "--below",
            "2" } << "give one condition";
        QTest::addRow("no number") << QStringList { "--series", "traffic.requests", "--above", "many" } << "--above";
        QTest::addRow("severity") << QStringList { "--series", "traffic.requests", "--above", "1", "--severity",
            "urgent" } << "--severity";
        QTest::addRow("unknown series") << QStringList { "--series", "traffic.nope", "--above", "1" } << "traffic.nope";
        QTest::addRow("change without by")
            << QStringList { "--series", "traffic.requests", "--change-over", "1d" } << "--by";
        QTest::addRow("webhook") << QStringList { "--series", "traffic.requests", "--above", "1", "--webhook",
            "ftp://x" } << "--webhook";
        QTest::addRow("no series") << QStringList { "--above", "1" } << "--series";
        QTest::addRow("sensitivity unknown")
            << QStringList { "--series", "traffic.requests", "--anomaly", "--sensitivity", "extreme" } << "extreme";
        QTest::addRow("sensitivity without anomaly") << QStringList { "--series", "traffic.requests", "--above", "1",
            "--sensitivity", "high" } << "--sensitivity goes with --anomaly";
        QTest::addRow("anomaly and above")
            << QStringList { "--series", "traffic.requests", "--anomaly", "--above", "1" } << "give one condition";
    }

    void firesToWebhooksThenResolves()
    {
        const ProgramResult slack = run({ "alerts", "add", "--series", "traffic.share.5xx", "--above", "5", "--window",
            "30m", "--severity", "critical", "--name", "Site errors", "--webhook",
            m_server.baseUrl() + "/services/T0/B0/secret", "--webhook-format", "slack" });
        QVERIFY2(slack.code == 0 && slack.out.contains("added alert"), qPrintable(slack.all()));
        const ProgramResult generic = run({ "alerts", "add", "--series", "traffic.requests", "--above", "10",
            "--window", "30m", "--webhook", m_server.baseUrl() + "/hook" });
        QCOMPARE(generic.code, 0);

        // The URL's path is its secret: only the host is ever shown.
        const ProgramResult listed = run({ "alerts", "list" });
        QVERIFY2(
            listed.out.contains("Site errors") && listed.out.contains("127.0.0.1/… (slack)"), qPrintable(listed.out));
        QVERIFY(!listed.out.contains("secret"));

        const ProgramResult tested = run({ "alerts", "test", "1" });
        QCOMPARE(tested.code, 0);
        QVERIFY2(tested.out.contains("the condition holds now") && tested.out.contains("is 20%, above 5%"),
            qPrintable(tested.out));
        QVERIFY(m_server.requests.isEmpty()); // test sends nothing

        const ProgramResult once = run({ "collect", "--once" });
        QVERIFY2(once.code == 0, qPrintable(once.all()));
        QVERIFY2(once.err.contains("alert Site errors: firing (critical)"), qPrintable(once.err));
        const QJsonObject slackBody = posted("/services/T0/B0/secret");
        QVERIFY2(slackBody.value("text").toString().startsWith("Site errors: firing (critical)"),
            qPrintable(QJsonDocument(slackBody).toJson()));
        const QJsonObject genericBody = posted("/hook");
        QCOMPARE(genericBody.value("status").toString(), QString("firing"));
        QCOMPARE(genericBody.value("rule").toObject().value("series").toString(), QString("traffic.requests"));
        QCOMPARE(genericBody.value("value").toDouble(), 20.0);
        QCOMPARE(genericBody.value("severity").toString(), QString("warning"));

        // Healthy traffic arrives: the share falls to 4 in 220, under 5%. Evaluated again a second later.
        m_server.clearLog();
        QVERIFY(write("second.log", lines(200, 200, 60)));
        QCOMPARE(run({ "import", "--site", "www", m_dir.filePath("second.log") }).code, 0);
        QTest::qWait(1100);
        const ProgramResult again = run({ "collect", "--once" });
        QVERIFY2(again.code == 0, qPrintable(again.all()));
        QVERIFY2(posted("/services/T0/B0/secret").value("text").toString().startsWith("Site errors: resolved"),
            qPrintable(again.err));
        QVERIFY(!m_server.requests.isEmpty());

        const QJsonArray history = jsonArray(run({ "alerts", "history", "--json" }).out);
        QStringList seen;
        for (const QJsonValue& e : history)
            seen.append(e[QStringLiteral("name")].toString() + ": " + e[QStringLiteral("event")].toString() + " "
                + e[QStringLiteral("delivery")].toString());
        QVERIFY2(seen.contains("Site errors: resolved sent (HTTP 200)"), qPrintable(seen.join('\n')));
        QVERIFY2(seen.contains("Site errors: firing sent (HTTP 200)"), qPrintable(seen.join('\n')));
        QCOMPARE(seen.count("Site errors: firing sent (HTTP 200)"), 1);
    }

    void reportHoldsTheHistoryAndThePage()
    {
        const QString out = m_dir.filePath("report");
        const ProgramResult r = run({ "report", "--out", out, "--size", "1000x640" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QFile csv(QDir(out).filePath("alerts.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = csv.readAll().trimmed().split('\n');
        QCOMPARE(rows.first().trimmed(), QByteArray("timestamp,rule,series,severity,event,value,message,delivery"));
        QStringList events;
        for (const QByteArray& row : rows.mid(1))
            if (row.contains("Site errors"))
                events.append(QString::fromUtf8(row.split(',').value(4)));
        QVERIFY2(events == QStringList({ "firing", "resolved" }), rows.join("\n").constData()); // oldest first
        const QImage page(QDir(out).filePath("alerts.png"));
        QCOMPARE(page.size(), QSize(1000, 640));
        QSet<QRgb> colours;
        for (int y = 0; y < page.height(); y += 4)
            for (int x = 0; x < page.width(); x += 4)
                colours.insert(page.pixel(x, y));
        QVERIFY(colours.size() > 5); // tables with text, not a blank page
    }

    void failedWebhookIsAnErrorInTheHistory()
    {
        QCOMPARE(run({ "alerts", "add", "--series", "traffic.requests", "--above", "0", "--window", "30m", "--name",
                         "Broken hook", "--webhook", m_server.baseUrl() + "/broken" })
                     .code,
            0);
        const ProgramResult once = run({ "collect", "--once" });
        QCOMPARE(once.code, 1);
        QVERIFY2(once.err.contains("failed: HTTP 500"), qPrintable(once.err));
        const QString history = run({ "alerts", "history" }).out;
        QVERIFY2(history.contains("Broken hook") && history.contains("failed: HTTP 500"), qPrintable(history));
    }

    void removedRuleStopsAtOnce()
    {
        const QJsonArray rules = jsonArray(run({ "alerts", "list", "--json" }).out);
        QVERIFY(rules.size() >= 2);
        for (const QJsonValue& r : rules)
            QCOMPARE(run({ "alerts", "remove", QString::number(r[QStringLiteral("id")].toInt()) }).code, 0);
        QCOMPARE(run({ "alerts", "remove", "99" }).code, 2);
        QVERIFY(run({ "alerts", "list" }).out.contains("no alert rules"));
        QVERIFY(run({ "alerts", "history" }).out.contains("Site errors")); // the history stays
    }

    // An anomaly rule: its sensitivity kept as typed (case aside), summed over an hour unless told otherwise.
    void anomalyRuleIsKept()
    {
        ProgramResult r = run({ "alerts", "add", "--series", "traffic.requests", "--anomaly", "--sensitivity", "HIGH",
            "--name", "unusual requests" });
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        r = run({ "alerts", "list", "--json" });
        QJsonObject rule;
        for (const QJsonValue& v : jsonArray(r.out))
            if (v[QStringLiteral("name")].toString() == QLatin1String("unusual requests"))
                rule = v.toObject();
        QVERIFY2(!rule.isEmpty(), qPrintable(r.out));
        QCOMPARE(rule[QStringLiteral("condition")].toString(), QStringLiteral("outside its usual band (high)"));
        QCOMPARE(rule[QStringLiteral("window")].toInt(), 3600);
        const ProgramResult medium = run({ "alerts", "add", "--series", "traffic.requests", "--anomaly" });
        QVERIFY2(medium.out.contains("traffic.requests outside its usual band (medium)"), qPrintable(medium.all()));
        for (const QJsonValue& v : jsonArray(run({ "alerts", "list", "--json" }).out))
            if (v[QStringLiteral("name")].toString().contains(QLatin1String("usual")))
                QCOMPARE(run({ "alerts", "remove", QString::number(v[QStringLiteral("id")].toInt()) }).code, 0);
    }
    void badRulesNameTheirFault()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, fault);
        const ProgramResult r = run(QStringList { "alerts", "add" } + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(fault), qPrintable(r.err));
        QVERIFY(!r.err.contains("added alert"));
    }

private:
    ProgramResult run(const QStringList& args) { return runProgram(args, m_dir.filePath("data")); }
    bool write(const QString& name, const QByteArray& data)
    {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    }
    QJsonObject posted(const QString& path) const
    {
        for (const FakeRequest& r : m_server.requests)
            if (r.method == "POST" && r.url.path() == path && r.header("content-type") == "application/json")
                return QJsonDocument::fromJson(r.body).object();
        return {};
    }

    QTemporaryDir m_dir;
    FakeHttpServer m_server;
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestAlertCommands)
#include "tst_alertcommands.moc"
