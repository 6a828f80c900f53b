#pragma once

#include "core/events/projectevent.h"
#include "core/util/result.h"

namespace activity {

class Clock;
class DbWriter;

// Notes as the command line and the window change them, and every event for the charts and reports: checked,
// then written on the process's writer. Each change returns a Result whose error the user can read.
class EventService {
public:
    EventService(DbWriter& writer, const Clock& clock);
    static constexpr int kMaxNoteLength = 500;
    // Returns the note's id. `url` is empty or an http(s) address.
    Result<qint64> addNote(qint64 ts, const QString& text, const QString& url);
    Status removeNote(qint64 id);
    Result<QList<ProjectEvent>> notes() const;
    Result<QList<ProjectEvent>> between(qint64 from, qint64 to) const;

private:
    DbWriter& m_writer;
    const Clock& m_clock;
};

} // namespace activity
