// The project's events on a time chart: a dashed vertical line and a short label per marker, grouped when crowded.
#include "ui/charts/chartview.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

namespace activity {

namespace {
constexpr double kLabelWidth = 84; // pixels: a label's room; markers closer than this share one
constexpr double kMaxLabelWidth = 220;
constexpr double kHoverPixels = 5;

QColor kindColour(const QString& kind)
{
    if (kind == QLatin1String(ProjectEvents::kAlertFired))
        return QColor(0xD5, 0x5E, 0x00);
    if (kind == QLatin1String(ProjectEvents::kAlertResolved))
        return QColor(0x00, 0x9E, 0x73);
    if (kind == QLatin1String(ProjectEvents::kNote))
        return QColor(0xCC, 0x79, 0xA7);
    return QColor(0x56, 0x56, 0x56); // releases, tags, versions: the palette's text is blended in below
}
} // namespace

void ChartView::setEvents(const QList<ProjectEvent>& events)
{
    m_events = events;
    std::stable_sort(
        m_events.begin(), m_events.end(), [](const ProjectEvent& a, const ProjectEvent& b) { return a.ts < b.ts; });
    setAccessibleDescription(summary());
    viewport()->update();
}

QList<ChartView::MarkerGroup> ChartView::markerGroups() const
{
    QList<MarkerGroup> groups;
    QRectF view;
    double from = 0;
    double to = 0;
    if (m_events.isEmpty() || !timeAxis(&view, &from, &to))
        return groups;
    for (const ProjectEvent& e : m_events) {
        const double t = double(e.ts);
        if (t < from || t > to)
            continue;
        const double x = view.left() + (t - from) / (to - from) * view.width();
        if (!groups.isEmpty() && x - groups.last().x < kLabelWidth) {
            groups.last().events.append(e);
            groups.last().lastX = x;
            continue;
        }
        groups.append({ x, x, QString(), { e } });
    }
    // A label takes the room up to the next marker (at least kLabelWidth): a title, or what the group holds by kind
    // ("3 releases, 1 note") when it fits, else its count.
    const QFontMetricsF metrics(font());
    for (qsizetype i = 0; i < groups.size(); ++i) {
        MarkerGroup& g = groups[i];
        const double next = i + 1 < groups.size() ? groups[i + 1].x : view.right() + kLabelWidth;
        const double room = qBound(kLabelWidth, next - g.x, kMaxLabelWidth) - 8;
        if (g.events.size() == 1) {
            g.label = metrics.elidedText(g.events.first().title, Qt::ElideRight, room);
            continue;
        }
        const QString kinds = ProjectEvents::kindsLabel(g.events);
        g.label = metrics.horizontalAdvance(kinds) <= room ? kinds : ProjectEvents::groupLabel(g.events);
    }
    return groups;
}

bool ChartView::timeAxis(QRectF* view, double* from, double* to) const
{
    if (!m_isTime)
        return false;
    const auto axes = chart()->axes(Qt::Horizontal);
    const auto* axis = axes.isEmpty() ? nullptr : qobject_cast<QDateTimeAxis*>(axes.first());
    if (!axis)
        return false;
    *from = double(axis->min().toSecsSinceEpoch());
    *to = double(axis->max().toSecsSinceEpoch());
    *view = mapFromScene(chart()->mapRectToScene(chart()->plotArea())).boundingRect();
    return *to > *from && view->width() > 0;
}

std::optional<qint64> ChartView::timeAtX(double x) const
{
    QRectF view;
    double from = 0;
    double to = 0;
    if (!timeAxis(&view, &from, &to) || x < view.left() || x > view.right())
        return std::nullopt;
    return qint64(std::llround(from + (x - view.left()) / view.width() * (to - from)));
}

QString ChartView::markerToolTipAt(double x) const
{
    for (const MarkerGroup& g : markerGroups()) {
        if (std::abs(g.x - x) > kHoverPixels)
            continue;
        QString html = QStringLiteral("<p>");
        for (const ProjectEvent& e : g.events) {
            const QString when
                = QLocale().toString(QDateTime::fromSecsSinceEpoch(e.ts), QStringLiteral("yyyy-MM-dd HH:mm t"));
            html += QStringLiteral("%1 · %2<br><b>%3</b>%4<br>")
                        .arg(when.toHtmlEscaped(), e.source.toHtmlEscaped(), e.title.toHtmlEscaped(),
                            e.url.isEmpty() ? QString() : QStringLiteral("<br>") + e.url.toHtmlEscaped());
        }
        return html + QStringLiteral("</p>");
    }
    return {};
}

void ChartView::drawMarkers(QPainter* painter) const
{
    const QList<MarkerGroup> groups = markerGroups();
    if (groups.isEmpty())
        return;
    const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
    const QColor text = palette().color(QPalette::Text);
    QColor box = palette().color(QPalette::Base);
    box.setAlpha(220);
    const QFontMetricsF metrics(font());
    painter->save();
    painter->setFont(font());
    QList<QRectF> drawn;
    for (const MarkerGroup& g : groups) {
        // The group's kind decides the colour; mixed groups take the text colour.
        QString kind = g.events.first().kind;
        for (const ProjectEvent& e : g.events)
            if (e.kind != kind)
                kind.clear();
        QColor colour = kind.isEmpty() ? text : kindColour(kind);
        if (kind == QLatin1String(ProjectEvents::kRelease) || kind == QLatin1String(ProjectEvents::kTag)
            || kind == QLatin1String(ProjectEvents::kDockerTag)
            || kind == QLatin1String(ProjectEvents::kPackageVersion))
            colour = text;
        const double x = mapToScene(QPoint(int(std::round(g.x)), 0)).x();
        if (g.lastX - g.x >= 3) { // the span the group covers, faintly, so that its one line does not read as a date
            QColor span = colour;
            span.setAlpha(14);
            const double last = mapToScene(QPoint(int(std::round(g.lastX)), 0)).x();
            painter->fillRect(QRectF(x, plot.top(), last - x, plot.height()), span);
        }
        QColor line = colour;
        line.setAlpha(170);
        painter->setPen(QPen(line, 1.5, Qt::DashLine));
        painter->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        // The label at the top of the plot, right of its line (left of it near the right edge), over a light box so
        // that it reads over the lines without hiding them.
        const double w = metrics.horizontalAdvance(g.label) + 6;
        const double h = metrics.height() + 2;
        double left = x + 2;
        if (left + w > plot.right())
            left = x - 2 - w;
        QRectF label(left, plot.top() + 1, w, h);
        // A label turned left near the right edge may meet the one before: it goes a row lower.
        for (int row = 0; row < 4
             && std::any_of(drawn.cbegin(), drawn.cend(), [&label](const QRectF& r) { return r.intersects(label); });
             ++row)
            label.translate(0, h + 2);
        drawn.append(label);
        painter->setPen(Qt::NoPen);
        painter->setBrush(box);
        painter->drawRect(label);
        painter->setPen(colour);
        painter->drawText(label, Qt::AlignCenter, g.label);
    }
    painter->restore();
}

bool ChartView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString tip = markerToolTipAt(help->pos().x());
        if (!tip.isEmpty()) {
            QToolTip::showText(help->globalPos(), tip, viewport());
            return true;
        }
    }
    return QChartView::viewportEvent(event);
}

} // namespace activity
