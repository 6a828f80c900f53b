#include "core/demo/demotraffic.h"
#include "core/geo/countrytable.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/teststore.h"
#include "ui/map/mappage.h"
#include "ui/map/worldmapwidget.h"
#include "ui/map/worldshapes.h"
#include "ui/viewstate.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kNow = 1795564800; // 2026-11-25 00:00 UTC
}

class TestMapPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_path = TestStore::location(m_dir, QStringLiteral("t"));
        Database db(m_path);
        Migrations::migrate(db);
        Transaction tx(db);
        DemoTrafficWriter w(db);
        auto add = [&](qint64 ts, const char* site, char host, const char* country) {
            DemoRequest r;
            r.ts = ts;
            r.site = site;
            r.addr = QByteArray("\x51\x02\x45", 3) + host;
            r.country = country;
            r.method = "GET";
            r.path = "/";
            r.agent = "Firefox";
            r.referrer = "-";
            w.add(r);
        };
        add(kNow - 5 * 86400, "www", 1, "FR");
        add(kNow - 5 * 86400 + 10, "www", 1, "FR");
        add(kNow - 5 * 86400 + 20, "www", 2, "FR");
        add(kNow - 4 * 86400, "docs", 3, "DE");
        add(kNow - 4 * 86400 + 5, "www", 4, "");
        add(kNow - 60 * 86400, "www", 5, "JP"); // outside the 30-day range
        w.finish();
        tx.commit();
    }
    void showsCountriesOfTheRangeAndSite()
    {
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        QueryRunner runner(m_path, 0);
        MapPage page(runner, state, WorldShapes::builtIn(CountryTable::system(QLocale(QLocale::English))));
        QSignalSpy loaded(&page, &MapPage::loaded);
        page.setEagerLoading(true);
        page.reloadNow();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        const auto figures = page.map()->figures();
        QCOMPARE(figures.size(), 2);
        QCOMPARE(figures.value("FR").requests, 3);
        QCOMPARE(figures.value("FR").visitors, 2);
        QCOMPARE(figures.value("DE").requests, 1);
        QVERIFY(!figures.contains("JP"));
        QCOMPARE(page.findChild<QLabel*>("mapAttribution")->text().left(29), QString("IP Geolocation by DB-IP · Cou"));

        state.setSite("docs");
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 5000);
        QCOMPARE(page.map()->figures().size(), 1);
        QCOMPARE(page.map()->figures().value("DE").requests, 1);
    }
    void clickingACountrySetsTheFilter()
    {
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        QueryRunner runner(m_path, 0);
        MapPage page(runner, state, WorldShapes::builtIn(CountryTable::system(QLocale(QLocale::English))));
        page.resize(1000, 600);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy chosen(&page, &MapPage::countryChosen);
        QTest::mouseClick(page.map(), Qt::LeftButton, {}, page.map()->mapToWidget(2.35, 48.86).toPoint());
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QString("FR"));
        QCOMPARE(state.country(), QString("FR"));
    }
    void locatedCitiesBecomeBubbles()
    {
        const QString path = TestStore::location(m_dir, QStringLiteral("cities"));
        {
            Database db(path);
            Migrations::migrate(db);
            Transaction tx(db);
            DemoTrafficWriter w(db);
            auto add = [&](qint64 ts, char host, const char* country, const char* city, double lat, double lon) {
                DemoRequest r;
                r.ts = ts;
                r.site = "www";
                r.addr = QByteArray("\x51\x02\x45", 3) + host;
                r.country = country;
                r.method = "GET";
                r.path = "/";
                r.agent = "Firefox";
                r.city = QString::fromUtf8(city);
                r.latitude = lat;
                r.longitude = lon;
                w.add(r);
            };
            add(kNow - 3 * 86400, 1, "FR", "Lyon", 45.764, 4.8357);
            add(kNow - 3 * 86400 + 7200, 1, "FR", "Lyon", 45.764, 4.8357);
            add(kNow - 2 * 86400, 2, "NZ", "Wellington", -41.2865, 174.7762);
            add(kNow - 2 * 86400 + 60, 3, "DE", "", 0, 0); // country only: no bubble
            w.finish();
            tx.commit();
        }
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        QueryRunner runner(path, 0);
        MapPage page(runner, state, WorldShapes::builtIn(CountryTable::system(QLocale(QLocale::English))));
        QSignalSpy loaded(&page, &MapPage::loaded);
        page.setEagerLoading(true);
        page.reloadNow();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        const QList<CityBubble> cities = page.map()->cities();
        QCOMPARE(cities.size(), 2);
        QCOMPARE(cities[0].name, QString("Lyon"));
        QCOMPARE(cities[0].requests, 2);
        QCOMPARE(cities[0].latitude, 45.764);
        QCOMPARE(cities[0].longitude, 4.8357);
        QCOMPARE(cities[1].name, QString("Wellington"));
        QCOMPARE(cities[1].requests, 1);
        QCOMPARE(page.map()->figures().value("DE").requests, 1);

        // Lyon's bubble is drawn where Lyon is: its pixel differs from the same map without bubbles.
        page.resize(1000, 600);
        const QImage with = page.map()->grab().toImage();
        page.map()->setCities({});
        const QImage without = page.map()->grab().toImage();
        const QPoint lyon = page.map()->mapToWidget(4.8357, 45.764).toPoint();
        QVERIFY(with.pixel(lyon) != without.pixel(lyon));
    }

    void headerSwitchShowsPeopleOrBots()
    {
        const QString path = TestStore::location(m_dir, QStringLiteral("switch"));
        {
            Database db(path);
            Migrations::migrate(db);
            Transaction tx(db);
            DemoTrafficWriter w(db);
            auto add = [&](qint64 ts, char host, const char* country, const char* agent) {
                DemoRequest r;
                r.ts = ts;
                r.site = "www";
                r.addr = QByteArray("\x51\x02\x45", 3) + host;
                r.country = country;
                r.method = "GET";
                r.path = "/";
                r.agent = agent;
                w.add(r);
            };
            add(kNow - 3 * 86400, 1, "FR", "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0");
            add(kNow - 3 * 86400 + 60, 2, "US", "Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)");
            add(kNow - 3 * 86400 + 120, 2, "US", "Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)");
            w.finish();
            tx.commit();
        }
        ManualClock clock(kNow * 1000);
        ViewState state(clock);
        QueryRunner runner(path, 0);
        MapPage page(runner, state, WorldShapes::builtIn(CountryTable::system(QLocale(QLocale::English))));
        QSignalSpy loaded(&page, &MapPage::loaded);
        page.setEagerLoading(true);
        page.reloadNow();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        QCOMPARE(page.map()->figures().value("US").requests, 2);
        QCOMPARE(page.map()->figures().value("FR").requests, 1);
        auto* summary = page.findChild<QLabel*>("mapSummary");
        QCOMPARE(summary->text(), QString("3 requests from 2 countries; 0 without a known location"));

        state.setAgents(AgentScope::Humans);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 5000);
        QCOMPARE(page.map()->figures().keys(), QStringList { "FR" });
        QCOMPARE(summary->text(), QString("1 requests by people from 1 countries; 0 without a known location"));

        state.setAgents(AgentScope::Bots);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 3, 5000);
        QCOMPARE(page.map()->figures().keys(), QStringList { "US" });
        QCOMPARE(page.map()->figures().value("US").requests, 2);
        QCOMPARE(page.map()->figures().value("US").visitors, 1);
        QCOMPARE(summary->text(), QString("2 requests by bots from 1 countries; 0 without a known location"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_MAIN(activity::TestMapPage)
#include "tst_mappage.moc"
