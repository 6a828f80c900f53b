#pragma once

#include "core/sources/sourceregistry.h"

#include <QJsonObject>
#include <QWidget>
#include <memory>

class Clock;
class Database;
class QLabel;
class QPushButton;
class QTableView;
class QTimer;
class SourceStore;
class SourceTableModel;
class TokenVault;

// The Sources page: every source with its state, and Add, Edit, Pause/Resume, Remove. Changes go to the
// sources table, which a running `collect` (and the window's own receivers) re-read, so they take effect
// without a restart. The panel keeps its own connection: the table is a few rows.
class SourcePanel : public QWidget {
    Q_OBJECT
public:
    SourcePanel(const QString& databasePath, const Clock& clock, QWidget* parent = nullptr);
    ~SourcePanel() override;

    SourceTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    const SourceRegistry& registry() const { return m_registry; }

    // Where tokens typed in the form are kept (built in app/); without it the form offers no token field.
    void setTokenVault(TokenVault* vault) { m_vault = vault; }
    TokenVault* tokenVault() const { return m_vault; }
    QString statusText() const;

    // What the buttons do once the user has answered. Each returns an error message, empty on success.
    // A token is stored after the source is added (its key is the source's id); tokenSaved follows.
    QString addSource(
        const QString& type, const QJsonObject& settings, qint64* id = nullptr, const QByteArray& token = {});
    enum class TokenChange { Keep, Replace, Forget };
    QString editSource(
        qint64 id, const QJsonObject& settings, TokenChange change = TokenChange::Keep, const QByteArray& token = {});
    QString setPaused(qint64 id, bool paused);
    QString removeSource(qint64 id, bool purgeHistory);
    void refresh();

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    // A source was added, changed, paused, resumed or removed here.
    void sourcesChanged();
    // A token was stored for a source (ok) or could not be (the status line says why).
    void tokenSaved(qint64 id, bool ok);

private:
    qint64 selectedId() const;
    void onAdd();
    void onEdit();
    void onPauseResume();
    void onRemove();
    void updateButtons();
    void fitNameColumn();
    QString guarded(const std::function<void()>& change);
    void saveToken(qint64 id, const QString& name, const QByteArray& token);

    SourceRegistry m_registry;
    const Clock& m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SourceStore> m_store;
    SourceTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_refresh = nullptr;
    TokenVault* m_vault = nullptr;
};
