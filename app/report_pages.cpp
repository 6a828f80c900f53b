// `report`'s page images: the same page widgets the window shows, rendered offscreen.
#include "app/reportparts.h"
#include "core/dashboards/dashboardstore.h"
#include "core/query/queryrunner.h"
#include "core/storage/database.h"
#include "core/util/clock.h"
#include "ui/pagefactory.h"
#include "ui/pages/custompage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/viewstate.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QImage>
#include <QSaveFile>
#include <QTimer>
#include <memory>

namespace activity {

namespace {
struct ReportPagesText {
    Q_DECLARE_TR_FUNCTIONS(ReportPagesText)
};

// A page name as part of a file name: letters and digits kept (lower case), the rest as '-'.
QString fileNamePart(const QString& name)
{
    QString out;
    for (const QChar c : name.toLower())
        out += c.isLetterOrNumber() ? c : QLatin1Char('-');
    while (out.contains(QStringLiteral("--")))
        out.replace(QStringLiteral("--"), QStringLiteral("-"));
    out = out.mid(out.startsWith(QLatin1Char('-')) ? 1 : 0);
    if (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("page") : out.left(60);
}

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

QString writePageImages(
    const QString& databasePath, const TimeRange& range, QSize size, const QString& outDir, bool compare)
{
    // The pages read "now" from the clock only for "today" figures: the report's end is its now.
    ManualClock clock(range.toSecs * 1000);
    QueryRunner runner(databasePath, 0);
    ViewState state(clock);
    state.setCustomRange({ range.fromSecs, range.toSecs });
    state.setComparePrevious(compare);
    const struct {
        PageId id;
        const char* file;
    } pages[] = { { PageId::Overview, "overview.png" }, { PageId::Traffic, "traffic.png" }, { PageId::Map, "map.png" },
        { PageId::GitHub, "github.png" }, { PageId::DockerHub, "dockerhub.png" }, { PageId::Alerts, "alerts.png" } };
    const auto render = [&](QWidget* page, const QString& file) -> QString {
        page->setAttribute(Qt::WA_DontShowOnScreen);
        page->resize(size);
        page->show();
        if (auto* dashboard = qobject_cast<DashboardPage*>(page)) {
            dashboard->setEagerLoading(true);
            if (!dashboard->isLoading()) // showing it started the load already
                dashboard->reloadNow();
            if (!waitForLoad(*dashboard, 60000))
                return ReportPagesText::tr("report: timed out rendering %1").arg(file);
        }
        QCoreApplication::processEvents();
        const QString path = QDir(outDir).filePath(file);
        if (!page->grab().toImage().save(path, "PNG"))
            return ReportPagesText::tr("report: cannot write %1").arg(path);
        return {};
    };
    for (const auto& entry : pages) {
        std::unique_ptr<QWidget> page(PageFactory::create(entry.id, runner, state));
        if (!page)
            continue;
        if (QString error = render(page.get(), QString::fromLatin1(entry.file)); !error.isEmpty())
            return error;
    }
    // The pages the user built: custom-NAME.png, and what they draw as custom-NAME.csv.
    QList<DashboardSpec> custom;
    try {
        Database db(databasePath, Database::Mode::ReadOnly);
        custom = DashboardStore(db).list();
    } catch (const DatabaseError& e) {
        return e.message();
    }
    QStringList used;
    for (const DashboardSpec& spec : custom) {
        QString base = QStringLiteral("custom-") + fileNamePart(spec.name);
        if (used.contains(base))
            base += QStringLiteral("-%1").arg(spec.id);
        used.append(base);
        CustomPage page(runner, state, spec, nullptr);
        if (QString error = render(&page, base + QStringLiteral(".png")); !error.isEmpty())
            return error;
        QSaveFile csv(QDir(outDir).filePath(base + QStringLiteral(".csv")));
        if (!csv.open(QIODevice::WriteOnly) || csv.write(page.csv()) < 0 || !csv.commit())
            return ReportPagesText::tr("report: cannot write %1: %2").arg(csv.fileName(), csv.errorString());
    }
    return {};
}

} // namespace activity
