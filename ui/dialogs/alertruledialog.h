#pragma once

#include "core/alerts/alertrule.h"
#include "core/query/queryrunner.h"
#include "core/query/seriescatalogue.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace activity {

// A new alert rule from the window: the figure it watches (any series the database can answer), the condition,
// how long it must hold, its severity and an optional webhook. The same fields as `alerts add`.
class AlertRuleDialog : public QDialog {
    Q_OBJECT
public:
    explicit AlertRuleDialog(QueryRunner& runner, QWidget* parent = nullptr);
    // The rule as filled in, or the fault of the first field that is not right (the dialog stays open on it).
    std::optional<AlertRule> rule(QString* error) const;
    QComboBox* seriesBox() const { return m_series; }
    QComboBox* kindBox() const { return m_kind; }
    QLineEdit* thresholdEdit() const { return m_threshold; }
    QLineEdit* spanEdit() const { return m_span; }
    QLineEdit* forEdit() const { return m_for; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* webhookEdit() const { return m_webhook; }
    QLineEdit* emailEdit() const { return m_email; }
    QComboBox* severityBox() const { return m_severity; }

    void accept() override;

private:
    void updateFields();

    QComboBox* m_series = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_threshold = nullptr;
    QCheckBox* m_percent = nullptr;
    QLineEdit* m_span = nullptr;
    QLineEdit* m_window = nullptr;
    QLineEdit* m_for = nullptr;
    QComboBox* m_severity = nullptr;
    QLineEdit* m_webhook = nullptr;
    QComboBox* m_format = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_error = nullptr;
    LatestTracker m_tracker;
};

} // namespace activity
