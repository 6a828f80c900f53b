// The Downloads page (ui/pages/downloadspage.h) over requests stored by the real ingest writer, whose downloads the
// test knows by construction: per release and day, per file, per country; people's, or bots' under the switch. On
// both engines (tst_downloadspage_pg).
#include "core/demo/demotraffic.h"
#include "core/query/queryrunner.h"
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
            (QStringList { "1.5.0|2026-11-26|1|1|700", "1.5.0|2026-11-25|1|1|800", "1.4.2|2026-11-25|2|3|2300" }));
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
};

} // namespace activity

QTEST_MAIN(activity::TestDownloadsPage)
#include "tst_downloadspage.moc"
