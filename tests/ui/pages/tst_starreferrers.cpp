// The GitHub page's stars gained per day beside the referrers that rose the same day, over a week built here: a
// referrer that jumps on the day stars jump is listed for that day (from the site's logs and from GitHub's traffic),
// a steady one never is; without logs GitHub's referrers alone; with no data a clear empty text.
#include "core/demo/demotraffic.h"
#include "core/sources/apistore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/pageload.h"
#include "tests/support/teststore.h"
#include "ui/pages/apipage.h"
#include "ui/viewstate.h"
#include "ui/widgets/rowsmodel.h"
#include "ui/widgets/starreferrerspanel.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 86400;
constexpr qint64 kFirst = 1794787200; // 2026-11-16 00:00 UTC, a Monday: the range is that week
constexpr int kJump = 3; // Thursday: stars, one log referrer and one GitHub referrer jump
const TimeRange kWeek { kFirst, kFirst + 7 * kDay };

// Stars at the end of each day: 98 before the week, +2 a day, +56 on the jump's day.
void addStars(ApiStore& store)
{
    const qint64 id
        = store.seriesId(0, QStringLiteral("github"), QStringLiteral("acme/rocket"), QStringLiteral("stars"));
    double stars = 98;
    store.recordPoint(id, kFirst - 3600, stars);
    for (int d = 0; d < 7; ++d) {
        stars += d == kJump ? 56 : 2;
        store.recordPoint(id, kFirst + d * kDay + 20 * 3600, stars);
    }
}

// GitHub's popular referrers as polled each day (14-day counts): news.ycombinator.com 50, then 250 from the jump on;
// google.com a steady 400; reddit.com 1000 then 1230 (about 71 a day, and 300 that day). Polled from the day before the
// week.
void addGitHubReferrers(ApiStore& store)
{
    const qint64 id
        = store.seriesId(0, QStringLiteral("github"), QStringLiteral("acme/rocket"), QStringLiteral("top_referrers"));
    for (int d = -1; d < 7; ++d) {
        store.recordRanked(id, kFirst + d * kDay, QStringLiteral("news.ycombinator.com"), d < kJump ? 50 : 250, 10);
        store.recordRanked(id, kFirst + d * kDay, QStringLiteral("google.com"), 400, 90);
        store.recordRanked(id, kFirst + d * kDay, QStringLiteral("reddit.com"), d < kJump ? 1000 : 1230, 90);
    }
}

// The site's log: https://news.example/item 3 requests a day, 300 on the jump's day; steady.example 200 a day;
// weekday.example 100 a day and 180 that day (beyond chance, but less than twice: as a Monday after a weekend).
void addLog(Database& db)
{
    DemoTrafficWriter w(db);
    for (int d = -1; d < 7; ++d) {
        for (const auto& [referrer, n] :
            { std::pair<QByteArray, int> { "https://news.example/item", d == kJump ? 300 : 3 },
                std::pair<QByteArray, int> { "https://steady.example/", 200 },
                std::pair<QByteArray, int> { "https://weekday.example/", d == kJump ? 180 : 100 } }) {
            for (int i = 0; i < n; ++i) {
                DemoRequest r;
                r.ts = kFirst + d * kDay + 60 + i * (86000 / n);
                r.site = "www";
                r.addr = QByteArray("\x51\x02\x45", 3) + char(i % 200 + 1);
                r.country = "FR";
                r.method = "GET";
                r.path = "/";
                r.status = 200;
                r.bytes = 100;
                r.agent = "Firefox/132.0";
                r.referrer = referrer;
                w.add(r);
            }
        }
    }
    w.finish();
}

void fill(const QString& path, bool withLog)
{
    Database db(path);
    Migrations::migrate(db);
    ApiStore store(db);
    addStars(store);
    addGitHubReferrers(store);
    if (withLog) {
        Transaction tx(db);
        addLog(db);
        tx.commit();
    }
}

// Each day shown: "day|stars|referrer text; ...".
QStringList daysOf(const StarReferrersPanel* panel)
{
    QStringList out;
    for (const StarDay& d : panel->shown()) {
        QStringList referrers;
        for (const Mover& m : d.referrers)
            referrers << StarReferrersPanel::referrerText(m);
        out << QStringLiteral("%1|%2|%3").arg((d.day - kFirst) / kDay).arg(d.stars).arg(referrers.join("; "));
    }
    return out;
}

struct Loaded {
    ManualClock clock { (kFirst + 7 * kDay) * 1000 };
    ViewState state { clock };
    QueryRunner runner;
    std::unique_ptr<ApiPage> page;
    explicit Loaded(const QString& path)
        : runner(path, 0)
    {
        state.setCustomRange(kWeek);
        page.reset(ApiPage::createGitHub(runner, state));
    }
};
} // namespace

class TestStarReferrers : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        QVERIFY(m_dir.isValid());
        m_full = TestStore::location(m_dir, QStringLiteral("full"));
        fill(m_full, true);
        m_noLog = TestStore::location(m_dir, QStringLiteral("nolog"));
        fill(m_noLog, false);
        m_empty = TestStore::location(m_dir, QStringLiteral("empty"));
        Database db(m_empty);
        Migrations::migrate(db);
    }

    void theJumpingReferrersAreListedOnTheirDay()
    {
        Loaded l(m_full);
        QVERIFY(showLoaded(*l.page));
        StarReferrersPanel* panel = l.page->starReferrers();
        QVERIFY(panel);
        QVERIFY(panel->isVisible());
        // Every day gained stars (7 <= kDays), the most first, then the later day; only the jump's day has referrers
        // that rose: the log's (3 -> 300: +297) and GitHub's (50 -> 250: +200, 1000 -> 1230: +230), the more
        // significant first (297 / sqrt(303), 200 / sqrt(300), 230 / sqrt(2230)).
        const QStringList days = daysOf(panel);
        QCOMPARE(days,
            QStringList({ "3|56|https://news.example/item +297 (site log); news.ycombinator.com +200 (GitHub traffic); "
                          "reddit.com +230 (GitHub traffic)",
                "6|2|", "5|2|", "4|2|", "2|2|", "1|2|", "0|2|" }));
        // The table says it as the user reads it.
        const QList<QVariant> jump = panel->model()->rows().at(0);
        QCOMPARE(jump.at(0).toString(), QStringLiteral("Thu 19 Nov 2026"));
        QCOMPARE(jump.at(1).toString(), QStringLiteral("▲ +56"));
        QCOMPARE(jump.at(2).toString(),
            QStringLiteral("https://news.example/item +297 (site log), news.ycombinator.com +200 (GitHub traffic), "
                           "reddit.com +230 (GitHub traffic)"));
        QCOMPARE(panel->model()->rows().at(1).at(2).toString(), QStringLiteral("none rose beyond chance"));
        QCOMPARE(panel->emptyText(), QString());
    }

    void withoutLogsGitHubReferrersAlone()
    {
        Loaded l(m_noLog);
        QVERIFY(showLoaded(*l.page));
        const QStringList days = daysOf(l.page->starReferrers());
        QCOMPARE(days.size(), 7);
        QCOMPARE(days.at(0),
            QStringLiteral("3|56|news.ycombinator.com +200 (GitHub traffic); reddit.com +230 (GitHub traffic)"));
    }

    // Over a long range, the kDays days with the most stars: day d of 15 gains d + 1 stars, so days 5 to 14.
    void theDaysWithTheMostStarsOnly()
    {
        QTemporaryDir dir;
        Database db(TestStore::location(dir, QStringLiteral("long")));
        Migrations::migrate(db);
        ApiStore store(db);
        const qint64 id
            = store.seriesId(0, QStringLiteral("github"), QStringLiteral("acme/rocket"), QStringLiteral("stars"));
        double stars = 10;
        store.recordPoint(id, kFirst - 3600, stars);
        for (int d = 0; d < 15; ++d)
            store.recordPoint(id, kFirst + d * kDay + 3600, stars += d + 1);
        QStringList days;
        for (const StarDay& d : StarReferrers::days(db, { kFirst, kFirst + 15 * kDay }))
            days << QStringLiteral("%1:%2").arg((d.day - kFirst) / kDay).arg(d.stars);
        QStringList expected;
        for (int d = 14; d > 14 - StarReferrers::kDays; --d)
            expected << QStringLiteral("%1:%2").arg(d).arg(d + 1);
        QCOMPARE(days, expected);
        QCOMPARE(days.size(), 10);
    }

    void aRangeWithoutStarsSaysSo()
    {
        Loaded l(m_empty);
        QVERIFY(showLoaded(*l.page));
        StarReferrersPanel* panel = l.page->starReferrers();
        QVERIFY(panel->shown().isEmpty());
        QCOMPARE(panel->model()->rowCount(), 0);
        QCOMPARE(
            panel->emptyText(), QStringLiteral("No stars gained in this range: no day to set the referrers beside."));
        // The Docker Hub page has no such panel.
        std::unique_ptr<ApiPage> docker(ApiPage::createDockerHub(l.runner, l.state));
        QCOMPARE(docker->starReferrers(), nullptr);
    }

private:
    QTemporaryDir m_dir;
    QString m_full;
    QString m_noLog;
    QString m_empty;
};

} // namespace activity

QTEST_MAIN(activity::TestStarReferrers)
#include "tst_starreferrers.moc"
