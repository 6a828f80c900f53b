#pragma once

#include <QDateTime>
#include <atomic>

namespace activity {

// A time source that tests can set. Services take a Clock& instead of asking the system.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// Test clock: time stands still until set or advanced.
class ManualClock final : public Clock {
public:
    explicit ManualClock(qint64 msSinceEpoch = 1'700'000'000'000)
        : m_ms(msSinceEpoch)
    { }
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_ms.load(), Qt::UTC); }
    void setMs(qint64 ms) { m_ms.store(ms); }
    void set(const QDateTime& t) { m_ms.store(t.toMSecsSinceEpoch()); }
    void advanceSecs(qint64 secs) { m_ms.fetch_add(secs * 1000); }

private:
    std::atomic<qint64> m_ms;
};

} // namespace activity
