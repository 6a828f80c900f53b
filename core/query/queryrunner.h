#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>

class QTimer;

namespace activity {

class Database;

// Runs read queries on one worker thread with its own connection, so the window never waits on the
// database. Results come back as plain values on the context object's thread.
class QueryRunner : public QObject {
    Q_OBJECT
public:
    // `pollMs` > 0: checks every pollMs whether another connection committed, and emits dataChanged.
    explicit QueryRunner(QString databasePath, int pollMs = 1000, QObject* parent = nullptr);
    ~QueryRunner() override;

    // Runs job(db) on the worker; then done(result) on `context`'s thread unless context is gone.
    // A job that throws (a DatabaseError) reports through failed() and fail(message), and done is not called.
    template <class R>
    void post(QObject* context, std::function<R(Database&)> job, std::function<void(R)> done,
        std::function<void(QString)> fail = {})
    {
        QPointer<QObject> guard(context);
        enqueue([job = std::move(job), done = std::move(done), fail = std::move(fail), guard](Database& db) {
            std::shared_ptr<R> result;
            try {
                result = std::make_shared<R>(job(db));
            } catch (const std::exception& e) {
                if (guard && fail)
                    QMetaObject::invokeMethod(
                        guard.data(), [fail, message = QString::fromUtf8(e.what())] { fail(message); },
                        Qt::QueuedConnection);
                throw;
            }
            if (!guard)
                return;
            QMetaObject::invokeMethod(
                guard.data(), [done, result] { done(std::move(*result)); }, Qt::QueuedConnection);
        });
    }
    // Runs a job on the worker without a result (used for "skip if stale" checks too).
    void enqueue(std::function<void(Database&)> job);
    QString databasePath() const { return m_path; }
    // Blocks until every job posted so far has run (tests, report rendering).
    void waitForIdle();

signals:
    void dataChanged();
    void failed(const QString& message);
    // The store stopped answering (a server restarting, a network away) or answers again; `message` says why it
    // does not. Told by the change check (pollMs > 0); on coming back, dataChanged follows so that pages reload.
    void reachableChanged(bool reachable, const QString& message);

private:
    class Worker;
    QString m_path;
    QThread m_thread;
    Worker* m_worker = nullptr;
};

// "Latest wins": a page keeps one per kind of question. A job superseded before it starts is skipped,
// and a result that arrives after a newer request is dropped, so a stale answer never paints over a newer one.
class LatestTracker {
public:
    template <class R>
    void submit(QueryRunner& runner, QObject* context, std::function<R(Database&)> job, std::function<void(R)> done,
        std::function<void(QString)> fail = {})
    {
        const quint64 generation = ++*m_generation;
        auto current = m_generation;
        runner.post<std::optional<R>>(
            context,
            [current, generation, job = std::move(job)](Database& db) -> std::optional<R> {
                if (current->load() != generation)
                    return std::nullopt;
                return job(db);
            },
            [current, generation, done = std::move(done)](std::optional<R> result) {
                if (result && current->load() == generation)
                    done(std::move(*result));
            },
            [current, generation, fail = std::move(fail)](const QString& message) {
                if (fail && current->load() == generation)
                    fail(message);
            });
    }
    // Makes every outstanding request stale.
    void cancel() { ++*m_generation; }
    quint64 generation() const { return m_generation->load(); }

private:
    std::shared_ptr<std::atomic<quint64>> m_generation = std::make_shared<std::atomic<quint64>>(0);
};

} // namespace activity
