#pragma once

#include "core/dashboards/dashboard.h"
#include "core/query/queryrunner.h"
#include "core/query/seriescatalogue.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace activity {

// Adds or edits one panel of a custom page: what it draws (picked from every series the database can answer,
// with a filter), how (line, area, bars, figure, table, map), its title, range and size on the grid.
class PanelEditor : public QDialog {
    Q_OBJECT
public:
    PanelEditor(QueryRunner& runner, const PanelSpec& panel, QWidget* parent = nullptr);
    PanelSpec panel() const;
    QListWidget* seriesList() const { return m_list; }
    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* titleEdit() const { return m_title; }
    // Ticks the series with this id (loaded or not yet: ticked when the catalogue arrives).
    void setSeriesChecked(const QString& id, bool checked);
    QLineEdit* typedEdit() const { return m_typed; }
    // Adds (ticked) the id typed under the list; returns why it is not an id, empty when added.
    QString addTyped();

private:
    void fill(const QList<CatalogueEntry>& entries);
    void filter(const QString& text);

    QComboBox* m_kind = nullptr;
    QLineEdit* m_title = nullptr;
    QComboBox* m_range = nullptr;
    QSpinBox* m_width = nullptr;
    QSpinBox* m_height = nullptr;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_list = nullptr;
    QLineEdit* m_typed = nullptr;
    QLabel* m_typedError = nullptr;
    QStringList m_checked;
    LatestTracker m_tracker;
};

} // namespace activity
