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
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QSaveFile>
#include <QTimer>
#include <future>
#include <memory>
#include <vector>

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

// libpng's zlib at level 1 (Qt maps quality 80 to it): the files are 5% larger and written 40% faster than at the
// default level.
constexpr int kPngQuality = 80;
} // namespace

QString writePageImages(const QString& databasePath, const TimeRange& range, QSize size, const QString& outDir,
    bool compare, AgentScope agents)
{
    // The pages read "now" from the clock only for "today" figures: the report's end is its now.
    ManualClock clock(range.toSecs * 1000);
    QueryRunner runner(databasePath, 0);
    ViewState state(clock);
    state.setCustomRange({ range.fromSecs, range.toSecs });
    state.setComparePrevious(compare);
    state.setAgents(agents);
    const struct {
        PageId id;
        const char* file;
    } builtIn[] = { { PageId::Overview, "overview.png" }, { PageId::Traffic, "traffic.png" },
        { PageId::Map, "map.png" }, { PageId::GitHub, "github.png" }, { PageId::DockerHub, "dockerhub.png" },
        { PageId::Alerts, "alerts.png" } };
    struct Rendered {
        std::unique_ptr<QWidget> page;
        QString file;
        CustomPage* custom = nullptr; // also writes its CSV
    };
    std::vector<Rendered> pages;
    for (const auto& entry : builtIn)
        if (QWidget* page = PageFactory::create(entry.id, runner, state))
            pages.push_back({ std::unique_ptr<QWidget>(page), QString::fromLatin1(entry.file) });
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
        auto* page = new CustomPage(runner, state, spec, nullptr);
        pages.push_back({ std::unique_ptr<QWidget>(page), base + QStringLiteral(".png"), page });
    }

    // Every page asks its questions at once: the worker answers them back to back while this thread paints the
    // pages answered, and PNG encoding (a third of the work) runs on other threads.
    for (Rendered& r : pages) {
        r.page->setAttribute(Qt::WA_DontShowOnScreen);
        r.page->resize(size);
        r.page->show();
        if (auto* dashboard = qobject_cast<DashboardPage*>(r.page.get())) {
            dashboard->setEagerLoading(true);
            if (!dashboard->isLoading()) // showing it started the load already
                dashboard->reloadNow();
        }
    }
    std::vector<std::future<QString>> saves;
    const auto waitForSaves = [&saves] {
        QString first;
        for (auto& save : saves)
            if (QString error = save.get(); first.isEmpty())
                first = error;
        return first;
    };
    for (Rendered& r : pages) {
        if (auto* dashboard = qobject_cast<DashboardPage*>(r.page.get());
            dashboard && !waitForLoad(*dashboard, 60000)) {
            waitForSaves();
            return ReportPagesText::tr("report: timed out rendering %1").arg(r.file);
        }
        QCoreApplication::processEvents();
        // Pages are opaque: without the alpha channel, libpng has a quarter less to compress.
        QImage image = r.page->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const QString path = QDir(outDir).filePath(r.file);
        saves.push_back(std::async(std::launch::async, [image = std::move(image), path] {
            QSaveFile file(path);
            QImageWriter writer(&file, "png");
            writer.setQuality(kPngQuality);
            if (!file.open(QIODevice::WriteOnly) || !writer.write(image) || !file.commit())
                return ReportPagesText::tr("report: cannot write %1").arg(path);
            return QString();
        }));
        if (r.custom) {
            QSaveFile csv(QDir(outDir).filePath(QFileInfo(r.file).completeBaseName() + QStringLiteral(".csv")));
            if (!csv.open(QIODevice::WriteOnly) || csv.write(r.custom->csv()) < 0 || !csv.commit()) {
                waitForSaves();
                return ReportPagesText::tr("report: cannot write %1: %2").arg(csv.fileName(), csv.errorString());
            }
        }
        r.page.reset(); // its pixels are taken: the memory of a page at --size 8000x8000 is not kept
    }
    return waitForSaves();
}

} // namespace activity
