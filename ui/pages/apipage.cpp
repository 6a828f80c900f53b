#include "ui/pages/apipage.h"

#include "core/query/apichartquery.h"
#include "core/query/apiquery.h"
#include "core/query/sourcequery.h"
#include "core/query/starreferrers.h"
#include "core/sources/dockerhub/dockerhubtype.h"
#include "core/sources/github/githubtype.h"
#include "ui/charts/chartview.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/format.h"
#include "ui/widgets/rowsmodel.h"
#include "ui/widgets/starreferrerspanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace activity {

namespace {
struct TableData {
    QStringList repositories;
    QList<QList<double>> latest; // [repo][metric]
    QList<double> startOfMetric; // selected metric at the range start, per repo (-1: none before the range)
    QHash<QString, ApiQuery::FirstSample> firstInRange; // else its first sample in the range, if a later one follows
};

} // namespace

ApiPage::ApiPage(QString provider, QList<Metric> metrics, QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
    , m_provider(std::move(provider))
    , m_metrics(std::move(metrics))
{
    auto* layout = new QVBoxLayout(this);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Metric:"), this));
    m_metricBox = new QComboBox(this);
    m_metricBox->setObjectName(QStringLiteral("metricBox"));
    for (const Metric& m : m_metrics)
        m_metricBox->addItem(m.label, m.key);
    controls->addWidget(m_metricBox);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("View:"), this));
    m_viewBox = new QComboBox(this);
    m_viewBox->setObjectName(QStringLiteral("viewBox"));
    m_viewBox->addItem(tr("Per repository"));
    m_viewBox->addItem(tr("Stacked (sum of repositories)"));
    controls->addWidget(m_viewBox);
    controls->addSpacing(16);
    // Which repositories get a line and a name of their own; the rest are summed as "others".
    m_picker = new QPushButton(this);
    m_picker->setObjectName(QStringLiteral("repositoryPicker"));
    m_picker->setMenu(new QMenu(m_picker));
    connect(m_picker->menu(), &QMenu::aboutToShow, this, &ApiPage::fillPicker);
    controls->addWidget(m_picker);
    controls->addStretch(1);
    layout->addLayout(controls);
    auto* charts = new QHBoxLayout;
    m_total = new ChartView(this);
    m_total->setObjectName(QStringLiteral("totalChart"));
    m_delta = new ChartView(this);
    m_delta->setObjectName(QStringLiteral("deltaChart"));
    charts->addWidget(m_total, 1);
    charts->addWidget(m_delta, 1);
    layout->addLayout(charts, 3);
    m_table = new QTableView(this);
    nameTable(m_table, tr("Repositories"));
    m_table->setObjectName(QStringLiteral("repositories"));
    // Latest value of each counter (per-day traffic figures are in the chart, not here).
    QStringList headers { tr("Repository") };
    for (const Metric& m : m_metrics) {
        if (!m.perDay)
            headers.append(m.label);
    }
    headers.append(tr("Change"));
    m_model = new RowsModel(headers, this);
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_table, 1);
    if (m_provider == gitHubTypeName()) {
        m_starReferrers = new StarReferrersPanel(this);
        bottom->addWidget(m_starReferrers, 1);
    }
    layout->addLayout(bottom, 1);
    connect(m_metricBox, &QComboBox::currentIndexChanged, this, [this] { reloadNow(); });
    connect(m_viewBox, &QComboBox::currentIndexChanged, this, [this] { reloadNow(); });
}

ApiPage* ApiPage::createGitHub(QueryRunner& runner, ViewState& state, QWidget* parent)
{
    QList<Metric> metrics = {
        { QStringLiteral("stars"), tr("Stars"), false },
        { QStringLiteral("forks"), tr("Forks"), false },
        { QStringLiteral("watchers"), tr("Watchers"), false },
        { QStringLiteral("open_issues"), tr("Open issues"), false },
        { QStringLiteral("open_pull_requests"), tr("Open pull requests"), false },
        { QStringLiteral("release_downloads"), tr("Release downloads"), false },
        { QStringLiteral("contributors"), tr("Contributors"), false },
        { QStringLiteral("views"), tr("Views"), true },
        { QStringLiteral("views_unique"), tr("Unique visitors"), true },
        { QStringLiteral("clones"), tr("Clones"), true },
        { QStringLiteral("clones_unique"), tr("Unique cloners"), true },
    };
    auto* page = new ApiPage(gitHubTypeName(), metrics, runner, state, parent);
    page->setObjectName(QStringLiteral("githubPage"));
    return page;
}

ApiPage* ApiPage::createDockerHub(QueryRunner& runner, ViewState& state, QWidget* parent)
{
    QList<Metric> metrics = {
        { QStringLiteral("pulls"), tr("Pulls"), false },
        { QStringLiteral("stars"), tr("Stars"), false },
    };
    auto* page = new ApiPage(dockerHubTypeName(), metrics, runner, state, parent);
    page->setObjectName(QStringLiteral("dockerhubPage"));
    return page;
}

void ApiPage::setMetric(const QString& key)
{
    m_metricBox->setCurrentIndex(qMax(0, m_metricBox->findData(key)));
}

// A page with nothing to draw says why, and offers to add a source when there is none.
void ApiPage::showWhatIsMissing(bool empty, int sources, bool anyFigure, const QString& metricLabel)
{
    const bool github = m_provider == gitHubTypeName();
    if (!empty)
        hideEmptyState();
    else if (sources == 0 && !anyFigure)
        showEmptyState(github ? tr("No GitHub repository is watched yet") : tr("No Docker Hub image is watched yet"),
            github ? tr("Add a repository or an organisation: stars, forks, issues, pull requests, releases and "
                        "traffic appear here after the first poll.")
                   : tr("Add an image or a namespace: pulls and stars appear here after the first poll."),
            m_provider, github ? tr("Add a GitHub source") : tr("Add a Docker Hub source"));
    else if (!anyFigure)
        showEmptyState(tr("Waiting for the first poll"),
            tr("%n source(s) of this kind are set up; figures appear after the first successful poll. The Sources "
               "page shows when the next one runs and any error.",
                nullptr, sources));
    else
        showEmptyState(tr("No %1 figures yet").arg(metricLabel),
            github ? tr("The repositories watched have not reported this figure. GitHub gives traffic (views, "
                        "clones) only to a token with push access.")
                   : tr("The images watched have not reported this figure."));
}

void ApiPage::setShownRepositories(const QStringList& repositories)
{
    m_pinned = repositories;
    reloadNow();
}

void ApiPage::updatePicker(int othersCount)
{
    m_picker->setText(m_pinned.isEmpty()
            ? (othersCount > 0 ? tr("Shown: top %1 of %2").arg(kTopShown).arg(m_ranking.size())
                               : tr("Shown: all %1").arg(m_ranking.size()))
            : tr("Shown: %n picked", nullptr, int(m_pinned.size())));
    m_picker->setAccessibleName(m_picker->text());
    m_picker->setVisible(m_ranking.size() > 1);
}

// Repositories busiest first, ticked when drawn on their own; ticking one pins the picks.
void ApiPage::fillPicker()
{
    QMenu* menu = m_picker->menu();
    menu->clear();
    menu->addAction(tr("The top %1").arg(kTopShown), this, [this] { setShownRepositories({}); });
    menu->addSeparator();
    const QStringList shown = m_pinned.isEmpty() ? m_ranking.mid(0, kTopShown) : m_pinned;
    for (const QString& repository : std::as_const(m_ranking)) {
        QAction* action = menu->addAction(repository);
        action->setCheckable(true);
        action->setChecked(shown.contains(repository));
        connect(action, &QAction::toggled, this, [this, repository, shown](bool on) {
            QStringList picked = m_pinned.isEmpty() ? shown : m_pinned;
            picked.removeAll(repository);
            if (on)
                picked.append(repository);
            setShownRepositories(picked);
        });
    }
}

void ApiPage::setStacked(bool stacked)
{
    m_viewBox->setCurrentIndex(stacked ? 1 : 0);
}

void ApiPage::reload()
{
    const TimeRange range = state().range();
    const int metricIndex = qMax(0, m_metricBox->currentIndex());
    const Metric metric = m_metrics.value(metricIndex);
    const bool stacked = m_viewBox->currentIndex() == 1;
    const ApiChartRequest request { m_provider, metric.key, metric.perDay, stacked, kTopShown, m_pinned };
    query<ApiChartData>(
        m_chartTracker, [request, range](Database& db) { return ApiChartQuery::read(db, request, range); },
        [this, range, metric, stacked](ApiChartData d) {
            showWhatIsMissing(d.totals.isEmpty(), d.sources, d.anyFigure, metric.label);
            m_ranking = d.ranking;
            updatePicker(d.othersCount);
            // The others' sum is the last series, unnamed in core.
            const auto named = [&d, this](const QList<RepoSeries>& series) {
                QList<ChartSeries> out;
                for (const RepoSeries& s : series) {
                    const bool others = s.repository.isEmpty() && d.othersCount > 0;
                    out.append({ others ? tr("Others (%n)", nullptr, d.othersCount) : s.repository,
                        Format::points(s.samples), others ? QColor(0x99, 0x99, 0x99) : QColor() });
                }
                return out;
            };
            m_total->setTitle(metric.perDay ? tr("%1 per day").arg(metric.label) : metric.label);
            m_total->setTimeSeries(
                named(d.totals), range, stacked ? ChartView::Style::StackedArea : ChartView::Style::Lines, metric.key);
            m_delta->setVisible(!metric.perDay);
            m_delta->setTitle(tr("%1: change per day").arg(metric.label));
            // One day of polls has no change per day yet: say so rather than show an empty plot.
            const bool anySample = std::any_of(
                d.totals.cbegin(), d.totals.cend(), [](const RepoSeries& s) { return !s.samples.isEmpty(); });
            m_delta->setEmptyText(
                anySample ? tr("No change per day yet: it shows once polls span two days.") : QString());
            // Per-day changes read as bars (one per day, repositories stacked), whichever view the totals use.
            m_delta->setTimeSeries(
                named(d.deltas), range, ChartView::Style::StackedBars, metric.key + QStringLiteral("_per_day"));
        });

    if (m_starReferrers)
        loadStarReferrers();
    const QString provider = m_provider;
    QStringList keys;
    for (const Metric& m : m_metrics) {
        if (!m.perDay)
            keys.append(m.key);
    }
    query<TableData>(
        m_tableTracker,
        [provider, keys, range, metricIndex](Database& db) {
            TableData t;
            t.repositories = ApiQuery::repositories(db, provider);
            // Two statements for every repository and metric (a page of queries per repository did not scale
            // to an organisation): the latest values, and the selected metric's value where the range starts.
            const auto latest = ApiQuery::valuesBefore(db, provider, range.toSecs);
            const auto atStart = ApiQuery::valuesBefore(db, provider, range.fromSecs + 1);
            const QString selected = keys.value(metricIndex);
            for (const QString& repo : t.repositories) {
                QList<double> values;
                for (const QString& key : keys)
                    values.append(latest.value({ repo, key }, -1));
                t.latest.append(values);
                t.startOfMetric.append(selected.isEmpty() ? -1 : atStart.value({ repo, selected }, -1));
            }
            if (!selected.isEmpty())
                t.firstInRange = ApiQuery::firstOfTwoIn(db, provider, selected, range.fromSecs, range.toSecs);
            return t;
        },
        [this, metricIndex](TableData t) {
            QList<QList<QVariant>> rows;
            for (qsizetype r = 0; r < t.repositories.size(); ++r) {
                QList<QVariant> row { t.repositories[r] };
                for (double v : t.latest[r])
                    row.append(v < 0 ? QVariant(QString()) : QVariant(qint64(std::llround(v))));
                const double now = t.latest[r].value(metricIndex, -1); // -1: a per-day metric, not in the table
                // A change needs a value before the range, or two in it (then it is since the first); one sample
                // alone says when it will be known.
                const double start = t.startOfMetric[r];
                const auto first = t.firstInRange.constFind(t.repositories[r]);
                if (now < 0)
                    row.append(QString());
                else if (start >= 0)
                    row.append(Format::signedCount(now - start));
                else if (first != t.firstInRange.cend())
                    row.append(
                        tr("%1 since %2").arg(Format::signedCount(now - first->value), Format::dayAndTime(first->ts)));
                else
                    row.append(tr("known after the next poll"));
                rows.append(row);
            }
            m_model->setRows(rows);
        });
}

// Every repository's stars, whichever metric is shown: the days they were gained and what rose then.
void ApiPage::loadStarReferrers()
{
    const TimeRange range = state().range();
    query<QList<StarDay>>(
        m_starsTracker, [range](Database& db) { return StarReferrers::days(db, range); },
        [this](QList<StarDay> days) { m_starReferrers->setDays(days); });
}

// The period before of the same repositories: each one's line beside it, or the total beside a stack.
void ApiPage::reloadPrevious(const TimeRange& before)
{
    const Metric metric = m_metrics.value(qMax(0, m_metricBox->currentIndex()));
    const bool stacked = m_viewBox->currentIndex() == 1;
    const ApiChartRequest request { m_provider, metric.key, metric.perDay, stacked, kTopShown, m_pinned };
    query<ApiChartData>(
        m_previousTracker, [request, before](Database& db) { return ApiChartQuery::read(db, request, before); },
        [this, stacked](ApiChartData d) {
            // Coloured as the same repository's line in the range (grey for the others or one not shown now).
            const auto named = [this](const QList<RepoSeries>& series) {
                QList<ChartSeries> out;
                const QList<ChartSeries>& shown = m_total->data();
                for (const RepoSeries& s : series) {
                    const auto it = std::find_if(shown.cbegin(), shown.cend(),
                        [&s](const ChartSeries& c) { return !s.repository.isEmpty() && c.name == s.repository; });
                    out.append({ s.repository.isEmpty() ? tr("Others") : s.repository, Format::points(s.samples),
                        it == shown.cend() ? QColor(0x99, 0x99, 0x99)
                                           : m_total->seriesColour(int(it - shown.cbegin())) });
                }
                return out;
            };
            const QList<ChartSeries> totals = named(d.totals);
            m_total->setPreviousSeries(stacked ? QList<ChartSeries> { ChartView::sumOf(totals, tr("Total")) } : totals);
            m_delta->setPreviousSeries({ ChartView::sumOf(named(d.deltas), tr("Total")) });
        });
}

} // namespace activity
