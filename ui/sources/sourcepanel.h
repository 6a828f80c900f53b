#pragma once

#include "core/query/queryrunner.h"
#include "core/sources/sourceregistry.h"
#include "core/sources/sourceservice.h"

#include <QJsonObject>
#include <QWidget>
#include <memory>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace activity {

class Clock;
class SourceTableModel;
class TokenVault;

// The Sources page: every source with its state, and Add, Edit, Pause/Resume, Remove. Changes go through the
// sources service on the process's writer thread (the window never waits for a write); a running `collect` and
// the window's own receivers re-read the table, so they take effect without a restart. The list is read by the
// query runner.
class SourcePanel : public QWidget {
    Q_OBJECT
public:
    SourcePanel(SourceService& service, QueryRunner& runner, const Clock& clock, QWidget* parent = nullptr);
    ~SourcePanel() override;

    SourceTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    const SourceRegistry& registry() const { return m_service.registry(); }
    SourceService& service() const { return m_service; }

    // Where tokens typed in the form are kept (built in app/); without it the form offers no token field.
    void setTokenVault(TokenVault* vault) { m_service.setTokenVault(vault); }
    TokenVault* tokenVault() const { return m_service.tokenVault(); }
    QString statusText() const;

    // What the buttons do once the user has answered. Each returns what is wrong with the request (empty when
    // it was sent); the write's outcome follows as changeFinished. A token is stored after the source is added
    // (its key is the source's id); tokenSaved follows.
    QString addSource(const QString& type, const QJsonObject& settings, const QByteArray& token = {});
    using TokenChange = SourceService::TokenChange;
    QString editSource(
        qint64 id, const QJsonObject& settings, TokenChange change = TokenChange::Keep, const QByteArray& token = {});
    QString setPaused(qint64 id, bool paused);
    QString removeSource(qint64 id, bool purgeHistory);
    void refresh();
    // Opens the add form with `type` chosen (a page's "Add a source" button); any type when empty.
    void startAdd(const QString& type);

protected:
    void resizeEvent(QResizeEvent* event) override;

signals:
    // A source was added, changed, paused, resumed or removed here.
    void sourcesChanged();
    // A change asked for here was written (empty error) or not (the status line says why too).
    void changeFinished(qint64 id, const QString& error);
    // The list shown was read again.
    void refreshed();
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
    // Runs `change` on the writer's thread; `then` (on this thread) after a successful one.
    void submit(std::function<SourceChange(SourceService&)> change, std::function<void(const SourceChange&)> then = {});
    void saveToken(qint64 id, const QString& name, const QByteArray& token);
    std::optional<SourceRecord> shown(qint64 id) const;

    SourceService& m_service;
    QueryRunner& m_runner;
    LatestTracker m_tracker;
    SourceTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_refresh = nullptr;
};

} // namespace activity
