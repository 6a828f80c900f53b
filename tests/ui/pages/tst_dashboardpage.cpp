// What every page does (ui/pages/dashboardpage.h): a card saying what is missing when there is nothing to draw, and
// the old screen kept while a new range loads.
#include "core/demo/demotraffic.h"
#include "core/query/queryrunner.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourceservice.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/dbwriter.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/fullwindow.h"
#include "tests/support/pageload.h"
#include "ui/charts/chartview.h"
#include "ui/mainwindow.h"
#include "ui/map/mappage.h"
#include "ui/pagefactory.h"
#include "ui/pages/apipage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/sources/sourceform.h"
#include "ui/sources/sourcepanel.h"
#include "ui/viewstate.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/metrictile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

namespace activity {

namespace {
constexpr qint64 kNow = 1795591815; // 2026-11-25

// Counts paint events of the widgets it watches.
class PaintCounter : public QObject {
public:
    int paints = 0;
    QElapsedTimer sinceShown; // started when the page is shown
    qint64 firstPaintMs = -1; // after sinceShown started
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && ++paints == 1 && sinceShown.isValid())
            firstPaintMs = sinceShown.elapsed();
        return QObject::eventFilter(watched, event);
    }
};

bool waitLoaded(DashboardPage* page)
{
    QSignalSpy loaded(page, &DashboardPage::loaded);
    return !page->isLoading() || loaded.wait(10000);
}

// The window on screen at 7 days: page `id` shown once and left for GitHub, then the range set to 30 days there, so
// the page holds the 7 days' data until it is shown again.
bool visitThenChangeRangeElsewhere(MainWindow& window, PageId id)
{
    auto* page = qobject_cast<DashboardPage*>(window.page(id));
    window.resize(1280, 800);
    window.viewState()->setPreset(RangePreset::Last7Days);
    window.showPage(PageId::GitHub);
    window.show();
    auto* github = qobject_cast<DashboardPage*>(window.page(PageId::GitHub));
    if (!QTest::qWaitForWindowExposed(&window) || !page || !github || !waitLoaded(github))
        return false;
    window.showPage(id);
    if (!waitLoaded(page))
        return false;
    window.showPage(PageId::GitHub);
    if (!waitLoaded(github))
        return false;
    window.viewState()->setPreset(RangePreset::Last30Days);
    return waitLoaded(github);
}
} // namespace

namespace {
constexpr qint64 kNoon = 1795564800 + 12 * 3600; // 2026-11-25 12:00 UTC

// The card's title, "" when no card is shown.
QString card(const DashboardPage& page)
{
    return page.emptyState() && page.emptyState()->isVisible() ? page.emptyState()->title() : QString();
}

void addSource(const QString& path, const char* type, const QJsonObject& settings)
{
    Database db(path);
    ManualClock clock(kNoon * 1000);
    SourceStore(db, clock).add(QString::fromLatin1(type), QStringLiteral("s"), settings);
}

void addRequest(const QString& path, qint64 ts)
{
    Database db(path);
    Transaction tx(db);
    DemoTrafficWriter w(db);
    DemoRequest r;
    r.ts = ts;
    r.site = "www";
    r.addr = QByteArray("\x51\x02\x45\x01", 4);
    r.country = "FR";
    r.method = "GET";
    r.path = "/";
    r.status = 200;
    r.bytes = 10;
    r.agent = "Firefox/132.0";
    w.add(r);
    w.finish();
    tx.commit();
}
} // namespace

class TestDashboardPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        makeDemoDatabase(m_dir.filePath(QStringLiteral("a.sqlite")), kNow, 20, 300);
    }

    // A new, empty database for each test (the paint-hold tests share the demo one of initTestCase).
    void init()
    {
        m_emptyDir = std::make_unique<QTemporaryDir>();
        m_path = m_emptyDir->filePath(QStringLiteral("e.sqlite"));
        Database db(m_path);
        Migrations::migrate(db);
        m_state = std::make_unique<ViewState>(m_clock);
        m_state->setCustomRange({ kNoon - 7 * 86400, kNoon });
    }

    // A page shown with the old range's data keeps the screen as it was until its answers come (up to a bound), rather
    // than paint stale charts first: what the user sees next is the new range, painted once.
    void pageShownWithStaleDataPaintsOnlyTheNewRange()
    {
        ManualClock clock(kNow * 1000);
        FullWindow full(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        MainWindow& window = full.window;
        // The range changes while Traffic is hidden: its charts hold the 7 days until it is shown again.
        auto* traffic = qobject_cast<DashboardPage*>(window.page(PageId::Traffic));
        QVERIFY(traffic);
        QVERIFY(visitThenChangeRangeElsewhere(window, PageId::Traffic));
        PaintCounter counter;
        const QList<ChartView*> charts = traffic->charts();
        QVERIFY(!charts.isEmpty());
        for (ChartView* chart : charts)
            chart->viewport()->installEventFilter(&counter);
        counter.sinceShown.start();
        window.showPage(PageId::Traffic);
        QVERIFY(traffic->isLoading());
        QVERIFY(!traffic->updatesEnabled()); // held: the 7 days' charts are not painted
        QSignalSpy loaded(traffic, &DashboardPage::loaded);
        int paintsBeforeAnswer = -1;
        qint64 answerMs = -1;
        connect(traffic, &DashboardPage::loaded, this, [&] {
            paintsBeforeAnswer = counter.paints;
            answerMs = counter.sinceShown.elapsed();
        });
        QVERIFY(loaded.wait(10000));
        // An answer slower than the hold (a loaded machine, a sanitizer build) lets the page paint once the hold
        // has passed, by design (aSlowAnswerShowsThePageAfterTheHold); never before it.
        if (answerMs < DashboardPage::kPaintHoldMs)
            QCOMPARE(paintsBeforeAnswer, 0);
        else
            QVERIFY2(counter.firstPaintMs < 0 || counter.firstPaintMs >= DashboardPage::kPaintHoldMs - 10,
                qPrintable(QStringLiteral("painted %1 ms after being shown").arg(counter.firstPaintMs)));
        QVERIFY(traffic->updatesEnabled());
        QTRY_VERIFY(counter.paints >= int(charts.size())); // then every chart paints, with the 30 days
        QCOMPARE(charts.first()->accessibleDescription().isEmpty(), false);
    }

    void aSlowAnswerShowsThePageAfterTheHold()
    {
        ManualClock clock(kNow * 1000);
        FullWindow full(m_dir.filePath(QStringLiteral("a.sqlite")), clock);
        MainWindow& window = full.window;
        auto* overview = qobject_cast<DashboardPage*>(window.page(PageId::Overview));
        QVERIFY(overview);
        QVERIFY(visitThenChangeRangeElsewhere(window, PageId::Overview));

        // The database answers slowly (a busy disk): the page is shown, as it is, once the hold has passed.
        full.runner.enqueue([](Database&) { QThread::msleep(1500); });
        QElapsedTimer timer;
        timer.start();
        window.showPage(PageId::Overview);
        QVERIFY(!overview->updatesEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(overview->updatesEnabled(), 1000);
        QVERIFY(overview->isLoading()); // still waiting for its answer, and on screen
        QVERIFY(timer.elapsed() < 1500);
        QVERIFY(waitLoaded(overview));
    }

    // A page with nothing to draw says what is missing, and its button opens the add form on the right type:
    // no source at all, sources but no data yet, data but none in the range, data in the range (no card).
    void apiPagesSayWhatIsMissing()
    {
        QueryRunner runner(m_path, 0);
        std::unique_ptr<ApiPage> github(ApiPage::createGitHub(runner, *m_state));
        QVERIFY(showLoaded(*github));
        QCOMPARE(card(*github), QStringLiteral("No GitHub repository is watched yet"));
        QPushButton* add = github->emptyState()->button();
        QVERIFY(add->isVisible());
        QCOMPARE(add->text(), QStringLiteral("Add a GitHub source"));
        QSignalSpy asked(github.get(), &DashboardPage::addSourceRequested);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.first().at(0).toString(), QStringLiteral("github"));

        // A source exists, its first poll has not come: no button, a different message.
        addSource(m_path, "dockerhub", { { "image", "library/nginx" } });
        std::unique_ptr<ApiPage> docker(ApiPage::createDockerHub(runner, *m_state));
        QVERIFY(showLoaded(*docker));
        QCOMPARE(card(*docker), QStringLiteral("Waiting for the first poll"));
        QVERIFY(!docker->emptyState()->button()->isVisible());
    }

    void trafficPagesSayWhatIsMissing()
    {
        QueryRunner runner(m_path, 0);
        TrafficPage traffic(runner, *m_state);
        MapPage map(runner, *m_state);
        QVERIFY(showLoaded(traffic));
        QVERIFY(showLoaded(map));
        QCOMPARE(card(traffic), QStringLiteral("No web server logs yet"));
        QCOMPARE(card(map), QStringLiteral("No web server logs yet"));
        QCOMPARE(traffic.emptyState()->sourceType(), QStringLiteral("syslog"));

        addSource(m_path, "syslog", { { "listen", "udp://127.0.0.1:5514" } });
        QVERIFY(showLoaded(traffic));
        QCOMPARE(card(traffic), QStringLiteral("Waiting for the first request"));

        addRequest(m_path, kNoon - 30 * 86400); // before the range
        QVERIFY(showLoaded(traffic));
        QCOMPARE(card(traffic), QStringLiteral("No requests in this range"));

        addRequest(m_path, kNoon - 3600);
        QVERIFY(showLoaded(traffic));
        QVERIFY(showLoaded(map));
        QCOMPARE(card(traffic), QString());
        QCOMPARE(card(map), QString());
    }

    // The Overview sums up every kind of source: with none it says so (and offers to add one); with sources but no
    // data yet, each empty tile and chart says what it waits for, instead of zeros.
    void overviewSaysWhatIsMissing()
    {
        QueryRunner runner(m_path, 0);
        OverviewPage page(runner, *m_state);
        QVERIFY(showLoaded(page));
        QCOMPARE(card(page), QStringLiteral("Nothing is watched yet"));
        QVERIFY(page.emptyState()->button()->isVisible());
        QCOMPARE(page.emptyState()->button()->text(), QStringLiteral("Add a source"));
        QCOMPARE(page.tile(0)->change(), QStringLiteral("nothing watched yet"));
        QCOMPARE(page.tile(2)->value(), QStringLiteral("–"));
        QCOMPARE(page.tile(2)->change(), QStringLiteral("no web server logs yet"));
        QVERIFY(page.tile(2)->sparkline().isEmpty());
        QCOMPARE(page.tile(4)->change(), QStringLiteral("no web server logs yet"));
        QVERIFY(page.trafficChart()->plottedPoints(0).isEmpty()); // no line of zeros
        QCOMPARE(page.trafficChart()->accessibleDescription(),
            QStringLiteral("No web server logs yet: add one on the Sources page."));
        QCOMPARE(page.starsChart()->accessibleDescription(),
            QStringLiteral("No GitHub repository is watched yet: add one on the Sources page."));

        // A log source and a repository, nothing received yet: no card; each part says what it waits for.
        addSource(m_path, "syslog", { { "listen", "udp://127.0.0.1:5514" } });
        addSource(m_path, "github", { { "repository", "acme/rocket" } });
        QVERIFY(reloadAndWait(page));
        QCOMPARE(card(page), QString());
        QCOMPARE(page.tile(0)->change(), QStringLiteral("no data yet"));
        QCOMPARE(page.tile(2)->change(), QStringLiteral("waiting for the first request"));
        QCOMPARE(page.trafficChart()->accessibleDescription(),
            QStringLiteral("Waiting for the first request: the log sources set up store requests as they arrive."));
        QCOMPARE(page.starsChart()->accessibleDescription(),
            QStringLiteral("No star count in this range yet: it appears after the next poll."));

        // The first request: figures, and a line (zeros included) from the day it came, not zeros before it.
        addRequest(m_path, kNoon - 3600);
        QVERIFY(reloadAndWait(page));
        QCOMPARE(page.tile(2)->value(), QStringLiteral("1"));
        QCOMPARE(page.tile(4)->value(), QStringLiteral("France (FR)"));
        const QList<QPointF> line = page.trafficChart()->plottedPoints(0);
        QCOMPARE(line.size(), 12); // hours of the first day (UTC) up to 12:00
        QCOMPARE(line.first().x(), double(kNoon - 12 * 3600) * 1000.0);
        QCOMPARE(line[11].y(), 1.0);
        // A range that ends before the first request: nothing drawn, and why.
        m_state->setCustomRange({ kNoon - 30 * 86400, kNoon - 20 * 86400 });
        QVERIFY(reloadAndWait(page));
        QVERIFY(page.trafficChart()->plottedPoints(0).isEmpty());
        QCOMPARE(page.trafficChart()->accessibleDescription(),
            QStringLiteral("No requests in this range: the logs start after it."));
    }

    void theButtonOpensTheAddFormOnItsType()
    {
        FullWindow full(m_path, m_clock);
        MainWindow& window = full.window;
        window.showPage(PageId::DockerHub);
        window.show();
        auto* page = qobject_cast<DashboardPage*>(window.page(PageId::DockerHub));
        QVERIFY(page);
        QTRY_COMPARE_WITH_TIMEOUT(card(*page), QStringLiteral("No Docker Hub image is watched yet"), 10000);
        QString formType;
        // The form is modal (its own event loop): a timer reads it, then closes it.
        QTimer closer;
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, this, [&formType] {
            if (auto* form = qobject_cast<SourceForm*>(QApplication::activeModalWidget())) {
                formType = form->type();
                form->reject();
            }
        });
        closer.start();
        QTest::mouseClick(page->emptyState()->button(), Qt::LeftButton);
        QTRY_COMPARE(formType, QStringLiteral("dockerhub"));
        QCOMPARE(window.currentPage(), PageId::Sources);
    }

private:
    QTemporaryDir m_dir;

    std::unique_ptr<QTemporaryDir> m_emptyDir;
    QString m_path;
    ManualClock m_clock { kNoon * 1000 };
    std::unique_ptr<ViewState> m_state;
};

} // namespace activity

QTEST_MAIN(activity::TestDashboardPage)
#include "tst_dashboardpage.moc"
