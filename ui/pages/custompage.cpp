#include "ui/pages/custompage.h"

#include "core/dashboards/dashboardservice.h"
#include "core/geo/countrytable.h"
#include "core/util/clock.h"
#include "ui/charts/chartview.h"
#include "ui/dialogs/paneleditor.h"
#include "ui/map/worldmapwidget.h"
#include "ui/map/worldshapes.h"
#include "ui/viewstate.h"
#include "ui/widgets/accessiblenames.h"
#include "ui/widgets/csv.h"
#include "ui/widgets/errorlabel.h"
#include "ui/widgets/format.h"
#include "ui/widgets/metrictile.h"
#include "ui/widgets/rowsmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QDrag>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace activity {

namespace {
constexpr const char* kPanelMime = "application/x-activity-panel";

QString panelTitle(const PanelSpec& p, const PanelData* data)
{
    if (!p.title.isEmpty())
        return p.title;
    if (p.kind == PanelSpec::Kind::Map)
        return CustomPage::tr("Requests by country");
    if (data && !data->series.isEmpty() && !data->series.first().entry.name.isEmpty())
        return data->series.first().entry.name;
    return p.series.value(0);
}

QString figureText(double v, const QString& unit)
{
    if (unit == QLatin1String("bytes"))
        return Format::bytes(qint64(v));
    if (unit == QLatin1String("%"))
        return QLocale().toString(v, 'f', 1) + QLatin1Char('%');
    return v == std::floor(v) ? Format::count(v) : QLocale().toString(v, 'f', 2);
}
} // namespace

CustomPage::CustomPage(
    QueryRunner& runner, ViewState& state, DashboardSpec spec, DashboardService* service, QWidget* parent)
    : DashboardPage(runner, state, parent)
    , m_spec(std::move(spec))
    , m_service(service)
{
    setObjectName(QStringLiteral("customPage"));
    setAcceptDrops(bool(service));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    header->addWidget(m_title, 1);
    if (service) {
        const auto button = [&](const QString& text, const QString& name, auto slot) {
            auto* b = new QPushButton(text, this);
            b->setObjectName(name);
            connect(b, &QPushButton::clicked, this, slot);
            header->addWidget(b);
            return b;
        };
        button(tr("Add panel..."), QStringLiteral("addPanel"), [this] { editPanel(-1); });
        button(tr("Rename..."), QStringLiteral("renamePage"), [this] { rename(); });
        button(tr("Delete page"), QStringLiteral("deletePage"), [this] { askRemove(); });
    }
    layout->addLayout(header);
    m_error = new ErrorLabel(this);
    m_error->hide();
    layout->addWidget(m_error);
    m_grid = new QGridLayout;
    m_grid->setSpacing(10);
    for (int c = 0; c < Dashboards::kColumns; ++c)
        m_grid->setColumnStretch(c, 1);
    layout->addLayout(m_grid, 1);
    rebuild();
}

CustomPage::~CustomPage() = default;

QString CustomPage::apply(const DashboardSpec& spec)
{
    if (m_service)
        if (const QString error = m_service->update(spec).error(); !error.isEmpty()) {
            m_error->setText(error);
            m_error->show();
            return error;
        }
    const bool renamed = spec.name != m_spec.name;
    m_spec = spec;
    m_error->hide();
    rebuild();
    reloadNow();
    if (renamed)
        emit this->renamed(m_spec.id, m_spec.name);
    return {};
}

void CustomPage::redraw(const DashboardSpec& spec)
{
    const bool renamed = spec.name != m_spec.name;
    m_spec = spec;
    rebuild();
    reloadNow();
    if (renamed)
        emit this->renamed(m_spec.id, m_spec.name);
}

void CustomPage::movePanel(int from, int to)
{
    if (from == to || from < 0 || to < 0 || from >= m_spec.panels.size() || to >= m_spec.panels.size())
        return;
    DashboardSpec spec = m_spec;
    spec.panels.move(from, to);
    apply(spec);
}

void CustomPage::rebuild()
{
    m_title->setText(m_spec.name);
    m_title->setAccessibleName(m_spec.name);
    for (QWidget* w : std::as_const(m_panels))
        w->deleteLater();
    m_panels.clear();
    m_contents.clear();
    // Auto-flow on the grid: each panel goes to the first place it fits, left to right, top to bottom.
    QSet<std::pair<int, int>> used;
    const auto fits = [&](int row, int col, int w, int h) {
        if (col + w > Dashboards::kColumns)
            return false;
        for (int r = row; r < row + h; ++r)
            for (int c = col; c < col + w; ++c)
                if (used.contains({ r, c }))
                    return false;
        return true;
    };
    for (int i = 0; i < m_spec.panels.size(); ++i) {
        const PanelSpec& p = m_spec.panels[i];
        const int w = qBound(1, p.width, Dashboards::kColumns);
        const int h = qBound(1, p.height, 3);
        int row = 0;
        int col = 0;
        while (!fits(row, col, w, h)) {
            if (++col >= Dashboards::kColumns) {
                col = 0;
                ++row;
            }
        }
        for (int r = row; r < row + h; ++r)
            for (int c = col; c < col + w; ++c)
                used.insert({ r, c });
        QWidget* panel = makePanel(i, p);
        m_grid->addWidget(panel, row, col, h, w);
        m_panels.append(panel);
    }
    int rows = 0;
    for (const auto& cell : used)
        rows = qMax(rows, cell.first + 1);
    for (int r = 0; r < qMax(rows, 3); ++r)
        m_grid->setRowStretch(r, 1);
    if (m_spec.panels.isEmpty())
        showEmptyState(tr("This page has no panel yet"),
            m_service ? tr("Add a panel: pick the figures it draws (stars, downloads, requests, errors...) and how.")
                      : tr("Its panels are added in the window."));
    else
        hideEmptyState();
}

QWidget* CustomPage::makePanel(int index, const PanelSpec& p)
{
    auto* frame = new QFrame(this);
    frame->setObjectName(QStringLiteral("panel%1").arg(index));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setProperty("panelIndex", index);
    auto* layout = new QVBoxLayout(frame);
    layout->setContentsMargins(6, 4, 6, 6);
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(panelTitle(p, nullptr), frame);
    title->setObjectName(QStringLiteral("panelTitle"));
    title->setTextFormat(Qt::PlainText);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    header->addWidget(title, 1);
    if (p.kind == PanelSpec::Kind::Figure) {
        title->hide(); // the tile says it
        header->addStretch(1); // the tools stay on the right
    }
    if (m_service) {
        title->setCursor(Qt::OpenHandCursor);
        title->setToolTip(tr("Drag onto another panel to swap places"));
        title->installEventFilter(this);
        title->setProperty("panelIndex", index);
        const auto tool = [&](const QString& text, const QString& tip, auto slot) {
            auto* b = new QToolButton(frame);
            b->setText(text);
            b->setToolTip(tip);
            b->setAccessibleName(tip);
            b->setAutoRaise(true);
            connect(b, &QToolButton::clicked, this, slot);
            header->addWidget(b);
        };
        tool(QStringLiteral("◀"), tr("Move earlier"), [this, index] { movePanel(index, index - 1); });
        tool(QStringLiteral("▶"), tr("Move later"), [this, index] { movePanel(index, index + 1); });
        tool(QStringLiteral("⇔"), tr("Wider (cycles 1 to 4 columns)"), [this, index] {
            DashboardSpec spec = m_spec;
            spec.panels[index].width = spec.panels[index].width % Dashboards::kColumns + 1;
            apply(spec);
        });
        tool(QStringLiteral("⇕"), tr("Taller (cycles 1 to 3 rows)"), [this, index] {
            DashboardSpec spec = m_spec;
            spec.panels[index].height = spec.panels[index].height % 3 + 1;
            apply(spec);
        });
        tool(QStringLiteral("✎"), tr("Edit panel"), [this, index] { editPanel(index); });
        tool(QStringLiteral("✕"), tr("Remove panel"), [this, index] {
            DashboardSpec spec = m_spec;
            spec.panels.removeAt(index);
            apply(spec);
        });
    }
    layout->addLayout(header);
    QWidget* content = nullptr;
    switch (p.kind) {
    case PanelSpec::Kind::Line:
    case PanelSpec::Kind::Area:
    case PanelSpec::Kind::Bars:
        content = new ChartView(frame);
        break;
    case PanelSpec::Kind::Figure:
        content = new MetricTile(panelTitle(p, nullptr), frame);
        break;
    case PanelSpec::Kind::Table: {
        auto* table = new QTableView(frame);
        auto* model = new RowsModel({ tr("Series"), tr("Over the range"), tr("Last bucket") }, table);
        table->setModel(model);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        nameTable(table, panelTitle(p, nullptr));
        content = table;
        break;
    }
    case PanelSpec::Kind::Map: {
        if (!m_shapes)
            m_shapes = WorldShapes::builtIn(CountryTable::system());
        content = new WorldMapWidget(m_shapes, frame);
        break;
    }
    }
    content->setAccessibleName(panelTitle(p, nullptr));
    content->setMinimumHeight(140);
    layout->addWidget(content, 1);
    m_contents.append(content);
    return frame;
}

void CustomPage::reload()
{
    const TimeRange range = state().range();
    const qint64 now = state().clock().nowSecs();
    const AgentScope agents = state().agents();
    const QList<PanelSpec> panels = m_spec.panels;
    query<QList<PanelData>>(
        m_tracker,
        [panels, range, now, agents](Database& db) {
            QList<PanelData> out;
            for (const PanelSpec& p : panels)
                out.append(PanelQuery::read(db, p, range, now, agents));
            return out;
        },
        [this, panels](QList<PanelData> loaded) {
            if (panels.size() != m_spec.panels.size())
                return; // edited meanwhile: a newer load follows
            showData(loaded);
        });
}

// The period before of each chart panel that follows the page's range (one with its own range keeps none).
void CustomPage::reloadPrevious(const TimeRange& before)
{
    const QList<PanelSpec> panels = m_spec.panels;
    const AgentScope agents = state().agents();
    query<QList<PanelData>>(
        m_previousTracker,
        [panels, before, agents](Database& db) {
            QList<PanelData> out;
            for (const PanelSpec& p : panels)
                out.append(PanelQuery::read(db, p, before, before.toSecs, agents));
            return out;
        },
        [this, panels, before](QList<PanelData> loaded) {
            if (panels.size() != m_spec.panels.size())
                return;
            for (int i = 0; i < loaded.size() && i < m_contents.size(); ++i) {
                auto* chart = qobject_cast<ChartView*>(m_contents[i]);
                if (!chart || !(loaded[i].range == before))
                    continue;
                QList<ChartSeries> series;
                for (const PanelSeries& s : loaded[i].series)
                    if (s.error.isEmpty())
                        series.append({ s.entry.name, Format::points(s.points) });
                const bool stacked
                    = m_spec.panels[i].kind == PanelSpec::Kind::Area || m_spec.panels[i].kind == PanelSpec::Kind::Bars;
                chart->setPreviousSeries(
                    stacked ? QList<ChartSeries> { ChartView::sumOf(series, tr("Total")) } : series);
            }
        });
}

void CustomPage::showData(const QList<PanelData>& loaded)
{
    m_data = loaded;
    for (int i = 0; i < loaded.size() && i < m_contents.size(); ++i) {
        const PanelSpec& p = m_spec.panels[i];
        const PanelData& d = loaded[i];
        const QString title = panelTitle(p, &d);
        if (auto* label = m_panels[i]->findChild<QLabel*>(QStringLiteral("panelTitle")))
            label->setText(title);
        QStringList errors;
        for (const PanelSeries& s : d.series)
            if (!s.error.isEmpty())
                errors.append(s.error);
        if (auto* chart = qobject_cast<ChartView*>(m_contents[i])) {
            QList<ChartSeries> series;
            for (const PanelSeries& s : d.series)
                if (s.error.isEmpty())
                    series.append({ s.entry.name, Format::points(s.points) });
            chart->setTitle(errors.isEmpty() ? QString() : errors.join(QLatin1Char('\n')));
            const ChartView::Style style = p.kind == PanelSpec::Kind::Area ? ChartView::Style::StackedArea
                : p.kind == PanelSpec::Kind::Bars                          ? ChartView::Style::StackedBars
                                                                           : ChartView::Style::Lines;
            chart->setBarSeconds(d.step);
            chart->setBytesAxis(!d.series.isEmpty() && d.series.first().entry.unit == QLatin1String("bytes"));
            chart->setTimeSeries(series, d.range, style, QStringLiteral("value"));
        } else if (auto* tile = qobject_cast<MetricTile*>(m_contents[i])) {
            const PanelSeries* s = d.series.isEmpty() ? nullptr : &d.series.first();
            QList<double> spark;
            if (s)
                for (const Sample& point : s->points)
                    spark.append(point.value);
            const QString value = s && s->figure ? figureText(*s->figure, s->entry.unit) : QStringLiteral("–");
            const QString detail = !errors.isEmpty()       ? errors.first()
                : s && s->entry.summable                   ? tr("over the range")
                : s && s->entry.unit == QLatin1String("%") ? tr("of the range")
                                                           : tr("latest value");
            tile->setFigures(value, detail, 0, spark);
            tile->setAccessibleDescription(QStringLiteral("%1: %2").arg(title, value));
        } else if (auto* table = qobject_cast<QTableView*>(m_contents[i])) {
            QList<QList<QVariant>> rows;
            for (const PanelSeries& s : d.series) {
                const QVariant latest
                    = s.points.isEmpty() ? QVariant() : QVariant(figureText(s.points.last().value, s.entry.unit));
                rows.append({ s.entry.name.isEmpty() ? s.entry.id : s.entry.name,
                    s.figure ? QVariant(figureText(*s.figure, s.entry.unit)) : QVariant(s.error), latest });
            }
            static_cast<RowsModel*>(table->model())->setRows(rows);
        } else if (auto* map = qobject_cast<WorldMapWidget*>(m_contents[i])) {
            QHash<QString, CountryFigures> figures;
            for (auto it = d.requestsByCountry.cbegin(); it != d.requestsByCountry.cend(); ++it)
                figures.insert(it.key(), { it.value(), 0 });
            map->setFigures(figures);
        }
        m_contents[i]->setAccessibleName(title);
    }
}

QByteArray CustomPage::csv() const
{
    QByteArray out = Csv::row(
        { QStringLiteral("panel"), QStringLiteral("series"), QStringLiteral("timestamp"), QStringLiteral("value") });
    for (int i = 0; i < m_data.size() && i < m_spec.panels.size(); ++i) {
        const QString title = panelTitle(m_spec.panels[i], &m_data[i]);
        for (const PanelSeries& s : m_data[i].series)
            for (const Sample& p : s.points)
                out += Csv::row({ title, s.entry.id, Csv::timestamp(p.ts), p.value });
        // Busiest country first, ties by code: the same bytes at every run and on either engine (a hash has no order).
        QList<std::pair<QString, qint64>> countries;
        for (auto it = m_data[i].requestsByCountry.cbegin(); it != m_data[i].requestsByCountry.cend(); ++it)
            countries.append({ it.key(), it.value() });
        std::sort(countries.begin(), countries.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        for (const auto& [country, requests] : countries)
            out += Csv::row({ title, QStringLiteral("traffic.requests{country=\"%1\"}").arg(country),
                Csv::timestamp(m_data[i].range.fromSecs), requests });
    }
    return out;
}

void CustomPage::editPanel(int index)
{
    PanelSpec panel = index >= 0 ? m_spec.panels[index] : PanelSpec {};
    PanelEditor editor(runner(), panel, this);
    if (editor.exec() != QDialog::Accepted)
        return;
    DashboardSpec spec = m_spec;
    if (index >= 0)
        spec.panels[index] = editor.panel();
    else
        spec.panels.append(editor.panel());
    apply(spec);
}

void CustomPage::rename()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Rename page"), tr("Name:"), QLineEdit::Normal, m_spec.name, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    DashboardSpec spec = m_spec;
    spec.name = name.trimmed();
    apply(spec);
}

void CustomPage::askRemove()
{
    if (QMessageBox::question(
            this, tr("Delete page"), tr("Delete the page \"%1\"? Its figures stay stored.").arg(m_spec.name))
        != QMessageBox::Yes)
        return;
    if (const QString error = m_service->remove(m_spec.id).error(); !error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    emit removed(m_spec.id);
}

bool CustomPage::eventFilter(QObject* watched, QEvent* event)
{
    // A panel's title is its handle: dragged onto another panel, the two swap places.
    if (event->type() == QEvent::MouseButtonPress) {
        m_dragStart = static_cast<QMouseEvent*>(event)->position().toPoint();
    } else if (event->type() == QEvent::MouseMove && (static_cast<QMouseEvent*>(event)->buttons() & Qt::LeftButton)) {
        if ((static_cast<QMouseEvent*>(event)->position().toPoint() - m_dragStart).manhattanLength()
            >= QApplication::startDragDistance()) {
            auto* drag = new QDrag(watched);
            auto* mime = new QMimeData;
            mime->setData(QString::fromLatin1(kPanelMime), QByteArray::number(watched->property("panelIndex").toInt()));
            drag->setMimeData(mime);
            drag->exec(Qt::MoveAction);
            return true;
        }
    }
    return DashboardPage::eventFilter(watched, event);
}

void CustomPage::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(kPanelMime)))
        event->acceptProposedAction();
}

void CustomPage::dropEvent(QDropEvent* event)
{
    const int from = event->mimeData()->data(QString::fromLatin1(kPanelMime)).toInt();
    for (int i = 0; i < m_panels.size(); ++i) {
        if (m_panels[i]->geometry().contains(event->position().toPoint())) {
            event->acceptProposedAction();
            // After the drop returns: the drag's source (a title in a panel) is rebuilt by the move.
            QMetaObject::invokeMethod(
                this, [this, from, i] { movePanel(from, i); }, Qt::QueuedConnection);
            return;
        }
    }
}

} // namespace activity
