#include "ui/sources/sourcepanel.h"

#include "core/secrets/tokenvault.h"
#include "core/sources/sourcestore.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "ui/sources/sourceform.h"
#include "ui/sources/sourcetablemodel.h"
#include "ui/sources/tokenfield.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

SourcePanel::SourcePanel(const QString& databasePath, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
{
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add…"), this);
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

    try {
        m_db = std::make_unique<Database>(databasePath);
        Migrations::migrate(*m_db);
        m_store = std::make_unique<SourceStore>(*m_db, m_clock);
    } catch (const DatabaseError& e) {
        m_status->setText(e.message());
    }
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
    if (!m_store)
        return;
    try {
        m_model->setSources(m_store->list());
        for (int c = 0; c < SourceTableModel::ColumnCount; ++c)
            if (c != SourceTableModel::Name && c != SourceTableModel::LastError)
                m_view->resizeColumnToContents(c);
        fitNameColumn();
    } catch (const DatabaseError& e) {
        m_status->setText(e.message());
    }
    updateButtons();
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

QString SourcePanel::guarded(const std::function<void()>& change)
{
    if (!m_store)
        return m_status->text();
    try {
        change();
    } catch (const DatabaseError& e) {
        m_status->setText(e.message());
        return e.message();
    }
    m_status->clear();
    refresh();
    emit sourcesChanged();
    return {};
}

QString SourcePanel::statusText() const
{
    return m_status->text();
}

namespace {
const QString kTokenKey = QStringLiteral("token");
} // namespace

QString SourcePanel::addSource(const QString& type, const QJsonObject& settings, qint64* id, const QByteArray& token)
{
    QJsonObject s = settings;
    s.remove(kTokenKey); // set below, once the token is stored
    QJsonObject checked = s;
    if (!token.isEmpty())
        checked.insert(kTokenKey, QStringLiteral("keyring"));
    QStringList errors;
    for (const FieldError& e : m_registry.validate(type, checked))
        errors.append(e.toString());
    if (!token.isEmpty() && !m_vault)
        errors.append(tr("there is nowhere to keep a token"));
    else if (!token.isEmpty() && !TokenVault::checkToken(token).isEmpty())
        errors.append(TokenVault::checkToken(token));
    if (!errors.isEmpty())
        return errors.join(QLatin1Char('\n'));
    m_registry.validate(type, s); // defaults
    const SourceTypeSpec* spec = m_registry.find(type);
    const QString name = spec->displayName ? spec->displayName(s) : type;
    qint64 added = 0;
    const QString error = guarded([&] { added = m_store->add(type, name, s); });
    if (id)
        *id = added;
    if (error.isEmpty() && !token.isEmpty())
        saveToken(added, name, token);
    return error;
}

QString SourcePanel::editSource(qint64 id, const QJsonObject& settings, TokenChange change, const QByteArray& token)
{
    const auto record = m_store ? m_store->get(id) : std::nullopt;
    if (!record)
        return tr("source %1 does not exist").arg(id);
    QJsonObject s = settings;
    s.remove(kTokenKey);
    if (change == TokenChange::Keep && record->settings.contains(kTokenKey))
        s.insert(kTokenKey, record->settings.value(kTokenKey));
    QJsonObject checked = s;
    if (change == TokenChange::Replace)
        checked.insert(kTokenKey, QStringLiteral("keyring"));
    QStringList errors;
    for (const FieldError& e : m_registry.validate(record->type, checked))
        errors.append(e.toString());
    if (change == TokenChange::Replace && !m_vault)
        errors.append(tr("there is nowhere to keep a token"));
    else if (change == TokenChange::Replace && !TokenVault::checkToken(token).isEmpty())
        errors.append(TokenVault::checkToken(token));
    if (!errors.isEmpty())
        return errors.join(QLatin1Char('\n'));
    m_registry.validate(record->type, s);
    const SourceTypeSpec* spec = m_registry.find(record->type);
    const QString name = spec->displayName ? spec->displayName(s) : record->type;
    const QString error = guarded([&] { m_store->update(id, name, s); });
    if (!error.isEmpty())
        return error;
    if (change == TokenChange::Replace) {
        saveToken(id, name, token);
    } else if (change == TokenChange::Forget && m_vault) {
        m_vault->forget(id, this, {});
        m_status->setText(tr("The token of %1 was forgotten.").arg(name));
    }
    return {};
}

void SourcePanel::saveToken(qint64 id, const QString& name, const QByteArray& token)
{
    m_status->setText(tr("Storing the token of %1…").arg(name));
    m_vault->store(id, token, this, [this, id, name](TokenVault::Location where, const QString& error) {
        if (where == TokenVault::Location::None) {
            m_status->setText(tr("The token of %1 could not be stored: %2").arg(name, error));
            emit tokenSaved(id, false);
            return;
        }
        // Only now does the source say where its token is: a collector never looks for one that is not there.
        const auto record = m_store ? m_store->get(id) : std::nullopt;
        if (record) {
            QJsonObject s = record->settings;
            s.insert(kTokenKey, TokenVault::locationName(where));
            guarded([&] { m_store->update(id, record->name, s); });
        }
        m_status->setText(where == TokenVault::Location::Keyring
                ? tr("The token of %1 is stored in the desktop keyring.").arg(name)
                : tr("No desktop keyring answered: the token of %1 is stored in %2, readable only by you.")
                      .arg(name, m_vault->filePath()));
        emit tokenSaved(id, true);
    });
}

QString SourcePanel::setPaused(qint64 id, bool paused)
{
    return guarded([&] { m_store->setEnabled(id, !paused); });
}

QString SourcePanel::removeSource(qint64 id, bool purgeHistory)
{
    const auto record = m_store ? m_store->get(id) : std::nullopt;
    const QString error = guarded([&] { m_store->remove(id, purgeHistory); });
    if (error.isEmpty() && m_vault && record && record->settings.contains(kTokenKey))
        m_vault->forget(id, this, {});
    return error;
}

qint64 SourcePanel::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SourceTableModel::IdRole).toLongLong();
}

void SourcePanel::updateButtons()
{
    const qint64 id = selectedId();
    m_add->setEnabled(m_store != nullptr);
    m_edit->setEnabled(id > 0);
    m_remove->setEnabled(id > 0);
    m_pause->setEnabled(id > 0);
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool enabled = rows.isEmpty() || rows.first().data(SourceTableModel::EnabledRole).toBool();
    m_pause->setText(enabled ? tr("Pause") : tr("Resume"));
}

void SourcePanel::onAdd()
{
    SourceForm form(m_registry, this);
    form.setTokenVault(m_vault);
    while (form.exec() == QDialog::Accepted) {
        const TokenField* token = form.tokenField();
        const QString error = addSource(form.type(), form.settings(), nullptr,
            token && token->change() == TokenField::Change::Replace ? token->newToken() : QByteArray());
        if (error.isEmpty())
            return;
        QMessageBox::warning(this, tr("Add a source"), error);
    }
}

void SourcePanel::onEdit()
{
    const qint64 id = selectedId();
    const auto record = m_store && id > 0 ? m_store->get(id) : std::nullopt;
    if (!record)
        return;
    SourceForm form(m_registry, this);
    form.setTokenVault(m_vault);
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
