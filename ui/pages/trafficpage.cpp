#include "ui/pages/trafficpage.h"

#include "core/query/buckets.h"
#include "core/query/movers.h"
#include "core/query/trafficpagequery.h"
#include "core/util/clock.h"
#include "ui/charts/chartview.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/format.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"
#include "ui/widgets/whatchangedpanel.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>

namespace activity {

namespace {
// Status classes in the colours people expect: success green, redirects blue, client errors orange, server red.
const QColor kClassColours[5] = { QColor(0x99, 0x99, 0x99), QColor(0x00, 0x9E, 0x73), QColor(0x56, 0xB4, 0xE9),
    QColor(0xE6, 0x9F, 0x00), QColor(0xD5, 0x3E, 0x2F) };

QList<QVariant> itemRow(const QString& label, const TopItem& item, qint64 total, bool withBytes)
{
    QList<QVariant> row { label, item.requests };
    row.append(total > 0 ? QVariant(100.0 * double(item.requests) / double(total)) : QVariant(0.0));
    if (withBytes)
        row.append(item.bytes);
    return row;
}

QString translatedFamily(const QString& name)
{
    if (name == QLatin1String("Crawlers"))
        return TrafficPage::tr("Crawlers");
    if (name == QLatin1String("Other"))
        return TrafficPage::tr("Other");
    return name;
}
} // namespace

TrafficPage::TrafficPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
    , m_rawRunner(std::make_unique<QueryRunner>(runner.databasePath(), 0))
    , m_listCache(std::make_shared<TopListCache>())
{
    setObjectName(QStringLiteral("trafficPage"));
    auto* layout = new QVBoxLayout(this);
    auto* tiles = new QHBoxLayout;
    for (const QString& title : { tr("Requests"), tr("Visitors"), tr("Bandwidth"), tr("Errors (4xx and 5xx)") }) {
        auto* tile = new MetricTile(title, this);
        tile->setMaximumHeight(140);
        m_tiles.append(tile);
        tiles->addWidget(tile);
    }
    layout->addLayout(tiles);
    auto* grid = new QGridLayout;
    m_requests = new ChartView(this);
    m_requests->setObjectName(QStringLiteral("requestsChart"));
    m_requests->setTitle(tr("Requests and visitors"));
    m_status = new ChartView(this);
    m_status->setObjectName(QStringLiteral("statusChart"));
    m_status->setTitle(tr("Requests by status class"));
    m_status->setToolTip(tr("Click a band to narrow the page to its status class"));
    connect(m_status, &ChartView::seriesClicked, this,
        [this](int band) { this->state().setStatus(m_firstBandClass + band); });
    m_bandwidth = new ChartView(this);
    m_bandwidth->setObjectName(QStringLiteral("bandwidthChart"));
    m_bandwidth->setTitle(tr("Bandwidth"));
    m_bandwidth->setValueFormatter([](double v) { return Format::bytes(qint64(v)); });
    m_bandwidth->setBytesAxis(true);
    m_hours = new ChartView(this);
    m_hours->setObjectName(QStringLiteral("hourChart"));
    m_hours->setTitle(tr("Requests by hour of day"));
    m_tabs = new QTabWidget(this);
    m_tabs->setAccessibleName(tr("Top lists"));
    m_tabs->setDocumentMode(true); // flatter tabs: narrower, and the lists' frames are enough
    const QStringList titles
        = { tr("Paths"), tr("404s"), tr("Referrers"), tr("Browsers"), tr("OS"), tr("Countries"), tr("Status") };
    const QStringList first = { tr("Path"), tr("Path"), tr("Referrer"), tr("Browser"), tr("Operating system"),
        tr("Country"), tr("Status code") };
    for (int t = 0; t < TableCount; ++t) {
        QStringList headers { first[t], tr("Requests"), tr("%") };
        if (t == Paths || t == NotFound)
            headers.append(tr("Bytes"));
        m_models[t] = new RowsModel(headers, this);
        if (t == Paths || t == NotFound)
            m_models[t]->setBytesColumn(3);
        m_views[t] = new QTableView(m_tabs);
        nameTable(m_views[t], titles[t]);
        m_views[t]->setModel(m_models[t]);
        m_views[t]->verticalHeader()->hide();
        // One line of text per row: the style's default row is twice that, and showed half the top list.
        m_views[t]->verticalHeader()->setDefaultSectionSize(m_views[t]->fontMetrics().height() + 8);
        m_views[t]->setWordWrap(false);
        m_views[t]->setTextElideMode(Qt::ElideMiddle);
        m_views[t]->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        for (int c = 1; c < int(headers.size()); ++c)
            m_views[t]->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
        m_tabs->addTab(m_views[t], titles[t]);
    }
    // Clicking a country (or Enter on it) narrows every traffic page to it; the filter chip removes it.
    const auto narrow = [this](const QModelIndex& index) {
        const QString code = m_countryCodes.value(index.row());
        if (!code.isEmpty() && code != this->state().country())
            this->state().setCountry(code);
    };
    connect(m_views[Countries], &QTableView::clicked, this, narrow);
    connect(m_views[Countries], &QTableView::activated, this, narrow);
    m_views[Countries]->setToolTip(tr("Click a country to narrow the page to it"));
    // Paths and status codes the same way; a band of the status chart narrows to its class.
    const auto narrowPath = [this](const QModelIndex& index) {
        if (index.row() < m_pathKeys.size())
            this->state().setPath(m_pathKeys[index.row()]);
    };
    connect(m_views[Paths], &QTableView::clicked, this, narrowPath);
    connect(m_views[Paths], &QTableView::activated, this, narrowPath);
    m_views[Paths]->setToolTip(tr("Click a path to narrow the page to it"));
    const auto narrowStatus = [this](const QModelIndex& index) {
        if (index.row() < m_statusCodes.size())
            this->state().setStatus(m_statusCodes[index.row()]);
    };
    connect(m_views[Statuses], &QTableView::clicked, this, narrowStatus);
    connect(m_views[Statuses], &QTableView::activated, this, narrowStatus);
    m_views[Statuses]->setToolTip(tr("Click a status code to narrow the page to it"));
    m_whatChanged = new WhatChangedPanel(m_tabs);
    m_tabs->addTab(m_whatChanged, tr("What changed"));
    connect(
        m_whatChanged, &WhatChangedPanel::narrowRequested, this, [this](const QString& dimension, const QString& key) {
            WhatChangedPanel::narrow(this->state(), dimension, key);
        });
    grid->addWidget(m_requests, 0, 0);
    grid->addWidget(m_status, 0, 1);
    grid->addWidget(m_bandwidth, 1, 0);
    grid->addWidget(m_hours, 1, 1);
    grid->addWidget(m_tabs, 0, 2, 2, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 3);
    grid->setColumnStretch(2, 5); // seven tabs side by side at 1280 pixels (no scroll arrows hiding one)
    layout->addLayout(grid, 1);
}

void TrafficPage::showErrors(qint64 errors, qint64 requests)
{
    m_tiles[3]->setFigures(requests > 0
            ? QLocale().toString(100.0 * double(errors) / double(requests), 'f', 1) + QStringLiteral("%")
            : QStringLiteral("–"),
        tr("%1 requests").arg(Format::count(double(errors))), 0, {});
}

void TrafficPage::showStatusCodes(const QList<TopItem>& codes, qint64 requests)
{
    QList<QList<QVariant>> rows;
    m_statusCodes.clear();
    for (const TopItem& item : codes) {
        m_statusCodes.append(item.key.toInt());
        rows.append(itemRow(QString::fromLatin1(item.key), item, requests, false));
    }
    m_models[Statuses]->setRows(rows);
}

void TrafficPage::reload()
{
    const TimeRange range = state().range();
    TrafficFilter filter { range, state().site(), state().country() };
    filter.path = state().path();
    filter.status = state().status();
    filter.agents = state().agents();
    filter.referrer = state().referrer();
    filter.userAgent = state().userAgent();
    const qint64 step = Buckets::stepFor(range);
    // Only a country filter splits the work: charts from rollups, its paths and errors from raw rows with the
    // lists. Narrowed to a path or status, the charts' query reads raw rows and brings them all.
    const bool byCountry = !filter.country.isEmpty() && !filter.readsRawRows();
    query<TrafficPageData>(
        m_rollupTracker, [filter, step](Database& db) { return TrafficPageQuery::charts(db, filter, step); },
        [this, range, byCountry, incomplete = Buckets::incompleteFrom(range, step, state().clock().nowSecs())](
            TrafficPageData d) {
            m_rollupMs = d.elapsedMs;
            showTrafficPresence(d.totals.requests, d.presence);
            showTiles(d, range, incomplete);
            // Status rollups are not split by country: under a country filter the share comes with the raw lists.
            if (!byCountry)
                showErrors(d.errors, d.totals.requests);
            showCharts(d, range, incomplete, byCountry);
            showRollupLists(d, byCountry);
            m_rollupPaintMs = sinceLoadStartMs();
        });
    query<TrafficPageLists>(
        *m_rawRunner, m_rawTracker,
        [filter, cache = m_listCache](Database& db) { return TrafficPageQuery::lists(db, filter, cache.get()); },
        [this, byCountry](TrafficPageLists d) { showRawLists(d, byCountry); });
    // What rose or fell, for the site and country (raw rows at the edges: on the lists' worker).
    struct Moved {
        QList<Mover> movers;
        qint64 requests = 0; // in the range and the period before
    };
    m_whatChanged->setEveryonesRequests(filter.agents != AgentScope::All);
    query<Moved>(
        *m_rawRunner, m_moversTracker,
        [filter](Database& db) {
            const TrafficFilter both { { filter.range.fromSecs - filter.range.length(), filter.range.toSecs },
                filter.site, filter.country };
            return Moved { Movers::between(db, filter), TrafficQuery::totals(db, both).requests };
        },
        [this](Moved m) { m_whatChanged->setMovers(m.movers, m.requests); });
}

void TrafficPage::showTiles(const TrafficPageData& d, const TimeRange& range, qint64 incomplete)
{
    // The period before is compared only when data covers it: one that holds a few hours of the first day made
    // "+575,670.5%" of a site's first 90 days.
    const bool comparable = d.presence.firstDaySecs >= 0 && d.presence.firstDaySecs <= range.fromSecs - range.length();
    const QString since = d.presence.firstDaySecs < 0
        ? QString()
        : tr("data since %1")
              .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(d.presence.firstDaySecs, QTimeZone::utc()).date(),
                  QLocale::ShortFormat));
    const auto vsPrevious = [comparable, since](qint64 before, qint64 now) {
        if (!comparable)
            return since;
        const QString pct = Format::percentChange(double(before), double(now));
        return pct.isEmpty() ? QString() : tr("%1 vs the previous period").arg(pct);
    };
    const auto trend = [comparable](qint64 before, qint64 now) {
        return comparable ? Buckets::trend(double(before), double(now)) : 0;
    };
    const FilledTraffic& f = d.series;
    constexpr int kSparkPoints = 80;
    const qsizetype partial
        = Buckets::thinnedIndex(Buckets::indexFrom(f.requests, incomplete), f.requests.size(), kSparkPoints);
    m_tiles[0]->setFigures(Format::count(double(d.totals.requests)), vsPrevious(d.previous.requests, d.totals.requests),
        trend(d.previous.requests, d.totals.requests), Buckets::thin(Buckets::values(f.requests), kSparkPoints),
        partial);
    m_tiles[1]->setFigures(Format::count(double(d.totals.visitors)), vsPrevious(d.previous.visitors, d.totals.visitors),
        trend(d.previous.visitors, d.totals.visitors), Buckets::thin(Buckets::values(f.visitors), kSparkPoints),
        partial);
    m_tiles[2]->setFigures(Format::bytes(d.totals.bytes), vsPrevious(d.previous.bytes, d.totals.bytes), 0,
        Buckets::thin(Buckets::values(f.bytes), kSparkPoints), partial);
}

void TrafficPage::showCharts(const TrafficPageData& d, const TimeRange& range, qint64 incomplete, bool byCountry)
{
    const FilledTraffic& f = d.series;
    m_status->setTitle(byCountry ? tr("Requests by status class (all countries)") : tr("Requests by status class"));
    m_requests->setIncompleteFrom(incomplete);
    m_bandwidth->setIncompleteFrom(incomplete);
    m_requests->setTimeSeries({ { tr("Requests"), f.requests }, { tr("Visitors"), f.visitors } }, range,
        ChartView::Style::Lines, QStringLiteral("count"));
    m_bandwidth->setTimeSeries(
        { { tr("Bytes sent"), f.bytes } }, range, ChartView::Style::Lines, QStringLiteral("bytes"));
    QList<ChartSeries> classes;
    // 1xx is rare: keep it out of the stack unless present.
    m_firstBandClass = f.hasInformational() ? 1 : 2;
    for (int c = m_firstBandClass - 1; c < 5; ++c)
        classes.append({ QStringLiteral("%1xx").arg(c + 1), f.statusClasses[size_t(c)], kClassColours[c] });
    m_status->setTimeSeries(classes, range, ChartView::Style::StackedArea, QStringLiteral("requests"));
    QStringList hours;
    QList<QPointF> hourPoints;
    for (int h = 0; h < 24; ++h) {
        hours.append(QString::number(h));
        hourPoints.append(QPointF(h, double(d.hours.value(h))));
    }
    m_hours->setCategories(hours, { { tr("Requests"), hourPoints } }, QStringLiteral("hour"));
}

void TrafficPage::showRollupLists(const TrafficPageData& d, bool byCountry)
{
    QList<QList<QVariant>> rows;
    if (!byCountry) { // else the paths and codes come with the lists, from raw rows
        m_pathKeys.clear();
        for (const TopItem& item : d.paths) {
            m_pathKeys.append(item.key);
            rows.append(itemRow(QString::fromUtf8(item.key), item, d.totals.requests, true));
        }
        m_models[Paths]->setRows(rows);
        showStatusCodes(d.statusCodes, d.totals.requests);
    }
    rows.clear();
    m_countryCodes.clear();
    for (const TopItem& item : d.countries) {
        m_countryCodes.append(QString::fromUtf8(item.key));
        rows.append(itemRow(Format::country(m_countryCodes.last()), item, d.totals.requests, false));
    }
    m_models[Countries]->setRows(rows);
}

void TrafficPage::showRawLists(const TrafficPageLists& d, bool byCountry)
{
    const qint64 total = d.agentRequests;
    qint64 notFound = 0;
    for (const TopItem& item : d.notFound)
        notFound += item.requests;
    QList<QList<QVariant>> rows;
    for (const TopItem& item : d.notFound)
        rows.append(itemRow(QString::fromUtf8(item.key), item, notFound, true));
    m_models[NotFound]->setRows(rows);
    rows.clear();
    for (const TopItem& item : d.referrers)
        rows.append(itemRow(QString::fromUtf8(item.key), item, total, false));
    m_models[Referrers]->setRows(rows);
    if (byCountry) {
        showErrors(d.countryErrors, d.countryRequests);
        rows.clear();
        m_pathKeys.clear();
        for (const TopItem& item : d.countryPaths) {
            m_pathKeys.append(item.key);
            rows.append(itemRow(QString::fromUtf8(item.key), item, d.countryRequests, true));
        }
        m_models[Paths]->setRows(rows);
        showStatusCodes(d.countryStatusCodes, d.countryRequests);
    }
    const auto fill = [total](const FamilyCounts& counts) {
        QList<QList<QVariant>> out;
        for (const auto& [name, n] : counts)
            out.append({ translatedFamily(name), n, total > 0 ? 100.0 * double(n) / double(total) : 0.0 });
        return out;
    };
    m_models[Browsers]->setRows(fill(d.browsers));
    m_models[Systems]->setRows(fill(d.systems));
}

// The period before, under the same filters and in the range's buckets: requests, visitors, bytes, and the status
// chart's total (a stack has no one line to set beside it).
void TrafficPage::reloadPrevious(const TimeRange& before)
{
    TrafficFilter filter { before, state().site(), state().country() };
    filter.path = state().path();
    filter.status = state().status();
    filter.agents = state().agents();
    filter.referrer = state().referrer();
    filter.userAgent = state().userAgent();
    const qint64 step = Buckets::stepFor(state().range());
    query<FilledTraffic>(
        m_previousTracker, [filter, step](Database& db) { return TrafficPageQuery::charts(db, filter, step).series; },
        [this](FilledTraffic f) {
            m_requests->setPreviousSeries({ { tr("Requests"), f.requests }, { tr("Visitors"), f.visitors } });
            m_bandwidth->setPreviousSeries({ { tr("Bytes sent"), f.bytes } });
            m_status->setPreviousSeries({ { tr("Requests"), f.requests, QColor(0x55, 0x55, 0x55) } });
        });
}

} // namespace activity
