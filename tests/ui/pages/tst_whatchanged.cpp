// "What changed" on the Traffic and Overview pages, over two days of traffic built here: the spiking referrer first,
// a fall with its percentage, nothing listed from a tiny base or a steady one, log text as plain text, and a click
// that narrows the Traffic page to the row.
#include "core/demo/demotraffic.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/fullwindow.h"
#include "tests/support/pageload.h"
#include "tests/support/teststore.h"
#include "ui/mainwindow.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/viewstate.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"
#include "ui/widgets/whatchangedpanel.h"

#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

namespace activity {

namespace {
constexpr qint64 kDay1 = 1794787200; // 2026-11-16 00:00 UTC: the period before
constexpr qint64 kDay2 = kDay1 + 86400; // the range
const QByteArray kHostile = QByteArrayLiteral("<b>bold</b>\tref");

const QByteArray kFirefox = QByteArrayLiteral("Firefox/132.0");
struct Source {
    QByteArray referrer;
    QByteArray path;
    int before;
    int now;
    QByteArray agent = kFirefox;
};
// A spike, a fall, a steady one (the only one from curl), a tiny rise (2 -> 9) and a new one with markup and a tab in
// its text. Firefox's requests rise (307 -> 569), curl's stay (200 -> 200).
const Source kSources[] = {
    { "https://news.example/item", "/blog/release-2.0", 5, 400 },
    { "https://falling.example/", "/docs/", 300, 100 },
    { "https://steady.example/", "/", 200, 200, "curl/8.5.0" },
    { "https://tiny.example/", "/", 2, 9 },
    { kHostile, "/", 0, 60 },
};

void fill(const QString& path)
{
    Database db(path);
    Migrations::migrate(db);
    Transaction tx(db);
    DemoTrafficWriter w(db);
    for (const Source& s : kSources) {
        for (const auto& [day, n] : { std::pair { kDay1, s.before }, std::pair { kDay2, s.now } }) {
            for (int i = 0; i < n; ++i) {
                DemoRequest r;
                r.ts = day + 60 + i * (86000 / qMax(1, n));
                r.site = "www";
                r.addr = QByteArray("\x51\x02\x45", 3) + char(i % 200 + 1);
                r.country = "FR";
                r.method = "GET";
                r.path = s.path;
                r.status = 200;
                r.bytes = 100;
                r.agent = s.agent;
                r.referrer = s.referrer;
                w.add(r);
            }
        }
    }
    w.finish();
    tx.commit();
}

// The rows shown: "dimension|key|before|now|change|percent".
QStringList rowsOf(const WhatChangedPanel* panel)
{
    QStringList out;
    for (const QList<QVariant>& row : panel->model()->rows()) {
        QStringList cells;
        for (const QVariant& v : row)
            cells << v.toString();
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}
} // namespace

class TestWhatChanged : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        QVERIFY(m_dir.isValid());
        m_path = TestStore::location(m_dir, QStringLiteral("t"));
        fill(m_path);
        m_empty = TestStore::location(m_dir, QStringLiteral("empty"));
        Database db(m_empty);
        Migrations::migrate(db);
    }

    void trafficPageListsAndNarrows()
    {
        ManualClock clock((kDay2 + 86400) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay2, kDay2 + 86400 });
        QueryRunner runner(m_path, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        WhatChangedPanel* panel = page.whatChanged();
        const QStringList rows = rowsOf(panel);
        // The spike first (its referrer, then its path: the same counts); no percentage from 5 requests.
        QVERIFY2(rows.size() >= 4, qPrintable(rows.join(QLatin1Char('\n'))));
        QCOMPARE(rows[0], QStringLiteral("Referrer|https://news.example/item|5|400|▲ +395|from 5"));
        QCOMPARE(rows[1], QStringLiteral("Path|/blog/release-2.0|5|400|▲ +395|from 5"));
        // The fall, with its share (300 -> 100 is -66.7%).
        QVERIFY2(rows.contains(QStringLiteral("Referrer|https://falling.example/|300|100|▼ −200|−66.7%")),
            qPrintable(rows.join(QLatin1Char('\n'))));
        // The new one as typed (the tab shown as a mark, the markup as text), without a percentage.
        QVERIFY2(rows.contains(QStringLiteral("Referrer|<b>bold</b>\uFFFDref|0|60|▲ +60|new")),
            qPrintable(rows.join(QLatin1Char('\n'))));
        for (const QString& row : rows) {
            QVERIFY2(!row.contains(QLatin1String("steady.example")) && !row.contains(QLatin1String("tiny.example")),
                qPrintable(row));
            QVERIFY2(!row.contains(QRegularExpression(QStringLiteral("\\d{4,}\\.\\d%"))), qPrintable(row));
        }

        // A click on the spike's row: the page counts that referrer's requests only.
        auto* tabs = page.findChild<QTabWidget*>();
        tabs->setCurrentWidget(panel);
        QTableView* table = panel->table();
        QSignalSpy loaded(&page, &DashboardPage::loaded);
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, table->visualRect(panel->model()->index(0, 1)).center());
        QCOMPARE(state.referrer(), QByteArray("https://news.example/item"));
        QVERIFY(page.isLoading() ? loaded.wait(15000) : true);
        QTRY_COMPARE(page.tile(0)->findChild<QLabel*>(QStringLiteral("value"))->text(), QStringLiteral("400"));
    }

    // The agent's row narrows the Traffic page to that user agent, with a chip in the header that removes it.
    void anAgentRowNarrowsWithItsChip()
    {
        ManualClock clock((kDay2 + 86400) * 1000);
        FullWindow full(m_path, clock);
        MainWindow& window = full.window;
        ViewState& state = *window.viewState();
        state.setCustomRange({ kDay2, kDay2 + 86400 });
        state.setSite({});
        window.resize(1280, 800);
        window.showPage(PageId::Traffic);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* page = qobject_cast<TrafficPage*>(window.page(PageId::Traffic));
        QVERIFY(page);
        auto* chip = window.findChild<QToolButton*>(QStringLiteral("userAgentFilter"));
        QVERIFY(chip);
        QVERIFY(!chip->isVisible());
        WhatChangedPanel* panel = page->whatChanged();
        QTRY_VERIFY_WITH_TIMEOUT(!panel->shown().isEmpty(), 15000);
        qint64 everyRequest = 0;
        qint64 firefoxBefore = 0;
        qint64 firefoxNow = 0;
        for (const Source& s : kSources) {
            everyRequest += s.now;
            firefoxBefore += s.agent == kFirefox ? s.before : 0;
            firefoxNow += s.agent == kFirefox ? s.now : 0;
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            page->tile(0)->findChild<QLabel*>(QStringLiteral("value"))->text(), QString::number(everyRequest), 15000);
        const QStringList rows = rowsOf(panel);
        const int row = int(
            rows.indexOf(QStringLiteral("Agent|Firefox/132.0|%1|%2|▲ +%3|+%4%")
                             .arg(firefoxBefore)
                             .arg(firefoxNow)
                             .arg(firefoxNow - firefoxBefore)
                             .arg(100.0 * double(firefoxNow - firefoxBefore) / double(firefoxBefore), 0, 'f', 1)));
        QVERIFY2(row >= 0, qPrintable(rows.join(QLatin1Char('\n'))));
        for (const QString& r : rows)
            QVERIFY2(!r.contains(QLatin1String("curl/")), qPrintable(r)); // steady

        page->findChild<QTabWidget*>()->setCurrentWidget(panel);
        QTableView* table = panel->table();
        QTest::mouseClick(
            table->viewport(), Qt::LeftButton, {}, table->visualRect(panel->model()->index(row, 1)).center());
        QCOMPARE(state.userAgent(), kFirefox);
        QTRY_VERIFY(chip->isVisible());
        QCOMPARE(chip->text(), QStringLiteral("Agent: Firefox/132.0  ✕"));
        QTRY_COMPARE_WITH_TIMEOUT(
            page->tile(0)->findChild<QLabel*>(QStringLiteral("value"))->text(), QString::number(firefoxNow), 15000);
        // The chip removes it: every request again.
        QTest::mouseClick(chip, Qt::LeftButton);
        QVERIFY(state.userAgent().isEmpty());
        QTRY_VERIFY(!chip->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(
            page->tile(0)->findChild<QLabel*>(QStringLiteral("value"))->text(), QString::number(everyRequest), 15000);
    }

    void overviewListsAndSendsToTraffic()
    {
        ManualClock clock((kDay2 + 86400) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay2, kDay2 + 86400 });
        QueryRunner runner(m_path, 0);
        OverviewPage page(runner, state);
        QVERIFY(showLoaded(page));
        const QStringList rows = rowsOf(page.whatChanged());
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows[0], QStringLiteral("Referrer|https://news.example/item|5|400|▲ +395|from 5"));
        QSignalSpy narrowed(&page, &OverviewPage::narrowed);
        QTableView* table = page.whatChanged()->table();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
            table->visualRect(page.whatChanged()->model()->index(1, 1)).center());
        QCOMPARE(narrowed.count(), 1);
        QCOMPARE(state.path(), QByteArray("/blog/release-2.0"));
    }

    void nothingToCompare()
    {
        ManualClock clock((kDay2 + 86400) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay2, kDay2 + 86400 });
        QueryRunner runner(m_empty, 0);
        TrafficPage page(runner, state);
        QVERIFY(showLoaded(page));
        QVERIFY(page.whatChanged()->shown().isEmpty());
        QCOMPARE(page.whatChanged()->emptyText(),
            QStringLiteral("No requests in this range or the period before: nothing to compare."));
        // Requests, but nothing that moved beyond chance: said so, no rows.
        WhatChangedPanel panel;
        panel.setMovers({}, 400);
        QCOMPARE(panel.model()->rowCount(), 0);
        QCOMPARE(panel.emptyText(), QStringLiteral("Nothing rose or fell beyond chance against the period before."));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_empty;
};

} // namespace activity

QTEST_MAIN(activity::TestWhatChanged)
#include "tst_whatchanged.moc"
