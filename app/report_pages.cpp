// `report`'s page images: the same page widgets the window shows, rendered offscreen.
#include "app/reportparts.h"
#include "core/query/queryrunner.h"
#include "core/util/clock.h"
#include "ui/dashboardpage.h"
#include "ui/pagefactory.h"
#include "ui/viewstate.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QImage>
#include <QTimer>
#include <memory>

namespace activity {

namespace {
struct ReportPagesText {
    Q_DECLARE_TR_FUNCTIONS(ReportPagesText)
};

// Waits (running the event loop) until the page has painted its data, or the timeout.
bool waitForLoad(DashboardPage& page, int timeoutMs)
{
    if (!page.isLoading())
        return true;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&page, &DashboardPage::loaded, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    // quit() lets the loop finish its batch of events, which may start another load: wait for that one too.
    while (page.isLoading() && timeout.isActive())
        loop.exec();
    return !page.isLoading();
}
} // namespace

QString writePageImages(const QString& databasePath, const TimeRange& range, QSize size, const QString& outDir)
{
    // The pages read "now" from the clock only for "today" figures: the report's end is its now.
    ManualClock clock(range.toSecs * 1000);
    QueryRunner runner(databasePath, 0);
    ViewState state(clock);
    state.setCustomRange({ range.fromSecs, range.toSecs });
    const struct {
        PageId id;
        const char* file;
    } pages[] = { { PageId::Overview, "overview.png" }, { PageId::Traffic, "traffic.png" }, { PageId::Map, "map.png" },
        { PageId::GitHub, "github.png" }, { PageId::DockerHub, "dockerhub.png" }, { PageId::Alerts, "alerts.png" } };
    for (const auto& entry : pages) {
        std::unique_ptr<QWidget> page(PageFactory::create(entry.id, runner, state));
        if (!page)
            continue;
        page->setAttribute(Qt::WA_DontShowOnScreen);
        page->resize(size);
        page->show();
        if (auto* dashboard = qobject_cast<DashboardPage*>(page.get())) {
            dashboard->setEagerLoading(true);
            if (!dashboard->isLoading()) // showing it started the load already
                dashboard->reloadNow();
            if (!waitForLoad(*dashboard, 60000))
                return ReportPagesText::tr("report: timed out rendering %1").arg(QString::fromLatin1(entry.file));
        }
        QCoreApplication::processEvents();
        const QString path = QDir(outDir).filePath(QString::fromLatin1(entry.file));
        if (!page->grab().toImage().save(path, "PNG"))
            return ReportPagesText::tr("report: cannot write %1").arg(path);
    }
    return {};
}

} // namespace activity
