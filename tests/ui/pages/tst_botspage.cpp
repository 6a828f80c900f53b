// The Bots page (ui/pages/botspage.h) over a day whose bots are known by construction (tests/support/botstraffic.h):
// the named agents' rows with their verification and share, the summary and the AI crawlers' line, the charts per
// class, who fetched robots.txt; the empty states (a range of people only, an empty store); and a click on an agent
// narrowing the Traffic page to its user agent, with the header's chip. On both engines (tst_botspage_pg).
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/botstraffic.h"
#include "tests/support/fullwindow.h"
#include "tests/support/pageload.h"
#include "tests/support/teststore.h"
#include "ui/charts/chartview.h"
#include "ui/pages/botspage.h"
#include "ui/pages/trafficpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"

#include <QLocale>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace activity {

namespace {
using namespace BotsTraffic;

QStringList rowsOf(const RowsModel* model)
{
    QStringList out;
    for (const QList<QVariant>& row : model->rows()) {
        QStringList cells;
        for (const QVariant& v : row)
            cells << (v.typeId() == QMetaType::Double ? QString::number(v.toDouble(), 'f', 2) : v.toString());
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

// As the table shows them (numbers and bytes formatted).
QStringList shownRows(const RowsModel* model)
{
    QStringList out;
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model->columnCount(); ++c)
            cells << model->data(model->index(r, c)).toString();
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

QStringList seriesNames(const ChartView* chart)
{
    QStringList out;
    for (const ChartSeries& s : chart->data())
        out << s.name;
    return out;
}

double sumOf(const ChartSeries& s)
{
    double total = 0;
    for (const QPointF& p : s.points)
        total += p.y();
    return total;
}
} // namespace

class TestBotsPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_path = TestStore::location(m_dir, QStringLiteral("tst_botspage"));
        Database db(m_path);
        BotsTraffic::write(db);
    }

    void agentsChartsAndRobots()
    {
        ManualClock clock((kDay + 86400) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay, kDay + 86400 });
        QueryRunner runner(m_path, 0);
        BotsPage page(runner, state);
        QVERIFY(showLoaded(page));

        QCOMPARE(rowsOf(page.agentsModel()),
            (QStringList { "Search crawler|Googlebot|verified|6|2550|25.00", "AI crawler|ClaudeBot||5|4600|20.83",
                "AI crawler|GPTBot|unverified|5|8050|20.83", "Other bot|spoofed Googlebot|spoofed|4|650|16.67",
                "Library or tool|curl||2|200|8.33", "Search crawler|Bingbot|unverified|2|600|8.33" }));
        // As shown: bytes with their unit, the share with one decimal.
        QCOMPARE(shownRows(page.agentsModel()),
            (QStringList { "Search crawler|Googlebot|verified|6|2.5 KiB|25.0", "AI crawler|ClaudeBot||5|4.5 KiB|20.8",
                "AI crawler|GPTBot|unverified|5|7.9 KiB|20.8", "Other bot|spoofed Googlebot|spoofed|4|650 bytes|16.7",
                "Library or tool|curl||2|200 bytes|8.3", "Search crawler|Bingbot|unverified|2|600 bytes|8.3" }));
        QCOMPARE(rowsOf(page.robotsModel()),
            (QStringList { "AI crawler|ClaudeBot||2", "AI crawler|GPTBot|unverified|1", "People|(browsers)||1",
                "Other bot|spoofed Googlebot|spoofed|1", "Search crawler|Googlebot|verified|1" }));
        QVERIFY2(page.summary().startsWith(QLatin1String("Bots made 24 of 35 requests (68.6%) and took 16.3 KiB of "
                                                         "26.1 KiB sent (62.4%).")),
            qPrintable(page.summary()));
        QVERIFY2(page.summary().contains(QLatin1String("6 requests verified, 4 spoofed (counted as other bots), 7 not "
                                                       "checked yet")),
            qPrintable(page.summary()));
        QCOMPARE(page.aiLine(),
            QStringLiteral("AI crawlers took 10 requests (41.7% of bot requests) and 12.4 KiB: ClaudeBot 5 (4.5 KiB), "
                           "GPTBot 5 (7.9 KiB)."));
        QVERIFY(!page.emptyState() || !page.emptyState()->isVisible());
        QVERIFY2(!page.summary().contains(QLatin1String("Every country")), qPrintable(page.summary()));

        // One series per class that has requests, in the classes' order; each adds up to its agents' rows.
        const QStringList classes { "Search crawler", "AI crawler", "Library or tool", "Other bot" };
        QCOMPARE(seriesNames(page.requestsChart()), classes);
        QCOMPARE(seriesNames(page.bandwidthChart()), classes);
        const QList<double> requests { 8, 10, 2, 4 };
        const QList<double> bytes { 3150, 12650, 200, 650 };
        for (int i = 0; i < classes.size(); ++i) {
            QCOMPARE(sumOf(page.requestsChart()->data()[i]), requests[i]);
            QCOMPARE(sumOf(page.bandwidthChart()->data()[i]), bytes[i]);
        }
    }

    // The map's country filter: bots are not counted per country, and the page says it shows every country's.
    void countryFilterIsSaid()
    {
        ManualClock clock((kDay + 86400) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay, kDay + 86400 });
        state.setCountry(QStringLiteral("FR"));
        QueryRunner runner(m_path, 0);
        BotsPage page(runner, state);
        QVERIFY(showLoaded(page));
        QCOMPARE(page.agentsModel()->rowCount(), 6);
        QVERIFY2(page.summary().endsWith(QLatin1String("Every country: bots are not counted per country.")),
            qPrintable(page.summary()));
    }

    // A range of people only says so rather than drawing zeros; an empty store offers a log source.
    void emptyStates()
    {
        ManualClock clock((kDay + 86400) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay, kDay + 7200 });
        QueryRunner runner(m_path, 0);
        BotsPage page(runner, state);
        QVERIFY(showLoaded(page));
        QCOMPARE(page.agentsModel()->rowCount(), 0);
        QVERIFY(page.emptyState() && page.emptyState()->isVisible());
        QCOMPARE(page.emptyState()->title(), QStringLiteral("No bot traffic in this range"));
        QVERIFY2(
            page.emptyState()->detail().startsWith(QLatin1String("All 11 requests of this range came from people.")),
            qPrintable(page.emptyState()->detail()));
        QCOMPARE(page.summary(), QStringLiteral("No bot request in this range: all 11 requests came from people."));
        QCOMPARE(page.aiLine(), QStringLiteral("AI crawlers: none in this range."));
        QVERIFY(page.requestsChart()->data().isEmpty());

        const QString emptyPath = TestStore::location(m_dir, QStringLiteral("tst_botspage_empty"));
        {
            Database db(emptyPath);
            Migrations::migrate(db);
        }
        QueryRunner emptyRunner(emptyPath, 0);
        BotsPage empty(emptyRunner, state);
        QVERIFY(showLoaded(empty));
        QVERIFY(empty.emptyState() && empty.emptyState()->isVisible());
        QCOMPARE(empty.emptyState()->title(), QStringLiteral("No web server logs yet"));
        QCOMPARE(empty.agentsModel()->rowCount(), 0);
        QCOMPARE(empty.robotsModel()->rowCount(), 0);
        QCOMPARE(empty.summary(), QStringLiteral("No request in this range."));
    }

    // Clicking an agent shows the Traffic page narrowed to the user agent it used most, with the header's chip.
    void clickNarrowsTrafficToTheAgent()
    {
        ManualClock clock((kDay + 86400) * 1000);
        FullWindow full(m_path, clock);
        MainWindow& window = full.window;
        ViewState& state = *window.viewState();
        state.setCustomRange({ kDay, kDay + 86400 });
        state.setSite({});
        state.setUserAgent({});
        state.setAgents(AgentScope::Humans); // people only: the click must still show the bot's requests
        window.resize(1280, 800);
        window.showPage(PageId::Bots);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = qobject_cast<BotsPage*>(window.page(PageId::Bots));
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(page->agentsModel()->rowCount(), 6, 15000);
        QCOMPARE(page->agentsModel()->rows()[3][1].toString(), QStringLiteral("spoofed Googlebot"));

        QTableView* table = page->agentsTable();
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, table->visualRect(page->agentsModel()->index(1, 1)).center());
        QTRY_COMPARE_WITH_TIMEOUT(state.userAgent(), kClaudeBot, 15000);
        QCOMPARE(window.currentPage(), PageId::Traffic);
        QCOMPARE(state.agents(), AgentScope::All);
        auto* chip = window.findChild<QToolButton*>(QStringLiteral("userAgentFilter"));
        QVERIFY(chip);
        QTRY_VERIFY(chip->isVisible());
        QVERIFY2(chip->text().startsWith(QLatin1String("Agent: Mozilla/5.0")), qPrintable(chip->text()));
        // The Traffic page counts ClaudeBot's 5 requests.
        auto* traffic = qobject_cast<TrafficPage*>(window.page(PageId::Traffic));
        QVERIFY(traffic);
        QTRY_COMPARE_WITH_TIMEOUT(
            traffic->tile(0)->findChild<QLabel*>(QStringLiteral("value"))->text(), QStringLiteral("5"), 15000);

        // The spoofed row narrows to the spoofer's user agent, not the real Googlebot's.
        window.showPage(PageId::Bots);
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, table->visualRect(page->agentsModel()->index(3, 1)).center());
        QTRY_COMPARE_WITH_TIMEOUT(state.userAgent(), kFakeGooglebot, 15000);
        QCOMPARE(window.currentPage(), PageId::Traffic);

        // curl's user agent carries markup: the chip shows it as typed.
        window.showPage(PageId::Bots);
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, table->visualRect(page->agentsModel()->index(4, 1)).center());
        QTRY_COMPARE_WITH_TIMEOUT(state.userAgent(), kCurl, 15000);
        QTRY_COMPARE(chip->text(), QStringLiteral("Agent: curl/8.5.0 <b>bold</b>  ✕"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace activity

QTEST_MAIN(activity::TestBotsPage)
#include "tst_botspage.moc"
