#include "ui/pagefactory.h"

#include "core/query/queryrunner.h"
#include "core/query/trafficquery.h"
#include "ui/dialogs/notedialog.h"
#include "ui/mainwindow.h"
#include "ui/map/mappage.h"
#include "ui/pages/alertspage.h"
#include "ui/pages/apipage.h"
#include "ui/pages/botspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/downloadspage.h"
#include "ui/pages/healthpage.h"
#include "ui/pages/metricspage.h"
#include "ui/pages/overviewpage.h"
#include "ui/pages/trafficpage.h"
#include "ui/sources/sourcepanel.h"
#include "ui/viewstate.h"

namespace activity {

QWidget* PageFactory::create(PageId id, QueryRunner& runner, ViewState& state, QWidget* parent)
{
    switch (id) {
    case PageId::Overview:
        return new OverviewPage(runner, state, parent);
    case PageId::GitHub:
        return ApiPage::createGitHub(runner, state, parent);
    case PageId::DockerHub:
        return ApiPage::createDockerHub(runner, state, parent);
    case PageId::Metrics:
        return new MetricsPage(runner, state, parent);
    case PageId::Traffic:
        return new TrafficPage(runner, state, parent);
    case PageId::Map:
        return new MapPage(runner, state, parent);
    case PageId::Health:
        return new HealthPage(runner, state, parent);
    case PageId::Alerts:
        return new AlertsPage(runner, state, parent);
    case PageId::Downloads:
        return new DownloadsPage(runner, state, parent);
    case PageId::Bots:
        return new BotsPage(runner, state, parent);
    case PageId::Sources:
        return nullptr;
    }
    return nullptr;
}

void PageFactory::install(MainWindow& window, QueryRunner& runner, SourceService* sources, EventService* events)
{
    for (int i = 0; i < kPageCount; ++i) {
        if (QWidget* page = create(PageId(i), runner, *window.viewState()))
            window.setPage(PageId(i), page);
    }
    // The map's click filters the Traffic page and shows it.
    if (auto* map = qobject_cast<MapPage*>(window.page(PageId::Map)))
        QObject::connect(map, &MapPage::countryChosen, &window, [&window] { window.showPage(PageId::Traffic); });
    if (auto* overview = qobject_cast<OverviewPage*>(window.page(PageId::Overview)))
        QObject::connect(overview, &OverviewPage::narrowed, &window, [&window] { window.showPage(PageId::Traffic); });
    // An agent's row of the Bots page narrows the Traffic page to it and shows it.
    if (auto* bots = qobject_cast<BotsPage*>(window.page(PageId::Bots)))
        QObject::connect(bots, &BotsPage::narrowed, &window, [&window] { window.showPage(PageId::Traffic); });
    if (sources) {
        auto* panel = new SourcePanel(*sources, runner, window.viewState()->clock());
        window.setPage(PageId::Sources, panel);
        // A page's "Add a source" button: the Sources page, with the add form open on that type.
        for (int i = 0; i < kPageCount; ++i) {
            auto* page = qobject_cast<DashboardPage*>(window.page(PageId(i)));
            if (!page)
                continue;
            QObject::connect(page, &DashboardPage::addSourceRequested, panel, [&window, panel](const QString& type) {
                window.showPage(PageId::Sources);
                QMetaObject::invokeMethod(
                    panel, [panel, type] { panel->startAdd(type); }, Qt::QueuedConnection);
            });
        }
    }
    if (events) {
        for (int i = 0; i < kPageCount; ++i) {
            auto* page = qobject_cast<DashboardPage*>(window.page(PageId(i)));
            if (!page)
                continue;
            QObject::connect(page, &DashboardPage::noteRequested, &window, [&window, events](qint64 at) {
                NoteDialog dialog(*events, at, &window);
                dialog.exec(); // the new marker comes with the reload its commit starts
            });
        }
    }
    // The site filter lists what the database has; refreshed when new data arrives.
    auto tracker = std::make_shared<LatestTracker>();
    auto refreshSites = [&window, &runner, tracker] {
        tracker->submit<QStringList>(
            runner, &window, [](Database& db) { return TrafficQuery::sites(db); },
            [&window](QStringList sites) {
                if (sites != window.sites())
                    window.setSites(sites);
            });
    };
    refreshSites();
    QObject::connect(&runner, &QueryRunner::dataChanged, &window, refreshSites);
}

} // namespace activity
