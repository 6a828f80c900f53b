#include "core/query/queryrunner.h"

#include "core/storage/database.h"
#include "core/storage/storeurl.h"
#include "core/util/logging.h"
#include "core/util/threadjoin.h"

#include <QLoggingCategory>
#include <QSemaphore>
#include <QSocketNotifier>
#include <QTimer>

namespace activity {

class QueryRunner::Worker : public QObject {
public:
    Worker(QString path, int pollMs, QueryRunner* owner)
        : m_path(std::move(path))
        , m_pollMs(pollMs)
        , m_owner(owner)
    { }
    Database* db()
    {
        if (!m_db) {
            m_db = std::make_unique<Database>(m_path, Database::Mode::ReadOnly);
            m_version = m_db->dataVersion();
            listen();
        }
        return m_db.get();
    }
    // A store that tells of commits (PostgreSQL's LISTEN/NOTIFY) wakes the check at once; the timer stays for
    // SQLite and as the retry after a lost connection.
    void listen()
    {
        const int fd = m_db->notificationSocket();
        if (m_pollMs <= 0 || fd < 0 || (m_notifier && m_notifier->socket() == fd))
            return;
        delete m_notifier;
        m_notifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { poll(); });
    }
    void start()
    {
        if (m_pollMs <= 0)
            return;
        m_timer = new QTimer(this);
        m_timer->setInterval(m_pollMs);
        connect(m_timer, &QTimer::timeout, this, [this] { poll(); });
        m_timer->start();
    }
    void run(const std::function<void(Database&)>& job)
    {
        try {
            job(*db());
        } catch (const std::exception& e) {
            const QString message = QString::fromUtf8(e.what());
            qCWarning(lcQuery, "%s", qUtf8Printable(message));
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, message] { emit owner->failed(message); });
        }
    }
    void stop()
    {
        delete m_timer;
        m_timer = nullptr;
        delete m_notifier;
        m_notifier = nullptr;
        m_db.reset();
    }

private:
    // data_version changes when another connection commits: the cheapest "is there new data" check.
    void poll()
    {
        try {
            const qint64 version = db()->dataVersion();
            listen(); // a reconnect may bring another socket
            if (!m_reachable) {
                m_reachable = true;
                m_version = version;
                QMetaObject::invokeMethod(m_owner, [owner = m_owner] {
                    emit owner->reachableChanged(true, {});
                    emit owner->dataChanged(); // what the pages show may be from before: read again
                });
                return;
            }
            if (version != m_version) {
                m_version = version;
                QMetaObject::invokeMethod(m_owner, [owner = m_owner] { emit owner->dataChanged(); });
            }
        } catch (const DatabaseError& e) {
            // The file may not exist yet (first start): try again at the next tick.
            qCDebug(lcQuery) << "watching for changes:" << e.message();
            // A file that does not exist yet is not a store away; a server that does not answer is.
            if (m_reachable && StoreUrl::isPostgres(m_path)) {
                m_reachable = false;
                QMetaObject::invokeMethod(m_owner,
                    [owner = m_owner, message = e.message()] { emit owner->reachableChanged(false, message); });
            }
            delete m_notifier;
            m_notifier = nullptr;
            m_db.reset();
        }
    }

    QString m_path;
    int m_pollMs;
    QueryRunner* m_owner;
    std::unique_ptr<Database> m_db;
    qint64 m_version = 0;
    QTimer* m_timer = nullptr;
    QSocketNotifier* m_notifier = nullptr;
    bool m_reachable = true;
};

QueryRunner::QueryRunner(QString databasePath, int pollMs, QObject* parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
{
    m_thread.setObjectName(QStringLiteral("queries"));
    m_worker = new Worker(m_path, pollMs, this);
    m_worker->moveToThread(&m_thread);
    connect(
        &m_thread, &QThread::finished, &m_thread, [t = &m_thread] { markThreadEnd(t); }, Qt::DirectConnection);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->start(); });
}

QueryRunner::~QueryRunner()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    markThreadJoined(&m_thread);
    delete m_worker;
}

void QueryRunner::enqueue(std::function<void(Database&)> job)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, job = std::move(job)] { worker->run(job); });
}

void QueryRunner::waitForIdle()
{
    QSemaphore done;
    QMetaObject::invokeMethod(m_worker, [&done] { done.release(); });
    done.acquire();
}

} // namespace activity
