#pragma once

#include "core/ingest/linesink.h"

#include <QList>
#include <QMutex>
#include <QMutexLocker>

using namespace activity;

// A LineSink for receiver tests: records what it got, thread-safe, with an optional capacity.
class RecordingSink final : public LineSink {
public:
    explicit RecordingSink(qsizetype capacity = 1 << 30)
        : m_capacity(capacity)
    { }
    bool offer(LogLine line) override
    {
        QMutexLocker lock(&m_mutex);
        if (m_lines.size() >= m_capacity)
            return false;
        m_lines.append(std::move(line));
        return true;
    }
    bool tryOffer(const LogLine& line) override
    {
        QMutexLocker lock(&m_mutex);
        if (m_lines.size() >= m_capacity) {
            ++m_refused;
            return false;
        }
        m_lines.append(line);
        return true;
    }
    void reject(qint64 sourceId, QByteArray raw, QString reason) override
    {
        QMutexLocker lock(&m_mutex);
        m_rejected.append({ sourceId, std::move(raw), std::move(reason) });
    }
    struct Rejected {
        qint64 sourceId;
        QByteArray raw;
        QString reason;
    };
    void setCapacity(qsizetype capacity)
    {
        QMutexLocker lock(&m_mutex);
        m_capacity = capacity;
    }
    QList<LogLine> lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }
    QList<QByteArray> texts() const
    {
        QMutexLocker lock(&m_mutex);
        QList<QByteArray> out;
        for (const LogLine& l : m_lines)
            out.append(l.text);
        return out;
    }
    qsizetype count() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines.size();
    }
    qsizetype refused() const // tryOffer() calls refused (not drops: the caller retries)
    {
        QMutexLocker lock(&m_mutex);
        return m_refused;
    }
    QList<Rejected> rejected() const
    {
        QMutexLocker lock(&m_mutex);
        return m_rejected;
    }
    qsizetype rejectedCount() const
    {
        QMutexLocker lock(&m_mutex);
        return m_rejected.size();
    }

private:
    mutable QMutex m_mutex;
    qsizetype m_capacity;
    qsizetype m_refused = 0;
    QList<LogLine> m_lines;
    QList<Rejected> m_rejected;
};
