// ChartView, continued: its data turned into Qt Charts series and axes (lines, stacked bands, stacked bars,
// category bars), each updated in place when the chart's shape is unchanged.
#include "ui/charts/chartview.h"
#include "ui/charts/downsample.h"

#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <limits>

namespace activity {

void ChartView::applyScale(QValueAxis* axis, const AxisScale& scale)
{
    axis->setRange(scale.min, scale.max);
    axis->setTickCount(scale.tickCount);
    axis->setLabelFormat(scale.labelFormat());
    axis->setTitleText(scale.unit);
    m_scale = scale;
}

void ChartView::buildTimeSeries(bool reuse, const AxisScale& scale)
{
    QChart* c = chart();
    QDateTimeAxis* x = reuse ? qobject_cast<QDateTimeAxis*>(c->axes(Qt::Horizontal).first()) : new QDateTimeAxis(c);
    QValueAxis* y = reuse ? qobject_cast<QValueAxis*>(c->axes(Qt::Vertical).first()) : new QValueAxis(c);
    if (!reuse) {
        c->addAxis(x, Qt::AlignBottom);
        c->addAxis(y, Qt::AlignLeft);
    }
    const qint64 length = m_range.length();
    x->setFormat(length <= 2 * 86400 ? QStringLiteral("HH:mm")
                                     : (length <= 120 * 86400 ? QStringLiteral("MMM d") : QStringLiteral("MMM yyyy")));
    x->setTickCount(qBound(3, width() / 110, 12));
    m_bars = m_style == Style::StackedBars ? columns() : Columns();
    const Columns& bars = m_bars;
    // The axis shows local time (Qt 6.4's axis has no time zone), like the tooltips. It reaches the end of the last
    // bar (a day bar starts at its day's start): the range's end would cut it.
    qint64 xFrom = m_range.fromSecs;
    qint64 xTo = m_range.toSecs;
    if (!bars.xs.isEmpty()) {
        xFrom = qMin(xFrom, qint64(bars.xs.first()));
        xTo = qMax(xTo, qint64(bars.xs.last()) + bars.barSecs);
    }
    // A dot on the plot's edge (a first poll at the range's end) would be cut in half: half a dot more each side.
    const double plotWidth = c->plotArea().width() > 0 ? c->plotArea().width() : width();
    const qint64 pad = qint64(double(xTo - xFrom) * 5.0 / qMax(1.0, plotWidth));
    const bool dotOnEdge
        = m_style == Style::Lines && std::any_of(m_data.cbegin(), m_data.cend(), [&](const ChartSeries& s) {
              return drawsDots(s.points) && !s.points.isEmpty()
                  && (s.points.first().x() < double(xFrom + pad) || s.points.last().x() > double(xTo - pad));
          });
    if (dotOnEdge) {
        xFrom -= pad;
        xTo += pad;
    }
    x->setRange(QDateTime::fromSecsSinceEpoch(xFrom), QDateTime::fromSecsSinceEpoch(xTo));
    applyScale(y, scale);

    const int buckets = qMax(50, int(c->plotArea().width() > 0 ? c->plotArea().width() : width()));
    // Dense stacked bands (a corner every pixel or two) look the same without antialiasing, which costs most of
    // their painting (a 30-day hourly status chart: 30 ms of 40).
    qsizetype most = 0;
    for (const ChartSeries& s : std::as_const(m_data))
        most = qMax(most, s.points.size());
    // Bars are upright rectangles: antialiasing only blurs their edges, and cost half the paint of a year of them.
    setRenderHint(
        QPainter::Antialiasing, m_style == Style::Lines || (m_style == Style::StackedArea && most * 2 < buckets));
    // Bars merged to stay readable say how many days (or bars) each one adds up.
    x->setTitleText(m_style == Style::StackedBars && bars.barSecs != m_barSecs
            ? (m_barSecs == 86400 ? tr("each bar adds up %n days", nullptr, int(bars.barSecs / m_barSecs))
                                  : tr("each bar adds up %n bars", nullptr, int(bars.barSecs / m_barSecs)))
            : QString());
    QList<double> stack(bars.xs.size(), 0.0);
    QLineSeries* below = nullptr;
    for (int i = 0; i < m_data.size(); ++i) {
        QList<QPointF> points;
        points.reserve(m_data[i].points.size());
        for (const QPointF& p : m_data[i].points)
            points.append(QPointF(p.x() * 1000.0, p.y() / scale.divisor)); // Qt Charts wants milliseconds
        QAbstractSeries* series = nullptr;
        if (m_style == Style::StackedBars)
            series = buildBarBand(i, bars, stack, scale.divisor, reuse);
        else if (m_style == Style::StackedArea)
            series = buildBand(i, points, stack, below, reuse, buckets);
        else
            series = buildLine(i, minMaxDownsample(points, buckets), reuse);
        if (!reuse) {
            c->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
            m_series.append(series);
        }
        if (QLineSeries* incomplete = m_incompleteLines.value(i))
            incomplete->setVisible(!m_hidden[i]);
        // A hidden band stays in the stack (transparent) so its legend entry can bring it back.
        const bool stacked = m_style == Style::StackedArea || m_style == Style::StackedBars;
        series->setVisible(!m_hidden[i] || stacked);
        series->setOpacity(stacked && m_hidden[i] ? 0.0 : 1.0);
    }
    // After every line: the chart's first series stay the lines, in order.
    for (QLineSeries* incomplete : std::as_const(m_incompleteLines)) {
        if (reuse || !incomplete)
            continue;
        c->addSeries(incomplete);
        incomplete->attachAxis(x);
        incomplete->attachAxis(y);
    }
    buildPreviousLines(reuse, scale.divisor, buckets);
}

// One band of a stack: its upper edge is the running sum (the caller aligns the series' x values).
QAbstractSeries* ChartView::buildBand(
    int index, const QList<QPointF>& points, QList<double>& stack, QLineSeries*& below, bool reuse, int buckets)
{
    if (stack.size() != points.size())
        stack = QList<double>(points.size(), 0.0);
    QList<QPointF> upperPoints;
    upperPoints.reserve(points.size());
    for (qsizetype k = 0; k < points.size(); ++k) {
        if (!m_hidden[index])
            stack[k] += points[k].y();
        upperPoints.append(QPointF(points[k].x(), stack[k]));
    }
    QColor fill = colourOf(index);
    fill.setAlpha(170);
    QAreaSeries* area = reuse ? qobject_cast<QAreaSeries*>(m_series[index]) : nullptr;
    if (!area) {
        auto* upper = new QLineSeries(chart());
        area = new QAreaSeries(upper, below);
        area->setPen(Qt::NoPen); // an outline on the top band would tint the whole stack
        connect(area, &QAreaSeries::hovered, this,
            [this, index](const QPointF& p, bool state) { onHovered(index, p, state); });
        connect(area, &QAreaSeries::clicked, this, [this, index] { emit seriesClicked(index); });
    }
    area->upperSeries()->replace(maxDownsample(upperPoints, buckets));
    area->setName(m_data[index].name);
    area->setBrush(fill);
    below = area->upperSeries();
    return area;
}

// One series of stacked bars: a rectangle per column from the stack below it (`base`, raised here) to its top.
// Upper and lower edges share their x values, so the gaps between bars enclose no area.
QAbstractSeries* ChartView::buildBarBand(
    int index, const Columns& columns, QList<double>& base, double divisor, bool reuse)
{
    const double width = double(columns.barSecs) * 1000.0;
    const double gap = width * 0.12;
    QList<QPointF> upper;
    QList<QPointF> lower;
    upper.reserve(columns.xs.size() * 4);
    lower.reserve(columns.xs.size() * 4);
    for (qsizetype k = 0; k < columns.xs.size(); ++k) {
        const double left = columns.xs[k] * 1000.0 + gap;
        const double right = columns.xs[k] * 1000.0 + width - gap;
        const double bottom = base[k];
        const double top = bottom + (m_hidden[index] ? 0.0 : columns.values[index][k] / divisor);
        lower << QPointF(left, bottom) << QPointF(left, bottom) << QPointF(right, bottom) << QPointF(right, bottom);
        upper << QPointF(left, bottom) << QPointF(left, top) << QPointF(right, top) << QPointF(right, bottom);
        base[k] = top;
    }
    QAreaSeries* area = reuse ? qobject_cast<QAreaSeries*>(m_series[index]) : nullptr;
    if (!area) {
        area = new QAreaSeries(new QLineSeries(chart()), new QLineSeries(chart()));
        area->setPen(Qt::NoPen);
        connect(area, &QAreaSeries::hovered, this, [this, index](const QPointF& p, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), barToolTipFor(index, p.x() / 1000.0), this);
            else
                QToolTip::hideText();
        });
    }
    area->upperSeries()->replace(upper);
    area->lowerSeries()->replace(lower);
    area->setName(m_data[index].name);
    area->setBrush(colourOf(index));
    return area;
}

bool ChartView::drawsDots(const QList<QPointF>& points) const
{
    if (points.size() < 2)
        return true;
    const double plot = chart()->plotArea().width() > 0 ? chart()->plotArea().width() : double(width());
    const double span = double(qMax<qint64>(1, m_range.length()));
    return (points.last().x() - points.first().x()) / double(points.size() - 1) / span * plot >= 12;
}

// One line; a series too sparse to read as a line (one sample after a first poll) shows its points. Points of
// incomplete periods go to a dashed line joined to the last whole one.
QAbstractSeries* ChartView::buildLine(int index, const QList<QPointF>& points, bool reuse)
{
    QLineSeries* line = reuse ? qobject_cast<QLineSeries*>(m_series[index]) : nullptr;
    if (!line) {
        line = new QLineSeries(chart());
        connect(line, &QLineSeries::hovered, this,
            [this, index](const QPointF& p, bool state) { onHovered(index, p, state); });
    }
    const double cut
        = m_incompleteFrom >= 0 ? double(m_incompleteFrom) * 1000.0 : std::numeric_limits<double>::infinity();
    const auto split
        = std::lower_bound(points.cbegin(), points.cend(), cut, [](const QPointF& p, double x) { return p.x() < x; });
    const QList<QPointF> whole(points.cbegin(), split);
    QList<QPointF> incomplete;
    if (split != points.cend()) {
        if (!whole.isEmpty())
            incomplete.append(whole.last());
        incomplete.append(QList<QPointF>(split, points.cend()));
    }
    line->replace(whole);
    line->setName(m_data[index].name);
    line->setPen(QPen(colourOf(index), 2));
    const bool dots = drawsDots(m_data[index].points);
    line->setPointsVisible(dots);
    line->setMarkerSize(7);
    if (m_incompleteFrom >= 0) { // else no dashed part at all (and no series for it)
        buildIncompleteLine(index, incomplete);
        m_incompleteLines[index]->setPointsVisible(dots);
    }
    return line;
}

void ChartView::buildIncompleteLine(int index, const QList<QPointF>& points)
{
    m_incompleteLines.resize(qMax(m_incompleteLines.size(), qsizetype(index) + 1), nullptr);
    QLineSeries*& line = m_incompleteLines[index];
    if (!line) {
        line = new QLineSeries(chart());
        connect(line, &QLineSeries::hovered, this,
            [this, index](const QPointF& p, bool state) { onHovered(index, p, state); });
    }
    line->replace(points);
    line->setName(m_data[index].name);
    line->setPen(QPen(colourOf(index), 2, Qt::DashLine));
    line->setMarkerSize(7);
}

void ChartView::buildBars(const AxisScale& scale, bool reuse)
{
    QChart* c = chart();
    if (reuse) { // new values of the same bars: no new series, axes or legend (most of an update's cost)
        auto* bars = qobject_cast<QBarSeries*>(m_series.first());
        const QList<QBarSet*> sets = bars->barSets();
        for (int i = 0; i < m_data.size(); ++i) {
            sets[i]->setLabel(m_data[i].name);
            sets[i]->setColor(colourOf(i));
            const QList<QPointF>& points = m_data[i].points;
            if (sets[i]->count() != points.size())
                sets[i]->remove(0, sets[i]->count());
            for (int k = 0; k < points.size(); ++k) {
                if (k < sets[i]->count())
                    sets[i]->replace(k, points[k].y() / scale.divisor);
                else
                    sets[i]->append(points[k].y() / scale.divisor);
            }
        }
        applyScale(qobject_cast<QValueAxis*>(c->axes(Qt::Vertical).first()), scale);
        return;
    }
    m_builtCategories = m_categories;
    auto* bars = new QBarSeries(c);
    for (int i = 0; i < m_data.size(); ++i) {
        auto* set = new QBarSet(m_data[i].name, bars);
        set->setColor(colourOf(i));
        set->setBorderColor(Qt::transparent);
        for (const QPointF& p : m_data[i].points)
            set->append(p.y() / scale.divisor);
        bars->append(set);
    }
    connect(bars, &QBarSeries::hovered, this, [this](bool status, int index, QBarSet* set) {
        if (!status) {
            QToolTip::hideText();
            return;
        }
        const int series = int(qobject_cast<QBarSeries*>(m_series.value(0))->barSets().indexOf(set));
        QToolTip::showText(QCursor::pos(), categoryToolTipFor(series, index), this);
    });
    connect(bars, &QBarSeries::clicked, this, [this](int index, QBarSet*) { emit categoryClicked(index); });
    c->addSeries(bars);
    // A category axis would give each label one bar's width and elide it ("..."): label every few bars on a
    // value axis instead.
    auto* categoryAxis = new QCategoryAxis(c);
    categoryAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    categoryAxis->setRange(-0.5, double(m_categories.size()) - 0.5);
    const int every = m_categories.size() > 12 ? int((m_categories.size() + 7) / 8) : 1;
    for (int k = 0; k < m_categories.size(); k += every)
        categoryAxis->append(m_categories[k], k);
    categoryAxis->setGridLineVisible(false);
    c->addAxis(categoryAxis, Qt::AlignBottom);
    bars->attachAxis(categoryAxis);
    auto* valueAxis = new QValueAxis(c);
    applyScale(valueAxis, scale);
    c->addAxis(valueAxis, Qt::AlignLeft);
    bars->attachAxis(valueAxis);
    m_series.append(bars);
}

} // namespace activity
