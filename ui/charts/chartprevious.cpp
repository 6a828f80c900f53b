// ChartView, continued: the period just before the range, drawn dashed over it and aligned on its start.
#include "ui/charts/chartview.h"
#include "ui/charts/downsample.h"

#include <QDateTimeAxis>
#include <QLineSeries>
#include <QMap>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>

namespace activity {

void ChartView::setPreviousSeries(const QList<ChartSeries>& previous)
{
    // A period before the data starts has nothing to draw: no line, no legend entry.
    m_previous.clear();
    for (const ChartSeries& s : previous)
        if (!s.points.isEmpty())
            m_previous.append(s);
    if (m_isTime && !m_data.isEmpty())
        rebuild();
}

ChartSeries ChartView::sumOf(const QList<ChartSeries>& series, const QString& name)
{
    QMap<double, double> sums;
    for (const ChartSeries& s : series) {
        for (const QPointF& p : s.points)
            sums[p.x()] += p.y();
    }
    ChartSeries total { name, {}, QColor(0x55, 0x55, 0x55) };
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        total.points.append(QPointF(it.key(), it.value()));
    return total;
}

QColor ChartView::previousColourOf(int index) const
{
    if (m_previous[index].colour.isValid())
        return m_previous[index].colour;
    if (index < m_data.size())
        return colourOf(index);
    return palette().color(QPalette::Text);
}

// One dashed, lighter line per series of the period before, moved by the range's length: its first point sits on
// the range's start, so a day's peak sits beside the same weekday's.
void ChartView::buildPreviousLines(bool reuse, double divisor, int buckets)
{
    QChart* c = chart();
    const double shift = double(m_range.length());
    for (int i = 0; i < m_previous.size(); ++i) {
        QList<QPointF> points;
        points.reserve(m_previous[i].points.size());
        for (const QPointF& p : std::as_const(m_previous[i].points))
            points.append(QPointF((p.x() + shift) * 1000.0, p.y() / divisor));
        QLineSeries* line = reuse ? m_previousLines.value(i) : nullptr;
        if (!line) {
            line = new QLineSeries(c);
            connect(line, &QLineSeries::hovered, this, [this, i](const QPointF& p, bool state) {
                if (state)
                    QToolTip::showText(QCursor::pos(), previousToolTipFor(i, p.x() / 1000.0), this);
                else
                    QToolTip::hideText();
            });
            c->addSeries(line);
            line->attachAxis(c->axes(Qt::Horizontal).first());
            line->attachAxis(c->axes(Qt::Vertical).first());
            m_previousLines.append(line);
        }
        line->replace(minMaxDownsample(points, buckets));
        line->setName(tr("%1 before").arg(m_previous[i].name));
        QColor colour = previousColourOf(i);
        colour.setAlpha(150);
        QPen pen(colour, 1.6, Qt::CustomDashLine);
        pen.setDashPattern({ 5, 3 }); // longer dashes than an unfinished period's end
        line->setPen(pen);
        line->setPointsVisible(drawsDots(m_previous[i].points));
        line->setMarkerSize(5);
    }
}

QList<QPointF> ChartView::previousPlottedPoints(int index) const
{
    const QLineSeries* line = m_previousLines.value(index);
    return line ? line->points() : QList<QPointF>();
}

QString ChartView::previousToolTipFor(int index, double x) const
{
    if (index < 0 || index >= m_previous.size() || m_previous[index].points.isEmpty())
        return {};
    const QList<QPointF>& points = m_previous[index].points;
    const double own = x - double(m_range.length()); // the time in the period before
    auto it = std::lower_bound(
        points.cbegin(), points.cend(), own, [](const QPointF& p, double value) { return p.x() < value; });
    if (it == points.cend())
        --it;
    else if (it != points.cbegin() && (own - (it - 1)->x()) < (it->x() - own))
        --it;
    return QStringLiteral("<p>%1<br>%2: <b>%3</b></p>")
        .arg(formatTime(it->x()).toHtmlEscaped(), tr("%1 before").arg(m_previous[index].name).toHtmlEscaped(),
            formatValue(it->y()).toHtmlEscaped());
}

} // namespace activity
