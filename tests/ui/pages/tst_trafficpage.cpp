// The Traffic page over a demo week, as a user narrows it: to a path or a status, and to a country.
#include "core/demo/demodata.h"
#include "core/query/narrowedtraffic.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/requestkeys.h"
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/fullwindow.h"
#include "tests/support/teststore.h"
#include "tests/support/tilecount.h"
#include "ui/charts/chartview.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/format.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

namespace activity {

namespace {
constexpr qint64 kNow = 1795591815; // 2026-11-25 07:30:15 UTC

// The matching rows' figures straight from SQL: requests, bytes, visitors (distinct address and agent per day).
struct Expected {
    qint64 requests = 0;
    qint64 bytes = 0;
    qint64 visitors = 0;
    qint64 errors = 0;
};
Expected expected(Database& db, const TimeRange& range, const QByteArray& path, int status, const QString& country)
{
    const char* where = "r.id >= ?1 AND r.id < ?2 AND (coalesce(length(?3), 0) = 0 OR s.value = ?3) "
                        "AND (?4 = 0 OR (?4 < 10 AND r.status / 100 = ?4) OR r.status = ?4) "
                        "AND (coalesce(?5, '') = '' OR r.country = ?5)";
    const auto bindAll = [&](Statement& st) {
        st.bind(1, RequestKeys::firstId(range.fromSecs)).bind(2, RequestKeys::firstId(range.toSecs));
        st.bind(3, path.isEmpty() ? QByteArray("") : path).bind(4, status);
        st.bind(5, country.isEmpty() ? QStringLiteral("") : country);
    };
    Expected e;
    Statement st
        = db.prepare(QByteArray("SELECT count(*), coalesce(sum(r.bytes), 0), "
                                "coalesce(sum(CASE WHEN r.status >= 400 AND r.status < 600 THEN 1 ELSE 0 END), 0) "
                                "FROM requests r "
                                "LEFT JOIN strings s ON s.id = r.path_id WHERE ")
                         .append(where)
                         .constData());
    bindAll(st);
    if (st.step()) {
        e.requests = st.int64(0);
        e.bytes = st.int64(1);
        e.errors = st.int64(2);
    }
    // Distinct (day, address, agent): what both engines' SQL can say alike.
    Statement v
        = db.prepare(QByteArray("SELECT count(*) FROM (SELECT DISTINCT (r.id >> 20) / 86400, r.addr, r.agent_id "
                                "FROM requests r LEFT JOIN strings s ON s.id = r.path_id WHERE ")
                         .append(where)
                         .append(") AS visits")
                         .constData());
    bindAll(v);
    if (v.step())
        e.visitors = v.int64(0);
    return e;
}
} // namespace

namespace {

// Path and requests of every row of the Paths table.
QList<std::pair<QString, qint64>> paths(const RowsModel* model)
{
    QList<std::pair<QString, qint64>> out;
    for (const QList<QVariant>& row : model->rows())
        out.append({ row.value(0).toString(), row.value(1).toLongLong() });
    return out;
}
} // namespace

class TestTrafficPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_path = TestStore::location(m_dir, QStringLiteral("d"));
        makeDemoDatabase(m_path, kNow, 8, 600);
        Database db(m_path);
        // The busiest path of the week: the one a user would click first.
        Statement st = db.prepare("SELECT s.value FROM requests r JOIN strings s ON s.id = r.path_id "
                                  "WHERE s.value <> '' GROUP BY s.value ORDER BY count(*) DESC, s.value LIMIT 1");
        QVERIFY(st.step());
        m_busiestPath = st.blob(0);
    }

    // Narrowing the Traffic page to a path or a status (a class or one code): every figure is that of the matching
    // raw rows, checked against SQL over the same rows and against the rollups' own totals; and as a user does it, by
    // clicking a path row, a status band and a status code, with chips in the header that remove each filter.

    void figuresAreThoseOfTheRows_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("country");
        QTest::addColumn<qint64>("length");
        QTest::newRow("busiest path, a week") << QByteArray() << 0 << QString() << qint64(7 * 86400);
        QTest::newRow("2xx, a week") << QByteArray() << 2 << QString() << qint64(7 * 86400);
        QTest::newRow("4xx, a day") << QByteArray() << 4 << QString() << qint64(86400);
        QTest::newRow("404, a week") << QByteArray() << 404 << QString() << qint64(7 * 86400);
        QTest::newRow("busiest path in Germany, 2 days")
            << QByteArray() << 0 << QStringLiteral("DE") << qint64(2 * 86400);
        QTest::newRow("busiest path, 2xx, 3 hours") << QByteArray() << 2 << QString() << qint64(3 * 3600);
        QTest::newRow("a path never logged") << QByteArray("/never/seen") << 0 << QString() << qint64(7 * 86400);
    }
    void figuresAreThoseOfTheRows()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        QFETCH(QString, country);
        QFETCH(qint64, length);
        if (path.isEmpty() && QByteArray(QTest::currentDataTag()).contains("busiest path"))
            path = m_busiestPath;
        Database db(m_path);
        const TimeRange range { kNow - length, kNow };
        TrafficFilter filter { range, QString(), country };
        filter.path = path;
        filter.status = status;
        const qint64 step = Buckets::stepFor(range);
        const TrafficPageData d = TrafficPageQuery::charts(db, filter, step);
        const Expected e = expected(db, range, path, status, country);
        if (path != "/never/seen")
            QVERIFY(e.requests > 0);
        QCOMPARE(d.totals.requests, e.requests);
        QCOMPARE(d.totals.bytes, e.bytes);
        QCOMPARE(d.totals.visitors, e.visitors);
        QCOMPARE(d.errors, e.errors);
        const Expected before = expected(db, { range.fromSecs - length, range.fromSecs }, path, status, country);
        QCOMPARE(d.previous.requests, before.requests);
        // The charts add up to the tiles; every band, path, country and code listed is one the filter keeps.
        qint64 charted = 0;
        for (const QPointF& p : d.series.requests)
            charted += qint64(p.y());
        QCOMPARE(charted, e.requests);
        for (int c = 0; c < 5; ++c) {
            qint64 band = 0;
            for (const QPointF& p : d.series.statusClasses[size_t(c)])
                band += qint64(p.y());
            if (status != 0 && (status < 10 ? status != c + 1 : status / 100 != c + 1))
                QCOMPARE(band, qint64(0));
        }
        qint64 hours = 0;
        for (qint64 n : d.hours)
            hours += n;
        QCOMPARE(hours, e.requests);
        if (!path.isEmpty()) {
            QCOMPARE(d.paths.size(), e.requests > 0 ? 1 : 0);
            if (e.requests > 0)
                QCOMPARE(d.paths.first().key, path);
        }
        qint64 countries = 0;
        for (const TopItem& item : d.countries) {
            countries += item.requests;
            if (!country.isEmpty())
                QCOMPARE(item.key, country.toLatin1());
        }
        QCOMPARE(countries, e.requests);
        for (const TopItem& item : d.statusCodes) {
            const int code = item.key.toInt();
            QVERIFY2(status == 0 || (status < 10 ? code / 100 == status : code == status), item.key.constData());
        }
        // The top lists from raw rows follow the same filter.
        const TrafficPageLists lists = TrafficPageQuery::lists(db, filter);
        for (const TopItem& item : lists.notFound) {
            if (!path.isEmpty())
                QCOMPARE(item.key, path);
        }
        if (status != 0 && status != 4 && status != 404)
            QVERIFY(lists.notFound.isEmpty());
    }

    // Split by status class, the narrowed totals add up to what the rollups count for the whole range.
    void classesAddUpToTheRollups()
    {
        Database db(m_path);
        const TimeRange range { kNow - 7 * 86400, kNow };
        const TrafficTotals all = TrafficQuery::totals(db, { range, QString(), QString() });
        qint64 sum = 0;
        qint64 bytes = 0;
        for (int c = 1; c <= 5; ++c) {
            TrafficFilter filter { range, QString(), QString() };
            filter.status = c;
            const TrafficPageData d = TrafficPageQuery::charts(db, filter, 3600);
            sum += d.totals.requests;
            bytes += d.totals.bytes;
        }
        QVERIFY(all.requests > 0);
        QCOMPARE(sum, all.requests);
        QCOMPARE(bytes, all.bytes);
    }

    // Tiles compare with the period before only when data covers it; else they say since when data exists.
    void comparesOnlyWithAWholePeriodBefore()
    {
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setSite({});
        state.setPreset(RangePreset::Last7Days); // the demo's 8 days do not cover the 7 before
        QueryRunner runner(m_path, 0);
        TrafficPage page(runner, state);
        page.setEagerLoading(true);
        page.resize(1280, 760);
        page.show();
        QSignalSpy loaded(&page, &DashboardPage::loaded);
        QVERIFY(loaded.wait(10000));
        Database db(m_path);
        Statement first = db.prepare("SELECT min(id >> 20) FROM requests");
        QVERIFY(first.step());
        const QString day
            = QLocale().toString(QDateTime::fromSecsSinceEpoch(first.int64(0) / 86400 * 86400, QTimeZone::utc()).date(),
                QLocale::ShortFormat);
        QCOMPARE(page.tile(0)->change(), QStringLiteral("data since %1").arg(day));

        state.setPreset(RangePreset::Last24Hours);
        QVERIFY(loaded.wait(10000));
        const TimeRange range = state.range();
        const qint64 now = TrafficQuery::totals(db, { range, QString(), QString() }).requests;
        const qint64 before
            = TrafficQuery::totals(db, { { range.fromSecs - range.length(), range.fromSecs }, QString(), QString() })
                  .requests;
        QVERIFY(before > 0);
        QCOMPARE(page.tile(0)->change(),
            QStringLiteral("%1 vs the previous period").arg(Format::percentChange(double(before), double(now))));
    }

    // As a user: a path row, a band of the status chart, a status code, each with its chip.
    void clickingNarrowsWithChips()
    {
        ManualClock clock(kNow * 1000);
        FullWindow full(m_path, clock);
        MainWindow& window = full.window;
        ViewState& state = *window.viewState();
        state.setPreset(RangePreset::Last7Days);
        state.setSite({});
        window.resize(1280, 800);
        window.showPage(PageId::Traffic);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = qobject_cast<TrafficPage*>(window.page(PageId::Traffic));
        QVERIFY(page);
        auto* pathChip = window.findChild<QToolButton*>(QStringLiteral("pathFilter"));
        auto* statusChip = window.findChild<QToolButton*>(QStringLiteral("statusFilter"));
        QVERIFY(pathChip && statusChip);
        QVERIFY(!pathChip->isVisible() && !statusChip->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->model(TrafficPage::Paths)->rowCount() >= 2, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(tileCount(page->tile(0)) > 0, 10000);
        const qint64 everyRequest = tileCount(page->tile(0));
        Database db(m_path);
        const TimeRange range = state.range();

        // A path row, clicked.
        QTableView* paths = page->view(TrafficPage::Paths);
        qobject_cast<QTabWidget*>(paths->parentWidget()->parentWidget())->setCurrentWidget(paths);
        const QString second = page->model(TrafficPage::Paths)->rows().value(1).value(0).toString();
        const qint64 secondRequests = page->model(TrafficPage::Paths)->rows().value(1).value(1).toLongLong();
        QTest::mouseClick(
            paths->viewport(), Qt::LeftButton, {}, paths->visualRect(paths->model()->index(1, 0)).center());
        QCOMPARE(QString::fromUtf8(state.path()), second);
        QTRY_VERIFY(pathChip->isVisible());
        QCOMPARE(pathChip->text(), QStringLiteral("Path: %1  ✕").arg(second));
        QVERIFY(!pathChip->accessibleName().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), secondRequests, 10000);
        QCOMPARE(secondRequests, expected(db, range, state.path(), 0, QString()).requests);
        QTRY_COMPARE(page->model(TrafficPage::Paths)->rowCount(), 1);
        QCOMPARE(page->model(TrafficPage::Paths)->rows().value(0).value(0).toString(), second);
        QTest::mouseClick(pathChip, Qt::LeftButton);
        QVERIFY(state.path().isEmpty());
        QTRY_VERIFY(!pathChip->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), everyRequest, 10000);

        // The 2xx band of the status chart, clicked where it is tallest.
        ChartView* chart = page->statusChart();
        QTRY_VERIFY(!chart->plottedPoints(0).isEmpty());
        QVERIFY(!chart->data().value(0).name.startsWith(QLatin1Char('1'))); // the demo logs no 1xx
        const QList<QPointF> band = chart->plottedPoints(0);
        QPointF tallest = band.first();
        for (const QPointF& p : band)
            tallest = p.y() > tallest.y() ? p : tallest;
        QAbstractSeries* series = chart->chart()->series().value(0);
        QVERIFY(series);
        const QPoint at = chart->mapFromScene(chart->chart()->mapToPosition({ tallest.x(), tallest.y() / 2 }, series));
        QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(state.status(), 2);
        QTRY_VERIFY(statusChip->isVisible());
        QCOMPARE(statusChip->text(), QStringLiteral("Status: 2xx  ✕"));
        const qint64 successes = expected(db, range, {}, 2, QString()).requests;
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), successes, 10000);
        QVERIFY(successes < everyRequest);
        QCOMPARE(page->tile(3)->change(), QStringLiteral("0 requests")); // no errors among successes

        // A status code from the Status tab, by keyboard: it replaces the class.
        QTableView* codes = page->view(TrafficPage::Statuses);
        qobject_cast<QTabWidget*>(codes->parentWidget()->parentWidget())->setCurrentWidget(codes);
        state.setStatus(0);
        QTRY_VERIFY_WITH_TIMEOUT(page->model(TrafficPage::Statuses)->rowCount() >= 3, 10000);
        int row404 = -1;
        for (int r = 0; r < page->model(TrafficPage::Statuses)->rowCount(); ++r) {
            if (page->model(TrafficPage::Statuses)->rows().value(r).value(0).toString() == QLatin1String("404"))
                row404 = r;
        }
        QVERIFY(row404 >= 0);
        codes->setFocus();
        codes->setCurrentIndex(codes->model()->index(row404, 0));
        QTest::keyClick(codes, Qt::Key_Return);
        QCOMPARE(state.status(), 404);
        QTRY_COMPARE(statusChip->text(), QStringLiteral("Status: 404  ✕"));
        const Expected notFound = expected(db, range, {}, 404, QString());
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), notFound.requests, 10000);
        QCOMPARE(page->tile(3)->change(), QStringLiteral("%1 requests").arg(QLocale().toString(notFound.requests)));
        QTest::mouseClick(statusChip, Qt::LeftButton);
        QCOMPARE(state.status(), 0);
        QTRY_VERIFY(!statusChip->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), everyRequest, 10000);
    }

    // With a country filter (a click on the map) the Traffic page's paths are that country's: path rollups are not
    // split by country, so they come from the raw rows with the other top lists.
    void pathsFollowTheCountry()
    {
        QTemporaryDir dir;
        const QString path = TestStore::location(dir, QStringLiteral("d"));
        makeDemoDatabase(path, kNow, 8, 400);
        Database db(path);

        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        state.setPreset(RangePreset::Last7Days);
        QueryRunner runner(path, 0);
        TrafficPage page(runner, state);
        page.setEagerLoading(true);
        page.resize(1280, 760);
        page.show();
        QSignalSpy loaded(&page, &DashboardPage::loaded);
        QVERIFY(loaded.wait(10000));
        const auto everyCountry = paths(page.model(TrafficPage::Paths));
        QVERIFY(!everyCountry.isEmpty());

        state.setCountry(QStringLiteral("DE"));
        QVERIFY(loaded.wait(10000));
        const TimeRange range = state.range();
        Statement st = db.prepare("SELECT s.value, count(*) AS n FROM requests r JOIN strings s ON s.id = r.path_id "
                                  "WHERE r.id >= ? AND r.id < ? AND r.country = 'DE' GROUP BY s.value "
                                  "ORDER BY n DESC, s.value");
        st.bind(1, RequestKeys::firstId(range.fromSecs)).bind(2, RequestKeys::firstId(range.toSecs));
        QList<std::pair<QString, qint64>> germany;
        qint64 total = 0;
        while (st.step()) {
            germany.append({ QString::fromUtf8(st.blob(0)), st.int64(1) });
            total += st.int64(1);
        }
        QVERIFY(total > 0);
        QCOMPARE(paths(page.model(TrafficPage::Paths)), germany);
        QVERIFY(paths(page.model(TrafficPage::Paths)) != everyCountry);
        // The share is of Germany's requests.
        QCOMPARE(page.model(TrafficPage::Paths)->rows().value(0).value(2).toDouble(),
            100.0 * double(germany.value(0).second) / double(total));

        state.setCountry(QString());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(paths(page.model(TrafficPage::Paths)), everyCountry);
    }

    // A user narrows the page by clicking a country row; a chip in the header says so and removes it.
    void clickingACountryNarrowsWithAChip()
    {
        QTemporaryDir dir;
        const QString path = TestStore::location(dir, QStringLiteral("d"));
        makeDemoDatabase(path, kNow, 8, 400);
        ManualClock clock(kNow * 1000);
        FullWindow full(path, clock);
        MainWindow& window = full.window;
        window.viewState()->setPreset(RangePreset::Last7Days);
        window.viewState()->setSite({}); // the window restores the last one chosen
        window.resize(1280, 800);
        window.showPage(PageId::Traffic);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = qobject_cast<TrafficPage*>(window.page(PageId::Traffic));
        QVERIFY(page);
        auto* chip = window.findChild<QToolButton*>(QStringLiteral("countryFilter"));
        QVERIFY(chip);
        QVERIFY(!chip->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->model(TrafficPage::Countries)->rowCount() >= 2, 10000);
        const QString second = page->model(TrafficPage::Countries)->rows().value(1).value(0).toString();
        const qint64 secondRequests = page->model(TrafficPage::Countries)->rows().value(1).value(1).toLongLong();
        const qint64 everyRequest = tileCount(page->tile(0));

        QTableView* table = page->view(TrafficPage::Countries);
        qobject_cast<QTabWidget*>(table->parentWidget()->parentWidget())->setCurrentWidget(table);
        const QRect cell = table->visualRect(table->model()->index(1, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(!window.viewState()->country().isEmpty());
        QVERIFY(second.endsWith(QStringLiteral("(%1)").arg(window.viewState()->country())));
        QTRY_VERIFY(chip->isVisible());
        QCOMPARE(chip->text(), QStringLiteral("Country: %1  ✕").arg(second));
        QVERIFY(!chip->accessibleName().isEmpty());
        // The page shows only that country: its requests are what its row said.
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), secondRequests, 10000);
        QVERIFY(secondRequests < everyRequest);
        // Its error share too (status rollups are not split by country: counted from its rows).
        {
            Database db(path);
            const TimeRange range = window.viewState()->range();
            Statement st = db.prepare("SELECT count(*) FROM requests WHERE id >= ? AND id < ? AND country = ? AND "
                                      "status >= 400 AND status < 600");
            st.bind(1, RequestKeys::firstId(range.fromSecs))
                .bind(2, RequestKeys::firstId(range.toSecs))
                .bind(3, window.viewState()->country());
            QVERIFY(st.step());
            QTRY_COMPARE_WITH_TIMEOUT(
                page->tile(3)->change(), QStringLiteral("%1 requests").arg(QLocale().toString(st.int64(0))), 10000);
        }

        QTest::mouseClick(chip, Qt::LeftButton);
        QVERIFY(window.viewState()->country().isEmpty());
        QTRY_VERIFY(!chip->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->model(TrafficPage::Countries)->rowCount() >= 2, 10000);
    }

    // The header's All / Humans / Bots switch, as a user clicks it: the Traffic page counts the requests of people
    // only, or of bots only (counted here straight from the rows' stored class), the two add up to everyone's, and
    // the Overview says which share of the range's requests and bandwidth came from bots.
    void switchCountsPeopleOrBots()
    {
        ManualClock clock(kNow * 1000);
        FullWindow full(m_path, clock);
        MainWindow& window = full.window;
        ViewState& state = *window.viewState();
        state.setPreset(RangePreset::Last7Days);
        state.setSite({});
        window.resize(1280, 800);
        window.showPage(PageId::Traffic);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = qobject_cast<TrafficPage*>(window.page(PageId::Traffic));
        const TimeRange range = state.range();
        Database db(m_path);
        const auto rows = [&](const char* condition) {
            Statement st = db.prepare(QByteArray("SELECT count(*), coalesce(sum(bytes), 0) FROM requests WHERE "
                                                 "id >= ?1 AND id < ?2 AND ")
                                          .append(condition)
                                          .constData());
            st.bind(1, RequestKeys::firstId(range.fromSecs)).bind(2, RequestKeys::firstId(range.toSecs));
            return st.step() ? std::pair(st.int64(0), st.int64(1)) : std::pair(qint64(-1), qint64(-1));
        };
        const auto [humans, humanBytes] = rows("agent_class = 0");
        const auto [bots, botBytes] = rows("agent_class > 0");
        QVERIFY(humans > 0 && bots > 0);
        QTRY_VERIFY_WITH_TIMEOUT(tileCount(page->tile(0)) > 0, 10000);
        QCOMPARE(tileCount(page->tile(0)), humans + bots);

        auto* botsButton = window.findChild<QToolButton*>(QStringLiteral("agents_bots"));
        auto* humansButton = window.findChild<QToolButton*>(QStringLiteral("agents_humans"));
        QVERIFY(botsButton && humansButton && botsButton->isVisible());
        QTest::mouseClick(botsButton, Qt::LeftButton);
        QCOMPARE(state.agents(), AgentScope::Bots);
        QVERIFY(botsButton->isChecked());
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), bots, 10000);
        if (const QString dir = qEnvironmentVariable("ACTIVITY_SHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(500);
            window.grab().save(dir + QStringLiteral("/traffic-bots.png"));
        }
        QTest::mouseClick(humansButton, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(tileCount(page->tile(0)), humans, 10000);

        window.showPage(PageId::Overview);
        auto* overview = qobject_cast<OverviewPage*>(window.page(PageId::Overview));
        const QString share = QLocale().toString(100.0 * double(bots) / double(humans + bots), 'f', 1);
        const QString bandwidth = QLocale().toString(100.0 * double(botBytes) / double(humanBytes + botBytes), 'f', 1);
        QTRY_COMPARE_WITH_TIMEOUT(overview->tile(5)->value(), QStringLiteral("%1% of requests").arg(share), 10000);
        QCOMPARE(overview->tile(5)->change(), QStringLiteral("%1% of bandwidth in the range").arg(bandwidth));
        if (const QString dir = qEnvironmentVariable("ACTIVITY_SHOT_DIR"); !dir.isEmpty())
            window.grab().save(dir + QStringLiteral("/overview-humans.png"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_busiestPath;
};

} // namespace activity

QTEST_MAIN(activity::TestTrafficPage)
#include "tst_trafficpage.moc"
