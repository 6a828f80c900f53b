#include "ui/pages/countriespage.h"

#include "core/query/trafficquery.h"
#include "ui/charts/chartview.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/format.h"
#include "ui/widgets/rowsmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace activity {

CountriesPage::CountriesPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    setObjectName(QStringLiteral("countriesPage"));
    auto* layout = new QHBoxLayout(this);
    m_chart = new ChartView(this);
    m_chart->setTitle(tr("Top countries by requests"));
    m_model = new RowsModel({ tr("Country"), tr("Requests"), tr("Visitors"), tr("Bandwidth") }, this);
    m_model->setBytesColumn(3);
    m_table = new QTableView(this);
    nameTable(m_table, tr("Countries"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    auto* right = new QVBoxLayout;
    auto* hint = new QLabel(tr("Click a country, in the table or the chart, to narrow the traffic pages to it."), this);
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);
    right->addWidget(m_table, 1);
    right->addWidget(hint);
    layout->addWidget(m_chart, 3);
    layout->addLayout(right, 2);
    const auto narrow = [this](int row) {
        const QString code = m_codes.value(row);
        if (!code.isEmpty() && code != this->state().country())
            this->state().setCountry(code);
    };
    connect(m_table, &QTableView::clicked, this, [narrow](const QModelIndex& index) { narrow(index.row()); });
    connect(m_table, &QTableView::activated, this, [narrow](const QModelIndex& index) { narrow(index.row()); });
    connect(m_chart, &ChartView::categoryClicked, this, narrow);
}

void CountriesPage::reload()
{
    const TrafficFilter filter { state().range(), state().site(), {} };
    query<QList<TopItem>>(
        m_tracker, [filter](Database& db) { return TrafficQuery::topRollup(db, filter, Rollup::Dim::Country, 250); },
        [this](QList<TopItem> items) {
            QList<QList<QVariant>> rows;
            m_codes.clear();
            QStringList categories;
            QList<QPointF> bars;
            for (const TopItem& item : items) {
                const QString code = QString::fromUtf8(item.key);
                m_codes.append(code);
                rows.append({ Format::country(code), item.requests, item.visitors, item.bytes });
                if (categories.size() < 12) {
                    bars.append(QPointF(double(categories.size()), double(item.requests)));
                    categories.append(code.isEmpty() ? QStringLiteral("?") : code);
                }
            }
            m_model->setRows(rows);
            m_chart->setCategories(categories, { { tr("Requests"), bars } }, QStringLiteral("country"));
        });
}

} // namespace activity
