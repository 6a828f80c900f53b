// Page widgets built offscreen over a hand-seeded database: the right series, the right numbers in tiles
// and tables, text from logs kept plain, and a rendered page that is not blank.
#include "core/demo/demotraffic.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "ui/charts/chartview.h"
#include "ui/pages/apipage.h"
#include "ui/pages/countriespage.h"
#include "ui/pages/healthpage.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC

DemoRequest req(qint64 ts, const char* site, quint8 host, const char* country, const char* path, int status,
    const char* agent, const char* referrer = "-")
{
    DemoRequest r;
    r.ts = ts;
    r.site = site;
    r.addr = QByteArray("\x51\x02\x45", 3) + char(host);
    r.country = country;
    r.method = "GET";
    r.path = path;
    r.status = status;
    r.bytes = 1000;
    r.agent = agent;
    r.referrer = referrer;
    return r;
}

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

bool waitLoaded(DashboardPage& page)
{
    page.setEagerLoading(true);
    page.resize(1280, 760);
    page.show();
    page.reloadNow();
    QSignalSpy loaded(&page, &DashboardPage::loaded);
    return !page.isLoading() || loaded.wait(10000);
}

QStringList column(const RowsModel* model, int column)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r)
        out.append(model->index(r, column).data().toString());
    return out;
}
} // namespace

class TestPages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_path = m_dir.filePath(QStringLiteral("p.sqlite"));
        Database db(m_path);
        Migrations::migrate(db);
        {
            Transaction tx(db);
            DemoTrafficWriter w(db);
            w.add(req(kDay - 7200, "www", 1, "FR", "/", 200, "Firefox/132.0"));
            w.add(req(kDay - 7100, "www", 1, "FR", "/docs", 200, "Firefox/132.0"));
            w.add(req(kDay + 600, "www", 1, "FR", "/", 200, "Firefox/132.0", "<b>ref</b>"));
            w.add(req(kDay + 700, "www", 1, "FR", "/<b>bold</b>", 404, "Firefox/132.0"));
            w.add(req(kDay + 3700, "www", 2, "FR", "/", 200, "<img src=x>"));
            w.add(req(kDay + 7500, "docs", 3, "US", "/install/", 500, "curl/8.5.0"));
            w.finish();
            tx.commit();
        }
        db.exec("INSERT INTO series(id, provider, repository, metric) VALUES (1, 'github', 'acme/a', 'stars'),"
                "(2, 'github', 'acme/b', 'stars'), (3, 'dockerhub', 'acme/img', 'pulls')");
        Statement st = db.prepare("INSERT INTO samples(series_id, ts, value) VALUES(?, ?, ?)");
        const std::array<std::tuple<int, qint64, double>, 7> rows = { {
            { 1, kDay - 7 * 86400, 100 },
            { 1, kDay - 86400 + 60, 110 },
            { 1, kDay + 3600, 120 },
            { 2, kDay - 7 * 86400, 10 },
            { 2, kDay + 3600, 15 },
            { 3, kDay - 7 * 86400, 1000 },
            { 3, kDay + 3600, 1500 },
        } };
        for (const auto& [series, ts, value] : rows)
            st.bind(1, series).bind(2, ts).bind(3, value).exec();
        db.exec("INSERT INTO sources(id, type, name, enabled, settings, created_at) VALUES "
                "(7, 'syslog', 'edge', 1, '{}', 0), (8, 'github', 'acme', 1, '{}', 0)");
        db.exec("INSERT INTO ingest_counters(source_id, name, value) VALUES (7, 'lines_received', 12), "
                "(7, 'stored', 10), (7, 'rejected', 2), (7, 'dropped', 0), (7, 'denied', 3), "
                "(7, 'last_stored_at', 1795607700)"); // 5 min before the clock
        db.exec("INSERT INTO rejected_lines(source_id, ts, reason, line) VALUES "
                "(7, 1795570000, 'bad status', CAST('1.2.3.4 - - \"GET /<b>x</b>\" abc' AS BLOB))");
        db.exec("INSERT INTO fetch_state(source_id, last_success, next_run, rate_limit_limit, rate_limit_remaining, "
                "last_error) VALUES (8, 1795600000, 1795601000, 5000, 4321, NULL)");
        m_state = std::make_unique<ViewState>(m_clock);
        m_state->setCustomRange({ kDay - 6 * 86400, kDay + 86400 });
        m_runner = std::make_unique<QueryRunner>(m_path, 0);
    }

    void overviewTiles()
    {
        OverviewPage page(*m_runner, *m_state);
        QVERIFY(waitLoaded(page));
        QCOMPARE(page.tile(0)->value(), QStringLiteral("135"));
        QCOMPARE(page.tile(0)->change(), QStringLiteral("+25 over the range"));
        QCOMPARE(page.tile(1)->value(), QStringLiteral("1,500"));
        QCOMPARE(page.tile(1)->change(), QStringLiteral("+500 over the range"));
        QCOMPARE(page.tile(2)->value(), QStringLiteral("4")); // requests today, up to 12:00
        QCOMPARE(page.tile(3)->value(), QStringLiteral("3")); // visitors today
        QCOMPARE(page.tile(4)->value(), QStringLiteral("France (FR)"));
        QCOMPARE(page.tile(4)->change(), QStringLiteral("83.3% of requests in the range"));
        QCOMPARE(page.tile(0)->sparkline().first(), 110.0);
        QCOMPARE(page.tile(0)->sparkline().last(), 135.0);
        QCOMPARE(page.starsChart()->data().size(), 2);
        QCOMPARE(page.starsChart()->data()[0].name, QStringLiteral("acme/a"));
        // The value the range starts with (the last sample before it), then the two samples inside it.
        QCOMPARE(page.starsChart()->data()[0].points.size(), 3);
        QCOMPARE(page.starsChart()->data()[0].points.first(), QPointF(kDay - 6 * 86400, 100));
        // Requests chart: hourly buckets, zeros included, from the first day with requests (no zeros before logs
        // started: the day before kDay) to the range's end; 6 requests in all.
        const ChartSeries requests = page.trafficChart()->data().value(0);
        QCOMPARE(requests.points.first().x(), double(kDay - 86400));
        QCOMPARE(requests.points.size(), 2 * 24);
        double sum = 0;
        for (const QPointF& p : requests.points)
            sum += p.y();
        QCOMPARE(sum, 6.0);
        QVERIFY(distinctColours(page.grab().toImage()) > 20);
    }

    void trafficTablesShowLogTextLiterally()
    {
        TrafficPage page(*m_runner, *m_state);
        QVERIFY(waitLoaded(page));
        QTRY_VERIFY(page.model(TrafficPage::Browsers)->rowCount() > 0);
        QCOMPARE(page.tile(0)->value(), QStringLiteral("6"));
        QCOMPARE(page.tile(1)->value(), QStringLiteral("4")); // h1 on two days, h2, h3
        QCOMPARE(page.tile(3)->value(), QStringLiteral("33.3%"));
        QCOMPARE(column(page.model(TrafficPage::Paths), 0), QStringList({ "/", "/<b>bold</b>", "/docs", "/install/" }));
        QCOMPARE(column(page.model(TrafficPage::Paths), 1), QStringList({ "3", "1", "1", "1" }));
        QCOMPARE(column(page.model(TrafficPage::NotFound), 0), QStringList({ "/<b>bold</b>" }));
        QCOMPARE(column(page.model(TrafficPage::Referrers), 0), QStringList({ "<b>ref</b>" }));
        QCOMPARE(page.model(TrafficPage::Referrers)->index(0, 0).data(Qt::ToolTipRole).toString(),
            QStringLiteral("<p style='white-space:pre-wrap'>&lt;b&gt;ref&lt;/b&gt;</p>"));
        QCOMPARE(column(page.model(TrafficPage::Browsers), 0), QStringList({ "Firefox", "Other", "curl" }));
        QCOMPARE(column(page.model(TrafficPage::Browsers), 1), QStringList({ "4", "1", "1" }));
        QCOMPARE(column(page.model(TrafficPage::Countries), 0), QStringList({ "France (FR)", "United States (US)" }));
        // Status classes: 2xx, 3xx, 4xx, 5xx (no 1xx), summed over the range.
        const auto classes = page.statusChart()->data();
        QCOMPARE(classes.size(), 4);
        QStringList names;
        QList<double> sums;
        for (const ChartSeries& s : classes) {
            names.append(s.name);
            double sum = 0;
            for (const QPointF& p : s.points)
                sum += p.y();
            sums.append(sum);
        }
        QCOMPARE(names, QStringList({ "2xx", "3xx", "4xx", "5xx" }));
        QCOMPARE(sums, QList<double>({ 4, 0, 1, 1 }));
        // Site filter: only www.
        m_state->setSite(QStringLiteral("www"));
        QTRY_COMPARE(page.tile(0)->value(), QStringLiteral("5"));
        m_state->setSite({});
        // The hour-of-day chart: 24 bars.
        QCOMPARE(page.hourChart()->data().value(0).points.size(), 24);
        QCOMPARE(page.hourChart()->data().value(0).points[22].y(), 2.0);
        QVERIFY(page.lastRollupQueryMs() >= 0);
    }

    void githubPerRepositoryStackedAndPerDay()
    {
        std::unique_ptr<ApiPage> page(ApiPage::createGitHub(*m_runner, *m_state));
        QVERIFY(waitLoaded(*page));
        QCOMPARE(page->totalChart()->data().size(), 2);
        QCOMPARE(page->totalChart()->data()[0].points,
            QList<QPointF>({ QPointF(kDay - 86400 + 60, 110), QPointF(kDay + 3600, 120) }));
        // Per day: acme/a ended the day before the range at 100, the next day at 110, the last day at 120.
        QCOMPARE(
            page->deltaChart()->data()[0].points, QList<QPointF>({ QPointF(kDay - 86400, 10), QPointF(kDay, 10) }));
        QCOMPARE(column(page->tableModel(), 0), QStringList({ "acme/a", "acme/b" }));
        QCOMPARE(column(page->tableModel(), 1), QStringList({ "120", "15" }));
        QCOMPARE(column(page->tableModel(), 8), QStringList({ "+20", "+5" }));
        QSignalSpy loaded(page.get(), &DashboardPage::loaded);
        page->setStacked(true);
        QVERIFY(loaded.wait(5000));
        // Stacked: both series carried onto the same times.
        QCOMPARE(page->totalChart()->data()[1].points,
            QList<QPointF>({ QPointF(kDay - 86400 + 60, 10), QPointF(kDay + 3600, 15) }));
        QCOMPARE(page->totalChart()->plottedPoints(1).last().y(), 135.0);
    }

    void dockerHubPulls()
    {
        std::unique_ptr<ApiPage> page(ApiPage::createDockerHub(*m_runner, *m_state));
        QVERIFY(waitLoaded(*page));
        QCOMPARE(page->totalChart()->title(), QStringLiteral("Pulls"));
        QCOMPARE(page->deltaChart()->data()[0].points, QList<QPointF>({ QPointF(kDay, 500) }));
        QCOMPARE(column(page->tableModel(), 1), QStringList({ "1,500" }));
    }

    void healthShowsCountersAndRejectedLinesAsPlainText()
    {
        HealthPage page(*m_runner, *m_state);
        QVERIFY(waitLoaded(page));
        const RowsModel* listeners = page.listenersModel();
        QCOMPARE(listeners->rowCount(), 1);
        QCOMPARE(listeners->rows()[0].mid(0, 7),
            QList<QVariant>({ "edge", "syslog", qint64(12), qint64(10), qint64(2), qint64(0), qint64(3) }));
        const QString lastStored = listeners->rows()[0].value(7).toString();
        QVERIFY2(lastStored.endsWith(QStringLiteral("(5 min ago)")), qPrintable(lastStored));
        QCOMPARE(page.rejectedModel()->rowCount(), 1);
        QCOMPARE(
            page.rejectedModel()->index(0, 3).data().toString(), QStringLiteral("1.2.3.4 - - \"GET /<b>x</b>\" abc"));
        QCOMPARE(page.apiModel()->index(0, 5).data().toString(), QStringLiteral("4,321 of 5,000"));
        QVERIFY(page.databaseText().startsWith(QStringLiteral("Database: ")));
        // Row counts come on their own worker, after the rest of the page.
        QTRY_COMPARE(page.databaseModel()->rowCount(), 7);
        QCOMPARE(page.databaseModel()->index(2, 0).data().toString(), QStringLiteral("requests"));
        QCOMPARE(page.databaseModel()->index(2, 1).data().toString(), QStringLiteral("6"));
    }

    void healthShowsAWriteErrorAboveEverything()
    {
        HealthPage page(*m_runner, *m_state);
        page.resize(1280, 800);
        page.show();
        QVERIFY(waitLoaded(page));
        QCOMPARE(page.writeErrorText(), QString());
        // The message quotes a path a user chose: plain text, never markup.
        page.setWriteError(QStringLiteral("cannot write to /data/<b>x</b>/activity.sqlite: database or disk is full"));
        QCOMPARE(page.writeErrorText(),
            QStringLiteral("Data is not being saved: cannot write to /data/<b>x</b>/activity.sqlite: database or disk "
                           "is full"));
        auto* banner = page.findChild<QLabel*>(QStringLiteral("writeError"));
        QVERIFY(banner && banner->isVisible());
        QCOMPARE(banner->textFormat(), Qt::PlainText);
        QCOMPARE(banner->accessibleName(), QStringLiteral("Write error"));
        QVERIFY(banner->geometry().top() < page.findChild<QLabel*>(QStringLiteral("databaseLabel"))->geometry().top());
        if (const QString dir = qEnvironmentVariable("ACTIVITY_SCREENSHOTS"); !dir.isEmpty())
            page.grab().save(dir + QStringLiteral("/health-write-error.png"));
        page.setWriteError(QString());
        QVERIFY(!banner->isVisible());
    }

    // A page whose question fails says why on that page; another page on the same worker still loads its data.
    void aFailedQueryShowsOnItsPageOnly()
    {
        const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
        QVERIFY(QFile::copy(m_path, path));
        {
            Database db(path);
            db.exec("DROP TABLE rollups");
        }
        QueryRunner runner(path, 0);
        CountriesPage countries(runner, *m_state);
        std::unique_ptr<ApiPage> github(ApiPage::createGitHub(runner, *m_state));
        countries.setEagerLoading(true);
        github->setEagerLoading(true);
        QSignalSpy countriesLoaded(&countries, &DashboardPage::loaded);
        QSignalSpy githubLoaded(github.get(), &DashboardPage::loaded);
        countries.resize(1280, 760);
        countries.show();
        countries.reloadNow();
        github->reloadNow();
        QTRY_VERIFY_WITH_TIMEOUT(countriesLoaded.count() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(githubLoaded.count() > 0, 10000);
        QVERIFY2(countries.failure().contains(QStringLiteral("rollups")), qPrintable(countries.failure()));
        auto* banner = countries.findChild<QLabel*>(QStringLiteral("pageFailure"));
        QVERIFY(banner && banner->isVisible());
        QCOMPARE(banner->textFormat(), Qt::PlainText);
        QVERIFY(banner->text().startsWith(QStringLiteral("This page could not be read from the database: ")));
        QCOMPARE(banner->width(), countries.width());
        if (const QString dir = qEnvironmentVariable("ACTIVITY_SCREENSHOTS"); !dir.isEmpty())
            countries.grab().save(dir + QStringLiteral("/page-failure.png"));
        QCOMPARE(github->failure(), QString());
        QVERIFY(!github->findChild<QLabel*>(QStringLiteral("pageFailure")));
        QCOMPARE(github->charts().value(0)->data().size(), 2); // acme/a and acme/b, read from samples

        // Repaired: the next load clears the message.
        {
            Database original(m_path);
            Statement create = original.prepare("SELECT sql FROM sqlite_master WHERE name = 'rollups'");
            QVERIFY(create.step());
            Database db(path);
            db.exec(create.text(0).toUtf8().constData());
        }
        countriesLoaded.clear();
        countries.reloadNow();
        QTRY_VERIFY_WITH_TIMEOUT(countriesLoaded.count() > 0, 10000);
        QCOMPARE(countries.failure(), QString());
        QVERIFY(!banner->isVisible());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock { (kDay + 12 * 3600) * 1000 };
    std::unique_ptr<ViewState> m_state;
    std::unique_ptr<QueryRunner> m_runner;
};

} // namespace activity

QTEST_MAIN(activity::TestPages)
#include "tst_pages.moc"
