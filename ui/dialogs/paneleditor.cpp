#include "ui/dialogs/paneleditor.h"

#include "core/query/seriescatalogue.h"
#include "core/query/seriesid.h"
#include "ui/widgets/errorlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace activity {

namespace {
QString kindLabel(PanelSpec::Kind kind)
{
    switch (kind) {
    case PanelSpec::Kind::Line:
        return PanelEditor::tr("Lines");
    case PanelSpec::Kind::Area:
        return PanelEditor::tr("Stacked area");
    case PanelSpec::Kind::Bars:
        return PanelEditor::tr("Bars");
    case PanelSpec::Kind::Figure:
        return PanelEditor::tr("Figure with sparkline");
    case PanelSpec::Kind::Table:
        return PanelEditor::tr("Table");
    case PanelSpec::Kind::Map:
        return PanelEditor::tr("World map (requests by country)");
    }
    return {};
}
} // namespace

PanelEditor::PanelEditor(QueryRunner& runner, const PanelSpec& panel, QWidget* parent)
    : QDialog(parent)
    , m_checked(panel.series)
{
    setWindowTitle(tr("Panel"));
    setObjectName(QStringLiteral("panelEditor"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_kind = new QComboBox(this);
    for (const QString& key : Dashboards::kindKeys()) {
        const PanelSpec::Kind kind = *Dashboards::kindFromKey(key);
        m_kind->addItem(kindLabel(kind), key);
    }
    m_kind->setCurrentIndex(m_kind->findData(QString::fromLatin1(Dashboards::kindKey(panel.kind))));
    form->addRow(tr("&Draw as:"), m_kind);
    m_title = new QLineEdit(panel.title, this);
    m_title->setPlaceholderText(tr("the first series' name"));
    form->addRow(tr("&Title:"), m_title);
    m_range = new QComboBox(this);
    m_range->addItem(tr("The page's range"), QString());
    const std::pair<const char*, QString> ranges[] = { { "24h", tr("Last 24 hours") }, { "7d", tr("Last 7 days") },
        { "30d", tr("Last 30 days") }, { "90d", tr("Last 90 days") }, { "1y", tr("Last year") } };
    for (const auto& [key, label] : ranges)
        m_range->addItem(label, QString::fromLatin1(key));
    m_range->setCurrentIndex(qMax(0, m_range->findData(panel.range)));
    form->addRow(tr("&Range:"), m_range);
    m_width = new QSpinBox(this);
    m_width->setRange(1, Dashboards::kColumns);
    m_width->setValue(panel.width);
    m_width->setSuffix(tr(" of 4 columns"));
    form->addRow(tr("&Width:"), m_width);
    m_height = new QSpinBox(this);
    m_height->setRange(1, 3);
    m_height->setValue(panel.height);
    const auto rowsSuffix = [this](int rows) { m_height->setSuffix(rows == 1 ? tr(" row") : tr(" rows")); };
    rowsSuffix(panel.height);
    connect(m_height, &QSpinBox::valueChanged, this, rowsSuffix);
    form->addRow(tr("&Height:"), m_height);
    layout->addLayout(form);
    auto* seriesLabel = new QLabel(tr("&Series to draw (tick one or more):"), this);
    layout->addWidget(seriesLabel);
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter: stars, 5xx, www, downloads..."));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter the series"));
    layout->addWidget(m_filter);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("panelSeries"));
    m_list->setAccessibleName(tr("Series"));
    seriesLabel->setBuddy(m_list);
    layout->addWidget(m_list, 1);
    // Any id the catalogue can answer, also one it does not list (a path beyond the busiest, a site and a country).
    auto* typed = new QHBoxLayout;
    m_typed = new QLineEdit(this);
    m_typed->setObjectName(QStringLiteral("typedSeries"));
    m_typed->setPlaceholderText(tr("or type a series id: traffic.requests{path=\"/download\"}"));
    m_typed->setAccessibleName(tr("Series id"));
    auto* add = new QPushButton(tr("Add"), this);
    typed->addWidget(m_typed, 1);
    typed->addWidget(add);
    layout->addLayout(typed);
    m_typedError = new ErrorLabel(this);
    m_typedError->hide();
    layout->addWidget(m_typedError);
    connect(add, &QPushButton::clicked, this, [this] { addTyped(); });
    connect(m_typed, &QLineEdit::returnPressed, this, [this] { addTyped(); });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_filter, &QLineEdit::textChanged, this, &PanelEditor::filter);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QString id = item->data(Qt::UserRole).toString();
        m_checked.removeAll(id);
        if (item->checkState() == Qt::Checked)
            m_checked.append(id);
    });
    resize(640, 560);
    m_tracker.submit<QList<CatalogueEntry>>(
        runner, this, [](Database& db) { return SeriesCatalogue::list(db); },
        [this](QList<CatalogueEntry> entries) { fill(entries); });
}

void PanelEditor::fill(const QList<CatalogueEntry>& entries)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    QStringList listed;
    for (const CatalogueEntry& e : entries) {
        // Names carry text from logs (paths): plain text in a list item, one line.
        QString name = e.name;
        name.replace(QLatin1Char('\n'), QChar(0xFFFD));
        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(name, e.id), m_list);
        item->setData(Qt::UserRole, e.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_checked.contains(e.id) ? Qt::Checked : Qt::Unchecked);
        listed.append(e.id);
    }
    // A series the page draws but the database no longer lists (its source removed): kept, and said so.
    for (const QString& id : std::as_const(m_checked)) {
        if (listed.contains(id))
            continue;
        auto* item = new QListWidgetItem(tr("%1 (no data now)").arg(id), m_list);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    filter(m_filter->text());
}

QString PanelEditor::addTyped()
{
    const QString id = m_typed->text().trimmed();
    QString error;
    if (!SeriesId::parse(id, &error)) {
        m_typedError->setText(error);
        m_typedError->show();
        return error;
    }
    m_typedError->hide();
    m_typed->clear();
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == id) {
            m_list->item(i)->setCheckState(Qt::Checked);
            m_list->scrollToItem(m_list->item(i));
            return {};
        }
    auto* item = new QListWidgetItem(id, m_list);
    item->setData(Qt::UserRole, id);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Checked); // itemChanged adds it to the ticked ones
    m_list->scrollToItem(item);
    return {};
}

void PanelEditor::filter(const QString& text)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
    }
}

void PanelEditor::setSeriesChecked(const QString& id, bool checked)
{
    m_checked.removeAll(id);
    if (checked)
        m_checked.append(id);
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->data(Qt::UserRole).toString() == id)
            m_list->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

PanelSpec PanelEditor::panel() const
{
    PanelSpec p;
    p.kind = Dashboards::kindFromKey(m_kind->currentData().toString()).value_or(PanelSpec::Kind::Line);
    p.title = m_title->text().trimmed();
    p.range = m_range->currentData().toString();
    p.width = m_width->value();
    p.height = m_height->value();
    p.series = m_checked;
    return p;
}

} // namespace activity
