#include "ui/chartview.h"

#include "ui/csv.h"
#include "ui/downsample.h"

#include <QApplication>
#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFile>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QTimeZone>
#include <QToolTip>
#include <QValueAxis>

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

void ChartView::rebuild()
{
    QChart* c = chart();
    // New data of the same shape (a range or data change) updates the series and axes in place: recreating
    // them, their legend markers and axes cost most of a page's update.
    QDateTimeAxis* x = nullptr;
    QValueAxis* y = nullptr;
    bool reuse = m_isTime && m_style != Style::Bars && !m_series.isEmpty() && m_series.size() == m_data.size()
        && m_builtStyle == m_style;
    if (reuse) {
        const auto horizontal = c->axes(Qt::Horizontal);
        const auto vertical = c->axes(Qt::Vertical);
        x = horizontal.size() == 1 ? qobject_cast<QDateTimeAxis*>(horizontal.first()) : nullptr;
        y = vertical.size() == 1 ? qobject_cast<QValueAxis*>(vertical.first()) : nullptr;
        reuse = x && y;
    }
    if (!reuse) {
        c->removeAllSeries();
        for (QAbstractAxis* axis : c->axes())
            c->removeAxis(axis);
        m_series.clear();
        x = nullptr;
        y = nullptr;
    }
    m_builtStyle = m_style;
    m_plottedWidth = width();
    const int buckets = qMax(50, int(c->plotArea().width() > 0 ? c->plotArea().width() : width()));

    double maxY = 0;
    double divisor = 1;
    QString unit;
    if (m_bytesAxis) {
        double rawMax = 0;
        for (const ChartSeries& s : m_data) {
            for (const QPointF& p : s.points)
                rawMax = qMax(rawMax, p.y());
        }
        const QStringList units = { tr("bytes"), tr("KiB"), tr("MiB"), tr("GiB"), tr("TiB") };
        int k = 0;
        while (k + 1 < units.size() && rawMax >= 1024.0 * divisor) {
            divisor *= 1024.0;
            ++k;
        }
        unit = units[k];
    } else if (m_isTime) {
        // Counts in the millions print as "4000000" (no digit grouping in Qt Charts' printf labels) and push the
        // plot area right: plot thousands or millions, the factor as the axis title. Tooltips keep exact values.
        double rawMax = 0;
        for (const ChartSeries& s : m_data) {
            for (const QPointF& p : s.points)
                rawMax = qMax(rawMax, p.y());
        }
        if (rawMax >= 1e5) {
            divisor = rawMax >= 1e6 ? 1e6 : 1e3;
            unit = QStringLiteral("× ") + QLocale().toString(qint64(divisor));
        }
    }
    if (m_isTime) {
        if (!x) {
            x = new QDateTimeAxis(c);
            c->addAxis(x, Qt::AlignBottom);
        }
        const qint64 length = m_range.length();
        x->setFormat(length <= 2 * 86400
                ? QStringLiteral("HH:mm")
                : (length <= 120 * 86400 ? QStringLiteral("MMM d") : QStringLiteral("MMM yyyy")));
        x->setTickCount(qBound(3, width() / 110, 12));
        // The axis shows local time (Qt 6.4's axis has no time zone), like the tooltips.
        x->setRange(QDateTime::fromSecsSinceEpoch(m_range.fromSecs), QDateTime::fromSecsSinceEpoch(m_range.toSecs));
        if (!y) {
            y = new QValueAxis(c);
            c->addAxis(y, Qt::AlignLeft);
        }
        y->setLabelFormat(QStringLiteral("%.0f"));
        QLineSeries* previousUpper = nullptr;
        QList<double> stackX;
        QList<double> stackY;
        for (int i = 0; i < m_data.size(); ++i) {
            QList<QPointF> points;
            points.reserve(m_data[i].points.size());
            for (const QPointF& p : m_data[i].points)
                points.append(QPointF(p.x() * 1000.0, p.y() / divisor)); // Qt Charts wants milliseconds
            QAbstractSeries* added = nullptr;
            const QColor colour = m_data[i].colour.isValid() ? m_data[i].colour : kColours[i % std::size(kColours)];
            if (m_style == Style::StackedArea) {
                // Series of a stack share the same x values (the caller aligns them); add the running sum.
                if (stackY.size() != points.size()) {
                    stackY = QList<double>(points.size(), 0.0);
                }
                QList<QPointF> upperPoints;
                upperPoints.reserve(points.size());
                for (qsizetype k = 0; k < points.size(); ++k) {
                    if (!m_hidden[i])
                        stackY[k] += points[k].y();
                    upperPoints.append(QPointF(points[k].x(), stackY[k]));
                    maxY = qMax(maxY, stackY[k]);
                }
                QColor fill = colour;
                fill.setAlpha(170);
                if (reuse) {
                    auto* area = qobject_cast<QAreaSeries*>(m_series[i]);
                    added = area;
                    area->upperSeries()->replace(minMaxDownsample(upperPoints, buckets));
                    area->setName(m_data[i].name);
                    area->setBrush(fill);
                } else {
                    auto* upper = new QLineSeries(c);
                    upper->replace(minMaxDownsample(upperPoints, buckets));
                    auto* area = new QAreaSeries(upper, previousUpper);
                    area->setName(m_data[i].name);
                    area->setBrush(fill);
                    area->setPen(Qt::NoPen); // an outline on the top band would tint the whole stack
                    previousUpper = upper;
                    connect(area, &QAreaSeries::hovered, this,
                        [this, i](const QPointF& p, bool state) { onHovered(i, p, state); });
                    added = area;
                }
            } else {
                for (const QPointF& p : points)
                    maxY = qMax(maxY, p.y());
                if (reuse) {
                    auto* line = qobject_cast<QLineSeries*>(m_series[i]);
                    line->replace(minMaxDownsample(points, buckets));
                    line->setName(m_data[i].name);
                    line->setPen(QPen(colour, 2));
                    added = line;
                } else {
                    auto* line = new QLineSeries(c);
                    line->setName(m_data[i].name);
                    line->replace(minMaxDownsample(points, buckets));
                    line->setPen(QPen(colour, 2));
                    connect(line, &QLineSeries::hovered, this,
                        [this, i](const QPointF& p, bool state) { onHovered(i, p, state); });
                    added = line;
                }
            }
            if (!added) // the series of a reused chart whose type does not match: cannot happen (same style)
                continue;
            if (!reuse) {
                c->addSeries(added);
                added->attachAxis(x);
                added->attachAxis(y);
            }
            added->setVisible(!m_hidden[i] || m_style == Style::StackedArea);
            added->setOpacity(m_style == Style::StackedArea && m_hidden[i] ? 0.0 : 1.0);
            if (!reuse)
                m_series.append(added);
        }
        y->setRange(0, maxY > 0 ? maxY * 1.08 : 1);
        y->applyNiceNumbers();
        y->setTitleText(unit);
        if (divisor > 1)
            y->setLabelFormat(QStringLiteral("%.4g"));
    } else {
        auto* bars = new QBarSeries(c);
        for (int i = 0; i < m_data.size(); ++i) {
            auto* set = new QBarSet(m_data[i].name, bars);
            set->setColor(m_data[i].colour.isValid() ? m_data[i].colour : kColours[i % std::size(kColours)]);
            set->setBorderColor(Qt::transparent);
            for (const QPointF& p : m_data[i].points) {
                set->append(p.y());
                maxY = qMax(maxY, p.y());
            }
            bars->append(set);
        }
        connect(bars, &QBarSeries::hovered, this, [this](bool status, int index, QBarSet* set) {
            if (!status) {
                QToolTip::hideText();
                return;
            }
            const int series = int(set->parent()->children().indexOf(set));
            Q_UNUSED(series);
            QToolTip::showText(QCursor::pos(),
                QStringLiteral("<p>%1<br>%2: <b>%3</b></p>")
                    .arg(escape(m_categories.value(index)), escape(set->label()), escape(formatValue(set->at(index)))),
                this);
        });
        c->addSeries(bars);
        // A category axis would give each label one bar's width and elide it ("..."): label every few bars
        // on a value axis instead.
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
        valueAxis->setLabelFormat(QStringLiteral("%.0f"));
        valueAxis->setRange(0, maxY > 0 ? maxY * 1.08 : 1);
        valueAxis->applyNiceNumbers();
        c->addAxis(valueAxis, Qt::AlignLeft);
        bars->attachAxis(valueAxis);
        m_series.append(bars);
    }
    c->legend()->setVisible(m_data.size() > 1);
    if (reuse) {
        applyPalette();
        return; // the legend's markers and their connections are still there
    }
    // Clicking a legend entry hides or shows its series.
    const auto markers = c->legend()->markers();
    for (QLegendMarker* marker : markers) {
        const int index = int(m_series.indexOf(marker->series()));
        if (index < 0 || !m_isTime)
            continue;
        marker->setVisible(true);
        QFont f = marker->font();
        f.setStrikeOut(m_hidden.value(index));
        marker->setFont(f);
        connect(
            marker, &QLegendMarker::clicked, this, [this, index] { setSeriesVisible(index, m_hidden.value(index)); });
    }
    applyPalette();
}

QList<QPointF> ChartView::plottedPoints(int index) const
{
    if (index < 0 || index >= m_series.size())
        return {};
    if (auto* line = qobject_cast<QLineSeries*>(m_series[index]))
        return line->points();
    if (auto* area = qobject_cast<QAreaSeries*>(m_series[index]))
        return area->upperSeries()->points();
    return {};
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
    if (m_style == Style::StackedArea) {
        rebuild();
        return;
    }
    if (index < m_series.size())
        m_series[index]->setVisible(visible);
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
    return QStringLiteral("<p>%1<br>%2: <b>%3</b></p>")
        .arg(escape(formatTime(it->x())), escape(m_data[index].name), escape(formatValue(it->y())));
}

void ChartView::onHovered(int index, const QPointF& point, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(QCursor::pos(), toolTipFor(index, point.x() / 1000.0), this);
}

QImage ChartView::renderImage(qreal scale) const
{
    QImage image(size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const_cast<ChartView*>(this)->render(&painter);
    return image;
}

QByteArray ChartView::csv() const
{
    QByteArray out;
    if (m_isTime) {
        out += Csv::row({ QStringLiteral("timestamp"), QStringLiteral("series"), m_valueName });
        for (const ChartSeries& s : m_data) {
            for (const QPointF& p : s.points)
                out += Csv::row({ Csv::timestamp(qint64(p.x())), s.name, p.y() });
        }
    } else {
        out += Csv::row({ m_categoryName, QStringLiteral("series"), QStringLiteral("value") });
        for (const ChartSeries& s : m_data) {
            for (const QPointF& p : s.points)
                out += Csv::row({ m_categories.value(int(p.x())), s.name, p.y() });
        }
    }
    return out;
}

bool ChartView::savePng(const QString& path, qreal scale) const
{
    return renderImage(scale).save(path, "PNG");
}

bool ChartView::saveCsv(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(csv()) >= 0;
}

void ChartView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    const QString base
        = title().isEmpty() ? QStringLiteral("chart") : title().toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    auto askAndSave = [this, base](const QString& suffix, const QString& filter, auto save) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save chart"), base + suffix, filter);
        if (!path.isEmpty())
            save(path);
    };
    menu.addAction(tr("Save as PNG (1x)..."), this, [=, this] {
        askAndSave(QStringLiteral(".png"), tr("PNG images (*.png)"), [this](const QString& p) { savePng(p, 1); });
    });
    menu.addAction(tr("Save as PNG (2x)..."), this, [=, this] {
        askAndSave(QStringLiteral("@2x.png"), tr("PNG images (*.png)"), [this](const QString& p) { savePng(p, 2); });
    });
    menu.addAction(tr("Save data as CSV..."), this, [=, this] {
        askAndSave(QStringLiteral(".csv"), tr("CSV files (*.csv)"), [this](const QString& p) { saveCsv(p); });
    });
    menu.exec(event->globalPos());
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
