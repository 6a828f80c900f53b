#include "ui/pages/metricspage.h"

#include "core/query/metricsquery.h"
#include "core/query/sourcequery.h"
#include "core/sources/httpjson/httpjsonspec.h"
#include "ui/charts/chartview.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/format.h"
#include "ui/widgets/rowsmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>

namespace activity {

MetricsPage::MetricsPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    setObjectName(QStringLiteral("metricsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    auto* pickerLabel = new QLabel(tr("Source:"), this);
    m_picker = new QComboBox(this);
    m_picker->setObjectName(QStringLiteral("metricsSource"));
    m_picker->setAccessibleName(tr("Source"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    pickerLabel->setBuddy(m_picker);
    header->addWidget(pickerLabel);
    header->addWidget(m_picker);
    header->addStretch(1);
    layout->addLayout(header);
    auto* body = new QHBoxLayout;
    m_chart = new ChartView(this);
    m_chart->setObjectName(QStringLiteral("metricsChart"));
    m_chart->setTitle(tr("Figures over the range"));
    m_model = new RowsModel({ tr("Series"), tr("Latest"), tr("Change over the range") }, this);
    m_table = new QTableView(this);
    nameTable(m_table, tr("Latest figures"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_perDay = new ChartView(this);
    m_perDay->setObjectName(QStringLiteral("metricsPerDay"));
    m_perDay->setTitle(tr("Change per day"));
    auto* charts = new QVBoxLayout;
    charts->addWidget(m_chart, 3);
    charts->addWidget(m_perDay, 2);
    body->addLayout(charts, 3);
    body->addWidget(m_table, 2);
    layout->addLayout(body, 1);
    connect(m_picker, &QComboBox::activated, this, [this](int index) {
        m_sourceId = m_picker->itemData(index).toLongLong();
        reloadNow();
    });
}

void MetricsPage::reload()
{
    const TimeRange range = state().range();
    const qint64 wanted = m_sourceId;
    struct Data {
        MetricsData metrics;
        int sources = 0; // http-json sources set up, with or without figures
    };
    query<Data>(
        m_tracker,
        [range, wanted](Database& db) {
            int sources = 0;
            for (const QString& type : SourceRegistry::builtIn().metricsPageTypes())
                sources += SourceQuery::countOfType(db, type);
            return Data { MetricsQuery::read(db, range, wanted), sources };
        },
        [this, range](Data d) {
            m_picker->clear();
            for (const MetricSourceItem& s : d.metrics.sources)
                m_picker->addItem(s.name, s.id);
            m_picker->setCurrentIndex(qMax(0, m_picker->findData(d.metrics.sourceId)));
            QList<ChartSeries> series;
            QList<QList<QVariant>> rows;
            for (const MetricSeries& m : d.metrics.series) {
                series.append({ m.name, Format::points(m.samples) });
                QVariant change;
                if (m.samples.size() >= 2)
                    change = Format::signedCount(m.samples.last().value - m.samples.first().value);
                // Counts stay counts ("470,399", not "470,399.0"); ratios keep their decimals.
                const QVariant latest = m.latest == std::floor(m.latest) && std::abs(m.latest) < 1e15
                    ? QVariant(qint64(m.latest))
                    : QVariant(m.latest);
                rows.append({ m.name, latest, change });
            }
            m_model->setRows(rows);
            m_chart->setTimeSeries(series, range, ChartView::Style::Lines, QStringLiteral("value"));
            QList<ChartSeries> perDay;
            for (const MetricSeries& m : d.metrics.series) {
                if (!m.perDay.isEmpty())
                    perDay.append({ m.name, Format::points(m.perDay) });
            }
            m_perDay->setTimeSeries(perDay, range, ChartView::Style::Lines, QStringLiteral("change"));
            m_perDay->setVisible(!perDay.isEmpty());
            if (!d.metrics.sources.isEmpty())
                hideEmptyState();
            else if (d.sources == 0)
                showEmptyState(tr("No JSON source is watched yet"),
                    tr("Any API that answers JSON is a source: give its URL and the JSON Pointers of the figures to "
                       "keep. They appear here after the first poll."),
                    httpJsonTypeName(), tr("Add a JSON source"));
            else
                showEmptyState(tr("Waiting for the first poll"),
                    tr("%n source(s) of this kind are set up; figures appear after the first successful poll. The "
                       "Sources page shows when the next one runs and any error.",
                        nullptr, d.sources));
        });
}

void MetricsPage::reloadPrevious(const TimeRange& before)
{
    const qint64 wanted = m_sourceId;
    query<MetricsData>(
        m_previousTracker, [before, wanted](Database& db) { return MetricsQuery::read(db, before, wanted); },
        [this](MetricsData d) {
            QList<ChartSeries> series;
            QList<ChartSeries> perDay;
            for (const MetricSeries& m : d.series) {
                series.append({ m.name, Format::points(m.samples) });
                if (!m.perDay.isEmpty())
                    perDay.append({ m.name, Format::points(m.perDay) });
            }
            m_chart->setPreviousSeries(series);
            m_perDay->setPreviousSeries(perDay);
        });
}

} // namespace activity
