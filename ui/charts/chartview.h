#pragma once

#include "core/events/projectevent.h"
#include "core/query/timerange.h"
#include "ui/charts/axisscale.h"

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QTimer>
#include <optional>

class QAbstractSeries;
class QLineSeries;
class QValueAxis;

namespace activity {

// One line (or stacked band) of a chart: x is seconds since the epoch (UTC) for time charts.
struct ChartSeries {
    QString name;
    QList<QPointF> points;
    QColor colour = {}; // invalid: the palette's next colour
};

// A chart that follows the palette, shows exact values under the cursor, hides a series when its legend
// entry is clicked, reduces long series to ~2 points per pixel (min/max) and exports itself as PNG or CSV
// from its context menu.
class ChartView : public QChartView {
    Q_OBJECT
public:
    // StackedBars: one bar per point, starting at its time and barSecs wide (per-day figures), series stacked.
    // Bars: categories (setCategories).
    enum class Style { Lines, StackedArea, StackedBars, Bars };
    explicit ChartView(QWidget* parent = nullptr);

    void setTitle(const QString& title);
    QString title() const;
    // Time series over `range` (x in seconds). `valueName` heads the value column of the CSV.
    void setTimeSeries(const QList<ChartSeries>& series, const TimeRange& range, Style style, const QString& valueName);
    // Bars over categories (x = category index): e.g. requests by hour of day.
    void setCategories(const QStringList& categories, const QList<ChartSeries>& series, const QString& categoryName);
    // Values such as bytes are shown with a unit: formats the axis and tooltips.
    void setValueFormatter(std::function<QString(double)> formatter) { m_format = std::move(formatter); }
    // The width of a StackedBars bar (a day unless set).
    void setBarSeconds(qint64 secs) { m_barSecs = secs; }
    // The value axis counts bytes: plots in KiB/MiB/GiB with the unit as the axis title.
    void setBytesAxis(bool bytes) { m_bytesAxis = bytes; }
    // Points from `secs` on stand for periods not over yet or cut by the range's end (Buckets::incompleteFrom;
    // -1: none): lines reach them dashed, so their drop does not read as a fall, and tooltips say so. Set it
    // before setTimeSeries().
    void setIncompleteFrom(qint64 secs) { m_incompleteFrom = secs; }
    // Said in the middle of the plot (and to screen readers) while no series has a point: why, and when there will
    // be one. Empty: nothing said.
    void setEmptyText(const QString& text);

    // The same span just before the range (x in that span's seconds), drawn dashed and shifted onto the range's start,
    // each with its own legend entry ("Requests before"). A series' colour is its namesake's, by index.
    // Series without points are left out (a period before the data). Empty: none. Redraws a chart that has data;
    // clearPreviousSeries() forgets them without redrawing.
    void setPreviousSeries(const QList<ChartSeries>& previous);
    void clearPreviousSeries() { m_previous.clear(); }
    // One series adding up `series` at each x (a stacked chart overlays the total of its period before).
    static ChartSeries sumOf(const QList<ChartSeries>& series, const QString& name);
    const QList<ChartSeries>& previousSeries() const { return m_previous; }
    // What reaches Qt Charts for previous series `index` (shifted, in milliseconds), for tests.
    QList<QPointF> previousPlottedPoints(int index) const;
    // The tooltip of previous series `index` near x (the range's seconds): its value and its own time.
    QString previousToolTipFor(int index, double x) const;

    // The project's events (releases, notes, alerts) as vertical markers with a short label on a time chart; those
    // closer than a label's width are one marker ("3 releases") whose tooltip lists them.
    void setEvents(const QList<ProjectEvent>& events);
    const QList<ProjectEvent>& events() const { return m_events; }
    struct MarkerGroup {
        double x = 0; // in the view's pixels (of its viewport), where the line is drawn: the first event's
        double lastX = 0; // the last event's: a group spanning time is shaded from x to lastX
        QString label;
        QList<ProjectEvent> events;
    };
    // The markers as drawn at the view's size (events outside the time axis left out).
    QList<MarkerGroup> markerGroups() const;
    // What hovering the marker at viewport x `x` shows (empty when there is none within a few pixels).
    QString markerToolTipAt(double x) const;
    // The time under viewport x `x` on a time chart; nullopt outside the plot or on a category chart.
    std::optional<qint64> timeAtX(double x) const;

    const QList<ChartSeries>& data() const { return m_data; }
    // The colour series `index` is drawn in.
    QColor seriesColour(int index) const { return index >= 0 && index < m_data.size() ? colourOf(index) : QColor(); }
    // What reaches Qt Charts for series `index` (after downsampling), for tests; of a line, its dashed part too.
    QList<QPointF> plottedPoints(int index) const;
    // The dashed part of line `index` (from its last whole point on), for tests.
    QList<QPointF> incompletePoints(int index) const;
    bool isSeriesVisible(int index) const;
    void setSeriesVisible(int index, bool visible);
    // The value and time text a tooltip shows for a point near `x` in series `index`.
    QString toolTipFor(int index, double x) const;
    // The same for the stacked bar of series `index` holding time `x` (bars may add up several days).
    QString barToolTipFor(int index, double x) const;
    // The same for bar `category` of series `series` on a category chart.
    QString categoryToolTipFor(int series, int category) const;

    QImage renderImage(qreal scale) const;
    QByteArray csv() const;
    bool savePng(const QString& path, qreal scale) const;
    bool saveCsv(const QString& path) const;

    // The value axis as last drawn (range, ticks, label precision, unit), for tests.
    const AxisScale& valueScale() const { return m_scale; }

signals:
    // A bar of a category chart was clicked (pages narrow to what it stands for).
    void categoryClicked(int category);
    // A band of a stacked area chart was clicked (the Traffic page narrows to that status class).
    void seriesClicked(int index);
    // "Add a note here..." of a time chart's context menu (offered while something listens): the time clicked.
    void noteRequested(qint64 secs);

protected:
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    bool viewportEvent(QEvent* event) override;

private:
    void rebuild();
    void showExportMenu(const QPoint& globalPos, std::optional<qint64> at = std::nullopt);
    // The plot in viewport pixels and the time axis' ends (seconds); false when there is no time axis.
    bool timeAxis(QRectF* view, double* from, double* to) const;
    bool canUpdateInPlace() const;
    // Every series' value at every time any series has one (0 where it has none), for stacked bars.
    struct Columns {
        QList<double> xs;
        QList<QList<double>> values; // [series][column]
        qint64 barSecs = 0; // the width of each column
    };
    Columns columns() const;
    // The width of a drawn bar: m_barSecs, or a whole number of them when bars that narrow would be thinner than a
    // few pixels (a year of days: weeks), so they stay readable and cheap to draw (each bar is a path's corners).
    qint64 drawnBarSecs() const;
    std::pair<double, double> valueRange() const;
    QColor colourOf(int index) const;
    void applyScale(QValueAxis* axis, const AxisScale& scale);
    QString summary() const;
    void buildTimeSeries(bool reuse, const AxisScale& scale);
    QAbstractSeries* buildBand(
        int index, const QList<QPointF>& points, QList<double>& stack, QLineSeries*& below, bool reuse, int buckets);
    QAbstractSeries* buildLine(int index, const QList<QPointF>& points, bool reuse);
    void buildIncompleteLine(int index, const QList<QPointF>& points);
    QAbstractSeries* buildBarBand(int index, const Columns& columns, QList<double>& base, double divisor, bool reuse);
    void buildBars(const AxisScale& scale, bool reuse);
    void buildPreviousLines(bool reuse, double divisor, int buckets);
    QColor previousColourOf(int index) const;
    void connectLegend();
    void applyPalette();
    QString formatValue(double value) const;
    QString formatTime(double x) const;
    void onHovered(int index, const QPointF& point, bool state);
    void drawMarkers(QPainter* painter) const;
    QList<ProjectEvent> m_events;
    QList<ChartSeries> m_previous;
    QList<QLineSeries*> m_previousLines; // built for m_previous, after the chart's own series

    QList<ChartSeries> m_data;
    QList<QAbstractSeries*> m_series;
    QList<QLineSeries*> m_incompleteLines; // a line's dashed part, per series (Lines only), outside the legend
    qint64 m_incompleteFrom = -1;
    QString m_emptyText;
    bool hasPoints() const;
    // A line of so few points that they read better with a dot each (one sample after a first poll): fewer than two,
    // or 12 pixels apart or more on average (hours of a first day on a week's axis are not: they would blot).
    bool drawsDots(const QList<QPointF>& points) const;
    QStringList m_categories;
    QStringList m_builtCategories; // the categories the bar series was built for
    QString m_valueName;
    QString m_categoryName;
    TimeRange m_range;
    Style m_style = Style::Lines;
    bool m_isTime = true;
    QList<bool> m_hidden;
    std::function<QString(double)> m_format;
    QTimer m_resizeTimer;
    int m_plottedWidth = 0;
    Style m_builtStyle = Style::Bars; // what the chart's series were built for (in-place updates need the same)
    bool m_bytesAxis = false;
    AxisScale m_scale;
    qint64 m_barSecs = 86400;
    Columns m_bars; // the stacked bars as last drawn (the tooltips' values)
};

} // namespace activity
