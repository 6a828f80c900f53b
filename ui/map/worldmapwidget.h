#pragma once

#include "ui/map/colorscale.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QPainterPath>
#include <QTransform>
#include <QWidget>
#include <memory>

namespace activity {

class WorldShapes;

struct CountryFigures {
    qint64 requests = 0;
    qint64 visitors = 0;
};

struct CityBubble {
    QString name;
    double latitude = 0;
    double longitude = 0;
    qint64 requests = 0;
};

// The world map: countries shaded by requests or visitors, a legend, city bubbles, tooltips, and a
// click that names a country. Countries are rendered once per size/data change into a cached image,
// so a repaint (hover, expose) is one blit plus the highlight.
class WorldMapWidget : public QWidget {
    Q_OBJECT
public:
    enum class Metric { Requests, Visitors };

    explicit WorldMapWidget(std::shared_ptr<const WorldShapes> shapes, QWidget* parent = nullptr);

    void setFigures(QHash<QString, CountryFigures> figures);
    const QHash<QString, CountryFigures>& figures() const { return m_figures; }
    void setCities(QList<CityBubble> cities);
    const QList<CityBubble>& cities() const { return m_cities; }
    void setMetric(Metric metric);
    Metric metric() const { return m_metric; }
    // Outlines a country (the active country filter); empty for none.
    void setSelectedCountry(const QString& code);

    // The alpha-2 code under a widget position, empty for sea or an area without data code.
    QString countryAt(QPointF widgetPos) const;
    // Where a country's centre of bounds is drawn (tests click there).
    QPointF countryCenter(const QString& code) const;
    // Where a longitude/latitude is drawn.
    QPointF mapToWidget(double longitude, double latitude) const;
    // The tooltip shown over a country (plain text).
    QString tooltipFor(const QString& code) const;

    QSize sizeHint() const override { return { 960, 500 }; }
    QSize minimumSizeHint() const override { return { 320, 180 }; }

signals:
    void countryClicked(const QString& code);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    bool isDark() const;
    QColor seaColour() const;
    QColor noDataColour() const;
    QTransform viewTransform() const;
    void renderCache();
    // Per size: the country paths in widget coordinates, thinned to what the pixels can show, the sea and
    // the borders. A data change then only fills paths, so new data repaints in a few milliseconds.
    void buildLayers();
    void drawLegend(QPainter& painter, const QRectF& area) const;
    qint64 value(const CountryFigures& f) const;
    QRectF legendRect() const;

    std::shared_ptr<const WorldShapes> m_shapes;
    QHash<QString, CountryFigures> m_figures;
    QList<CityBubble> m_cities;
    Metric m_metric = Metric::Requests;
    ColorScale m_scale;
    qint64 m_total = 0;
    QString m_selected;
    int m_hover = -1;
    QTransform m_transform;
    QImage m_cache;
    bool m_cacheValid = false;
    QList<QPainterPath> m_devicePaths; // index as m_shapes->countries()
    QImage m_base; // background and sea
    QImage m_borders; // country borders, transparent elsewhere
    QSize m_layerSize;
};

} // namespace activity
