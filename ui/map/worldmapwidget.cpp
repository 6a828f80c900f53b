#include "ui/map/worldmapwidget.h"

#include "core/geo/equalearth.h"
#include "ui/map/worldshapes.h"

#include <QHelpEvent>
#include <QLinearGradient>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <cmath>

namespace activity {

namespace {
constexpr int kLegendHeight = 44;
constexpr int kMargin = 8;
} // namespace

WorldMapWidget::WorldMapWidget(std::shared_ptr<const WorldShapes> shapes, QWidget* parent)
    : QWidget(parent)
    , m_shapes(std::move(shapes))
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void WorldMapWidget::setFigures(QHash<QString, CountryFigures> figures)
{
    m_figures = std::move(figures);
    m_total = 0;
    qint64 maximum = 0;
    for (const CountryFigures& f : std::as_const(m_figures)) {
        m_total += value(f);
        maximum = std::max(maximum, value(f));
    }
    m_scale = ColorScale(double(maximum));
    m_cacheValid = false;
    update();
}

void WorldMapWidget::setCities(QList<CityBubble> cities)
{
    m_cities = std::move(cities);
    m_cacheValid = false;
    update();
}

void WorldMapWidget::setMetric(Metric metric)
{
    if (metric == m_metric)
        return;
    m_metric = metric;
    setFigures(std::move(m_figures));
}

void WorldMapWidget::setSelectedCountry(const QString& code)
{
    m_selected = code;
    update();
}

qint64 WorldMapWidget::value(const CountryFigures& f) const
{
    return m_metric == Metric::Requests ? f.requests : f.visitors;
}

QRectF WorldMapWidget::legendRect() const
{
    return QRectF(kMargin, height() - kLegendHeight, std::min(360, width() - 2 * kMargin), kLegendHeight - kMargin);
}

QTransform WorldMapWidget::viewTransform() const
{
    const QRectF world = m_shapes->bounds();
    const QRectF area(kMargin, kMargin, width() - 2 * kMargin, height() - kLegendHeight - kMargin);
    if (world.isEmpty() || area.width() <= 0 || area.height() <= 0) {
        return {};
    }
    const double scale = std::min(area.width() / world.width(), area.height() / world.height());
    const QPointF offset = area.center() - QPointF(world.center().x() * scale, world.center().y() * scale);
    return QTransform(scale, 0, 0, scale, offset.x(), offset.y());
}

void WorldMapWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_cacheValid = false;
}

namespace {
// The path in widget coordinates without the vertices closer than `tolerance` to the last one kept:
// countries-50m has far more points than a screen has pixels, and each costs rasterising time.
QPainterPath thinned(const QPainterPath& path, const QTransform& transform, double tolerance)
{
    QPainterPath out;
    out.setFillRule(path.fillRule());
    QPointF last;
    QPointF pending;
    bool hasPending = false;
    const int count = path.elementCount();
    for (int i = 0; i < count; ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        const QPointF at = transform.map(QPointF(e.x, e.y));
        if (e.isMoveTo()) {
            if (hasPending)
                out.lineTo(pending);
            hasPending = false;
            out.moveTo(at);
            last = at;
        } else if (std::abs(at.x() - last.x()) + std::abs(at.y() - last.y()) >= tolerance) {
            out.lineTo(at);
            last = at;
            hasPending = false;
        } else {
            pending = at; // kept only if it ends the ring
            hasPending = true;
        }
    }
    if (hasPending)
        out.lineTo(pending);
    return out;
}
} // namespace

// The sea and countries without traffic follow the palette: a light sea on a dark desktop would glare.
bool WorldMapWidget::isDark() const
{
    return palette().color(QPalette::Base).lightness() < 128;
}

QColor WorldMapWidget::seaColour() const
{
    return isDark() ? QColor(0x1a, 0x25, 0x33) : QColor(0xee, 0xf3, 0xf8);
}

QColor WorldMapWidget::noDataColour() const
{
    return isDark() ? QColor(0x3b, 0x3f, 0x45) : ColorScale::noData();
}

void WorldMapWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_layerSize = {}; // rebuilt with the new colours at the next paint
        m_cacheValid = false;
        update();
    }
}

void WorldMapWidget::buildLayers()
{
    m_transform = viewTransform();
    const qreal dpr = devicePixelRatioF();
    m_layerSize = size() * dpr;
    m_devicePaths.clear();
    m_devicePaths.reserve(m_shapes->countries().size());
    const double tolerance = 0.35 / dpr;
    for (const MapCountry& c : m_shapes->countries())
        m_devicePaths.append(thinned(c.path, m_transform, tolerance));

    m_base = QImage(m_layerSize, QImage::Format_ARGB32_Premultiplied);
    m_base.setDevicePixelRatio(dpr);
    m_base.fill(palette().color(QPalette::Base));
    {
        QPainter p(&m_base);
        p.setRenderHint(QPainter::Antialiasing);
        p.setTransform(m_transform);
        p.setPen(Qt::NoPen);
        p.setBrush(seaColour());
        p.drawPath(m_shapes->outline());
    }
    m_borders = QImage(m_layerSize, QImage::Format_ARGB32_Premultiplied);
    m_borders.setDevicePixelRatio(dpr);
    m_borders.fill(Qt::transparent);
    {
        QPainter p(&m_borders);
        p.setRenderHint(QPainter::Antialiasing);
        QPen border(palette().color(QPalette::Base), 0.6); // white on a light palette
        border.setCosmetic(true);
        p.setPen(border);
        p.setBrush(Qt::NoBrush);
        for (const QPainterPath& path : std::as_const(m_devicePaths))
            p.drawPath(path);
    }
}

void WorldMapWidget::renderCache()
{
    if (m_layerSize != size() * devicePixelRatioF() || m_devicePaths.size() != m_shapes->countries().size())
        buildLayers();
    m_cache = m_base.copy();
    m_cache.setDevicePixelRatio(m_base.devicePixelRatio());
    QPainter p(&m_cache);
    // Fills without antialiasing (several times faster): every edge is then covered by the antialiased
    // border layer drawn on top, so the edges look the same.
    p.setPen(Qt::NoPen);
    const QList<MapCountry>& countries = m_shapes->countries();
    for (qsizetype i = 0; i < countries.size(); ++i) {
        const auto it = m_figures.constFind(countries[i].code);
        const qint64 v = it == m_figures.constEnd() ? 0 : value(*it);
        p.setBrush(v > 0 ? m_scale.color(double(v)) : noDataColour());
        p.drawPath(m_devicePaths[i]);
    }
    p.drawImage(0, 0, m_borders);
    p.setRenderHint(QPainter::Antialiasing);
    // City bubbles: area proportional to requests.
    qint64 cityMax = 0;
    for (const CityBubble& city : std::as_const(m_cities))
        cityMax = std::max(cityMax, city.requests);
    if (cityMax > 0) {
        p.resetTransform();
        p.setPen(QPen(QColor(255, 255, 255, 200), 1));
        p.setBrush(QColor(0xe6, 0x55, 0x0d, 170));
        const double maxRadius = std::max(6.0, width() / 90.0);
        for (const CityBubble& city : std::as_const(m_cities)) {
            if (city.requests <= 0)
                continue;
            const QPointF xy = EqualEarth::project(city.longitude, city.latitude);
            const QPointF at = m_transform.map(QPointF(xy.x(), -xy.y()));
            const double r = std::max(1.5, maxRadius * std::sqrt(double(city.requests) / double(cityMax)));
            p.drawEllipse(at, r, r);
        }
    }
    p.resetTransform();
    drawLegend(p, legendRect());
    m_cacheValid = true;
}

void WorldMapWidget::drawLegend(QPainter& p, const QRectF& area) const
{
    const QString title = m_metric == Metric::Requests ? tr("Requests") : tr("Visitors");
    const QFontMetricsF fm(font());
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QPointF(area.left(), area.top() + fm.ascent()), title);
    const double barLeft = area.left() + fm.horizontalAdvance(title) + 10;
    const QRectF bar(barLeft, area.top() + 2, std::max(60.0, area.right() - barLeft), 12);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 8; ++i)
        gradient.setColorAt(i / 8.0, ColorScale::colorAt(i / 8.0));
    p.setPen(Qt::NoPen);
    p.setBrush(gradient);
    p.drawRect(bar);
    p.setPen(palette().color(QPalette::Text));
    const QLocale locale;
    const double labelY = bar.bottom() + fm.ascent() + 2;
    // Logarithmic scale: label the ends and the value at the middle of the bar.
    p.drawText(QPointF(bar.left(), labelY), QStringLiteral("1"));
    if (m_scale.maximum() > 0) {
        const QString mid = locale.toString(qint64(std::llround(std::expm1(std::log1p(m_scale.maximum()) / 2))));
        const QString max = locale.toString(qint64(m_scale.maximum()));
        p.drawText(QPointF(bar.center().x() - fm.horizontalAdvance(mid) / 2, labelY), mid);
        p.drawText(QPointF(bar.right() - fm.horizontalAdvance(max), labelY), max);
    }
    const QRectF swatch(bar.right() + 14, bar.top(), 12, 12);
    if (swatch.right() + 80 < width()) {
        p.setPen(Qt::NoPen);
        p.setBrush(noDataColour());
        p.drawRect(swatch);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QPointF(swatch.right() + 4, swatch.top() + fm.ascent() - 1), tr("no data"));
    }
}

void WorldMapWidget::paintEvent(QPaintEvent*)
{
    if (!m_cacheValid || m_cache.size() != size() * devicePixelRatioF())
        renderCache();
    QPainter p(this);
    p.drawImage(0, 0, m_cache);
    const int highlight[] = { m_shapes->indexOf(m_selected), m_hover };
    p.setRenderHint(QPainter::Antialiasing);
    p.setTransform(m_transform);
    p.setBrush(Qt::NoBrush);
    for (int i = 0; i < 2; ++i) {
        if (highlight[i] < 0)
            continue;
        QPen pen(i == 0 ? QColor(0xe6, 0x55, 0x0d) : palette().color(QPalette::Text), i == 0 ? 2.0 : 1.2);
        pen.setCosmetic(true);
        p.setPen(pen);
        if (highlight[i] < m_devicePaths.size()) {
            p.resetTransform();
            p.drawPath(m_devicePaths[highlight[i]]);
        } else {
            p.drawPath(m_shapes->countries()[highlight[i]].path);
        }
    }
}

QString WorldMapWidget::countryAt(QPointF widgetPos) const
{
    const int index = m_shapes->countryAt(viewTransform().inverted().map(widgetPos));
    return index < 0 ? QString() : m_shapes->countries()[index].code;
}

QPointF WorldMapWidget::countryCenter(const QString& code) const
{
    const int index = m_shapes->indexOf(code);
    return index < 0 ? QPointF() : viewTransform().map(m_shapes->countries()[index].bounds.center());
}

QPointF WorldMapWidget::mapToWidget(double longitude, double latitude) const
{
    const QPointF xy = EqualEarth::project(longitude, latitude);
    return viewTransform().map(QPointF(xy.x(), -xy.y()));
}

QString WorldMapWidget::tooltipFor(const QString& code) const
{
    const int index = m_shapes->indexOf(code);
    if (index < 0)
        return {};
    const CountryFigures f = m_figures.value(code);
    const QLocale locale;
    const double share = m_total > 0 ? 100.0 * double(value(f)) / double(m_total) : 0.0;
    return tr("%1\nRequests: %2\nVisitors: %3\nShare: %4 %")
        .arg(m_shapes->countries()[index].name, locale.toString(f.requests), locale.toString(f.visitors),
            locale.toString(share, 'f', 1));
}

void WorldMapWidget::mouseMoveEvent(QMouseEvent* event)
{
    const int index = m_shapes->countryAt(viewTransform().inverted().map(event->position()));
    if (index != m_hover) {
        m_hover = index;
        setCursor(
            index >= 0 && !m_shapes->countries()[index].code.isEmpty() ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void WorldMapWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QString code = countryAt(event->position());
    if (!code.isEmpty())
        emit countryClicked(code);
}

void WorldMapWidget::leaveEvent(QEvent*)
{
    if (m_hover >= 0) {
        m_hover = -1;
        update();
    }
}

bool WorldMapWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString code = countryAt(help->pos());
        // Names come from iso-codes, but stay plain text: QToolTip would read a leading tag as HTML.
        const QString text = tooltipFor(code);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(
                help->globalPos(), text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")), this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace activity
