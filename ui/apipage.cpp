#include "ui/apipage.h"

#include "core/query/apiquery.h"
#include "ui/chartview.h"
#include "ui/format.h"
#include "ui/rowsmodel.h"
#include "ui/viewstate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QTableView>
#include <QVBoxLayout>

namespace {
struct ChartData {
    QList<RepoSeries> series;
};
struct TableData {
    QStringList repositories;
    QList<QList<double>> latest; // [repo][metric]
    QList<double> startOfMetric; // selected metric at the range start, per repo
};

// Carries each series forward onto the union of timestamps, so stacked bands line up.
QList<ChartSeries> aligned(const QList<RepoSeries>& series, const TimeRange& range)
{
    QMap<qint64, int> times;
    for (const RepoSeries& s : series) {
        for (const Sample& p : s.samples) {
            if (p.ts >= range.fromSecs && p.ts < range.toSecs)
                times.insert(p.ts, 0);
        }
    }
    QList<ChartSeries> out;
    for (const RepoSeries& s : series) {
        ChartSeries c { s.repository, {} };
        qsizetype i = 0;
        double current = 0;
        for (auto it = times.cbegin(); it != times.cend(); ++it) {
            while (i < s.samples.size() && s.samples[i].ts <= it.key())
                current = s.samples[i++].value;
            c.points.append(QPointF(double(it.key()), current));
        }
        out.append(c);
    }
    return out;
}
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
    layout->addWidget(m_table, 1);
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
    auto* page = new ApiPage(QStringLiteral("github"), metrics, runner, state, parent);
    page->setObjectName(QStringLiteral("githubPage"));
    return page;
}

ApiPage* ApiPage::createDockerHub(QueryRunner& runner, ViewState& state, QWidget* parent)
{
    QList<Metric> metrics = {
        { QStringLiteral("pulls"), tr("Pulls"), false },
        { QStringLiteral("stars"), tr("Stars"), false },
    };
    auto* page = new ApiPage(QStringLiteral("dockerhub"), metrics, runner, state, parent);
    page->setObjectName(QStringLiteral("dockerhubPage"));
    return page;
}

void ApiPage::setMetric(const QString& key)
{
    m_metricBox->setCurrentIndex(qMax(0, m_metricBox->findData(key)));
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
    const QString provider = m_provider;
    // A per-day delta needs the day before the range too.
    const TimeRange widened { range.fromSecs - 86400, range.toSecs };
    query<ChartData>(
        m_chartTracker,
        [provider, metric, widened](
            Database& db) { return ChartData { ApiQuery::series(db, provider, metric.key, widened) }; },
        [this, range, metric, stacked](ChartData d) {
            m_total->setTitle(metric.perDay ? tr("%1 per day").arg(metric.label) : metric.label);
            if (stacked) {
                m_total->setTimeSeries(aligned(d.series, range), range, ChartView::Style::StackedArea, metric.key);
            } else {
                QList<ChartSeries> lines;
                for (const RepoSeries& s : d.series)
                    lines.append({ s.repository, Format::points(SeriesMath::within(s.samples, range)) });
                m_total->setTimeSeries(lines, range, ChartView::Style::Lines, metric.key);
            }
            m_delta->setVisible(!metric.perDay);
            QList<ChartSeries> deltas;
            for (const RepoSeries& s : d.series)
                deltas.append(
                    { s.repository, Format::points(SeriesMath::within(SeriesMath::dailyDelta(s.samples), range)) });
            m_delta->setTitle(tr("%1: change per day").arg(metric.label));
            m_delta->setTimeSeries(deltas, range, stacked ? ChartView::Style::StackedArea : ChartView::Style::Lines,
                metric.key + QStringLiteral("_per_day"));
        });

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
            return t;
        },
        [this, metricIndex](TableData t) {
            QList<QList<QVariant>> rows;
            for (qsizetype r = 0; r < t.repositories.size(); ++r) {
                QList<QVariant> row { t.repositories[r] };
                for (double v : t.latest[r])
                    row.append(v < 0 ? QVariant(QString()) : QVariant(qint64(std::llround(v))));
                const double now = t.latest[r].value(metricIndex, -1); // -1: a per-day metric, not in the table
                const double start = t.startOfMetric[r];
                row.append(now >= 0 && start >= 0 ? QVariant(Format::signedCount(now - start)) : QVariant(QString()));
                rows.append(row);
            }
            m_model->setRows(rows);
        });
}
