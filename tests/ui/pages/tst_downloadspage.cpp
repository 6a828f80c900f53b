// The Downloads page (ui/pages/downloadspage.h) over requests stored by the real ingest writer, whose downloads the
// test knows by construction: per release and day, per file, per country; people's, or bots' under the switch. On
// both engines (tst_downloadspage_pg).
#include "core/demo/demotraffic.h"
#include "core/query/queryrunner.h"
#include "core/sources/apistore.h"
#include "core/sources/github/githubassets.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/pageload.h"
#include "tests/support/teststore.h"
#include "ui/pages/downloadspage.h"
#include "ui/viewstate.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/rowsmodel.h"

#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kDay = 1795564800; // 2026-11-25 00:00 UTC
const QByteArray kChrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0.0.0 Safari/537.36";
const QByteArray kGooglebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

QStringList rowsOf(const RowsModel* model)
{
    QStringList out;
    for (const QList<QVariant>& row : model->rows()) {
        QStringList cells;
        for (const QVariant& v : row)
            cells << v.toString();
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}
} // namespace

class TestDownloadsPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void perReleaseFileAndCountry()
    {
        QTemporaryDir dir;
        const QString path = TestStore::location(dir, QStringLiteral("tst_downloadspage"));
        {
            Database db(path);
            Migrations::migrate(db);
            Transaction tx(db);
            DemoTrafficWriter writer(db);
            const auto add = [&](qint64 ts, char host, const QByteArray& country, const QByteArray& agent,
                                 const QByteArray& file, int status, qint64 bytes) {
                DemoRequest r;
                r.ts = ts;
                r.site = "www";
                r.addr = QByteArray("\x0a\x00\x00", 3) + host;
                r.country = country;
                r.method = "GET";
                r.path = file;
                r.status = status;
                r.bytes = bytes;
                r.referrer = "-";
                r.agent = agent;
                writer.add(r);
            };
            // Day 1, the 1.4.2 tarball of 1000 bytes: a whole 200 (DE), two halves in a minute (FR), a range alone
            // (FR), Googlebot's whole 200.
            add(kDay + 3600, 1, "DE", kChrome, "/dl/app-1.4.2.tar.gz", 200, 1000);
            add(kDay + 7200, 2, "FR", kChrome, "/dl/app-1.4.2.tar.gz", 206, 500);
            add(kDay + 7260, 2, "FR", kChrome, "/dl/app-1.4.2.tar.gz", 206, 500);
            add(kDay + 9000, 3, "FR", kChrome, "/dl/app-1.4.2.tar.gz", 206, 300);
            add(kDay + 9500, 4, "US", kGooglebot, "/dl/app-1.4.2.tar.gz", 200, 1000);
            // Day 2, the 1.5.0 package: one whole 200 (DE); a page, not a download.
            add(kDay + 86400 + 3600, 5, "DE", kChrome, "/dl/app_1.5.0_amd64.deb", 200, 700);
            add(kDay + 86400 + 3700, 5, "DE", kChrome, "/index.html", 200, 5000);
            // An AppImage fetched in halves on day 1 (FR) whose size only a whole 200 on day 3 tells, outside the
            // range.
            add(kDay + 10000, 6, "FR", kChrome, "/dl/app-1.5.0.AppImage", 206, 400);
            add(kDay + 10030, 6, "FR", kChrome, "/dl/app-1.5.0.AppImage", 206, 400);
            add(kDay + 2 * 86400 + 3600, 7, "DE", kChrome, "/dl/app-1.5.0.AppImage", 200, 800);
            writer.finish();
            tx.commit();
        }
        ManualClock clock((kDay + 2 * 86400) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay, kDay + 2 * 86400 });
        QueryRunner runner(path, 0);
        DownloadsPage page(runner, state);
        QVERIFY(showLoaded(page));

        // Newest release first.
        QCOMPARE(rowsOf(page.releasesModel()),
            (QStringList {
                "1.5.0|2026-11-26|1|0|1|700", "1.5.0|2026-11-25|1|0|1|800", "1.4.2|2026-11-25|2|0|3|2300" }));
        QCOMPARE(rowsOf(page.versionsModel()), (QStringList { "1.5.0|2|0", "1.4.2|2|0" }));
        QCOMPARE(rowsOf(page.filesModel()),
            (QStringList { "/dl/app-1.4.2.tar.gz|1.4.2|2|3|2300", "/dl/app-1.5.0.AppImage|1.5.0|1|1|800",
                "/dl/app_1.5.0_amd64.deb|1.5.0|1|1|700" }));
        QCOMPARE(rowsOf(page.countriesModel()), (QStringList { "Germany (DE)|2|2|1700", "France (FR)|2|3|2100" }));
        QVERIFY2(page.summary().contains(QLatin1String("4 completed of 5 started")), qPrintable(page.summary()));
        QVERIFY(!page.emptyState() || !page.emptyState()->isVisible());

        // The header's switch on Bots: Googlebot's download only.
        state.setAgents(AgentScope::Bots);
        QVERIFY(reloadAndWait(page));
        QCOMPARE(rowsOf(page.filesModel()), (QStringList { "/dl/app-1.4.2.tar.gz|1.4.2|1|1|1000" }));
        QVERIFY2(page.summary().startsWith(QLatin1String("Bots'")), qPrintable(page.summary()));

        // A range without downloads says so.
        state.setAgents(AgentScope::All);
        state.setCustomRange({ kDay - 5 * 86400, kDay - 3 * 86400 });
        QVERIFY(reloadAndWait(page));
        QCOMPARE(page.filesModel()->rowCount(), 0);
        QVERIFY(page.emptyState() && page.emptyState()->isVisible());
    }

    // GitHub's release-asset downloads beside the site's completed ones: per release and day, and per release over
    // the range; a release only GitHub knows has its rows too.
    void githubBesideTheSite()
    {
        QTemporaryDir dir;
        const QString path = TestStore::location(dir, QStringLiteral("tst_downloadspage_github"));
        {
            Database db(path);
            Migrations::migrate(db);
            {
                Transaction tx(db);
                DemoTrafficWriter writer(db);
                DemoRequest r;
                r.ts = kDay + 3600;
                r.site = "www";
                r.addr = QByteArray("\x0a\x00\x00\x01", 4);
                r.country = "DE";
                r.method = "GET";
                r.path = "/dl/app-1.4.2.tar.gz";
                r.status = 200;
                r.bytes = 1000;
                r.referrer = "-";
                r.agent = kChrome;
                writer.add(r);
                writer.finish();
                tx.commit();
            }
            // Polls of acme/app: the day before the range, day 1 at 20:00, day 2 at 09:00.
            ApiStore store(db);
            const QString repo = QStringLiteral("acme/app");
            const qint64 polls[] = { kDay - 3600, kDay + 20 * 3600, kDay + 86400 + 9 * 3600 };
            const int tarball[] = { 50, 62, 70 }; // +12, +8
            const int deb[] = { 20, 23, 23 }; // +3
            const int iso[] = { 0, 0, 9 }; // 2.0.0 published on day 2 at 03:00: +9
            for (int i = 0; i < 3; ++i) {
                const qint64 last = i ? polls[i - 1] : 0;
                GitHubAssets::record(store, 0, { repo, "v1.4.2", "app-1.4.2.tar.gz" }, polls[i], tarball[i], 0, last);
                GitHubAssets::record(store, 0, { repo, "v1.4.2", "app_1.4.2_amd64.deb" }, polls[i], deb[i], 0, last);
                if (i == 2)
                    GitHubAssets::record(store, 0, { repo, "v2.0.0", "tool-2.0.0.iso" }, polls[i], iso[i],
                        kDay + 86400 + 3 * 3600, last);
            }
        }
        ManualClock clock((kDay + 2 * 86400) * 1000);
        ViewState state(clock);
        state.setCustomRange({ kDay, kDay + 2 * 86400 });
        QueryRunner runner(path, 0);
        DownloadsPage page(runner, state);
        QVERIFY(showLoaded(page));
        QCOMPARE(rowsOf(page.releasesModel()),
            (QStringList { "2.0.0|2026-11-26|0|9|0|0", "1.4.2|2026-11-26|0|8|0|0", "1.4.2|2026-11-25|1|15|1|1000" }));
        QCOMPARE(rowsOf(page.versionsModel()), (QStringList { "2.0.0|0|9", "1.4.2|1|23" }));
        QCOMPARE(page.releasesModel()->headerData(3, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("GitHub assets"));
        QVERIFY2(page.summary().contains(QLatin1String("GitHub counted 32 downloads")), qPrintable(page.summary()));
        QVERIFY(!page.emptyState() || !page.emptyState()->isVisible());
        if (const QString shots = qEnvironmentVariable("ACTIVITY_SCREENSHOTS"); !shots.isEmpty()) {
            QCoreApplication::processEvents(); // the layout, as the window does before it paints
            page.grab().save(shots + QStringLiteral("/downloads-github.png"));
        }

        // GitHub's figures are the same under the switch (GitHub does not say who downloaded).
        state.setAgents(AgentScope::Bots);
        QVERIFY(reloadAndWait(page));
        QCOMPARE(rowsOf(page.versionsModel()), (QStringList { "2.0.0|0|9", "1.4.2|0|23" }));

        // Only day 2: counted from day 1's last poll.
        state.setAgents(AgentScope::All);
        state.setCustomRange({ kDay + 86400, kDay + 2 * 86400 });
        QVERIFY(reloadAndWait(page));
        QCOMPARE(rowsOf(page.versionsModel()), (QStringList { "2.0.0|0|9", "1.4.2|0|8" }));

        // Before any poll: nothing, and the page says so.
        state.setCustomRange({ kDay - 5 * 86400, kDay - 3 * 86400 });
        QVERIFY(reloadAndWait(page));
        QCOMPARE(page.releasesModel()->rowCount(), 0);
        QCOMPARE(page.versionsModel()->rowCount(), 0);
        QVERIFY(page.emptyState() && page.emptyState()->isVisible());
        if (const QString shots = qEnvironmentVariable("ACTIVITY_SCREENSHOTS"); !shots.isEmpty())
            page.grab().save(shots + QStringLiteral("/downloads-github-empty.png"));
    }
};

} // namespace activity

QTEST_MAIN(activity::TestDownloadsPage)
#include "tst_downloadspage.moc"
