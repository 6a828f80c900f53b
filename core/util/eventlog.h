#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <deque>
#include <mutex>

namespace activity {

// The program's own log as a user reads it (the Health page): the last warnings and errors of the activity.*
// categories, with their time and module. Filled by a Qt message handler that passes every message on to the one
// installed before it (stderr by default), so nothing printed changes.
class EventLog : public QObject {
    Q_OBJECT
public:
    struct Entry {
        QDateTime at;
        QtMsgType type = QtWarningMsg; // QtWarningMsg, QtCriticalMsg or QtFatalMsg
        QString module; // the category without "activity.": "ingest", "storage.writer"
        QString message;
    };

    explicit EventLog(int capacity = 200, QObject* parent = nullptr);
    ~EventLog() override; // uninstalls itself

    // Makes this log the one the message handler fills (one per process: the handler is the process's).
    void install();
    // Adds an entry (the handler calls it from any thread).
    void record(QtMsgType type, const QString& category, const QString& message);
    // Oldest first.
    QList<Entry> entries() const;

signals:
    // Queued to the log's thread after an entry is added.
    void added();

private:
    const int m_capacity;
    mutable std::mutex m_mutex;
    std::deque<Entry> m_entries;
};

} // namespace activity
