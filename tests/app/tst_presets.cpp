// Package-registry presets as a user adds them (`sources add npm --package NAME` ...), polled by `collect --once`
// against a loopback server answering in each API's documented shape, then read back from `report`.
#include "tests/support/fakeapiserver.h"
#include "tests/support/metricscsv.h"
#include "tests/support/runprogram.h"

#include <QDate>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace activity {

namespace {
FakeResponse json(const QByteArray& body)
{
    return FakeResponse { 200, { { "Content-Type", "application/json" } }, body };
}

QStringList rowsOf(const QStringList& rows, const QString& source)
{
    QStringList out;
    for (const QString& r : rows) {
        if (r.startsWith(source + QLatin1Char(',')))
            out.append(r);
    }
    return out;
}

// npm's /downloads/range/FROM:TO/PACKAGE: one entry per day up to yesterday; each day's count is its day of month.
FakeResponse npmRange(const FakeRequest& r, QList<std::pair<QDate, QDate>>& asked)
{
    const QStringList parts = r.url.path().split(QLatin1Char('/')); // "", downloads, range, FROM:TO, PACKAGE...
    const QStringList span = parts.value(3).split(QLatin1Char(':'));
    const QDate from = QDate::fromString(span.value(0), Qt::ISODate);
    const QDate to = QDate::fromString(span.value(1), Qt::ISODate);
    asked.append({ from, to });
    const QDate yesterday = QDate::currentDate().addDays(-1);
    QJsonArray days;
    for (QDate d = from; d.isValid() && d <= qMin(to, yesterday); d = d.addDays(1))
        days.append(QJsonObject { { "downloads", d.day() }, { "day", d.toString(Qt::ISODate) } });
    return json(
        QJsonDocument(QJsonObject { { "start", from.toString(Qt::ISODate) }, { "end", to.toString(Qt::ISODate) },
                          { "package", parts.mid(4).join('/') }, { "downloads", days } })
            .toJson(QJsonDocument::Compact));
}
} // namespace

class TestPresets : public QObject {
    Q_OBJECT
private slots:
    void registriesByName()
    {
        FakeHttpServer server;
        QList<std::pair<QDate, QDate>> npmAsked;
        QStringList paths;
        server.handler = [&](const FakeRequest& r) {
            paths.append(r.url.toString());
            const QString path = r.url.path();
            if (path.startsWith(QLatin1String("/downloads/range/")))
                return npmRange(r, npmAsked);
            if (path == QLatin1String("/api/packages/requests/overall"))
                return json(R"({"data": [
                    {"category": "with_mirrors", "date": "2026-11-28", "downloads": 1100},
                    {"category": "without_mirrors", "date": "2026-11-28", "downloads": 1000},
                    {"category": "with_mirrors", "date": "2026-11-29", "downloads": 1300},
                    {"category": "without_mirrors", "date": "2026-11-29", "downloads": 1200}],
                    "package": "requests", "type": "overall_downloads"})");
            if (path == QLatin1String("/api/v1/crates/serde"))
                return json(R"({"crate": {"id": "serde", "name": "serde", "downloads": 512345678,
                    "recent_downloads": 61234567, "max_version": "1.0.215"},
                    "versions": [{"id": 1, "num": "1.0.215", "downloads": 3000000},
                                 {"id": 2, "num": "1.0.214", "downloads": 9000000}],
                    "keywords": [], "categories": []})");
            if (path == QLatin1String("/api/formula/wget.json"))
                return json(R"({"name": "wget", "full_name": "wget", "versions": {"stable": "1.25.0"},
                    "analytics": {"install": {"30d": {"wget": 12345}, "90d": {"wget": 40321},
                    "365d": {"wget": 160789}}, "install_on_request": {"30d": {"wget": 12000}},
                    "build_error": {"30d": {"wget": 3}}}})");
            return FakeResponse { 404, {}, R"({"error": "not found"})" };
        };
        QTemporaryDir dir;
        const QString api = server.baseUrl();
        for (const QStringList& add :
            { QStringList { "npm", "--package", "left-pad" }, QStringList { "pypi", "--package", "requests" },
                QStringList { "crates", "--crate", "serde" }, QStringList { "homebrew", "--formula", "wget" } }) {
            const ProgramResult r
                = runProgram(QStringList { "sources", "add" } + add + QStringList { "--api-url", api }, dir.path());
            QVERIFY2(r.code == 0, qPrintable(r.all()));
        }
        ProgramResult r = runProgram({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));

        // npm: the first poll back-fills 540 days ending today (UTC), one point per day.
        QCOMPARE(npmAsked.size(), 1);
        const QDate today = QDateTime::currentDateTimeUtc().date();
        QCOMPARE(npmAsked.first().second, today);
        QCOMPARE(npmAsked.first().first, today.addDays(-540));
        const QStringList rows = metricRows(dir.path());
        const QStringList npm = rowsOf(rows, QStringLiteral("left-pad"));
        QCOMPARE(npm.size(), int(npmAsked.first().first.daysTo(today.addDays(-1))) + 1);
        QCOMPARE(npm.last(), QStringLiteral("left-pad,downloads,,%1").arg(today.addDays(-1).day()));

        QCOMPARE(rowsOf(rows, QStringLiteral("requests")),
            QStringList({ "requests,downloads,,1000", "requests,downloads,,1200" }));
        QCOMPARE(rowsOf(rows, QStringLiteral("serde")),
            QStringList({ "serde,downloads,,512345678", "serde,recent_downloads,,61234567",
                "serde,version_downloads,num=1.0.214,9000000", "serde,version_downloads,num=1.0.215,3000000" }));
        QCOMPARE(rowsOf(rows, QStringLiteral("wget")),
            QStringList({ "wget,installs_30d,,12345", "wget,installs_365d,,160789", "wget,installs_90d,,40321" }));
        QVERIFY(paths.contains(QStringLiteral("/api/packages/requests/overall?mirrors=false")));

        // The next poll asks npm for the last week again only (its counts may still grow).
        r = runProgram({ "collect", "--once" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
        QCOMPARE(npmAsked.size(), 2);
        QCOMPARE(npmAsked.last().first, today.addDays(-8));
        QCOMPARE(rowsOf(metricRows(dir.path()), QStringLiteral("left-pad")).size(), npm.size());
    }

    void namesAreChecked()
    {
        QTemporaryDir dir;
        ProgramResult r = runProgram({ "sources", "add", "npm", "--package", "Not A Name" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--package")), qPrintable(r.err));
        r = runProgram({ "sources", "add", "crates" }, dir.path());
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--crate")), qPrintable(r.err));
        r = runProgram({ "sources", "add", "npm", "--package", "@babel/core", "--interval", "2h" }, dir.path());
        QVERIFY2(r.code == 0, qPrintable(r.all()));
    }
};

} // namespace activity

QTEST_GUILESS_MAIN(activity::TestPresets)
#include "tst_presets.moc"
