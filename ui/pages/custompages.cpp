#include "ui/pages/custompages.h"

#include "core/dashboards/dashboardservice.h"
#include "core/query/dashboardquery.h"
#include "core/query/queryrunner.h"
#include "ui/mainwindow.h"
#include "ui/pages/custompage.h"

#include <QInputDialog>
#include <QMessageBox>
#include <memory>

namespace activity {

namespace {
QString keyOf(qint64 id)
{
    return QStringLiteral("custom-%1").arg(id);
}

void add(MainWindow& window, QueryRunner& runner, DashboardService& service, const DashboardSpec& spec)
{
    auto* page = new CustomPage(runner, *window.viewState(), spec, &service);
    window.addExtraPage(keyOf(spec.id), spec.name, page);
    QObject::connect(page, &CustomPage::renamed, &window,
        [&window](qint64 id, const QString& name) { window.renameExtraPage(keyOf(id), name); });
    QObject::connect(page, &CustomPage::removed, &window, [&window](qint64 id) { window.removeExtraPage(keyOf(id)); });
}
} // namespace

QString CustomPages::create(MainWindow& window, QueryRunner& runner, DashboardService& service, const QString& name)
{
    DashboardSpec spec;
    spec.name = name;
    if (Status added = service.add(spec); !added)
        return added.error();
    add(window, runner, service, spec);
    window.showExtraPage(keyOf(spec.id));
    return {};
}

QString CustomPages::keyForName(const MainWindow& window, const QString& name)
{
    for (const QString& key : window.extraPageKeys())
        if (auto* page = qobject_cast<CustomPage*>(window.extraPage(key)))
            if (page->spec().name.compare(name, Qt::CaseInsensitive) == 0)
                return key;
    return {};
}

void CustomPages::install(MainWindow& window, QueryRunner& runner, DashboardService& service)
{
    for (const DashboardSpec& spec : service.list())
        add(window, runner, service, spec);
    window.setNewPageEnabled(true);
    // Pages are rows like sources: one imported or removed by the command line (or another window) appears or
    // goes here without a restart; one changed elsewhere is redrawn.
    auto tracker = std::make_shared<LatestTracker>();
    QObject::connect(&runner, &QueryRunner::dataChanged, &window, [&window, &runner, &service, tracker] {
        tracker->submit<QList<DashboardSpec>>(
            runner, &window, [](Database& db) { return DashboardQuery::list(db); },
            [&window, &runner, &service](QList<DashboardSpec> specs) {
                QStringList keys;
                for (const DashboardSpec& spec : specs) {
                    keys.append(keyOf(spec.id));
                    auto* page = qobject_cast<CustomPage*>(window.extraPage(keyOf(spec.id)));
                    if (!page)
                        add(window, runner, service, spec);
                    else if (Dashboards::toJson(page->spec()) != Dashboards::toJson(spec)
                        || page->spec().name != spec.name)
                        page->redraw(spec);
                }
                for (const QString& key : window.extraPageKeys())
                    if (!keys.contains(key))
                        window.removeExtraPage(key);
            });
    });
    QObject::connect(&window, &MainWindow::newPageRequested, &window, [&window, &runner, &service] {
        bool ok = false;
        const QString name = QInputDialog::getText(&window, MainWindow::tr("New page"),
            MainWindow::tr("Name of the page (for example: Release week):"), QLineEdit::Normal, QString(), &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        if (const QString error = create(window, runner, service, name.trimmed()); !error.isEmpty())
            QMessageBox::warning(&window, MainWindow::tr("New page"), error);
    });
}

} // namespace activity
