#include "ui/charts/chartview.h"

#include "ui/charts/axisscale.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

namespace activity {

namespace {
// Colour-blind friendly (Okabe-Ito), readable on light and dark backgrounds.
const QColor kColours[]
    = { QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00),
          QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xF0, 0xE4, 0x42), QColor(0x99, 0x99, 0x99) };

QString escape(const QString& text)
{
    return text.toHtmlEscaped();
}
} // namespace

ChartView::ChartView(QWidget* parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    chart()->setBackgroundRoundness(0);
    setMinimumHeight(160);
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(120);
    connect(&m_resizeTimer, &QTimer::timeout, this, [this] {
        if (m_isTime && width() != m_plottedWidth)
            rebuild();
    });
    applyPalette();
}

void ChartView::setTitle(const QString& title)
{
    chart()->setTitle(title);
    setAccessibleName(title);
    viewport()->setAccessibleName(title); // the view's viewport takes the keyboard focus
}

QString ChartView::title() const
{
    return chart()->title();
}

void ChartView::setTimeSeries(
    const QList<ChartSeries>& series, const TimeRange& range, Style style, const QString& valueName)
{
    m_isTime = true;
    m_data = series;
    m_range = range;
    m_style = style;
    m_valueName = valueName;
    m_hidden.resize(series.size(), false);
    rebuild();
}

void ChartView::setCategories(
    const QStringList& categories, const QList<ChartSeries>& series, const QString& categoryName)
{
    m_isTime = false;
    m_data = series;
    m_categories = categories;
    m_categoryName = categoryName;
    m_style = Style::Bars;
    m_hidden.resize(series.size(), false);
    rebuild();
}

QString ChartView::formatValue(double value) const
{
    if (m_format)
        return m_format(value);
    return QLocale().toString(value, 'f', qFuzzyCompare(value, std::round(value)) ? 0 : 2);
}

QString ChartView::formatTime(double x) const
{
    const QDateTime t = QDateTime::fromSecsSinceEpoch(qint64(x));
    return QLocale().toString(t, QStringLiteral("yyyy-MM-dd HH:mm t"));
}

QColor ChartView::colourOf(int index) const
{
    return m_data[index].colour.isValid() ? m_data[index].colour : kColours[index % std::size(kColours)];
}

// New data of the same shape (a range or data change) updates the series and axes in place: recreating them,
// their legend markers and axes cost most of a page's update.
bool ChartView::canUpdateInPlace() const
{
    if (m_series.isEmpty() || m_builtStyle != m_style)
        return false;
    if (!m_isTime) { // one bar series: the same sets over the same categories
        const auto* bars = qobject_cast<QBarSeries*>(m_series.first());
        return bars && m_builtCategories == m_categories && bars->count() == m_data.size();
    }
    if (m_style == Style::Bars || m_series.size() != m_data.size())
        return false;
    // Lines with dashed parts were built with a series for each of them.
    if (m_style == Style::Lines && m_incompleteLines.size() != (m_incompleteFrom >= 0 ? m_series.size() : 0))
        return false;
    if (m_previousLines.size() != m_previous.size())
        return false;
    const auto horizontal = chart()->axes(Qt::Horizontal);
    const auto vertical = chart()->axes(Qt::Vertical);
    return horizontal.size() == 1 && qobject_cast<QDateTimeAxis*>(horizontal.first()) && vertical.size() == 1
        && qobject_cast<QValueAxis*>(vertical.first());
}

ChartView::Columns ChartView::columns() const
{
    Columns c;
    c.barSecs = drawnBarSecs();
    double first = std::numeric_limits<double>::max();
    for (const ChartSeries& s : m_data) {
        for (const QPointF& p : s.points)
            first = qMin(first, p.x());
    }
    // Merged bars start at the first bar and are c.barSecs wide; values of the bars they cover are added.
    const double width = double(c.barSecs);
    const auto column = [first, width, merged = c.barSecs != m_barSecs](
                            double x) { return merged ? first + std::floor((x - first) / width) * width : x; };
    for (const ChartSeries& s : m_data) {
        for (const QPointF& p : s.points)
            c.xs.append(column(p.x()));
    }
    std::sort(c.xs.begin(), c.xs.end());
    c.xs.erase(std::unique(c.xs.begin(), c.xs.end()), c.xs.end());
    for (const ChartSeries& s : m_data) {
        QList<double> values(c.xs.size(), 0.0);
        for (const QPointF& p : s.points)
            values[std::lower_bound(c.xs.cbegin(), c.xs.cend(), column(p.x())) - c.xs.cbegin()] += p.y();
        c.values.append(values);
    }
    return c;
}

qint64 ChartView::drawnBarSecs() const
{
    const double plot = chart()->plotArea().width() > 0 ? chart()->plotArea().width() : width() * 0.8;
    const double bars = double(m_range.length()) / double(qMax<qint64>(1, m_barSecs));
    constexpr double kMinPixels = 4;
    for (const int merge : { 1, 7, 14, 28, 91 }) {
        if (bars <= 0 || plot * merge / bars >= kMinPixels)
            return m_barSecs * merge;
    }
    return m_barSecs * 91;
}

QString ChartView::barToolTipFor(int index, double x) const
{
    const qsizetype k
        = std::upper_bound(m_bars.xs.cbegin(), m_bars.xs.cend(), x) - m_bars.xs.cbegin() - 1; // the bar holding x
    if (index < 0 || index >= m_bars.values.size() || k < 0)
        return {};
    const double start = m_bars.xs[k];
    QString when = formatTime(start);
    if (m_bars.barSecs != m_barSecs) // a merged bar: the first and last of the bars it adds up
        when = tr("%1 to %2").arg(when, formatTime(start + double(m_bars.barSecs - m_barSecs)));
    return QStringLiteral("<p>%1<br>%2: <b>%3</b></p>")
        .arg(escape(when), escape(m_data.value(index).name), escape(formatValue(m_bars.values[index][k])));
}

// The lowest and highest values drawn (0 always included): of the visible stack's sums for stacked styles.
std::pair<double, double> ChartView::valueRange() const
{
    double low = 0;
    double high = 0;
    const bool stacked = m_isTime && (m_style == Style::StackedArea || m_style == Style::StackedBars);
    if (m_isTime) { // the period before shares the axis
        for (const ChartSeries& s : m_previous) {
            for (const QPointF& p : s.points) {
                low = qMin(low, p.y());
                high = qMax(high, p.y());
            }
        }
    }
    if (!stacked) {
        for (const ChartSeries& s : m_data) {
            for (const QPointF& p : s.points) {
                low = qMin(low, p.y());
                high = qMax(high, p.y());
            }
        }
        return { low, high };
    }
    // Stacked areas share their x values (the caller aligns them); bars are aligned here.
    const Columns c = m_style == Style::StackedBars ? columns() : Columns();
    QList<double> stack;
    for (int i = 0; i < m_data.size(); ++i) {
        if (m_hidden.value(i))
            continue;
        const qsizetype n = m_style == Style::StackedBars ? c.xs.size() : m_data[i].points.size();
        if (stack.size() < n)
            stack.resize(n, 0.0);
        for (qsizetype k = 0; k < n; ++k) {
            stack[k] += m_style == Style::StackedBars ? c.values[i][k] : m_data[i].points[k].y();
            low = qMin(low, stack[k]);
            high = qMax(high, stack[k]);
        }
    }
    return { low, high };
}

void ChartView::rebuild()
{
    QChart* c = chart();
    const bool reuse = canUpdateInPlace();
    if (!reuse) {
        c->removeAllSeries(); // deletes them
        for (QAbstractAxis* axis : c->axes()) {
            c->removeAxis(axis); // gives it back to us (found by LeakSanitizer)
            delete axis;
        }
        m_series.clear();
        m_incompleteLines.clear();
        m_previousLines.clear();
    }
    m_builtStyle = m_style;
    m_plottedWidth = width();
    const auto [low, high] = valueRange();
    const AxisScale scale = AxisScale::forValues(
        low, high, m_bytesAxis ? AxisScale::Kind::Bytes : AxisScale::Kind::Count, qBound(3, height() / 45, 7));
    if (m_isTime)
        buildTimeSeries(reuse, scale);
    else
        buildBars(scale, reuse);
    c->legend()->setVisible(m_data.size() + (m_isTime ? m_previous.size() : 0) > 1);
    setAccessibleDescription(summary());
    if (!reuse) {
        connectLegend(); // a reused chart keeps its legend markers and their connections
        applyPalette(); // to the new axes (a palette change reaches the others through changeEvent)
    }
}

// What a screen reader says about the chart: its series and the span of its values.
QString ChartView::summary() const
{
    QStringList names;
    int points = 0;
    for (const ChartSeries& s : m_data) {
        names.append(s.name);
        points += int(s.points.size());
    }
    if (points == 0)
        return m_emptyText.isEmpty() ? tr("No data in this range.") : m_emptyText;
    const auto [low, high] = valueRange();
    QString text = tr("%n series: %1. Values from %2 to %3.", nullptr, int(m_data.size()))
                       .arg(names.join(QStringLiteral(", ")), formatValue(low), formatValue(high));
    // The markers, for whoever does not see them: what happened and when.
    if (m_isTime && !m_events.isEmpty()) {
        QStringList marked;
        for (const ProjectEvent& e : m_events)
            marked << tr("%1 (%2)").arg(e.title, formatTime(double(e.ts)));
        text += QLatin1Char(' ') + tr("Marked: %1.").arg(marked.join(QStringLiteral("; ")));
    }
    return text;
}

// Clicking a legend entry hides or shows its series.
void ChartView::connectLegend()
{
    if (!m_isTime)
        return;
    const auto markers = chart()->legend()->markers();
    for (QLegendMarker* marker : markers) {
        const int index = int(m_series.indexOf(marker->series()));
        if (const auto* line = qobject_cast<QLineSeries*>(marker->series());
            index < 0 && line && m_previousLines.contains(line)) {
            marker->setVisible(true); // the period before: its own entry, clicked to hide or show it
            connect(marker, &QLegendMarker::clicked, this, [marker] {
                marker->series()->setVisible(!marker->series()->isVisible());
                marker->setVisible(true);
                QFont f = marker->font();
                f.setStrikeOut(!marker->series()->isVisible());
                marker->setFont(f);
            });
            continue;
        }
        if (index < 0) {
            marker->setVisible(false); // a line's dashed part: its line has the entry
            continue;
        }
        marker->setVisible(true);
        QFont f = marker->font();
        f.setStrikeOut(m_hidden.value(index));
        marker->setFont(f);
        connect(
            marker, &QLegendMarker::clicked, this, [this, index] { setSeriesVisible(index, m_hidden.value(index)); });
    }
}

QList<QPointF> ChartView::plottedPoints(int index) const
{
    if (index < 0 || index >= m_series.size())
        return {};
    if (auto* line = qobject_cast<QLineSeries*>(m_series[index])) {
        QList<QPointF> out = line->points();
        const QList<QPointF> incomplete = incompletePoints(index);
        out.append(incomplete.mid(out.isEmpty() ? 0 : 1)); // the dashed part starts at the last whole point
        return out;
    }
    if (auto* area = qobject_cast<QAreaSeries*>(m_series[index]))
        return area->upperSeries()->points();
    return {};
}

QList<QPointF> ChartView::incompletePoints(int index) const
{
    const QLineSeries* line = m_incompleteLines.value(index);
    return line ? line->points() : QList<QPointF>();
}

bool ChartView::isSeriesVisible(int index) const
{
    return !m_hidden.value(index, true);
}

void ChartView::setSeriesVisible(int index, bool visible)
{
    if (index < 0 || index >= m_hidden.size() || m_hidden[index] == !visible)
        return;
    m_hidden[index] = !visible;
    // A stack is rebuilt so the bands above close the gap.
    if (m_style == Style::StackedArea || m_style == Style::StackedBars) {
        rebuild();
        return;
    }
    if (index < m_series.size())
        m_series[index]->setVisible(visible);
    if (QLineSeries* incomplete = m_incompleteLines.value(index))
        incomplete->setVisible(visible);
    const auto markers = chart()->legend()->markers(m_series.value(index));
    for (QLegendMarker* marker : markers) {
        marker->setVisible(true);
        QFont f = marker->font();
        f.setStrikeOut(!visible);
        marker->setFont(f);
    }
}

QString ChartView::toolTipFor(int index, double x) const
{
    if (index < 0 || index >= m_data.size() || m_data[index].points.isEmpty())
        return {};
    const QList<QPointF>& points = m_data[index].points;
    // The raw point nearest in time (not the downsampled one): the exact value.
    auto it = std::lower_bound(
        points.cbegin(), points.cend(), x, [](const QPointF& p, double value) { return p.x() < value; });
    if (it == points.cend())
        --it;
    else if (it != points.cbegin() && (x - (it - 1)->x()) < (it->x() - x))
        --it;
    const QString partial = m_incompleteFrom >= 0 && it->x() >= double(m_incompleteFrom)
        ? QStringLiteral("<br><i>%1</i>").arg(escape(tr("so far: this period is not over or not all in the range")))
        : QString();
    return QStringLiteral("<p>%1<br>%2: <b>%3</b>%4</p>")
        .arg(escape(formatTime(it->x())), escape(m_data[index].name), escape(formatValue(it->y())), partial);
}

QString ChartView::categoryToolTipFor(int series, int category) const
{
    const double value = m_data.value(series).points.value(category).y();
    return QStringLiteral("<p>%1<br>%2: <b>%3</b></p>")
        .arg(escape(m_categories.value(category)), escape(m_data.value(series).name), escape(formatValue(value)));
}

void ChartView::onHovered(int index, const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), toolTipFor(index, point.x() / 1000.0), this);
}

void ChartView::setEmptyText(const QString& text)
{
    m_emptyText = text;
    setAccessibleDescription(summary());
    viewport()->update();
}

bool ChartView::hasPoints() const
{
    return std::any_of(m_data.cbegin(), m_data.cend(), [](const ChartSeries& s) { return !s.points.isEmpty(); });
}

void ChartView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    drawMarkers(painter);
    if (m_emptyText.isEmpty() || hasPoints())
        return;
    QColor colour = palette().color(QPalette::Text);
    colour.setAlpha(180);
    painter->save();
    painter->setPen(colour);
    painter->setFont(font());
    painter->drawText(chart()->mapRectToScene(chart()->plotArea()).adjusted(16, 16, -16, -16),
        Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    painter->restore();
}

void ChartView::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    m_resizeTimer.start();
}

void ChartView::changeEvent(QEvent* event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ChartView::applyPalette()
{
    const QPalette pal = palette();
    QChart* c = chart();
    c->setBackgroundBrush(pal.color(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    c->setTitleBrush(pal.color(QPalette::Text));
    QFont titleFont = font();
    titleFont.setBold(true);
    c->setTitleFont(titleFont);
    c->legend()->setLabelColor(pal.color(QPalette::Text));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(40);
    for (QAbstractAxis* axis : c->axes()) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        // The unit title (MiB...) is drawn dark by default: unreadable on a dark palette.
        axis->setTitleBrush(pal.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        axis->setShadesVisible(false);
    }
    setBackgroundBrush(pal.color(QPalette::Base));
}

} // namespace activity
