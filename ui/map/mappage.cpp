#include "ui/map/mappage.h"

#include "core/geo/countrytable.h"
#include "core/query/trafficquery.h"
#include "ui/map/worldmapwidget.h"
#include "ui/map/worldshapes.h"
#include "ui/viewstate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace activity {

MapPage::MapPage(QueryRunner& runner, ViewState& state, std::shared_ptr<const WorldShapes> shapes, QWidget* parent)
    : DashboardPage(runner, state, parent)
{
    setObjectName(QStringLiteral("mapPage"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("mapMetric"));
    m_metric->addItem(tr("Requests"));
    m_metric->addItem(tr("Visitors"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("mapSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    header->addWidget(new QLabel(tr("Shade by"), this));
    header->addWidget(m_metric);
    header->addStretch(1);
    header->addWidget(m_summary);
    layout->addLayout(header);
    m_map = new WorldMapWidget(std::move(shapes), this);
    layout->addWidget(m_map, 1);
    // DB-IP's CC BY 4.0 licence asks for this line wherever its data is shown.
    auto* attribution = new QLabel(tr("IP Geolocation by DB-IP · Country shapes: Natural Earth (public domain)"), this);
    attribution->setObjectName(QStringLiteral("mapAttribution"));
    attribution->setTextFormat(Qt::PlainText);
    attribution->setAlignment(Qt::AlignRight);
    layout->addWidget(attribution);

    connect(m_metric, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_map->setMetric(index == 1 ? WorldMapWidget::Metric::Visitors : WorldMapWidget::Metric::Requests);
    });
    connect(m_map, &WorldMapWidget::countryClicked, this, [this](const QString& code) {
        this->state().setCountry(code);
        emit countryChosen(code);
    });
    connect(&state, &ViewState::countryChanged, this, [this] { m_map->setSelectedCountry(this->state().country()); });
    m_map->setSelectedCountry(state.country());
}

MapPage::MapPage(QueryRunner& runner, ViewState& state, QWidget* parent)
    : MapPage(runner, state, WorldShapes::builtIn(CountryTable::system()), parent)
{ }

void MapPage::reload()
{
    // The map always shows every country; the country filter only outlines the chosen one. The header's
    // Humans / Bots switch applies (raw rows: the rollups do not split places by who asked).
    TrafficFilter filter { state().range(), state().site(), QString() };
    filter.agents = state().agents();
    struct Data {
        TrafficQuery::Places places;
        SourceQuery::LogPresence presence;
    };
    query<Data>(
        m_tracker,
        [filter](Database& db) {
            // Bubbles for the 300 busiest cities: more would hide the shading.
            return Data { TrafficQuery::places(db, filter, 300), SourceQuery::logPresence(db) };
        },
        [this, scope = filter.agents](Data fetched) {
            QList<CityBubble> bubbles;
            for (const CityItem& c : std::as_const(fetched.places.cities))
                bubbles.append({ c.name, c.latitude, c.longitude, c.requests });
            m_map->setCities(std::move(bubbles));
            const QList<TopItem>& rows = fetched.places.countries;
            QHash<QString, CountryFigures> figures;
            qint64 located = 0;
            qint64 total = 0;
            for (const TopItem& row : rows) {
                total += row.requests;
                if (row.key.isEmpty())
                    continue; // unknown addresses have no place on the map
                located += row.requests;
                figures.insert(QString::fromLatin1(row.key), { row.requests, row.visitors });
            }
            m_map->setFigures(std::move(figures));
            showTrafficPresence(total, fetched.presence);
            const QLocale locale;
            const QString line = scope == AgentScope::Humans
                ? tr("%1 requests by people from %2 countries; %3 without a known location")
                : scope == AgentScope::Bots ? tr("%1 requests by bots from %2 countries; %3 without a known location")
                                            : tr("%1 requests from %2 countries; %3 without a known location");
            m_summary->setText(line.arg(
                locale.toString(total), locale.toString(m_map->figures().size()), locale.toString(total - located)));
        });
}

} // namespace activity
