#include "ui/sources/sourcepanel.h"

#include "core/query/sourcequery.h"
#include "core/secrets/tokenvault.h"
#include "ui/sources/sourceform.h"
#include "ui/sources/sourcetablemodel.h"
#include "ui/sources/tokenfield.h"
#include "ui/widgets/accessiblenames.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace activity {

SourcePanel::SourcePanel(SourceService& service, QueryRunner& runner, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_runner(runner)
{
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add…"), this);
    m_add->setProperty("writesStore", true); // disabled on a read-only login (MainWindow::setReadOnly)
    m_edit = new QPushButton(tr("Edit…"), this);
    m_pause = new QPushButton(tr("Pause"), this);
    m_remove = new QPushButton(tr("Remove…"), this);
    m_add->setObjectName(QStringLiteral("addSource"));
    m_edit->setObjectName(QStringLiteral("editSource"));
    m_pause->setObjectName(QStringLiteral("pauseSource"));
    m_remove->setObjectName(QStringLiteral("removeSource"));
    for (QPushButton* b : { m_add, m_edit, m_pause, m_remove })
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_model = new SourceTableModel(clock, this);
    m_view = new QTableView(this);
    nameTable(m_view, tr("Sources"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    // Names get the width they need (up to about half the table), the last error takes what is left: two
    // stretched columns used to halve the room and cut names at 800 px. Long paths lose their middle.
    m_view->horizontalHeader()->setSectionResizeMode(SourceTableModel::Name, QHeaderView::Interactive);
    m_view->horizontalHeader()->setSectionResizeMode(SourceTableModel::LastError, QHeaderView::Stretch);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);
    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    connect(m_add, &QPushButton::clicked, this, &SourcePanel::onAdd);
    connect(m_edit, &QPushButton::clicked, this, &SourcePanel::onEdit);
    connect(m_pause, &QPushButton::clicked, this, &SourcePanel::onPauseResume);
    connect(m_remove, &QPushButton::clicked, this, &SourcePanel::onRemove);
    connect(m_view, &QTableView::doubleClicked, this, &SourcePanel::onEdit);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SourcePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SourcePanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SourcePanel::updateButtons);
    // States, last errors and rate limits change as collectors run.
    m_refresh = new QTimer(this);
    m_refresh->setInterval(5000);
    connect(m_refresh, &QTimer::timeout, this, &SourcePanel::refresh);
    m_refresh->start();
    refresh();
}

SourcePanel::~SourcePanel() = default;

void SourcePanel::refresh()
{
    m_tracker.submit<QList<SourceRecord>>(
        m_runner, this, [](Database& db) { return SourceQuery::list(db); },
        [this](QList<SourceRecord> sources) {
            m_model->setSources(sources);
            for (int c = 0; c < SourceTableModel::ColumnCount; ++c)
                if (c != SourceTableModel::Name && c != SourceTableModel::LastError)
                    m_view->resizeColumnToContents(c);
            fitNameColumn();
            updateButtons();
            emit refreshed();
        });
}

void SourcePanel::fitNameColumn()
{
    const int wanted
        = std::max(static_cast<const QAbstractItemView*>(m_view)->sizeHintForColumn(SourceTableModel::Name),
            m_view->horizontalHeader()->sectionSizeHint(SourceTableModel::Name));
    const int cap = std::max(240, m_view->viewport()->width() / 2);
    m_view->setColumnWidth(SourceTableModel::Name, std::min(wanted, cap));
}

void SourcePanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitNameColumn();
}

void SourcePanel::submit(
    std::function<SourceChange(SourceService&)> change, std::function<void(const SourceChange&)> then)
{
    m_service.later<SourceChange>(this, std::move(change), [this, then = std::move(then)](const SourceChange& c) {
        if (!c.ok()) {
            m_status->setText(c.error);
            emit changeFinished(c.id, c.error);
            return;
        }
        m_status->clear();
        if (then)
            then(c);
        refresh();
        emit sourcesChanged();
        emit changeFinished(c.id, QString());
    });
}

QString SourcePanel::statusText() const
{
    return m_status->text();
}

std::optional<SourceRecord> SourcePanel::shown(qint64 id) const
{
    for (const SourceRecord& r : m_model->sources())
        if (r.id == id)
            return r;
    return std::nullopt;
}

QString SourcePanel::addSource(const QString& type, const QJsonObject& settings, const QByteArray& token)
{
    if (const QString error = m_service.check(type, settings, token); !error.isEmpty())
        return error;
    // Secrets go to the vault here, on the window's thread; the writer stores the masked settings.
    Result<QJsonObject> kept = m_service.keepSecrets(type, m_service.withDefaults(type, settings), std::nullopt);
    if (!kept)
        return kept.error();
    submit([type, settings = *kept](SourceService& s) { return s.add(type, settings); },
        [this, token](const SourceChange& c) {
            if (!token.isEmpty())
                saveToken(c.id, c.name, token);
        });
    return {};
}

QString SourcePanel::editSource(qint64 id, const QJsonObject& settings, TokenChange change, const QByteArray& token)
{
    const auto record = shown(id);
    if (!record)
        return tr("source %1 does not exist").arg(id);
    if (const QString error
        = m_service.check(record->type, settings, change == TokenChange::Replace ? token : QByteArray());
        !error.isEmpty())
        return error;
    Result<QJsonObject> kept
        = m_service.keepSecrets(record->type, m_service.withDefaults(record->type, settings), record);
    if (!kept)
        return kept.error();
    // A token being replaced is kept (as it was) until the new one is stored.
    const TokenChange written = change == TokenChange::Replace ? TokenChange::Keep : change;
    submit([id, settings = *kept, written](SourceService& s) { return s.edit(id, settings, written); },
        [this, change, token](const SourceChange& c) {
            if (change == TokenChange::Replace) {
                saveToken(c.id, c.name, token);
            } else if (change == TokenChange::Forget) {
                m_service.forgetToken(c.id, this, {});
                m_status->setText(tr("The token of %1 was forgotten.").arg(c.name));
            }
        });
    return {};
}

void SourcePanel::saveToken(qint64 id, const QString& name, const QByteArray& token)
{
    m_status->setText(tr("Storing the token of %1…").arg(name));
    m_service.storeToken(id, name, token, this, [this, id](bool ok, const QString& message) {
        m_status->setText(message);
        if (ok)
            refresh();
        emit tokenSaved(id, ok);
    });
}

QString SourcePanel::setPaused(qint64 id, bool paused)
{
    submit([id, paused](SourceService& s) { return s.setEnabled(id, !paused); });
    return {};
}

QString SourcePanel::removeSource(qint64 id, bool purgeHistory)
{
    const auto record = shown(id);
    const bool hadToken = record && record->settings.contains(QLatin1String("token"));
    const QJsonObject stored = record ? record->settings : QJsonObject();
    submit([id, purgeHistory](SourceService& s) { return s.remove(id, purgeHistory); },
        [this, hadToken, stored](const SourceChange& c) {
            m_service.forgetSecrets(stored, this);
            if (hadToken)
                m_service.forgetToken(c.id, this, {});
        });
    return {};
}

qint64 SourcePanel::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SourceTableModel::IdRole).toLongLong();
}

void SourcePanel::updateButtons()
{
    const qint64 id = selectedId();
    m_edit->setEnabled(id > 0);
    m_remove->setEnabled(id > 0);
    m_pause->setEnabled(id > 0);
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool enabled = rows.isEmpty() || rows.first().data(SourceTableModel::EnabledRole).toBool();
    m_pause->setText(enabled ? tr("Pause") : tr("Resume"));
}

void SourcePanel::onAdd()
{
    startAdd({});
}

void SourcePanel::startAdd(const QString& type)
{
    SourceForm form(registry(), this);
    form.setTokenVault(tokenVault());
    if (!type.isEmpty())
        form.setType(type);
    while (form.exec() == QDialog::Accepted) {
        const TokenField* token = form.tokenField();
        const QString error = addSource(form.type(), form.settings(),
            token && token->change() == TokenField::Change::Replace ? token->newToken() : QByteArray());
        if (error.isEmpty())
            return;
        QMessageBox::warning(this, tr("Add a source"), error);
    }
}

void SourcePanel::onEdit()
{
    const qint64 id = selectedId();
    const auto record = shown(id);
    if (!record)
        return;
    SourceForm form(registry(), this);
    form.setTokenVault(tokenVault());
    form.edit(record->type, record->settings, id);
    while (form.exec() == QDialog::Accepted) {
        const TokenField* token = form.tokenField();
        const TokenField::Change change = token ? token->change() : TokenField::Change::Keep;
        const QString error = editSource(id, form.settings(),
            change == TokenField::Change::Replace      ? TokenChange::Replace
                : change == TokenField::Change::Forget ? TokenChange::Forget
                                                       : TokenChange::Keep,
            token ? token->newToken() : QByteArray());
        if (error.isEmpty())
            return;
        QMessageBox::warning(this, tr("Edit a source"), error);
    }
}

void SourcePanel::onPauseResume()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const bool enabled = rows.first().data(SourceTableModel::EnabledRole).toBool();
    setPaused(rows.first().data(SourceTableModel::IdRole).toLongLong(), enabled);
}

void SourcePanel::onRemove()
{
    const qint64 id = selectedId();
    const SourceRecord* record = nullptr;
    for (const SourceRecord& r : m_model->sources())
        if (r.id == id)
            record = &r;
    if (!record)
        return;
    QMessageBox box(QMessageBox::Question, tr("Remove a source"),
        tr("Remove %1 (%2)? Its collected history can be kept for the charts or deleted.")
            .arg(record->name, record->type),
        QMessageBox::NoButton, this);
    box.setTextFormat(Qt::PlainText);
    QPushButton* keep = box.addButton(tr("Remove, keep history"), QMessageBox::AcceptRole);
    QPushButton* purge = box.addButton(tr("Remove and delete history"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep)
        removeSource(id, false);
    else if (box.clickedButton() == purge)
        removeSource(id, true);
}

} // namespace activity
