#include "ui/widgets/metrictile.h"

#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace activity {

MetricTile::MetricTile(const QString& title, QWidget* parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    m_title = new QLabel(title, this);
    m_title->setTextFormat(Qt::PlainText);
    m_value = new QLabel(QStringLiteral("–"), this);
    m_value->setObjectName(QStringLiteral("value"));
    m_value->setTextFormat(Qt::PlainText);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 1.9);
    big.setBold(true);
    m_value->setFont(big);
    m_valuePointSize = big.pointSizeF();
    m_change = new QLabel(this);
    m_change->setObjectName(QStringLiteral("change"));
    m_change->setTextFormat(Qt::PlainText);
    m_change->setWordWrap(true); // "since 25 Nov 07:20; change not known yet" on a narrow tile
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_change);
    // The sparkline is painted in this strip, under the text, so it never covers it.
    layout->addSpacing(34);
    layout->addStretch(1);
    setMinimumSize(170, 130);
    setAccessibleName(title);
}

void MetricTile::setFigures(
    const QString& value, const QString& change, int trend, const QList<double>& sparkline, qsizetype partialFrom)
{
    m_value->setText(value);
    fitValue();
    m_change->setText(change);
    QPalette pal = m_change->palette();
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QColor good = dark ? QColor(0x5C, 0xD6, 0x8A) : QColor(0x1A, 0x7F, 0x37);
    const QColor bad = dark ? QColor(0xFF, 0x7B, 0x72) : QColor(0xCF, 0x22, 0x2E);
    pal.setColor(QPalette::WindowText, trend > 0 ? good : (trend < 0 ? bad : palette().color(QPalette::Text)));
    m_change->setPalette(pal);
    m_spark = sparkline;
    m_sparkPartialFrom = partialFrom >= 0 && partialFrom < sparkline.size() ? partialFrom : -1;
    // A screen reader hears the figure and its comparison, not the painted sparkline.
    setAccessibleDescription(change.isEmpty() ? value : value + QStringLiteral(", ") + change);
    update();
}

// The figure at its full size when it fits the tile, else smaller (down to 60%) rather than cut.
void MetricTile::fitValue()
{
    QFont f = m_value->font();
    const int room = contentsRect().width() - 24;
    qreal size = m_valuePointSize;
    f.setPointSizeF(size);
    while (size > m_valuePointSize * 0.6 && QFontMetrics(f).horizontalAdvance(m_value->text()) > room) {
        size -= 0.5;
        f.setPointSizeF(size);
    }
    m_value->setFont(f);
}

void MetricTile::resizeEvent(QResizeEvent* event)
{
    QFrame::resizeEvent(event);
    fitValue();
}

QString MetricTile::value() const
{
    return m_value->text();
}

QString MetricTile::change() const
{
    return m_change->text();
}

QString MetricTile::title() const
{
    return m_title->text();
}

void MetricTile::setTitle(const QString& title)
{
    m_title->setText(title);
}

void MetricTile::paintEvent(QPaintEvent* event)
{
    QFrame::paintEvent(event);
    if (m_spark.size() < 2)
        return;
    // The sparkline fills the lower right part of the tile, under the change text.
    const QRectF area(
        12, m_change->geometry().bottom() + 6, width() - 24, qMax(12, height() - m_change->geometry().bottom() - 14));
    double lo = m_spark.first();
    double hi = lo;
    for (double v : m_spark) {
        lo = qMin(lo, v);
        hi = qMax(hi, v);
    }
    const double span = hi > lo ? hi - lo : 1.0;
    QPainterPath whole; // up to the last whole period
    QPainterPath partial; // from it on: faded and dotted, and not filled
    const qsizetype cut = m_sparkPartialFrom >= 0 ? m_sparkPartialFrom - 1 : m_spark.size();
    for (qsizetype i = 0; i < m_spark.size(); ++i) {
        const QPointF p(area.left() + area.width() * double(i) / double(m_spark.size() - 1),
            area.bottom() - area.height() * (m_spark[i] - lo) / span);
        const auto add = [&p](QPainterPath& part) { part.elementCount() == 0 ? part.moveTo(p) : part.lineTo(p); };
        if (i <= cut)
            add(whole);
        if (i >= cut)
            add(partial);
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor colour = palette().color(QPalette::Highlight);
    painter.setPen(QPen(colour, 2));
    painter.drawPath(whole);
    QColor faded = colour;
    faded.setAlpha(110);
    painter.setPen(QPen(faded, 2, Qt::DotLine));
    painter.drawPath(partial);
    if (whole.elementCount() < 2)
        return;
    QPainterPath fill = whole;
    fill.lineTo(whole.currentPosition().x(), area.bottom());
    fill.lineTo(area.left(), area.bottom());
    fill.closeSubpath();
    colour.setAlpha(50);
    painter.fillPath(fill, colour);
}

} // namespace activity
