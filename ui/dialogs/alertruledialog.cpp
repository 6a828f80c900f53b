#include "ui/dialogs/alertruledialog.h"

#include "core/alerts/anomalyband.h"
#include "core/settings/appsettings.h"
#include "core/sources/validators.h"
#include "ui/widgets/errorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace activity {

AlertRuleDialog::AlertRuleDialog(QueryRunner& runner, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("New alert rule"));
    setObjectName(QStringLiteral("alertRuleDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_series = new QComboBox(this);
    m_series->setEditable(true); // an id typed by hand (a source not polled yet)
    m_series->setInsertPolicy(QComboBox::NoInsert);
    m_series->setMinimumContentsLength(40);
    form->addRow(tr("&Watch:"), m_series);
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("goes above"), QStringLiteral("above"));
    m_kind->addItem(tr("goes below"), QStringLiteral("below"));
    m_kind->addItem(tr("changes over"), QStringLiteral("change"));
    m_kind->addItem(tr("has no data for"), QStringLiteral("no-data"));
    // Anomaly rules: the sensitivity is part of the choice (no value to type).
    m_kind->addItem(tr("leaves its usual band (low sensitivity)"), QStringLiteral("anomaly-low"));
    m_kind->addItem(tr("leaves its usual band (medium sensitivity)"), QStringLiteral("anomaly-medium"));
    m_kind->addItem(tr("leaves its usual band (high sensitivity)"), QStringLiteral("anomaly-high"));
    form->addRow(tr("&When it:"), m_kind);
    m_threshold = new QLineEdit(QStringLiteral("5"), this);
    m_threshold->setObjectName(QStringLiteral("threshold"));
    m_percent = new QCheckBox(tr("a percentage of the earlier value"), this);
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_threshold);
    thresholdRow->addWidget(m_percent);
    form->addRow(tr("Value (a change: negative for a fall):"), thresholdRow);
    m_span = new QLineEdit(QStringLiteral("1d"), this);
    form->addRow(tr("&Over (change, no data):"), m_span);
    m_window = new QLineEdit(QStringLiteral("5m"), this);
    m_window->setToolTip(tr("Traffic figures are summed over this much time before each check"));
    form->addRow(tr("&Summed over:"), m_window);
    m_for = new QLineEdit(QStringLiteral("0"), this);
    m_for->setToolTip(tr("The condition must hold this long before the alert fires (0: at once)"));
    form->addRow(tr("&For:"), m_for);
    m_severity = new QComboBox(this);
    m_severity->addItem(tr("info"), QStringLiteral("info"));
    m_severity->addItem(tr("warning"), QStringLiteral("warning"));
    m_severity->addItem(tr("critical"), QStringLiteral("critical"));
    m_severity->setCurrentIndex(1);
    form->addRow(tr("S&everity:"), m_severity);
    m_webhook = new QLineEdit(this);
    m_webhook->setPlaceholderText(tr("optional: https://hooks.slack.com/services/..."));
    m_format = new QComboBox(this);
    m_format->addItem(tr("from the URL"), QString());
    m_format->addItem(QStringLiteral("Slack"), QStringLiteral("slack"));
    m_format->addItem(QStringLiteral("Matrix"), QStringLiteral("matrix"));
    m_format->addItem(tr("generic JSON"), QStringLiteral("generic"));
    auto* hookRow = new QHBoxLayout;
    hookRow->addWidget(m_webhook, 1);
    hookRow->addWidget(m_format);
    form->addRow(tr("Webhook:"), hookRow);
    m_email = new QLineEdit(this);
    m_email->setPlaceholderText(tr("optional: ops@example.org, lead@example.org (the mail server of `alerts email`)"));
    form->addRow(tr("E&mail to:"), m_email);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("optional: the series and the condition"));
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);
    m_error = new ErrorLabel(this);
    m_error->setObjectName(QStringLiteral("ruleError"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &AlertRuleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::updateFields);
    updateFields();
    m_tracker.submit<QList<CatalogueEntry>>(
        runner, this, [](Database& db) { return SeriesCatalogue::list(db); },
        [this](QList<CatalogueEntry> entries) {
            const QString typed = m_series->currentText();
            for (const CatalogueEntry& e : entries) {
                QString name = e.name;
                name.replace(QLatin1Char('\n'), QChar(0xFFFD));
                m_series->addItem(QStringLiteral("%1 — %2").arg(name, e.id), e.id);
            }
            if (!typed.isEmpty())
                m_series->setEditText(typed);
        });
}

void AlertRuleDialog::updateFields()
{
    const QString kind = m_kind->currentData().toString();
    const bool anomaly = kind.startsWith(QLatin1String("anomaly-"));
    m_threshold->setEnabled(kind != QLatin1String("no-data") && !anomaly);
    // The band is of a same hour of the week: summed over an hour unless the user already chose otherwise.
    if (anomaly && m_window->text().trimmed() == QLatin1String("5m"))
        m_window->setText(QStringLiteral("1h"));
    m_percent->setEnabled(kind == QLatin1String("change"));
    m_span->setEnabled(kind == QLatin1String("change") || kind == QLatin1String("no-data"));
    m_window->setEnabled(kind != QLatin1String("no-data"));
}

std::optional<AlertRule> AlertRuleDialog::rule(QString* error) const
{
    const auto fail = [&](const QString& why) -> std::optional<AlertRule> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    AlertRule r;
    // A picked item carries its id; a typed text is the id itself.
    const int index = m_series->findText(m_series->currentText());
    r.series = index >= 0 ? m_series->itemData(index).toString() : m_series->currentText().trimmed();
    if (r.series.isEmpty())
        return fail(tr("Pick the figure to watch."));
    const QString kind = m_kind->currentData().toString();
    r.kind = AlertRules::kindFromKey(kind).value_or(AlertRule::Kind::Above);
    if (kind.startsWith(QLatin1String("anomaly-"))) {
        r.kind = AlertRule::Kind::Anomaly;
        r.threshold = AnomalyBand::multiplier(
            AnomalyBand::sensitivityFromKey(kind.mid(8)).value_or(AnomalyBand::Sensitivity::Medium));
    } else if (r.kind != AlertRule::Kind::NoData) {
        bool ok = false;
        r.threshold = QLocale().toDouble(m_threshold->text().trimmed(), &ok);
        if (!ok)
            r.threshold = m_threshold->text().trimmed().toDouble(&ok);
        if (!ok)
            return fail(tr("Value: a number, got '%1'.").arg(m_threshold->text()));
    }
    r.percent = r.kind == AlertRule::Kind::Change && m_percent->isChecked();
    if (r.kind == AlertRule::Kind::Change || r.kind == AlertRule::Kind::NoData) {
        const auto span = Validators::parseDurationSecs(m_span->text());
        if (!span)
            return fail(tr("Over: a duration like 1h or 1d, got '%1'.").arg(m_span->text()));
        r.span = *span;
    }
    const auto window = Validators::parseDurationSecs(m_window->text());
    if (!window)
        return fail(tr("Summed over: a duration like 5m or 1h, got '%1'.").arg(m_window->text()));
    r.window = *window;
    if (m_for->text().trimmed() != QLatin1String("0")) {
        const auto forSecs = Validators::parseDurationSecs(m_for->text());
        if (!forSecs)
            return fail(tr("For: 0 or a duration like 10m, got '%1'.").arg(m_for->text()));
        r.forSecs = *forSecs;
    }
    r.severity
        = AlertRules::severityFromKey(m_severity->currentData().toString()).value_or(AlertRule::Severity::Warning);
    r.webhook = m_webhook->text().trimmed();
    r.webhookFormat = AlertRules::webhookFormatFor(r.webhook, m_format->currentData().toString());
    for (const QString& address : m_email->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString e = AppSettings::checkAddress(address.trimmed()); !e.isEmpty())
            return fail(tr("Email to: %1.").arg(e));
        r.email.append(address.trimmed());
    }
    r.name = m_name->text().trimmed().isEmpty() ? QStringLiteral("%1 %2").arg(r.series, r.condition())
                                                : m_name->text().trimmed();
    return r;
}

void AlertRuleDialog::accept()
{
    QString error;
    if (!rule(&error)) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace activity
