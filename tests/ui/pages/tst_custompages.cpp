#include "core/demo/demodata.h"
#include "core/query/trafficquery.h"
#include "core/storage/migrations.h"
#include "core/util/clock.h"
#include "tests/support/demodatabase.h"
#include "tests/support/fullwindow.h"
#include "tests/support/teststore.h"
#include "ui/charts/chartview.h"
#include "ui/dialogs/paneleditor.h"
#include "ui/kiosk/kioskcontroller.h"
#include "ui/pages/custompage.h"
#include "ui/viewstate.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/metrictile.h"

#include <QApplication>
#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace activity {

namespace {
constexpr qint64 kNow = 1795564800 + 12 * 3600; // 2026-11-25 12:00 UTC

PanelSpec panel(PanelSpec::Kind kind, QStringList series, int width = 1, int height = 1, QString title = {})
{
    PanelSpec p;
    p.kind = kind;
    p.series = std::move(series);
    p.width = width;
    p.height = height;
    p.title = std::move(title);
    return p;
}

QList<int> cell(CustomPage& page, int index)
{
    auto* grid = page.findChild<QGridLayout*>();
    int row = 0, column = 0, rows = 0, columns = 0;
    grid->getItemPosition(grid->indexOf(page.panelWidgets().at(index)), &row, &column, &rows, &columns);
    return { row, column, rows, columns };
}
} // namespace

// A page the user builds in the window: made from the page list's button, panels added, laid out on the
// grid, reordered by dragging, saved in the database and shown again after a restart.
class TestCustomPages : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_path = TestStore::location(m_dir, QStringLiteral("a"));
        makeDemoDatabase(m_path, kNow, 7, 300);
    }

    void newPageFromTheWindow()
    {
        FullWindow full(m_path, m_clock);
        full.window.viewState()->setSite({});
        QVERIFY(!full.window.newPageButton()->isHidden());
        QCOMPARE(CustomPages::create(full.window, full.runner, full.dashboards, "Release week"), QString());
        QCOMPARE(full.window.pageNames().last(), QString("Release week"));
        auto* page = qobject_cast<CustomPage*>(full.window.extraPage(full.window.extraPageKeys().last()));
        QVERIFY(page);
        QVERIFY(page->isVisibleTo(&full.window) || full.window.extraPageKeys().size() == 1);
        QVERIFY(page->emptyState() && page->emptyState()->title().contains("no panel yet"));
        QVERIFY(CustomPages::create(full.window, full.runner, full.dashboards, "Release week").contains("exists"));
    }

    void panelsOnTheGridShowTheFigures()
    {
        FullWindow full(m_path, m_clock);
        full.window.viewState()->setSite({});
        full.window.viewState()->setPreset(RangePreset::Last7Days);
        auto* page
            = qobject_cast<CustomPage*>(full.window.extraPage(CustomPages::keyForName(full.window, "Release week")));
        QVERIFY(page);
        DashboardSpec spec = page->spec();
        spec.panels = { panel(PanelSpec::Kind::Figure, { "traffic.requests" }, 1, 1, "Requests"),
            panel(PanelSpec::Kind::Figure, { "github.stars{repo=\"acme/widget\"}" }),
            panel(PanelSpec::Kind::Line, { "traffic.requests", "traffic.errors" }, 2, 2),
            panel(PanelSpec::Kind::Table, { "traffic.requests", "traffic.bytes" }, 4),
            panel(PanelSpec::Kind::Bars, { "traffic.status.4xx" }, 3) };
        QCOMPARE(page->apply(spec), QString());
        // Auto-flow on four columns: two figures, the line beside them two rows high, the table under all,
        // the 3-column bars on the next row.
        QCOMPARE(cell(*page, 0), QList<int>({ 0, 0, 1, 1 }));
        QCOMPARE(cell(*page, 1), QList<int>({ 0, 1, 1, 1 }));
        QCOMPARE(cell(*page, 2), QList<int>({ 0, 2, 2, 2 }));
        QCOMPARE(cell(*page, 3), QList<int>({ 2, 0, 1, 4 }));
        QCOMPARE(cell(*page, 4), QList<int>({ 3, 0, 1, 3 }));
        full.window.showExtraPage(CustomPages::keyForName(full.window, "Release week"));
        full.window.show();
        QTRY_VERIFY(!page->isLoading() && page->panelWidgets().first()->findChild<MetricTile*>()->value() != "–");
        const TimeRange range = full.window.viewState()->range();
        Database db(m_path, Database::Mode::ReadOnly);
        const qint64 requests = TrafficQuery::totals(db, { range, {}, {} }).requests;
        QVERIFY(requests > 1000);
        auto* tile = page->panelWidgets().first()->findChild<MetricTile*>();
        QCOMPARE(tile->value(), QLocale().toString(requests));
        QCOMPARE(tile->title(), QString("Requests"));
        auto* stars = page->panelWidgets().at(1)->findChild<MetricTile*>();
        QVERIFY2(stars->change() == "latest value" && stars->value() != "–", qPrintable(stars->value()));
        auto* chart = page->panelWidgets().at(2)->findChild<ChartView*>();
        QCOMPARE(chart->data().size(), 2);
        QCOMPARE(chart->data().at(0).name, QString("Requests"));
        QCOMPARE(chart->data().at(1).name, QString("Requests answered 4xx or 5xx"));
        double plotted = 0;
        for (const QPointF& p : chart->data().at(0).points)
            plotted += p.y();
        QCOMPARE(qint64(plotted), requests);
        auto* table = page->panelWidgets().at(3)->findChild<QTableView*>();
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(0, 1).data().toString(), QLocale().toString(requests));
        QCOMPARE(table->accessibleName(), QString("Requests"));

        // The header's switch narrows the traffic panels to people's (or bots') requests; a status class, which
        // the rollups do not split by who asked, stays everyone's.
        auto* bars = page->panelWidgets().at(4)->findChild<ChartView*>();
        const auto sum = [](const ChartView* view) {
            double total = 0;
            for (const QPointF& p : view->data().value(0).points)
                total += p.y();
            return qint64(total);
        };
        const qint64 errorsBefore = sum(bars);
        TrafficFilter people { range, {}, {} };
        people.agents = AgentScope::Humans;
        const qint64 humans = TrafficQuery::totals(db, people).requests;
        QVERIFY(humans > 0 && humans < requests);
        full.window.viewState()->setAgents(AgentScope::Humans);
        QTRY_COMPARE(tile->value(), QLocale().toString(humans));
        QTRY_COMPARE(sum(chart), humans);
        QCOMPARE(sum(bars), errorsBefore);
        full.window.viewState()->setAgents(AgentScope::All);
        QTRY_COMPARE(tile->value(), QLocale().toString(requests));
    }

    void draggedPanelSwapsPlacesAndStays()
    {
        FullWindow full(m_path, m_clock);
        auto* page
            = qobject_cast<CustomPage*>(full.window.extraPage(CustomPages::keyForName(full.window, "Release week")));
        QVERIFY(page);
        full.window.resize(1280, 800);
        full.window.showExtraPage(CustomPages::keyForName(full.window, "Release week"));
        full.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&full.window));
        QCOMPARE(page->spec().panels.at(0).title, QString("Requests"));
        // Panel 0 dropped on the table (panel 3).
        auto* mime = new QMimeData;
        mime->setData("application/x-activity-panel", "0");
        const QPoint target = page->panelWidgets().at(3)->geometry().center();
        QDragEnterEvent enter(target, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(page, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(target, Qt::MoveAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(page, &drop);
        QTRY_COMPARE(page->spec().panels.at(3).title, QString("Requests"));
        delete mime;
        const auto saved = full.dashboards.get(page->spec().id);
        QVERIFY(saved);
        QCOMPARE(saved->panels.at(3).title, QString("Requests"));
        QCOMPARE(saved->panels.at(0).kind, PanelSpec::Kind::Figure);
        QCOMPARE(saved->panels.size(), 5);
    }

    void kioskRotatesThroughTheUsersPages()
    {
        FullWindow full(m_path, m_clock);
        QString bad;
        QStringList others;
        const QList<PageId> fixed = KioskController::parsePages("overview,release week", &bad, &others);
        QCOMPARE(fixed, QList<PageId>({ PageId::Overview }));
        QCOMPARE(others, QStringList({ "release week" }));
        const QString key = CustomPages::keyForName(full.window, others.first());
        QCOMPARE(key, QString("custom-%1").arg(qobject_cast<CustomPage*>(full.window.extraPage(key))->spec().id));
        QVERIFY(CustomPages::keyForName(full.window, "nope").isEmpty());
        ManualClock clock(kNow * 1000);
        KioskController kiosk(full.window, full.runner, clock, fixed, 30);
        kiosk.setExtraPages({ key }, false);
        kiosk.start(false);
        QCOMPARE(full.window.findChild<QListWidget*>("pageList")->currentRow(), int(PageId::Overview));
        clock.advanceSecs(30);
        kiosk.tick();
        QCOMPARE(full.window.findChild<QListWidget*>("pageList")->currentRow(),
            kPageCount + int(full.window.extraPageKeys().indexOf(key)));
        QVERIFY(qobject_cast<CustomPage*>(full.window.extraPage(key))->isVisible());
        clock.advanceSecs(30);
        kiosk.tick();
        QCOMPARE(full.window.findChild<QListWidget*>("pageList")->currentRow(), int(PageId::Overview));
    }

    void pagesMadeElsewhereAppearWithoutARestart()
    {
        FullWindow full(m_path, m_clock);
        full.window.show();
        const int before = int(full.window.pageNames().size());
        // The command line (another process, its own writer) imports a page, then removes it.
        DbWriter otherWriter(m_path);
        DashboardService other(otherWriter, m_clock);
        DashboardSpec spec;
        spec.name = "From the terminal";
        spec.panels = { panel(PanelSpec::Kind::Line, { "traffic.requests" }, 4) };
        QCOMPARE(other.add(spec).error(), QString());
        // What the window's runner says when its poll sees another connection's commit (FullWindow does not poll).
        emit full.runner.dataChanged();
        QTRY_VERIFY_WITH_TIMEOUT(full.window.pageNames().contains("From the terminal"), 10000);
        QCOMPARE(int(full.window.pageNames().size()), before + 1);
        spec.name = "Renamed in the terminal";
        QCOMPARE(other.update(spec).error(), QString());
        emit full.runner.dataChanged();
        QTRY_VERIFY_WITH_TIMEOUT(full.window.pageNames().contains("Renamed in the terminal"), 10000);
        QCOMPARE(other.remove(spec.id).error(), QString());
        emit full.runner.dataChanged();
        QTRY_COMPARE_WITH_TIMEOUT(int(full.window.pageNames().size()), before, 10000);
    }

    void editorOffersEverySeries()
    {
        FullWindow full(m_path, m_clock);
        PanelEditor editor(full.runner, {});
        QTRY_VERIFY(editor.seriesList()->count() > 20);
        QStringList ids;
        for (int i = 0; i < editor.seriesList()->count(); ++i)
            ids.append(editor.seriesList()->item(i)->data(Qt::UserRole).toString());
        QVERIFY(ids.contains("traffic.share.5xx"));
        QVERIFY(ids.contains("github.stars{repo=\"acme/widget\"}"));
        QVERIFY(ids.contains("traffic.requests{site=\"docs\"}"));
        editor.setSeriesChecked("traffic.share.5xx", true);
        editor.kindBox()->setCurrentIndex(editor.kindBox()->findData("figure"));
        editor.titleEdit()->setText("Errors");
        editor.typedEdit()->setText("traffic.requests{path=\"/not-listed\"}");
        QCOMPARE(editor.addTyped(), QString());
        editor.typedEdit()->setText("traffic.requests{path=/x}");
        QVERIFY(editor.addTyped().contains("is not a series id"));
        const PanelSpec p = editor.panel();
        QCOMPARE(p.series, QStringList({ "traffic.share.5xx", "traffic.requests{path=\"/not-listed\"}" }));
        QCOMPARE(p.kind, PanelSpec::Kind::Figure);
        QCOMPARE(p.title, QString("Errors"));
    }

    void renamedAndRemovedPagesLeaveTheList()
    {
        FullWindow full(m_path, m_clock);
        auto* page
            = qobject_cast<CustomPage*>(full.window.extraPage(CustomPages::keyForName(full.window, "Release week")));
        QVERIFY(page);
        DashboardSpec spec = page->spec();
        spec.name = "Launch";
        QCOMPARE(page->apply(spec), QString());
        const qint64 id = page->spec().id;
        QCOMPARE(full.window.pageNames().last(), QString("Launch"));
        QCOMPARE(full.dashboards.get(id)->name, QString("Launch"));
        const int before = int(full.window.pageNames().size());
        QCOMPARE(full.dashboards.remove(id).error(), QString());
        emit page->removed(id); // what the page's Delete does once the service has removed it
        QTRY_COMPARE(int(full.window.pageNames().size()), before - 1);
        QVERIFY(!full.window.pageNames().contains("Launch"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock { kNow * 1000 };
};

} // namespace activity

QTEST_MAIN(activity::TestCustomPages)
#include "tst_custompages.moc"
