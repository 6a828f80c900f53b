// Page widgets built offscreen over a hand-seeded database: the right series, the right numbers in tiles
// and tables, text from logs kept plain, and a rendered page that is not blank.
#include "core/demo/demotraffic.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "core/util/eventlog.h"
#include "core/util/logging.h"
#include "tests/support/fullwindow.h"
#include "tests/support/pageload.h"
#include "tests/support/tilecount.h"
#include "ui/charts/chartview.h"
#include "ui/map/mappage.h"
#include "ui/map/worldmapwidget.h"
#include "ui/pages/apipage.h"
#include "ui/pages/countriespage.h"
#include "ui/pages/healthpage.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"

#include <QComboBox>
#include <QDateTimeAxis>
#include <QFile>
#include <QLabel>
#include <QLegendMarker>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

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

namespace {
constexpr qint64 kSecsPerDay = 86400;
constexpr qint64 kNow = 1795564800 + 12 * 3600; // 2026-11-25 12:00 UTC
constexpr qint64 kFrom = kNow - 7 * kSecsPerDay; // the pages show the last 7 days

// Writes requests through the ingest writer, as collected traffic is written.
void store(const QString& path, const std::function<void(DemoTrafficWriter&)>& fill)
{
    Database db(path);
    Migrations::migrate(db);
    Transaction tx(db);
    DemoTrafficWriter writer(db);
    fill(writer);
    writer.finish();
    tx.commit();
}

DemoRequest request(qint64 ts, const QByteArray& site, const QByteArray& country, quint32 visitor)
{
    DemoRequest r;
    r.ts = ts;
    r.site = site;
    r.country = country;
    r.addr = QByteArray(4, '\0');
    for (int b = 0; b < 4; ++b)
        r.addr[b] = char((visitor >> (8 * (3 - b))) & 0xff);
    r.addr[0] = char(10); // private range: no GeoIP surprise
    r.method = "GET";
    r.path = "/";
    r.bytes = 100;
    r.agent = "curl/8.5.0";
    return r;
}

// 200 ISO codes Qt knows, in enum order.
QStringList countryCodes(int count)
{
    QStringList codes;
    for (int t = 1; codes.size() < count && t <= int(QLocale::LastTerritory); ++t) {
        const QString code = QLocale::territoryToCode(QLocale::Territory(t));
        if (code.size() == 2 && !codes.contains(code))
            codes.append(code);
    }
    return codes;
}

} // namespace

class TestPages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QStandardPaths::setTestModeEnabled(true);
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
        // Two collectors share the store: one alive holding the GitHub source, one stopped an hour ago.
        db.exec("INSERT INTO collectors(name, version, host, pid, started_at, heartbeat_at) VALUES "
                "('web1', '0.1.0', 'web1.example', 10, 1795500000, 1795607990), "
                "('laptop', '0.1.0', 'laptop', 11, 1795500000, 1795604400)");
        db.exec("INSERT INTO source_leases(source_id, collector, expires_at) VALUES (8, 'web1', 1795608100)");
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

    // The header's Humans / Bots switch: the traffic tiles and chart count whose requests it says, and say so.
    void overviewTilesUnderTheSwitch()
    {
        OverviewPage page(*m_runner, *m_state);
        const auto shown = [this, &page](AgentScope agents) {
            m_state->setAgents(agents);
            if (!waitLoaded(page))
                return QStringLiteral("not loaded");
            double sum = 0;
            for (const QPointF& p : page.trafficChart()->data().value(0).points)
                sum += p.y();
            const bool everyone = page.findChild<QLabel*>("whatChangedEveryone")->isVisibleTo(&page);
            return QStringList { everyone ? "movers: everyone's" : "movers", page.tile(2)->title(),
                page.tile(2)->value(), page.tile(3)->value(), page.tile(4)->title(), page.tile(4)->value(),
                page.tile(4)->change(), QString::number(sum), page.trafficChart()->title() }
                .join(QStringLiteral(" | "));
        };
        // Today: host 1 twice and host 2 (people), curl from the US (a bot).
        QCOMPARE(shown(AgentScope::Humans),
            QString("movers: everyone's | Requests today · people | 3 | 2 | Top country · people | France (FR) | "
                    "100.0% of requests in "
                    "the range | 5 | Requests and visitors · people"));
        QCOMPARE(shown(AgentScope::Bots),
            QString("movers: everyone's | Requests today · bots | 1 | 1 | Top country · bots | United States (US) | "
                    "100.0% of requests "
                    "in the range | 1 | Requests and visitors · bots"));
        QCOMPARE(shown(AgentScope::All),
            QString(
                "movers | Requests today | 4 | 3 | Top country | France (FR) | 83.3% of requests in the range | 6 | "
                "Requests and visitors"));
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
            QList<QVariant>({ "edge", "nginx over syslog", qint64(12), qint64(10), qint64(2), qint64(0), qint64(3) }));
        const QString lastStored = listeners->rows()[0].value(7).toString();
        QVERIFY2(lastStored.endsWith(QStringLiteral("(5 min ago)")), qPrintable(lastStored));
        QCOMPARE(page.rejectedModel()->rowCount(), 1);
        QCOMPARE(
            page.rejectedModel()->index(0, 3).data().toString(), QStringLiteral("1.2.3.4 - - \"GET /<b>x</b>\" abc"));
        QCOMPARE(page.apiModel()->index(0, 5).data().toString(), QStringLiteral("4,321 of 5,000"));
        QCOMPARE(page.apiModel()->index(0, 6).data().toString(), QStringLiteral("web1"));
        const RowsModel* collectors = page.collectorsModel();
        QCOMPARE(collectors->rowCount(), 2);
        QCOMPARE(collectors->index(0, 0).data().toString(), QStringLiteral("web1"));
        QCOMPARE(collectors->index(0, 4).data().toString(), QStringLiteral("acme"));
        QCOMPARE(collectors->index(1, 0).data().toString(), QStringLiteral("laptop"));
        QVERIFY2(collectors->index(1, 3).data().toString().startsWith(QStringLiteral("stopped")),
            qPrintable(collectors->index(1, 3).data().toString()));
        QCOMPARE(collectors->index(1, 4).data().toString(), QStringLiteral("none"));
        QVERIFY(page.databaseText().startsWith(QStringLiteral("Database: ")));
        // Row counts come on their own worker, after the rest of the page.
        QTRY_COMPARE(page.databaseModel()->rowCount(), 7);
        QCOMPARE(page.databaseModel()->index(2, 0).data().toString(), QStringLiteral("requests"));
        QCOMPARE(page.databaseModel()->index(2, 1).data().toString(), QStringLiteral("6"));
    }

    void healthShowsTheProgramLog()
    {
        HealthPage page(*m_runner, *m_state);
        page.resize(1280, 800);
        EventLog log;
        log.install();
        page.setEventLog(&log);
        auto* label = page.findChild<QLabel*>(QStringLiteral("programLogLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("Program log: no warning or error since the start"));
        QCOMPARE(page.logModel()->rowCount(), 0);
        // What a module warns of reaches the page as it happens, newest first, as plain text.
        qCWarning(lcIngest) << "position of source 3 not saved: <b>disk</b> full";
        qCCritical(lcWriter) << "the database cannot be opened";
        QTRY_COMPARE(page.logModel()->rowCount(), 2);
        const QList<QVariant> newest = page.logModel()->rows().first();
        QCOMPARE(newest.at(1).toString(), QStringLiteral("error"));
        QCOMPARE(newest.at(2).toString(), QStringLiteral("storage.writer"));
        QVERIFY(newest.at(3).toString().contains(QStringLiteral("the database cannot be opened")));
        const QList<QVariant> oldest = page.logModel()->rows().last();
        QCOMPARE(oldest.at(1).toString(), QStringLiteral("warning"));
        QCOMPARE(oldest.at(2).toString(), QStringLiteral("ingest"));
        QVERIFY(oldest.at(3).toString().contains(QStringLiteral("<b>disk</b> full")));
        QCOMPARE(label->text(), QStringLiteral("Program log"));
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

    // A page whose question fails says why on that page; another page on the same worker still loads its data. (The
    // GitHub page reads the logs' referrers beside its stars: it says the failure too.)
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
        std::unique_ptr<ApiPage> docker(ApiPage::createDockerHub(runner, *m_state));
        std::unique_ptr<ApiPage> github(ApiPage::createGitHub(runner, *m_state));
        countries.setEagerLoading(true);
        docker->setEagerLoading(true);
        github->setEagerLoading(true);
        QSignalSpy countriesLoaded(&countries, &DashboardPage::loaded);
        QSignalSpy dockerLoaded(docker.get(), &DashboardPage::loaded);
        QSignalSpy githubLoaded(github.get(), &DashboardPage::loaded);
        countries.resize(1280, 760);
        countries.show();
        countries.reloadNow();
        docker->reloadNow();
        github->reloadNow();
        QTRY_VERIFY_WITH_TIMEOUT(countriesLoaded.count() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(dockerLoaded.count() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(githubLoaded.count() > 0, 10000);
        QVERIFY2(countries.failure().contains(QStringLiteral("rollups")), qPrintable(countries.failure()));
        auto* banner = countries.findChild<QLabel*>(QStringLiteral("pageFailure"));
        QVERIFY(banner && banner->isVisible());
        QCOMPARE(banner->textFormat(), Qt::PlainText);
        QVERIFY(banner->text().startsWith(QStringLiteral("This page could not be read from the database: ")));
        QCOMPARE(banner->width(), countries.width());
        if (const QString dir = qEnvironmentVariable("ACTIVITY_SCREENSHOTS"); !dir.isEmpty())
            countries.grab().save(dir + QStringLiteral("/page-failure.png"));
        QCOMPARE(docker->failure(), QString());
        QVERIFY(!docker->findChild<QLabel*>(QStringLiteral("pageFailure")));
        QCOMPARE(docker->charts().value(0)->data().size(), 1); // acme/img, read from samples
        QVERIFY2(github->failure().contains(QStringLiteral("rollups")), qPrintable(github->failure()));
        QCOMPARE(github->charts().value(0)->data().size(), 2); // acme/a and acme/b, drawn all the same

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

    // The pages on the shapes of data users have beyond the demo: many sites, many countries, a gap of days.
    // Each case asserts what is drawn and written (tile texts, table rows, chart points), from the real store.
    // Site k has 10 * (k + 1) requests: each site's figure on its own, the sum for all, and the site box names all.
    void tenSites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        qint64 total = 0;
        store(path, [&total](DemoTrafficWriter& w) {
            for (int k = 0; k < 10; ++k) {
                for (int i = 0; i < 10 * (k + 1); ++i, ++total)
                    w.add(request(
                        kFrom + kSecsPerDay + i * 60, QByteArray("site") + QByteArray::number(k), "FR", quint32(i)));
            }
        });
        ManualClock clock(kNow * 1000);
        FullWindow full(path, clock);
        full.window.viewState()->setCustomRange({ kFrom, kNow });
        full.window.viewState()->setSite({}); // the window restores the last one chosen
        full.window.showPage(PageId::Traffic);
        full.window.show();
        auto* page = qobject_cast<TrafficPage*>(full.window.page(PageId::Traffic));
        QVERIFY(page);
        page->setEagerLoading(true);
        QVERIFY(reloadAndWait(*page));
        QCOMPARE(tileCount(page->tile(0)), total);
        auto* sites = full.window.findChild<QComboBox*>(QStringLiteral("siteBox"));
        QVERIFY(sites);
        QTRY_COMPARE_WITH_TIMEOUT(sites->count(), 11, 10000); // "All sites" and the ten
        for (int k = 0; k < 10; ++k)
            QVERIFY(sites->findData(QStringLiteral("site%1").arg(k)) > 0);
        for (int k : { 0, 4, 9 }) {
            full.window.viewState()->setSite(QStringLiteral("site%1").arg(k));
            QVERIFY(reloadAndWait(*page));
            QCOMPARE(tileCount(page->tile(0)), 10 * (k + 1));
            // Ten distinct addresses or more per site: visitors are counted per site too.
            QCOMPARE(tileCount(page->tile(1)), 10 * (k + 1));
        }
    }

    // Country i has i + 1 requests: the map shades all 200, the Traffic page lists the busiest first.
    void twoHundredCountries()
    {
        const QStringList codes = countryCodes(200);
        QCOMPARE(codes.size(), 200);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        store(path, [&codes](DemoTrafficWriter& w) {
            quint32 visitor = 0;
            for (int i = 0; i < codes.size(); ++i) {
                for (int n = 0; n <= i; ++n)
                    w.add(request(kFrom + kSecsPerDay + n * 30, "www", codes[i].toLatin1(), ++visitor));
            }
        });
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kFrom, kNow });
        QueryRunner runner(path, 0);
        MapPage map(runner, state);
        QVERIFY(showLoaded(map));
        QCOMPARE(map.map()->figures().size(), 200);
        QCOMPARE(map.map()->figures().value(codes.last()).requests, 200);
        QCOMPARE(map.map()->figures().value(codes.first()).requests, 1);
        auto* summary = map.findChild<QLabel*>(QStringLiteral("mapSummary"));
        QVERIFY(summary);
        QCOMPARE(summary->text(), QStringLiteral("20,100 requests from 200 countries; 0 without a known location"));

        TrafficPage traffic(runner, state);
        QVERIFY(showLoaded(traffic));
        const RowsModel* countries = traffic.model(TrafficPage::Countries);
        QVERIFY(countries->rowCount() >= 10);
        QVERIFY(countries->rows().first().value(0).toString().endsWith(QStringLiteral("(%1)").arg(codes.last())));
        QCOMPARE(countries->rows().first().value(1).toLongLong(), 200);
        QCOMPARE(countries->rows().value(1).value(1).toLongLong(), 199);
    }

    // Traffic on the first two days and the last two, none between: the gap is drawn as zeros, not bridged,
    // and the totals are the sum of both sides.
    void gapOfDays()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        store(path, [](DemoTrafficWriter& w) {
            quint32 visitor = 0;
            for (qint64 day : { 0, 1, 5, 6 }) {
                for (int i = 0; i < 24; ++i)
                    w.add(request(kFrom + day * kSecsPerDay + i * 3600 + 60, "www", "DE", ++visitor % 7));
            }
        });
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kFrom, kNow });
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        QCOMPARE(tileCount(page.tile(0)), 96);
        const QList<QPointF> points = page.requestsChart()->plottedPoints(0);
        QVERIFY(points.size() >= 7 * 4); // every bucket of the range, zeros included
        const double scale = points.first().x() > 1e11 ? 1000.0 : 1.0; // milliseconds on a date axis
        double inGap = 0;
        double outside = 0;
        int gapPoints = 0;
        for (const QPointF& p : points) {
            const double secs = p.x() / scale;
            if (secs >= double(kFrom + 2 * kSecsPerDay) && secs < double(kFrom + 5 * kSecsPerDay)) {
                inGap += p.y();
                ++gapPoints;
            } else {
                outside += p.y();
            }
        }
        QVERIFY(gapPoints > 0);
        QCOMPARE(inGap, 0.0);
        QCOMPARE(outside, 96.0);
    }

    // A range that starts before logs did: the lines start on the first day with requests (zeros before it would
    // claim no visits where nothing was collected); the axis still spans the range, and the tiles say since when.
    void rangeStartsBeforeTheFirstRequest()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        store(path, [](DemoTrafficWriter& w) {
            for (qint64 t = kNow - 2 * kSecsPerDay + 1800; t < kNow; t += 3600)
                w.add(request(t, "www", "DE", quint32(t % 5)));
        });
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kNow - 30 * kSecsPerDay, kNow });
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        const qint64 firstDay = kNow - 2 * kSecsPerDay - 12 * 3600; // the UTC day of the first request
        for (ChartView* chart : { page.requestsChart(), page.statusChart(), page.bandwidthChart() }) {
            const QList<QPointF> points = chart->plottedPoints(0);
            QVERIFY2(!points.isEmpty(), qPrintable(chart->title()));
            QCOMPARE(points.first().x(), double(firstDay) * 1000.0);
            QCOMPARE(points.size(), 60); // hours from that day's start to 12:00 two days later
            const auto* axis = qobject_cast<QDateTimeAxis*>(chart->chart()->axes(Qt::Horizontal).value(0));
            QVERIFY(axis);
            QVERIFY(axis->min().toSecsSinceEpoch() <= kNow - 30 * kSecsPerDay);
        }
        QCOMPARE(page.tile(0)->value(), QStringLiteral("48"));
        QVERIFY(page.tile(0)->change().startsWith(QStringLiteral("data since")));
    }

    // Ten requests an hour for 90 days, seen at 12:00: the last day bucket holds half a day. Its drop is drawn
    // dashed from the last whole day (not as a fall), its tooltip says so, and the legend still has two entries.
    // A range ending on a bucket's end draws nothing dashed.
    // A sparkline's period not over yet is not filled like the whole ones: its drop reads as "so far", not a fall.
    void sparklineTailIsNotFilled()
    {
        MetricTile tile(QStringLiteral("Requests"));
        tile.resize(300, 140);
        const QList<double> spark { 10, 10, 10, 10, 0 };
        const auto pixelUnderTail = [&tile] {
            const QImage image = tile.grab().toImage();
            // Under the last segment, just above the sparkline's base: x at 3.3 of 4 segments.
            return image.pixelColor(12 + int((tile.width() - 24) * 3.3 / 4.0), tile.height() - 10);
        };
        tile.setFigures(QStringLiteral("40"), QString(), 0, spark);
        const QColor filled = pixelUnderTail();
        tile.setFigures(QStringLiteral("40"), QString(), 0, spark, 4);
        const QColor open = pixelUnderTail();
        const QColor base = tile.palette().color(QPalette::Base);
        QVERIFY2(filled != base, qPrintable(filled.name()));
        QCOMPARE(open, base);
        QCOMPARE(tile.sparklinePartialFrom(), 4);
        tile.setFigures(QStringLiteral("40"), QString(), 0, spark, 7); // past the end: none
        QCOMPARE(tile.sparklinePartialFrom(), -1);
    }

    void dayNotOverYetIsDashed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        store(path, [](DemoTrafficWriter& w) {
            for (qint64 t = kNow - 90 * kSecsPerDay; t < kNow; t += 360)
                w.add(request(t, "www", "DE", quint32(t / 360 % 50)));
        });
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setCustomRange({ kNow - 90 * kSecsPerDay, kNow });
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        ChartView* chart = page.requestsChart();
        const QList<QPointF> dashed = chart->incompletePoints(0);
        QCOMPARE(dashed.size(), 2); // the last whole day, then today so far
        QCOMPARE(dashed[0], QPointF(double(kNow - 12 * 3600 - kSecsPerDay) * 1000.0, 240.0));
        QCOMPARE(dashed[1], QPointF(double(kNow - 12 * 3600) * 1000.0, 120.0));
        QCOMPARE(chart->plottedPoints(0).size(), 91); // every day once: the dashed part adds none
        QCOMPARE(chart->plottedPoints(0).last(), dashed[1]);
        QCOMPARE(chart->incompletePoints(1).size(), 2); // visitors too
        QVERIFY(chart->toolTipFor(0, double(kNow - 12 * 3600)).contains(QStringLiteral("so far")));
        QVERIFY(!chart->toolTipFor(0, double(kNow - 12 * 3600 - kSecsPerDay)).contains(QStringLiteral("so far")));
        QTest::qWait(50); // the legend is laid out
        int visibleEntries = 0;
        for (QLegendMarker* marker : chart->chart()->legend()->markers())
            visibleEntries += marker->isVisible() ? 1 : 0;
        QCOMPARE(visibleEntries, 2);
        QVERIFY(page.bandwidthChart()->incompletePoints(0).size() == 2);
        // The tiles' sparklines (80 of the 91 days) end with today so far, drawn apart.
        for (int t = 0; t < 3; ++t) {
            QCOMPARE(page.tile(t)->sparkline().size(), 80);
            QCOMPARE(page.tile(t)->sparklinePartialFrom(), 79);
        }
        QCOMPARE(page.tile(0)->sparkline().last(), 120.0);
        // On the Overview too: its daily sparklines end with today.
        OverviewPage overview(runner, state);
        QVERIFY(showLoaded(overview));
        QCOMPARE(overview.tile(2)->sparkline().size(), 91);
        QCOMPARE(overview.tile(2)->sparklinePartialFrom(), 90);
        QCOMPARE(overview.tile(3)->sparklinePartialFrom(), 90);
        // Hiding a line from its legend entry hides its dashed part too.
        chart->setSeriesVisible(0, false);
        QVERIFY(std::none_of(chart->chart()->series().cbegin(), chart->chart()->series().cend(),
            [](QAbstractSeries* s) { return s->isVisible() && s->name() == QStringLiteral("Requests"); }));
        chart->setSeriesVisible(0, true);

        // 7 days ending at 12:00: hour buckets, the last one ends at the range's end.
        state.setCustomRange({ kNow - 7 * kSecsPerDay, kNow });
        QVERIFY(reloadAndWait(page));
        QVERIFY(chart->incompletePoints(0).isEmpty());
        QCOMPARE(chart->plottedPoints(0).size(), 7 * 24);
        QCOMPARE(page.tile(0)->sparklinePartialFrom(), -1);
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
